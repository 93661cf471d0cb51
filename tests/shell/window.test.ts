import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WindowPolicy } from '../../electron/shell/window-policy.ts';
import { KdsWindow } from '../../electron/shell/kds-window.ts';
import { restoreWindowState, nextZoom, type SavedWindowState } from '../../electron/shell/window-state.ts';
import { windowShortcut } from '../../electron/shell/shortcuts.ts';
import { isAllowedExternalUrl } from '../../electron/shell/external-links.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { MockBrowserWindow, createPowerSaveBlocker, createScreen, display } from '../support/electron-mock.ts';

describe('window policy', () => {
  it('hides on close until the app is quitting', () => {
    const policy = new WindowPolicy(createPowerSaveBlocker());
    expect(policy.onCloseRequested()).toBe('hide');
    policy.markQuitting();
    expect(policy.onCloseRequested()).toBe('close');
  });

  it('asks before quitting with open orders, once', () => {
    const policy = new WindowPolicy(createPowerSaveBlocker());
    expect(policy.onQuitRequested(0)).toBe('quit');
    expect(policy.onQuitRequested(2)).toBe('confirm');
    policy.markQuitting();
    expect(policy.onQuitRequested(2)).toBe('quit');
  });

  it('keeps the display awake exactly while the KDS is on view', () => {
    const blocker = createPowerSaveBlocker();
    const policy = new WindowPolicy(blocker);
    policy.onVisibilityChanged(true);
    policy.onVisibilityChanged(true);
    expect([...blocker.running.values()]).toEqual(['prevent-display-sleep']);
    policy.onVisibilityChanged(false);
    expect(blocker.running.size).toBe(0);
    policy.onVisibilityChanged(true);
    policy.markQuitting();
    expect(blocker.running.size).toBe(0);
    policy.onVisibilityChanged(true);
    expect(policy.keepsDisplayAwake).toBe(false);
  });
});

