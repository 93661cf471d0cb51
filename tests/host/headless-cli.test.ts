import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHeadlessArgs } from '../../electron/headless-args.ts';
import { loadSettingsFile, DEFAULT_SETTINGS } from '../../electron/host/settings.ts';
import { loadMenuFile, MenuError, SAMPLE_MENU_PATH } from '../../electron/host/menu-source.ts';
import { silentLogger, type Logger } from '../../electron/host/logger.ts';
import { createHost } from '../../electron/host/create-host.ts';
import { REPO_ROOT } from '../support/headless-process.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const run = (args: string[]) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'electron', 'headless.ts'), ...args], { encoding: 'utf8', timeout: 15_000 });

describe('headless command line', () => {
  it('parses the documented flags', () => {
    expect(parseHeadlessArgs(['--data-dir', 'D', '--port', '4747', '--engine', 'simulator', '--menu', 'm.json', '--host', '0.0.0.0'])).toEqual({
      ok: true,
      args: { dataDir: 'D', port: 4747, engine: 'simulator', menu: 'm.json', host: '0.0.0.0' },
    });
    expect(parseHeadlessArgs(['--port', '1'])).toMatchObject({ ok: false, error: expect.stringContaining('--data-dir') });
    expect(parseHeadlessArgs(['--data-dir', 'D', '--port', '99999'])).toMatchObject({ ok: false });
    expect(parseHeadlessArgs(['--data-dir', 'D', '--engine', 'telegram'])).toMatchObject({ ok: false, error: expect.stringContaining('telegram') });
    expect(parseHeadlessArgs(['--data-dir', 'D', '--bogus'])).toMatchObject({ ok: false });
    // Without --engine and --host the start uses the owner area's last choice (headless-host.ts).
    expect(parseHeadlessArgs(['--data-dir', 'D'])).toEqual({ ok: true, args: { dataDir: 'D', port: 4747 } });
    expect(parseHeadlessArgs(['--data-dir', 'D', '--reset-owner-pin'])).toEqual({ ok: true, args: { dataDir: 'D', port: 4747, resetOwnerPin: true } });
  });

  it('exits with a clear message and code 2 on bad arguments or a broken menu', () => {
    const tmp = makeTempDir();
    try {
      const noDir = run(['--port', '0']);
      expect(noDir.status).toBe(2);
      expect(noDir.stderr).toContain('--data-dir is required');
      const menu = join(tmp.dir, 'menu.json');
      writeFileSync(menu, '{ "restaurant": "X", "categories": [ { "id": "a", "name": "A", "items": [ { "id": "x", "name": "X", "price": -1 } ] } ] }');
      const broken = run(['--data-dir', tmp.dir, '--port', '0', '--menu', menu]);
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/invalid menu: categories\.0\.items\.0\.price/);
      const missing = run(['--data-dir', tmp.dir, '--port', '0', '--menu', join(tmp.dir, 'nope.json')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('cannot read the menu file');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('--reset-owner-pin', () => {
  it('removes a forgotten PIN on the PC and exits without starting the host', async () => {
    const tmp = makeTempDir();
    try {
      const host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: null, logger: silentLogger });
      await host.service.setOwnerPin({ pin: '1357' });
      expect(await host.service.getOwnerStatus()).toEqual({ pinSet: true });
      await host.stop();

      const reset = run(['--data-dir', tmp.dir, '--reset-owner-pin']);
      expect(reset.status).toBe(0);
      expect(reset.stdout).toContain('owner PIN was removed');
      expect(existsSync(join(tmp.dir, 'access-token'))).toBe(false);

      const again = createHost({ dataDir: tmp.dir, engine: 'simulator', port: null, logger: silentLogger });
      expect(await again.service.getOwnerStatus()).toEqual({ pinSet: false });
      await again.stop();
    } finally {
      tmp.cleanup();
    }
  });
});

describe('menu and settings files', () => {
  it('loads the sample menu and explains a file that is not JSON', () => {
    expect(loadMenuFile(SAMPLE_MENU_PATH).restaurant).toBe('Casa Pepe');
    const tmp = makeTempDir();
    try {
      const path = join(tmp.dir, 'm.json');
      writeFileSync(path, '{ nope');
      expect(() => loadMenuFile(path)).toThrow(MenuError);
      expect(() => loadMenuFile(path)).toThrow(/not valid JSON/);
    } finally {
      tmp.cleanup();
    }
  });

  it('falls back to defaults on a broken settings file, says why, and keeps the file', () => {
    const tmp = makeTempDir();
    const errors: string[] = [];
    const logger = { error: (m: string, f?: Record<string, unknown>) => errors.push(`${m} ${JSON.stringify(f)}`), warn() {}, info() {}, debug() {}, child: () => logger } as Logger;
    try {
      const path = join(tmp.dir, 'settings.json');
      writeFileSync(path, '{ "redAfterMinutes": "ten" ');
      expect(loadSettingsFile(path, logger)).toEqual(DEFAULT_SETTINGS);
      writeFileSync(path, '{ "redAfterMinutes": "ten" }');
      expect(loadSettingsFile(path, logger)).toEqual(DEFAULT_SETTINGS);
      expect(errors).toHaveLength(2);
      expect(errors[1]).toContain('redAfterMinutes');
      writeFileSync(path, '{ "redAfterMinutes": 12, "etaChoices": [15, 25] }');
      expect(loadSettingsFile(path, logger)).toMatchObject({ redAfterMinutes: 12, amberAfterMinutes: 5, etaChoices: [15, 25] });
    } finally {
      tmp.cleanup();
    }
  });
});
