import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStartAtLogin, desktopExecQuote } from '../../electron/shell/login-item.ts';
import { MockApp } from '../support/electron-mock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((c) => c()));

describe('start at login', () => {
  it('uses the OS login items on Windows and macOS, hidden in the tray', () => {
    const app = Object.assign(new MockApp(), { isPackaged: true });
    expect(applyStartAtLogin(true, { app: app as never, platform: 'win32', env: {}, homeDir: '/h', execPath: 'C:\\Comanda\\Comanda.exe' })).toBe('os');
    expect(app.loginItem).toEqual({ openAtLogin: true, args: ['--start-hidden'] });
  });

  it('never registers a development build', () => {
    const app = new MockApp();
    expect(applyStartAtLogin(true, { app: app as never, platform: 'darwin', env: {}, homeDir: '/h', execPath: '/x' })).toBe('skipped-development');
    expect(app.loginItem.openAtLogin).toBe(false);
  });

  it('writes and removes an XDG autostart entry on Linux, pointing at the AppImage', () => {
    const { dir, cleanup } = makeTempDir('comanda-autostart-');
    temps.push(cleanup);
    const app = Object.assign(new MockApp(), { isPackaged: true });
    const options = { app: app as never, platform: 'linux' as const, env: { XDG_CONFIG_HOME: join(dir, 'cfg'), APPIMAGE: '/home/ana/Apps/Comanda 1.0.AppImage' }, homeDir: dir, execPath: '/tmp/.mount_x/comanda' };
    expect(applyStartAtLogin(true, options)).toBe('autostart-written');
    const entry = join(dir, 'cfg', 'autostart', 'comanda.desktop');
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/home/ana/Apps/Comanda 1.0.AppImage" --start-hidden\n');
    expect(applyStartAtLogin(false, options)).toBe('autostart-removed');
    expect(existsSync(entry)).toBe(false);
    expect(applyStartAtLogin(false, options)).toBe('autostart-removed');
  });

  it('quotes odd characters in the executable path', () => {
    expect(desktopExecQuote('/opt/a"b$c`d\\e')).toBe('"/opt/a\\"b\\$c\\`d\\\\e"');
  });
});
