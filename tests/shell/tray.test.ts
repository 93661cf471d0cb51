import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { TrayController } from '../../electron/shell/tray.ts';
import { trayIconKind, trayModel, TRAY_ICON_KINDS, type TrayModelInput, type TrayAction } from '../../electron/shell/tray-model.ts';
import { trayIconPath } from '../../electron/shell/tray-icons.ts';
import { WHATSAPP_STATES, type WhatsAppState } from '../../shared/whatsapp-status.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { MockMenu, MockNativeImage, MockTray } from '../support/electron-mock.ts';

const status = (state: WhatsAppState) => ({ state, since: '2026-11-20T12:00:00Z', engine: 'whatsapp' as const });
const input = (over: Partial<TrayModelInput> = {}): TrayModelInput => ({
  status: status('connected'),
  lastHeartbeatAt: '2026-11-20T11:58:00Z',
  locale: 'en',
  timeZone: 'UTC',
  startAtLogin: true,
  canBackup: true,
  canCheckUpdates: true,
  updateReady: false,
  ...over,
});
const labels = (model: ReturnType<typeof trayModel>) => model.menu.map((e) => (e.kind === 'separator' ? '-' : e.label));
const entry = (model: ReturnType<typeof trayModel>, action: TrayAction) => model.menu.find((e) => e.kind !== 'separator' && e.action === action);

describe('tray model', () => {
  it('maps every WhatsApp state to one of four icons, each group to its own', () => {
    const byIcon = new Map<string, WhatsAppState[]>();
    for (const state of WHATSAPP_STATES) byIcon.set(trayIconKind(state), [...(byIcon.get(trayIconKind(state)) ?? []), state]);
    expect([...byIcon.keys()].sort()).toEqual([...TRAY_ICON_KINDS].sort());
    expect(byIcon.get('connected')).toEqual(['connected']);
    expect(byIcon.get('connecting')!.sort()).toEqual(['authenticating', 'loading', 'reconnecting', 'starting']);
    expect(byIcon.get('needs-link')!.sort()).toEqual(['logged-out', 'needs-link']);
    expect(byIcon.get('offline')!.sort()).toEqual(['failed', 'offline']);
  });

  it('puts the state and the last heartbeat time in the tooltip, in the kitchen language', () => {
    expect(trayModel(input()).tooltip).toBe('Comanda · WhatsApp: connected\nlast heartbeat: 11:58');
    expect(trayModel(input({ locale: 'es', status: status('offline'), lastHeartbeatAt: undefined })).tooltip).toBe('Comanda · WhatsApp: sin internet\núltimo latido: aún no');
    expect(trayModel(input({ downloadPercent: 42.4 })).tooltip).toContain('downloading update 42 %');
  });

  it('offers the menu in order, enabling what makes sense for the state', () => {
    const connected = trayModel(input());
    expect(labels(connected)).toEqual(['Show KDS', '-', 'Reconnect WhatsApp', 'Link a phone (QR)', 'Back up session now', '-', 'Check for updates', 'Start at login', 'Reset owner PIN…', '-', 'Quit']);
    expect(entry(connected, 'reset-pin')).toMatchObject({ enabled: true });
    expect(entry(trayModel(input({ locale: 'es' })), 'reset-pin')).toMatchObject({ label: 'Restablecer el PIN del dueño…' });
    expect(entry(connected, 'link')).toMatchObject({ enabled: false });
    expect(entry(connected, 'backup')).toMatchObject({ enabled: true });
    expect(entry(connected, 'toggle-start-at-login')).toMatchObject({ kind: 'checkbox', checked: true });
    const unlinked = trayModel(input({ status: status('needs-link'), canBackup: false, canCheckUpdates: false, startAtLogin: false }));
    expect(entry(unlinked, 'link')).toMatchObject({ enabled: true });
    expect(entry(unlinked, 'backup')).toBeUndefined();
    expect(entry(unlinked, 'check-updates')).toMatchObject({ enabled: false });
    expect(entry(unlinked, 'toggle-start-at-login')).toMatchObject({ checked: false });
    const ready = trayModel(input({ updateReady: true }));
    expect(entry(ready, 'install-update')).toMatchObject({ label: 'Restart and update', enabled: true });
    expect(entry(ready, 'check-updates')).toBeUndefined();
  });

  it('uses monochrome template images on macOS only', () => {
    expect(trayIconPath('/a', 'offline', 'darwin')).toBe('/a/tray/tray-offlineTemplate.png');
    expect(trayIconPath('/a', 'offline', 'win32')).toBe('/a/tray/tray-offline.png');
  });
});

