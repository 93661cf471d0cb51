import { EventEmitter } from 'node:events';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrashRelaunch, installCrashHandlers } from '../../electron/shell/crash-relaunch.ts';
import { configureElectronLog, electronLogger, rotateLogFiles, type ElectronLogLike } from '../../electron/shell/electron-logger.ts';
import { safeStorageSecrets } from '../../electron/shell/safe-storage-secrets.ts';
import { DesktopAlerts, type AlertKind } from '../../electron/shell/desktop-alerts.ts';
import { ShellSettings } from '../../electron/shell/shell-settings.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { createSafeStorage } from '../support/electron-mock.ts';

const temps: (() => void)[] = [];
const tempDir = () => {
  const t = makeTempDir('comanda-shell-');
  temps.push(t.cleanup);
  return t.dir;
};
afterEach(() => temps.splice(0).forEach((c) => c()));

describe('crash relaunch', () => {
  it('relaunches a few times, then stays down instead of looping at boot', () => {
    const path = join(tempDir(), 'crash-history.json');
    let now = 1_000_000;
    const guard = () => new CrashRelaunch({ historyPath: path, now: () => now, maxRelaunches: 3, windowMs: 600_000 });
    // Each relaunch is a new process: a new guard reading the same file.
    expect([guard().recordCrash(), guard().recordCrash(), guard().recordCrash(), guard().recordCrash()]).toEqual([true, true, true, false]);
    now += 600_001;
    expect(guard().recordCrash()).toBe(true);
  });

  it('reads a damaged history as empty', () => {
    const path = join(tempDir(), 'crash-history.json');
    writeFileSync(path, '{nope');
    expect(new CrashRelaunch({ historyPath: path, now: () => 1 }).recordCrash()).toBe(true);
  });

  it('logs uncaught errors and relaunches; rejections are logged only', () => {
    const proc = new EventEmitter();
    const relaunch = vi.fn();
    const exit = vi.fn();
    const log = vi.fn();
    installCrashHandlers({ process: proc as never, guard: new CrashRelaunch({ historyPath: join(tempDir(), 'h.json'), now: () => 1 }), log, relaunch, exit });
    proc.emit('unhandledRejection', new Error('meh'));
    expect(relaunch).not.toHaveBeenCalled();
    proc.emit('uncaughtException', new Error('boom'));
    proc.emit('uncaughtException', new Error('again'));
    expect(relaunch).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    expect(log.mock.calls.map((c) => c[0])).toEqual(['unhandled promise rejection in the main process', 'uncaught exception in the main process', 'uncaught exception in the main process']);
  });
});

describe('electron-log files', () => {
  it('rotates main.log into numbered files and drops the oldest', () => {
    const dir = tempDir();
    const path = join(dir, 'main.log');
    for (let i = 1; i <= 4; i++) {
      writeFileSync(path, `generation ${i}`);
      rotateLogFiles(path, 2);
    }
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log']);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('generation 4');
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('generation 3');
  });

  it('configures the file transport and writes structured JSON lines', () => {
    const lines: string[] = [];
    const log = {
      info: (l: string) => lines.push(l),
      warn: (l: string) => lines.push(l),
      error: (l: string) => lines.push(l),
      debug: (l: string) => lines.push(l),
      transports: { file: { maxSize: 0, resolvePathFn: () => '', archiveLogFn: () => undefined, format: '', level: 'silly' }, console: { level: 'silly' } },
    } as unknown as ElectronLogLike;
    const dir = tempDir();
    configureElectronLog(log, dir, { keep: 3, maxBytes: 1000 });
    expect(log.transports.file.resolvePathFn()).toBe(join(dir, 'main.log'));
    expect(log.transports.file.maxSize).toBe(1000);
    writeFileSync(join(dir, 'main.log'), 'x');
    log.transports.file.archiveLogFn({ path: join(dir, 'main.log') });
    expect(statSync(join(dir, 'main.1.log')).size).toBe(1);
    electronLogger(log, { app: 'comanda' }, () => 0).child({ part: 'tray' }).warn('tray action failed', { action: 'quit' });
    expect(JSON.parse(lines[0]!)).toEqual({ t: '1970-01-01T00:00:00.000Z', level: 'warn', msg: 'tray action failed', app: 'comanda', part: 'tray', action: 'quit' });
  });
});

