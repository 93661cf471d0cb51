// End to end in a real browser: a simulated customer orders over "WhatsApp", the card appears on
// the kitchen screen, staff accept it and mark it ready with clicks, the customer hears both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Order } from '../shared/order.ts';
import { startHeadless, REPO_ROOT, type HeadlessProcess } from '../tests/support/headless-process.ts';
import { orderAsCustomer } from '../tests/support/customer.ts';
import { waitFor } from '../tests/support/api-client.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';

const RESULTS = join(REPO_ROOT, 'test-results');

describe('KDS end to end (headless host + Chromium)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    tmp = makeTempDir('comanda-e2e-');
    host = await startHeadless({ dataDir: tmp.dir });
    await host.api.skipSetup();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${host.base}/#token=${host.api.token}`);
    await page.getByTestId('wa-state').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    tmp?.cleanup();
  });

  const card = (order: Order) => page.locator(`[data-testid="order-card"][data-order-id="${order.id}"]`);

  it('a chat becomes a card; two taps tell the customer it is accepted and ready', async () => {
    const { order } = await orderAsCustomer(host.api, { phone: '34600111222', name: 'Ana' });
    await card(order).waitFor({ timeout: 5000 });
    await expect.poll(() => card(order).getAttribute('data-status')).toBe('new');
    await expect.poll(() => card(order).innerText()).toMatch(/Hamburguesa clásica/);

    await card(order).getByTestId('accept').click();
    await page.getByTestId('eta-20').click();
    await expect.poll(() => card(order).getAttribute('data-status')).toBe('accepted');
    await card(order).getByTestId('advance').click();
    await expect.poll(() => card(order).getAttribute('data-status')).toBe('preparing');
    await card(order).getByTestId('advance').click();
    await expect.poll(() => card(order).getAttribute('data-status')).toBe('ready');

    // The customer's messages wait out the undo window, then go exactly once each.
    const told = await waitFor(async () => {
      const sent = await host.api.sent('34600111222');
      const accepted = sent.filter((m) => /aceptado/i.test(m.body));
      const ready = sent.filter((m) => /listo/i.test(m.body) && m.body.includes(`#${order.number}`));
      return accepted.length && ready.length ? { accepted, ready } : undefined;
    }, 20_000);
    expect(told.accepted).toHaveLength(1);
    expect(told.accepted[0]!.body).toContain('20 minutos');
    expect(told.ready).toHaveLength(1);
    const stored = (await host.api.get<Order>(`/api/orders/${order.id}`)).body;
    expect(stored.status).toBe('ready');
    expect(stored.events.map((e) => e.to)).toEqual(['accepted', 'preparing', 'ready']);
  });

  it('shows a busy board with several orders (screenshot for a person to look at)', async () => {
    const openings = [
      'Hola! me pones 1 pizza margarita y 2 cervezas para recoger, pago con tarjeta',
      'quiero una hamburguesa doble sin cebolla y unas bravas, a domicilio en Calle Luna 5, pago en efectivo',
      'buenas, 3 croquetas caseras y una tarta de queso, para recoger. Pago con bizum',
      '2 hamburguesas veganas y 2 agua, para recoger, efectivo',
    ];
    const orders: Order[] = [];
    for (const [i, opening] of openings.entries()) {
      orders.push((await orderAsCustomer(host.api, { phone: `3460022200${i}`, name: ['Lucía', 'Javier', 'María José', 'Pedro'][i]!, opening })).order);
    }
    for (const o of orders) await card(o).waitFor({ timeout: 5000 });
    await host.api.post(`/api/orders/${orders[0]!.id}/transition`, { to: 'accepted', etaMinutes: 10 });
    await host.api.post(`/api/orders/${orders[1]!.id}/transition`, { to: 'accepted', etaMinutes: 30 });
    await host.api.post(`/api/orders/${orders[1]!.id}/transition`, { to: 'preparing' });
    await expect.poll(() => card(orders[1]!).getAttribute('data-status')).toBe('preparing');
    await page.screenshot({ path: join(RESULTS, 'kds-board.png'), fullPage: true });
    const cards = await page.getByTestId('order-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')));
    const expected = (await host.api.get<Order[]>('/api/orders?status=new,accepted,preparing,ready')).body.map((o) => o.id);
    expect(cards).toEqual(expected);
  });

  it('shows a red banner while WhatsApp is not connected', async () => {
    await host.api.post('/api/sim/status', { state: 'offline' });
    await page.getByTestId('wa-banner').waitFor({ timeout: 3000 });
    expect(await page.getByTestId('wa-state').getAttribute('data-state')).toBe('offline');
    await page.screenshot({ path: join(RESULTS, 'kds-offline-banner.png') });
    await host.api.post('/api/sim/status', { state: 'connected' });
    await page.getByTestId('wa-banner').waitFor({ state: 'detached', timeout: 3000 });
  });

  it('works from a bump bar: a digit selects, Enter opens the ETA dialog, Esc closes it; undo reverts', async () => {
    const statuses = await page.getByTestId('order-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const index = statuses.indexOf('new');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(9);
    await page.keyboard.press(String(index + 1));
    await expect.poll(() => page.getByTestId('order-card').nth(index).getAttribute('class')).toContain('card--selected');
    await page.keyboard.press('Enter');
    await page.getByTestId('eta-10').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('eta-10').waitFor({ state: 'detached' });
    // Advance a card and take it back within the undo window: the customer hears nothing of it.
    const newCard = page.locator('[data-testid="order-card"][data-status="new"]').first();
    const id = (await newCard.getAttribute('data-order-id'))!;
    const phone = (await host.api.get<Order>(`/api/orders/${id}`)).body.customer.phone;
    const before = (await host.api.sent(phone)).length;
    await newCard.getByTestId('accept').click();
    await page.getByTestId('eta-30').click();
    await expect.poll(() => page.locator(`[data-order-id="${id}"]`).getAttribute('data-status')).toBe('accepted');
    await page.getByTestId('undo').click();
    await expect.poll(() => page.locator(`[data-order-id="${id}"]`).getAttribute('data-status')).toBe('new');
    await new Promise((r) => setTimeout(r, 6000));
    expect((await host.api.sent(phone)).length).toBe(before);
  });

  it('shows customer text as text, never as markup, and hands chats to a person', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const { order } = await orderAsCustomer(host.api, { phone: '34600333444', name: evil, opening: 'una coca cola para recoger, pago en efectivo' });
    await card(order).waitFor();
    // Cards use content-visibility: auto, so an off-screen card has no rendered text yet.
    await card(order).scrollIntoViewIfNeeded();
    await expect.poll(() => card(order).innerText()).toContain(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await host.api.say('34600555666', 'quiero hablar con una persona', 'Rosa');
    const handoff = page.getByTestId('handoff');
    await handoff.waitFor();
    expect(await handoff.innerText()).toContain('Rosa');
    await handoff.getByTestId('release').click();
    await handoff.waitFor({ state: 'detached' });
  });

  it('lets staff chat as a customer from the simulator panel', async () => {
    await page.getByTestId('sim-toggle').click();
    await page.getByTestId('sim-input').fill('hola');
    await page.getByTestId('sim-send').click();
    await page.screenshot({ path: join(RESULTS, 'kds-simulator.png') });
    await page.locator('.bubble--out').first().waitFor({ timeout: 5000 });
    expect(await page.locator('.sim__chat').innerText()).toMatch(/Casa Pepe/);
    await page.getByTestId('sim-toggle').click();
  });
});
