// The linking screen and the health panel in Debian's Chromium, on the in-memory fake host. The QR
// drawn in the page is read back with a QR decoder, so "an SVG appeared" means "a phone can scan it".
// Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import jsqr from 'jsqr';
import type { Page } from 'playwright-core';
import type { FakeSeed } from './fake-kds-api.ts';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';

const QR_A = '2@Xb3kP0ZqLw9sT1vY5nR8mC2dF6gH4jK7,Rk9wQ2xV8mN3bT6yL1pS4dF7gH0jK5zC2vB8nM1qW4e=,AbC7dEf2GhI9jKl4MnO1pQr6StU3vWx8Yz0aB5cD2eF=,ZmFrZV9hZHZfc2VjcmV0X2Zvcl90ZXN0aW5nX29ubHk=';
const QR_B = '2@Qw4eR7tY0uI3oP6aS9dF2gH5jK8lZ1xC,Mn8bV5cX2zL9kJ6hG3fD0sA7pO4iU1yT8rE5wQ2eR=,Po9iU6yT3rE0wQ7aS4dF1gH8jK5lZ2xC9vB6nM3qW=,c2Vjb25kX2Zha2VfYWR2X3NlY3JldF9mb3JfdGVzdA=';

const screen = useFakeScreen();

async function open(seed: FakeSeed, viewport = { width: 1600, height: 900 }): Promise<ScreenPage> {
  const page = await screen.newPage(viewport);
  await page.addInitScript((s) => ((window as { __fakeSeed?: unknown }).__fakeSeed = s), seed);
  await page.goto(screen.url);
  await page.getByTestId('wa-state').waitFor();
  return page;
}

const now = () => new Date().toISOString();
const setStatus = (page: Page, status: object) =>
  page.evaluate((s) => (window as unknown as { __fake: { setWhatsApp(s: object): void } }).__fake.setWhatsApp(s), status);
const fakeCalls = (page: Page) => page.evaluate(() => (window as unknown as { __fake: { calls: unknown[][] } }).__fake.calls);