describe('window state', () => {
  const primary = display(1, 0, 0, 1920, 1080);
  const right = display(2, 1920, 0, 1280, 1024);
  const saved = (over: Partial<SavedWindowState> = {}): SavedWindowState => ({
    bounds: { x: 2000, y: 100, width: 1000, height: 700 },
    displayId: 2,
    maximized: false,
    fullScreen: false,
    kiosk: true,
    zoomLevel: 1,
    ...over,
  });

  it('reopens where it was while that display is there', () => {
    expect(restoreWindowState(saved(), [primary, right], primary)).toEqual({ bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: false, fullScreen: false, kiosk: true, zoomLevel: 1 });
  });

  it('comes back to the primary display when its screen was unplugged, keeping kiosk and zoom', () => {
    const restored = restoreWindowState(saved(), [primary], primary);
    expect(restored.bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
    expect(restored).toMatchObject({ kiosk: true, zoomLevel: 1 });
  });

  it('pulls a half-off-screen window back and shrinks it to the display', () => {
    const restored = restoreWindowState(saved({ bounds: { x: 3000, y: 500, width: 3000, height: 2000 } }), [primary, right], primary);
    expect(restored.bounds).toEqual({ x: 1920, y: 0, width: 1280, height: 984 });
  });

  it('treats a broken saved value as nothing saved', () => {
    expect(restoreWindowState({ bounds: 'left' }, [primary], primary)).toMatchObject({ bounds: { width: 1400, height: 900 }, kiosk: false, zoomLevel: 0 });
    expect(restoreWindowState(undefined, [primary], primary).bounds.width).toBe(1400);
  });

  it('zooms in half steps within limits', () => {
    expect(nextZoom(0, 'in')).toBe(0.5);
    expect(nextZoom(5, 'in')).toBe(5);
    expect(nextZoom(-3, 'out')).toBe(-3);
    expect(nextZoom(2, 'reset')).toBe(0);
  });
});

describe('shortcuts and links', () => {
  const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({ type: 'keyDown' as const, key: k, control: false, meta: false, shift: false, alt: false, ...mods });
  it('maps keys per platform', () => {
    expect(windowShortcut(key('F11'), 'win32')).toBe('toggle-fullscreen');
    expect(windowShortcut(key('K', { control: true, shift: true }), 'linux')).toBe('toggle-kiosk');
    expect(windowShortcut(key('=', { control: true }), 'win32')).toBe('zoom-in');
    expect(windowShortcut(key('=', { meta: true }), 'darwin')).toBe('zoom-in');
    expect(windowShortcut(key('=', { control: true }), 'darwin')).toBeUndefined();
    expect(windowShortcut(key('-', { control: true }), 'linux')).toBe('zoom-out');
    expect(windowShortcut(key('a', { control: true }), 'linux')).toBeUndefined();
    expect(windowShortcut({ ...key('F11'), type: 'keyUp' as never }, 'linux')).toBeUndefined();
  });

  it('opens only https links to allowed hosts', () => {
    expect(isAllowedExternalUrl('https://faq.whatsapp.com/1234')).toBe(true);
    expect(isAllowedExternalUrl('https://wa.me/34600111222')).toBe(true);
    expect(isAllowedExternalUrl('http://faq.whatsapp.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://faq.whatsapp.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@wa.me/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('opens a delivery pin on Google Maps, and nothing else of Google', () => {
    expect(isAllowedExternalUrl('https://www.google.com/maps?q=-34.6037,-58.3816')).toBe(true);
    expect(isAllowedExternalUrl('https://www.google.com/maps/place/x')).toBe(true);
    expect(isAllowedExternalUrl('https://www.google.com/search?q=x')).toBe(false);
    expect(isAllowedExternalUrl('https://www.google.com/mapsevil')).toBe(false);
    expect(isAllowedExternalUrl('http://www.google.com/maps?q=1,2')).toBe(false);
    expect(isAllowedExternalUrl('https://www.google.com.evil.example/maps?q=1,2')).toBe(false);
  });
});

describe('the kitchen window', () => {
  let clock: FakeClock;
  let blocker: ReturnType<typeof createPowerSaveBlocker>;
  let policy: WindowPolicy;
  let stored: unknown;
  const openExternal = vi.fn(async () => undefined);

  const makeWindow = (over: Partial<ConstructorParameters<typeof KdsWindow>[0]> = {}) => {
    const kds = new KdsWindow({
      createWindow: (options) => new MockBrowserWindow(options as never) as never,
      screen: createScreen([display(1, 0, 0, 1920, 1080)]) as never,
      preloadPath: '/app/dist/main/preload.cjs',
      rendererIndex: '/app/dist/renderer/index.html',
      policy,
      openExternal,
      loadState: () => stored,
      saveState: (s) => (stored = s),
      clock,
      logger: silentLogger,
      platform: 'linux',
      ...over,
    });
    const win = kds.open() as unknown as MockBrowserWindow;
    win.emit('ready-to-show');
    return { kds, win };
  };

  beforeEach(() => {
    clock = new FakeClock();
    blocker = createPowerSaveBlocker();
    policy = new WindowPolicy(blocker);
    stored = undefined;
    openExternal.mockClear();
  });

  it('is created with Element-style secure preferences and loads our page', () => {
    const { win } = makeWindow();
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/dist/main/preload.cjs' });
    expect(win.loadedFile).toBe('/app/dist/renderer/index.html');
    expect(win.visible).toBe(true);
  });

  it('denies navigation, new windows, webviews and permissions; opens only allowed links outside', () => {
    const { win } = makeWindow();
    const contents = win.webContents;
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://faq.whatsapp.com/x' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://faq.whatsapp.com/x']]);
    const granted: boolean[] = [];
    contents.permissionHandler!(contents, 'media', (g) => granted.push(g));
    expect(granted).toEqual([false]);
  });

  it('hides to the tray on close (orders keep arriving) and closes for real when quitting', () => {
    const { win } = makeWindow();
    expect(blocker.running.size).toBe(1);
    expect(win.userClose()).toBe(true);
    expect(win.visible).toBe(false);
    expect(blocker.running.size).toBe(0);
    policy.markQuitting();
    expect(win.userClose()).toBe(false);
    expect(win.destroyed).toBe(true);
  });

  it('lets the display sleep while minimised', () => {
    const { win } = makeWindow();
    win.minimize();
    expect(blocker.running.size).toBe(0);
    win.restore();
    expect(blocker.running.size).toBe(1);
  });

  it('toggles kiosk and zoom from the keyboard and remembers them', async () => {
    const { win } = makeWindow();
    const press = (key: string, mods: object = {}) => win.webContents.fire('before-input-event', { type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods });
    expect(press('K', { control: true, shift: true }).defaultPrevented).toBe(true);
    press('=', { control: true });
    press('=', { control: true });
    expect(press('x').defaultPrevented).toBe(false);
    expect(win.kiosk).toBe(true);
    expect(win.webContents.zoomLevel).toBe(1);
    await clock.advance(500);
    expect(stored).toMatchObject({ kiosk: true, zoomLevel: 1, displayId: 1 });
    // Next launch opens in kiosk at the same zoom.
    const again = makeWindow().win;
    expect(again.kiosk).toBe(true);
    expect(again.webContents.zoomLevel).toBe(1);
  });

  it('starts hidden when launched at login and shows on request', () => {
    const { kds, win } = makeWindow({ startHidden: true });
    expect(win.visible).toBe(false);
    win.minimize();
    kds.show();
    expect(win.visible && !win.minimized && win.focused).toBe(true);
  });

  it('reloads a crashed page', () => {
    const { win } = makeWindow();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(win.webContents.reloads).toBe(1);
  });
});
