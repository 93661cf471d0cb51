// The linking screen and health panel against the real host (simulator engine) over HTTP +
// WebSocket, in Chromium: unlink from the panel, scan the QR the host made, ask for a pairing code,
// reconnect, and download the diagnostics zip to a screen on "another PC".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { ApiClient } from '../support/api-client.ts';
import { REPO_ROOT } from './static-server.ts';

const jsQR = jsqr as unknown as typeof jsqr.default;

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tmp = makeTempDir('comanda-link-');
  host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger });
  const started = await host.start();
  const token = new URLSearchParams(new URL(started.url).hash.slice(1)).get('token')!;
  await new ApiClient(new URL(started.url).origin, token).skipSetup();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await (await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true })).newPage();
  await page.goto(started.url);
  await page.getByTestId('wa-state').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  tmp?.cleanup();
});

async function scanQr(): Promise<string | null> {
  const { side, pixels } = await page.evaluate(async () => {
    const svg = document.querySelector('[data-testid="wa-qr"] svg')!;
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, 400, 400);
    return { side: 400, pixels: Array.from(context.getImageData(0, 0, 400, 400).data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels), side, side)?.data ?? null;
}

describe('linking and health against the real host (HTTP transport)', () => {
  it('unlinks from the health panel, then shows the QR the host made, readable by a phone', async () => {
    await page.getByTestId('tab-health').click();
    await expect.poll(() => page.getByTestId('health-browser').locator('dd').innerText()).toBe('Simulador (sin navegador)');
    await page.getByTestId('health-unlink').click();
    await page.getByTestId('unlink-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('health-notice').innerText()).toMatch(/desvinculado/);
    await page.getByTestId('wa-qr').locator('svg').waitFor();
    expect(host.engine.getStatus().state).toBe('needs-link');
    expect(await scanQr()).toBe(host.engine.getStatus().qr);
  });

  it('asks the host for a pairing code for the typed number and shows it', async () => {
    await page.getByTestId('pairing-phone').fill('+34 600 111 222');
    await page.getByTestId('pairing-get').click();
    await page.getByTestId('pairing-code').waitFor();
    const code = host.engine.getStatus().pairingCode!;
    expect(await page.getByTestId('pairing-code').innerText()).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
  });

  it('reconnects and comes back connected; the panel counts it', async () => {
    await page.getByTestId('health-reconnect').click();
    // Not linked: the simulator shows a fresh QR instead (as a restarted session would).
    await page.getByTestId('wa-qr').locator('svg').waitFor();
    await page.evaluate(async () => {
      const token = localStorage.getItem('comanda.token');
      await fetch('api/sim/status', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"state":"connected"}' });
    });
    await page.getByTestId('link-panel').waitFor({ state: 'detached' });
    await page.getByTestId('health-reconnect').click();
    await expect.poll(() => page.getByTestId('wa-state').getAttribute('data-state')).toBe('reconnecting');
    await expect.poll(() => page.getByTestId('wa-state').getAttribute('data-state'), { timeout: 6000 }).toBe('connected');
    await expect.poll(() => page.getByTestId('health-reconnects').locator('dd').innerText()).toBe('1');
  });

  it('exports diagnostics and downloads the zip the host wrote', async () => {
    await page.getByTestId('health-export').click();
    const shown = await page.getByTestId('health-export-path').innerText();
    expect(shown.startsWith(join(tmp.dir, 'diagnostics'))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('health-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^comanda-diagnostics-\d{8}-\d{6}\.zip$/);
    const saved = join(tmp.dir, 'downloaded.zip');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(shown))).toBe(true);
    await page.getByTestId('health-panel').screenshot({ path: join(REPO_ROOT, 'test-results', 'kds-health-exported.png') });
  });
});
