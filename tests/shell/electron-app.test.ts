// Launches the built desktop app with Playwright's `_electron` and checks what a cook sees: the
// kitchen screen in the window, the tray telling the WhatsApp state, close-to-tray, a clean quit.
// Needs the Electron binary (GitHub runners under xvfb). Where Electron's binary was never
// downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, this sandbox) it skips and says why, unless
// COMANDA_REQUIRE_ELECTRON=1 (CI), where a missing binary is a failure.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrayModel } from '../../electron/shell/tray-model.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): { path: string } | { missing: string } {
  try {
    // The electron package's main is the binary's path; it throws when the binary was not installed.
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string' || !existsSync(path)) return { missing: `the electron package points at ${String(path)}, which does not exist` };
    return { path };
  } catch (error) {
    return { missing: `no Electron binary (${(error as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();
const required = process.env.COMANDA_REQUIRE_ELECTRON === '1';
const skipReason = 'missing' in binary && !required ? `skipped: ${binary.missing}; runs in CI (.github/workflows/ci.yml, job electron)` : undefined;
if (skipReason) console.log(`electron-app: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('the desktop app (Playwright _electron)', () => {
  const profile = makeTempDir('comanda-electron-');
  let app: ElectronApplication | undefined;
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    profile.cleanup();
  });

  it('shows the kitchen, reports WhatsApp in the tray, hides on close and quits cleanly', async () => {
    if ('missing' in binary) throw new Error(`COMANDA_REQUIRE_ELECTRON=1 but ${binary.missing}`);
    expect(existsSync(join(root, 'dist', 'main', 'main.js')), 'run `npm run build` first').toBe(true);
    app = await _electron.launch({
      executablePath: binary.path,
      args: [root, '--no-sandbox'],
      env: { ...process.env, COMANDA_E2E: '1', COMANDA_USER_DATA: profile.dir },
      timeout: 60_000,
    });
    const page = await app.firstWindow();
    await page.getByTestId('wa-state').waitFor({ timeout: 30_000 });

    const tray = () => app!.evaluate(() => (globalThis as unknown as { __comandaE2E: { tray(): TrayModel | undefined } }).__comandaE2E.tray());
    await expect.poll(async () => (await tray())?.icon, { timeout: 15_000 }).toBe('connected');
    const model = (await tray())!;
    expect(model.tooltip).toMatch(/WhatsApp/);
    expect(model.menu.filter((e) => e.kind !== 'separator').map((e) => e.action)).toContain('quit');

    const hook = <T>(name: 'windowVisible' | 'keepsDisplayAwake') =>
      app!.evaluate((_electron, n) => (globalThis as unknown as Record<string, Record<string, () => unknown>>).__comandaE2E![n]!(), name) as Promise<T>;
    expect(await hook<boolean>('keepsDisplayAwake')).toBe(true);
    // The close button hides to the tray: the app (and the host) keep running.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect.poll(() => hook<boolean>('windowVisible')).toBe(false);
    expect(await hook<boolean>('keepsDisplayAwake')).toBe(false);

    // No open orders: Quit does not ask, the host stops and the process ends.
    const exited = new Promise<void>((resolve) => app!.process().once('exit', () => resolve()));
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await exited;
    app = undefined;
    expect(existsSync(join(profile.dir, 'comanda.sqlite'))).toBe(true);
  }, 120_000);
});