describe('tray controller', () => {
  const setup = (beforeRefresh?: () => Promise<void>) => {
    const clock = new FakeClock();
    let current = input();
    const trays: MockTray[] = [];
    const actions = Object.fromEntries(
      (['show', 'reconnect', 'link', 'backup', 'check-updates', 'install-update', 'toggle-start-at-login', 'reset-pin', 'quit'] as const).map((a) => [a, vi.fn()]),
    ) as Record<TrayAction, ReturnType<typeof vi.fn<() => void | Promise<void>>>>;
    const controller = new TrayController({
      createTray: (image) => {
        const tray = new MockTray(image);
        trays.push(tray);
        return tray as never;
      },
      buildMenu: (template: MenuItemConstructorOptions[]) => MockMenu.buildFromTemplate(template) as never,
      icon: (kind) => MockNativeImage.createFromPath(`/icons/${kind}.png`) as unknown as NativeImage,
      input: () => current,
      actions,
      clock,
      logger: silentLogger,
      ...(beforeRefresh ? { beforeRefresh } : {}),
    });
    return { clock, controller, trays, actions, set: (over: Partial<TrayModelInput>) => (current = input(over)) };
  };

  it('follows status changes: icon shape, tooltip, and the menu set again (Linux needs it)', () => {
    const { controller, trays, set } = setup();
    controller.start();
    const tray = trays[0]!;
    expect((tray.image as MockNativeImage).path).toBe('/icons/connected.png');
    expect(tray.menuSets).toBe(1);
    set({ status: status('reconnecting') });
    controller.update();
    expect((tray.image as MockNativeImage).path).toBe('/icons/connecting.png');
    expect(tray.tooltip).toContain('reconnecting');
    expect(tray.menuSets).toBe(2);
    expect(controller.model?.icon).toBe('connecting');
    controller.stop();
    expect(tray.destroyed).toBe(true);
  });

  it('runs the clicked action; a failing action is logged, not thrown', async () => {
    const { controller, trays, actions, set } = setup();
    set({ status: status('needs-link') });
    controller.start();
    const tray = trays[0]!;
    tray.click('Link a phone (QR)');
    tray.click('Reconnect WhatsApp');
    tray.emit('click');
    expect(actions.link).toHaveBeenCalledTimes(1);
    expect(actions.reconnect).toHaveBeenCalledTimes(1);
    expect(actions.show).toHaveBeenCalledTimes(1);
    actions.quit.mockRejectedValueOnce(new Error('boom'));
    expect(() => tray.click('Quit')).not.toThrow();
    expect(() => tray.click('Back up session now')).toThrow(/disabled/);
  });

  it('refreshes the heartbeat time every minute without a status change', async () => {
    const { clock, controller, trays, set } = setup();
    controller.start();
    expect(trays[0]!.tooltip).toContain('11:58');
    set({ lastHeartbeatAt: '2026-11-20T12:00:30Z' });
    await clock.advance(60_000);
    expect(trays[0]!.tooltip).toContain('12:00');
    controller.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('fetches the heartbeat before each refresh, and a failed fetch does not stop the refreshes', async () => {
    let fetches = 0;
    let setter: (over: Partial<TrayModelInput>) => void = () => undefined;
    const { clock, controller, trays, set } = setup(async () => {
      fetches++;
      if (fetches === 1) throw new Error('host busy');
      setter({ lastHeartbeatAt: '2026-11-20T12:01:10Z' });
    });
    setter = set;
    controller.start();
    await clock.advance(60_000);
    expect(trays[0]!.tooltip).toContain('11:58');
    await clock.advance(60_000);
    expect(fetches).toBe(2);
    expect(trays[0]!.tooltip).toContain('12:01');
    controller.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
