// The kitchen window: secure web preferences (Element Desktop's defaults), no navigation, no new
// windows, external links only to the allow-list, remembered place and zoom, full screen / kiosk
// toggles, close-to-tray and the display kept awake while it is on view (window-policy.ts).
import type { BrowserWindow, BrowserWindowConstructorOptions, Event, Screen } from 'electron';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import { isAllowedExternalUrl } from './external-links.ts';
import { windowShortcut, type WindowShortcut } from './shortcuts.ts';
import type { WindowPolicy } from './window-policy.ts';
import { MIN_SIZE, nextZoom, restoreWindowState, type SavedWindowState } from './window-state.ts';

export interface KdsWindowOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>;
  preloadPath: string;
  /** The built renderer's index.html on disk. */
  rendererIndex: string;
  policy: WindowPolicy;
  openExternal: (url: string) => Promise<void>;
  loadState: () => unknown;
  saveState: (state: SavedWindowState) => void;
  clock: Clock;
  logger: Logger;
  platform: NodeJS.Platform;
  /** Called for every new window (the IPC event forwarding attaches here). */
  onCreated?: (window: BrowserWindow) => void;
  /** Start hidden (launched at login: the tray is enough until someone opens it). */
  startHidden?: boolean;
}

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    backgroundThrottling: false, // timers on the cards keep running while the window is covered
  };
}

const SAVE_DELAY_MS = 500;

export class KdsWindow {
  private win: BrowserWindow | undefined;
  private saveTimer: TimerHandle | undefined;
  private zoomLevel = 0;

  private readonly o: KdsWindowOptions;


  constructor(o: KdsWindowOptions) {

    this.o = o;

  }

  get window(): BrowserWindow | undefined {
    return this.win && !this.win.isDestroyed() ? this.win : undefined;
  }

  open(): BrowserWindow {
    if (this.window) return this.window;
    const restored = restoreWindowState(this.o.loadState(), this.o.screen.getAllDisplays(), this.o.screen.getPrimaryDisplay());
    this.zoomLevel = restored.zoomLevel;
    const win = this.o.createWindow({
      ...restored.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      fullscreen: restored.fullScreen,
      kiosk: restored.kiosk,
      backgroundColor: '#0b0d10',
      title: 'Comanda',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(this.o.preloadPath),
    });
    this.win = win;
    this.guardContents(win);
    this.watchWindow(win);
    if (restored.maximized) win.maximize();
    win.once('ready-to-show', () => {
      win.webContents.setZoomLevel(this.zoomLevel);
      if (!this.o.startHidden) win.show();
    });
    this.o.onCreated?.(win);
    win.loadFile(this.o.rendererIndex).catch((error) => this.o.logger.error('kitchen page did not load', errorFields(error)));
    return win;
  }

  /** Tray "Show KDS", a second launch, a notification click. */
  show(): void {
    const win = this.open();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  toggleFullScreen(): void {
    const win = this.window;
    if (!win) return;
    win.setFullScreen(!win.isFullScreen());
    this.scheduleSave();
  }

  toggleKiosk(): void {
    const win = this.window;
    if (!win) return;
    win.setKiosk(!win.isKiosk());
    this.scheduleSave();
  }

  zoom(direction: 'in' | 'out' | 'reset'): void {
    const win = this.window;
    if (!win) return;
    this.zoomLevel = nextZoom(this.zoomLevel, direction);
    win.webContents.setZoomLevel(this.zoomLevel);
    this.scheduleSave();
  }

  /** Saves at once (before quitting). */
  flushState(): void {
    if (this.saveTimer) this.o.clock.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const win = this.window;
    if (!win) return;
    const bounds = win.isMaximized() || win.isFullScreen() || win.isKiosk() ? win.getNormalBounds() : win.getBounds();
    const display = this.o.screen.getDisplayMatching(bounds);
    try {
      this.o.saveState({
        bounds,
        displayId: display.id,
        maximized: win.isMaximized(),
        fullScreen: win.isFullScreen(),
        kiosk: win.isKiosk(),
        zoomLevel: this.zoomLevel,
      });
    } catch (error) {
      this.o.logger.warn('window place not saved', errorFields(error));
    }
  }

  private runShortcut(shortcut: WindowShortcut): void {
    if (shortcut === 'toggle-fullscreen') this.toggleFullScreen();
    else if (shortcut === 'toggle-kiosk') this.toggleKiosk();
    else this.zoom(shortcut === 'zoom-in' ? 'in' : shortcut === 'zoom-out' ? 'out' : 'reset');
  }

  private guardContents(win: BrowserWindow): void {
    const contents = win.webContents;
    // The KDS is one page: it never navigates, never opens windows, never embeds webviews.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) {
        this.o.openExternal(url).catch((error) => this.o.logger.warn('external link not opened', errorFields(error)));
      } else {
        this.o.logger.warn('link refused', { scheme: url.split(':')[0]?.slice(0, 20) });
      }
      return { action: 'deny' };
    });
    // No camera, microphone, geolocation… the kitchen screen needs none.
    contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    contents.on('before-input-event', (event, input) => {
      const shortcut = windowShortcut(input, this.o.platform);
      if (!shortcut) return;
      event.preventDefault();
      this.runShortcut(shortcut);
    });
    contents.on('render-process-gone', (_event, details) => {
      this.o.logger.error('kitchen page crashed; reloading', { reason: details.reason, exitCode: details.exitCode });
      if (!win.isDestroyed()) win.webContents.reload();
    });
  }

  private watchWindow(win: BrowserWindow): void {
    const visibility = () => this.o.policy.onVisibilityChanged(!win.isDestroyed() && win.isVisible() && !win.isMinimized());
    for (const name of ['show', 'hide', 'minimize', 'restore'] as const) win.on(name as 'show', visibility);
    for (const name of ['move', 'resize', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
      win.on(name as 'move', () => this.scheduleSave());
    }
    win.on('close', (event: Event) => {
      if (this.o.policy.onCloseRequested() === 'hide') {
        // Orders keep arriving with the window hidden; the tray brings it back.
        event.preventDefault();
        win.hide();
        return;
      }
      this.flushState();
    });
    win.on('closed', () => {
      this.o.policy.onVisibilityChanged(false);
      this.win = undefined;
    });
  }

  private scheduleSave(): void {
    if (this.saveTimer) this.o.clock.clearTimeout(this.saveTimer);
    this.saveTimer = this.o.clock.setTimeout(() => this.flushState(), SAVE_DELAY_MS);
  }
}
