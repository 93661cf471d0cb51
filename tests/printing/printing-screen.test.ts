// Printing on the real kitchen screen in Chromium, served by a real host with a fake network
// printer: the pending-ticket badge and the header notice while the printer is off, the ticket once
// it is back, "reprint" from a card and from history, the printers tab and the "Cierre del día"
// panel with its chart and CSV. Screenshots go under test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { hostSettingsSchema } from '../../shared/settings.ts';
import type { Order } from '../../shared/order.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { REPO_ROOT } from '../support/headless-process.ts';
import { ApiClient, waitFor } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { joinedText, readEscPos } from '../support/escpos-reader.ts';

const RESULTS = join(REPO_ROOT, 'test-results');

describe('printing on the kitchen screen', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let url: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const printer = new FakePrinter();

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    tmp = makeTempDir();
    const port = await printer.start();
    await printer.stop(); // off to begin with
    const settings = hostSettingsSchema.parse({
      timezone: 'Europe/Madrid',
      printing: { printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port }], autoPrint: 'accepted' },
    });
    host = createHost({
      dataDir: tmp.dir,
      engine: 'simulator',
      port: 0,
      logger: silentLogger,
      bot: scriptedBot,
      settings,
      printing: { tcpTimeouts: { connectMs: 1_000, statusMs: 300, writeMs: 2_000, closeMs: 500 }, backoff: { baseMs: 100, maxMs: 300 } },
    });
    const started = await host.start();
    api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
    url = started.url;
    // A fresh data directory opens on the welcome flow; this restaurant is set up already.
    expect((await api.request('PUT', '/api/setup', { completed: true })).status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await printer.stop();
    tmp?.cleanup();
  });

  it('shows a stuck ticket on its card and the header, and clears once the printer is back', async () => {
    await api.say('34600111222', 'order clasica 2', 'Ana');
    const order = (await api.get<Order[]>('/api/orders')).body.at(-1)!;
    await api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 20 });
    await page.goto(url);
    const badge = page.locator(`[data-order-id="${order.id}"]`).getByTestId('ticket-pending');
    await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
    expect(await badge.innerText()).toContain('ticket pendiente — impresora Cocina sin conexión');
    const notice = page.getByTestId('printer-notice');
    expect(await notice.innerText()).toContain('Impresora Cocina: sin conexión');
    await page.screenshot({ path: join(RESULTS, 'kds-printer-offline.png') });

    await printer.start(printer.port);
    await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => notice.count()).toBe(0);
    expect(printer.jobs).toHaveLength(1);
    expect(joinedText(readEscPos(printer.jobs[0]!.bytes))).toContain(`#${order.number}`);
  });

  it('reprints from a card and from history', async () => {
    const card = page.locator('[data-testid="order-card"]').first();
    await card.getByTestId('reprint').click();
    await card.getByTestId('reprint-receipt').click();
    await waitFor(async () => printer.jobs.length === 2);
    expect(joinedText(readEscPos(printer.jobs[1]!.bytes))).toMatch(/Pedido #\d+.*TOTAL/);

    await page.getByTestId('tab-history').click();
    const row = page.getByTestId('history-row').first();
    await row.getByTestId('reprint').click();
    await row.getByTestId('reprint-kitchen').click();
    await waitFor(async () => printer.jobs.length === 3);
    expect(joinedText(readEscPos(printer.jobs[2]!.bytes))).toContain('REIMPRESIÓN 1');
  });

  it('shows the day\'s close in the owner area, with its chart, and downloads it as CSV', async () => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('owner-tab-close').click();
    const panel = page.getByTestId('day-close');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('close-orders').innerText()).toBe('1');
    expect(await panel.getByTestId('close-revenue').innerText()).toMatch(/€/);
    expect(await page.locator('[data-testid="hour-chart"] [data-orders="1"]').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'kds-day-close.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('close-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^cierre-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('section,key,label,orders,quantity,amount,detail');
    expect(csv).toContain('summary,orders,,1,,,');

    // Another day from the picker: nothing there.
    await panel.getByTestId('close-date').fill('2020-01-01');
    await expect.poll(() => panel.getByTestId('close-orders').innerText()).toBe('0');

    await panel.getByTestId('close-date').fill(new Date().toISOString().slice(0, 10));
    await panel.getByTestId('close-print').click();
    await waitFor(async () => printer.jobs.length === 4);
    expect(joinedText(readEscPos(printer.jobs[3]!.bytes))).toContain('CIERRE DEL DÍA');
  });

  it('lists the printers in the owner area with their state, and prints a test page', async () => {
    await page.getByTestId('owner-tab-printers').click();
    const tab = page.getByTestId('printers-tab');
    await tab.getByTestId('printer-form').first().waitFor();
    expect(await tab.getByTestId('printer-state').innerText()).toContain('Lista');
    expect(await tab.getByTestId('printer-host').inputValue()).toBe('127.0.0.1');
    await tab.getByTestId('printer-test').click();
    await waitFor(async () => printer.jobs.length === 5);
    expect(joinedText(readEscPos(printer.jobs[4]!.bytes))).toContain('PÁGINA DE PRUEBA');
    await page.screenshot({ path: join(RESULTS, 'kds-printers-tab.png') });

    // A bad value is refused with the reason, and nothing changes.
    await tab.getByTestId('printer-host').fill('');
    await tab.getByTestId('printers-save').click();
    await expect.poll(() => tab.getByTestId('printers-note').innerText()).toMatch(/host|address|printing/i);
    expect((await api.get<{ printing: { printers: { host: string }[] } }>('/api/settings')).body.printing.printers[0]!.host).toBe('127.0.0.1');
    expect(errors).toEqual([]);
  });
});