describe('safeStorage secrets', () => {
  it('keeps secrets sealed on disk and reads them back', () => {
    const dir = tempDir();
    const store = safeStorageSecrets(createSafeStorage(), dir, silentLogger, 'linux');
    store.set('backup-key:r1', Buffer.from('secret-bytes'));
    expect(store.get('backup-key:r1')?.toString()).toBe('secret-bytes');
    const [file] = readdirSync(dir);
    expect(file).toBe('backup-key_r1.safe');
    expect(readFileSync(join(dir, file!), 'utf8')).not.toContain(Buffer.from('secret-bytes').toString('base64'));
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
    expect(store.get('missing')).toBeUndefined();
  });

  it('an unreadable sealed secret is absent (and logged), not a crash', () => {
    const dir = tempDir();
    const error = vi.fn();
    const store = safeStorageSecrets(createSafeStorage(), dir, { ...silentLogger, error }, 'linux');
    writeFileSync(join(dir, 'k.safe'), 'garbage');
    expect(store.get('k')).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('falls back to plain 0600 files (and says so) where the OS has no real encryption', () => {
    const dir = tempDir();
    const warn = vi.fn();
    const store = safeStorageSecrets(createSafeStorage(true, 'basic_text'), dir, { ...silentLogger, warn }, 'linux');
    store.set('k', Buffer.from('v'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual(['k']);
    expect(store.get('k')?.toString()).toBe('v');
  });
});

describe('desktop alerts', () => {
  const setup = () => {
    const clock = new FakeClock();
    const shown: [AlertKind, string, string][] = [];
    const alerts = new DesktopAlerts({ notify: (k, t, b) => shown.push([k, t, b]), locale: () => 'en', clock });
    const to = (state: WhatsAppState) => alerts.onStatus({ state, since: '', engine: 'whatsapp' });
    return { clock, shown, alerts, to };
  };

  it('tells about a lost session only if it does not come back within the grace', async () => {
    const { clock, shown, to } = setup();
    to('connected');
    to('reconnecting');
    await clock.advance(10_000);
    to('connected');
    await clock.advance(60_000);
    expect(shown).toEqual([]);
    to('offline');
    await clock.advance(30_000);
    expect(shown.map((s) => s[0])).toEqual(['disconnected']);
  });

  it('tells at once when the phone must be linked, not again within ten minutes', async () => {
    const { clock, shown, to } = setup();
    to('starting');
    to('needs-link');
    to('authenticating');
    to('needs-link');
    expect(shown.map((s) => s[1])).toEqual(['WhatsApp needs linking']);
    await clock.advance(10 * 60_000);
    to('logged-out');
    expect(shown).toHaveLength(2);
  });

  it('tells about each new handoff by name, never about the ones open at start', () => {
    const { shown, alerts } = setup();
    const h = (phone: string, name: string) => ({ phone, name, since: '', lastMessage: 'private words' });
    alerts.onHandoffs([h('1', 'Ana')]);
    alerts.onHandoffs([h('1', 'Ana'), h('2', 'Luis')]);
    alerts.onHandoffs([h('2', 'Luis')]);
    expect(shown).toEqual([['handoff', 'A customer asked for a person', 'Luis']]);
  });
});

describe('shell settings', () => {
  it('defaults start-at-login to the installed app, and survives bad values', () => {
    const map = new Map<string, unknown>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: unknown) => void map.set(k, v) };
    expect(new ShellSettings(store, silentLogger, true).startAtLogin).toBe(true);
    const dev = new ShellSettings(store, silentLogger, false);
    expect(dev.startAtLogin).toBe(false);
    dev.startAtLogin = true;
    expect(dev.startAtLogin).toBe(true);
    expect(dev.port).toBe(4747);
    map.set('port', 70_000);
    expect(dev.port).toBe(4747);
    map.set('port', null);
    expect(dev.port).toBeNull();
    map.set('engine', 'telepathy');
    map.set('updateChannel', 'beta');
    map.set('host', { amberAfterMinutes: 'soon' });
    expect(dev.engine).toBe('simulator');
    expect(dev.updateChannel).toBe('beta');
    expect(dev.host.amberAfterMinutes).toBe(5);
  });

  it('keeps the engine and screens-on-the-network choices the owner makes on the screen', () => {
    const map = new Map<string, unknown>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: unknown) => void map.set(k, v) };
    const settings = new ShellSettings(store, silentLogger, false);
    const prefs = settings.devicePrefs();
    expect(prefs.engine()).toBe('simulator');
    expect(prefs.networkAccess()).toBe(false);
    prefs.setEngine('whatsapp');
    prefs.setNetworkAccess(true);
    expect(map.get('engine')).toBe('whatsapp');
    expect(settings.engine).toBe('whatsapp');
    expect(settings.networkAccess).toBe(true);
    map.set('networkAccess', 'yes');
    expect(settings.networkAccess).toBe(false);
  });
});

describe('e2e hook and dialogs', () => {
  it('exposes the tray model only when COMANDA_E2E=1', async () => {
    const { exposeE2eHook, E2E_GLOBAL } = await import('../../electron/shell/e2e-hook.ts');
    const hook = { tray: () => undefined, windowVisible: () => true, keepsDisplayAwake: () => false };
    const off: Record<string, unknown> = {};
    expect(exposeE2eHook({}, hook, off)).toBe(false);
    expect(off[E2E_GLOBAL]).toBeUndefined();
    const on: Record<string, unknown> = {};
    expect(exposeE2eHook({ COMANDA_E2E: '1' }, hook, on)).toBe(true);
    expect(on[E2E_GLOBAL]).toBe(hook);
  });

  it('makes "keep running" the default and the Escape answer of both questions', async () => {
    const { quitWithOpenOrdersDialog, updateWithOpenOrdersDialog, CONFIRM_BUTTON } = await import('../../electron/shell/dialogs.ts');
    const quit = quitWithOpenOrdersDialog('es', 3);
    expect(quit).toMatchObject({ message: 'Hay 3 pedidos abiertos.', defaultId: 0, cancelId: 0 });
    expect(quit.buttons![CONFIRM_BUTTON]).toBe('Salir igualmente');
    const update = updateWithOpenOrdersDialog('en', 1);
    expect(update).toMatchObject({ message: 'There is 1 open order.', defaultId: 0, cancelId: 0 });
    expect(update.buttons![CONFIRM_BUTTON]).toBe('Restart now');
  });

  it('asks before removing the owner PIN, cancel first', async () => {
    const { resetOwnerPinDialog, CONFIRM_BUTTON } = await import('../../electron/shell/dialogs.ts');
    const es = resetOwnerPinDialog('es');
    expect(es).toMatchObject({ type: 'warning', message: '¿Borrar el PIN del dueño?', defaultId: 0, cancelId: 0 });
    expect(es.buttons).toEqual(['Cancelar', 'Borrar el PIN']);
    expect(resetOwnerPinDialog('en').buttons![CONFIRM_BUTTON]).toBe('Remove the PIN');
  });
});