/** Draws the page's QR SVG on a canvas, as a camera would see it, and decodes it in Node. */
async function scanQr(page: Page): Promise<string | null> {
  const { width, height, pixels } = await page.evaluate(async () => {
    const svg = document.querySelector('[data-testid="wa-qr"] svg');
    if (!svg) throw new Error('no QR svg on the page');
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 360;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, 360, 360);
    const data = context.getImageData(0, 0, 360, 360).data;
    return { width: 360, height: 360, pixels: Array.from(data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data ?? null;
}
// jsqr is CommonJS typed as an ES default export: Node hands the function over as the module itself.
const jsQR = jsqr as unknown as typeof jsqr.default;
const qrPath = (page: Page) => page.locator('[data-testid="wa-qr"] svg path').getAttribute('d');

describe('linking screen in Chromium (fake host)', () => {
  it('draws the QR as an SVG a phone can read, and redraws it when WhatsApp rotates the code', async () => {
    const page = await open({ whatsapp: { state: 'needs-link', since: now(), engine: 'whatsapp', qr: QR_A } });
    await page.getByTestId('link-panel').waitFor();
    expect(await page.getByTestId('link-panel').getAttribute('data-view')).toBe('qr');
    expect(await page.getByTestId('wa-qr').locator('svg').count()).toBe(1);
    expect(await page.getByTestId('link-panel').innerText()).toMatch(/Dispositivos vinculados > Vincular un dispositivo/);
    expect(await scanQr(page)).toBe(QR_A);
    const before = await qrPath(page);
    await page.screenshot({ path: join(RESULTS, 'kds-link-qr.png') });

    await setStatus(page, { state: 'needs-link', since: now(), engine: 'whatsapp', qr: QR_B });
    await expect.poll(() => qrPath(page)).not.toBe(before);
    expect(await scanQr(page)).toBe(QR_B);
    expect(page.errors).toEqual([]);
  });

  it('an expired QR offers a new one with a tap; linking then shows it, and loading shows the progress', async () => {
    const page = await open({ whatsapp: { state: 'needs-link', since: now(), engine: 'whatsapp', error: 'The QR code was not scanned in time.' } });
    await page.getByTestId('link-new-qr').waitFor();
    expect(await page.getByTestId('link-panel').getAttribute('data-view')).toBe('expired');
    expect(await page.getByTestId('link-new-qr').innerText()).toMatch(/El código QR ha caducado[\s\S]*not scanned in time[\s\S]*Toca para mostrar uno nuevo/);
    expect(await page.getByTestId('wa-qr').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'kds-link-expired.png') });
    await page.getByTestId('link-new-qr').click();
    await page.getByTestId('wa-qr').locator('svg').waitFor();
    expect((await fakeCalls(page)).filter((c) => c[0] === 'linkWhatsApp')).toEqual([['linkWhatsApp', { method: 'qr' }]]);
    expect(await scanQr(page)).toMatch(/^2@fake1/);

    await setStatus(page, { state: 'loading', since: now(), engine: 'whatsapp', percent: 40 });
    await page.getByTestId('link-panel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('wa-progress').getAttribute('aria-valuenow')).toBe('40');
    expect(await page.getByTestId('wa-progress').innerText()).toMatch(/Cargando los chats de WhatsApp: 40%/);
    await page.screenshot({ path: join(RESULTS, 'kds-link-loading.png') });
    await setStatus(page, { state: 'loading', since: now(), engine: 'whatsapp', percent: 95 });
    await expect.poll(() => page.getByTestId('wa-progress').getAttribute('aria-valuenow')).toBe('95');
    await setStatus(page, { state: 'connected', since: now(), engine: 'whatsapp' });
    await page.getByTestId('wa-banner').waitFor({ state: 'detached' });
    expect(await page.getByTestId('wa-progress').count()).toBe(0);
  });

  it('links by phone number: a bad number is explained, a good one shows the 8-character code big', async () => {
    const page = await open({ whatsapp: { state: 'needs-link', since: now(), engine: 'whatsapp', qr: QR_A } });
    await page.getByTestId('pairing-phone').fill('600 11');
    await page.getByTestId('pairing-get').click();
    await page.getByTestId('pairing-invalid').waitFor();
    expect((await fakeCalls(page)).some((c) => c[0] === 'linkWhatsApp')).toBe(false);

    await page.getByTestId('pairing-phone').fill('+34 600 111 222');
    await page.getByTestId('pairing-get').click();
    await page.getByTestId('pairing-code').waitFor();
    expect(await page.getByTestId('pairing-code').innerText()).toBe('K7Q2-M9XA');
    expect((await fakeCalls(page)).filter((c) => c[0] === 'linkWhatsApp')).toEqual([['linkWhatsApp', { method: 'code', phone: '34600111222' }]]);
    expect(await page.getByTestId('link-panel').getAttribute('data-view')).toBe('code');
    expect(await page.getByTestId('wa-qr').count()).toBe(0);
    const size = await page.getByTestId('pairing-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: join(RESULTS, 'kds-link-pairing-code.png') });

    // Back to the QR from the code screen.
    await page.getByTestId('link-use-qr').click();
    await page.getByTestId('wa-qr').locator('svg').waitFor();
  });

  it('after the phone unlinks this PC, one tap starts linking again', async () => {
    const page = await open({ whatsapp: { state: 'logged-out', since: now(), engine: 'whatsapp', error: 'Unlinked from the phone' } });
    await page.getByTestId('link-new-qr').waitFor();
    expect(await page.getByTestId('link-new-qr').innerText()).toMatch(/Este PC ya no está vinculado[\s\S]*Mostrar código QR/);
    await page.getByTestId('link-new-qr').click();
    await page.getByTestId('wa-qr').locator('svg').waitFor();
  });
});

describe('health panel in Chromium (fake host)', () => {
  const seed = (): FakeSeed => ({
    whatsapp: { state: 'connected', since: new Date(Date.now() - 3 * 3600_000).toISOString(), engine: 'whatsapp', phone: '34911222333' },
    health: {
      lastHeartbeatAt: new Date(Date.now() - 30_000).toISOString(),
      reconnects: 2,
      restarts: 1,
      messagesIn: 143,
      messagesOut: 97,
      sendFailures: 3,
      browserPath: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      browserMemoryMb: 412,
      webVersion: '2.3000.1029384756',
    },
  });

  it('shows state, times, counters, the browser and its memory, and the WhatsApp Web version', async () => {
    const page = await open(seed());
    await page.getByTestId('tab-health').click();
    await page.getByTestId('health-panel').waitFor();
    const value = (id: string) => page.getByTestId(`health-${id}`).locator('dd').innerText();
    await expect.poll(() => value('state')).toBe('WhatsApp conectado');
    // Three hours ago is yesterday between midnight and 03:00: the panel then shows the day too.
    const since = new Date(Date.parse(seed().whatsapp!.since));
    const yesterday = since.toDateString() !== new Date().toDateString();
    expect(await value('since')).toMatch(yesterday ? /^\d{1,2} \S+ \d{2}:\d{2} · hace 3 h$/ : /^\d{2}:\d{2} · hace 3 h$/);
    expect(await value('phone')).toBe('+34911222333');
    expect(await value('heartbeat')).toMatch(/^\d{2}:\d{2} · ahora mismo$/);
    expect(await value('reconnects')).toBe('2');
    expect(await value('restarts')).toBe('1');
    expect(await value('in')).toBe('143');
    expect(await value('out')).toBe('97');
    expect(await value('failures')).toBe('3');
    expect(await page.getByTestId('health-failures').getAttribute('class')).toContain('health__row--warn');
    expect(await value('browser')).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(await value('memory')).toBe('412 MB');
    expect(await value('web')).toBe('2.3000.1029384756');
    expect(await page.getByTestId('health-no-browser').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'kds-health-panel.png') });
  });

  it('reconnects, exports diagnostics, and unlinks only after a confirmation, saying when it is done', async () => {
    const page = await open(seed());
    await page.getByTestId('tab-health').click();
    await page.getByTestId('health-reconnect').click();
    await expect.poll(() => page.getByTestId('health-notice').innerText()).toMatch(/Reconectando WhatsApp/);
    // The fake host comes back after 300 ms and counts it; the panel reads the new figure.
    await expect.poll(() => page.getByTestId('health-reconnects').locator('dd').innerText()).toBe('3');

    await page.getByTestId('health-export').click();
    await expect.poll(() => page.getByTestId('health-export-path').innerText()).toBe('/var/lib/comanda/diagnostics/comanda-diagnostics-20261120-120000.zip');
    // Inside the desktop app (the bridge) the file is on this PC: no download button.
    expect(await page.getByTestId('health-download').count()).toBe(0);

    await page.getByTestId('health-unlink').click();
    await page.getByTestId('unlink-dialog').waitFor();
    expect(await page.getByTestId('unlink-dialog').innerText()).toMatch(/Desvincular WhatsApp de este PC\?[\s\S]*no podrán pedir/);
    await page.screenshot({ path: join(RESULTS, 'kds-unlink-confirm.png') });
    await page.getByTestId('unlink-dialog-cancel').click();
    await page.getByTestId('unlink-dialog').waitFor({ state: 'detached' });
    expect((await fakeCalls(page)).some((c) => c[0] === 'unlinkWhatsApp')).toBe(false);

    await page.getByTestId('health-unlink').click();
    await page.getByTestId('unlink-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('health-notice').innerText()).toMatch(/WhatsApp desvinculado de este PC/);
    expect((await fakeCalls(page)).filter((c) => c[0] === 'unlinkWhatsApp')).toHaveLength(1);
    // The linking screen takes over with a fresh QR; unlinking again makes no sense now.
    await page.getByTestId('wa-qr').locator('svg').waitFor();
    expect(await page.getByTestId('health-unlink').isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'kds-link-after-unlink.png') });
  });

  it('says where it looked when no browser was found, in English too', async () => {
    const page = await open({
      whatsapp: { state: 'failed', since: now(), engine: 'whatsapp', error: 'No browser found' },
      health: { browserSearched: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', '/usr/bin/chromium'] },
    });
    await page.getByTestId('locale-toggle').click();
    await page.getByTestId('tab-health').click();
    await page.getByTestId('health-no-browser').waitFor();
    const text = await page.getByTestId('health-no-browser').innerText();
    expect(text).toMatch(/No Chrome, Edge or Chromium was found[\s\S]*msedge\.exe[\s\S]*\/usr\/bin\/chromium/);
    expect(await page.getByTestId('health-browser').locator('dd').innerText()).toBe('—');
    expect(await page.getByTestId('health-heartbeat').locator('dd').innerText()).toBe('not yet');
    await page.screenshot({ path: join(RESULTS, 'kds-health-no-browser.png') });
  });
});
