// End to end for what customers send besides text, through the simulator and Chromium over HTTP:
// a voice note reaches the staff list and plays on the kitchen screen (a real WAV made here; the
// <audio> loads it through the access-token route), photos show as thumbnails, the kitchen gives
// the chat back; a location pin becomes a delivery card with a maps link, and dish options show on
// the card and in its total — with the real bot, and with a stand-in bot that pins the host's part.
// Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Order } from '../shared/order.ts';
import type { Handoff } from '../shared/kds-api.ts';
import { parseMenu } from '../shared/menu.ts';
import { createHost, type Host } from '../electron/host/create-host.ts';
import { silentLogger } from '../electron/host/logger.ts';
import type { BotHandler } from '../electron/bot/bot-types.ts';
import { startHeadless, REPO_ROOT, type HeadlessProcess } from '../tests/support/headless-process.ts';
import { ApiClient, waitFor } from '../tests/support/api-client.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { solidPng, toneWav } from '../tests/support/media-files.ts';

const RESULTS = join(REPO_ROOT, 'test-results');

async function openScreen(browser: Browser, base: string, token: string): Promise<Page & { errors: string[] }> {
  const page = (await browser.newPage({ viewport: { width: 1600, height: 900 } })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${base}/#token=${token}`);
  await page.getByTestId('wa-state').waitFor();
  return page;
}

describe('voice notes and photos, with the real bot (headless host + Chromium)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess;
  let browser: Browser;
  let page: Page & { errors: string[] };

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    tmp = makeTempDir('comanda-e2e-media-');
    host = await startHeadless({ dataDir: tmp.dir });
    await host.api.skipSetup();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await openScreen(browser, host.base, host.api.token);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    tmp?.cleanup();
  });

  it('a voice note reaches the staff list and plays; the customer is told; the kitchen gives the chat back', async () => {
    const phone = '5491155550000';
    const wav = toneWav(2000);
    const res = await host.api.post('/api/sim/incoming', { from: phone, name: 'Martina', type: 'ptt', media: { mimetype: 'audio/wav', dataBase64: wav.toString('base64') } });
    expect(res.status).toBe(200);
    const item = page.locator(`[data-testid="handoff"][data-phone="${phone}"]`);
    const audio = item.getByTestId('handoff-audio');
    await audio.waitFor({ timeout: 5000 });
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => ({ ready: el.readyState >= 1, duration: Math.round(el.duration * 10) / 10, error: el.error?.code ?? null })))
      .toEqual({ ready: true, duration: 2, error: null });
    await audio.evaluate(async (el: HTMLAudioElement) => {
      el.muted = true;
      await el.play();
    });
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime > 0 || el.ended)).toBe(true);
    expect(await item.innerText()).toContain('Audio recibido');
    const told = await waitFor(async () => (await host.api.sent(phone)).find((m) => /audio/i.test(m.body)));
    expect(told.body).toMatch(/escuch/);
    await page.getByTestId('handoffs').screenshot({ path: join(RESULTS, 'media-e2e-voice-note.png') });

    await item.getByTestId('release').click();
    await item.waitFor({ state: 'detached' });
    const before = (await host.api.sent(phone)).length;
    await host.api.say(phone, 'hola', 'Martina');
    await expect.poll(async () => (await host.api.sent(phone)).length).toBeGreaterThan(before); // the bot answers again
    expect(page.errors).toEqual([]);
  });

  it('photos without words end in the staff list as thumbnails; a 0-byte and an oversized audio say why', async () => {
    const phone = '5215512345678';
    const png = solidPng(48).toString('base64');
    for (let i = 0; i < 3; i++) {
      expect((await host.api.post('/api/sim/incoming', { from: phone, name: 'Lupita', type: 'image', media: { mimetype: 'image/png', dataBase64: png } })).status).toBe(200);
    }
    const item = page.locator(`[data-testid="handoff"][data-phone="${phone}"]`);
    await item.waitFor({ timeout: 5000 });
    const thumbs = item.getByTestId('handoff-image');
    await expect.poll(() => thumbs.count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => thumbs.first().evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(48);

    const other = '573001112233';
    await host.api.post('/api/sim/incoming', { from: other, name: 'Valentina', type: 'ptt', media: { mimetype: 'audio/ogg', dataBase64: '' } });
    const big = Buffer.alloc(16 * 1024 * 1024 + 10, 0);
    big.write('OggS', 0, 'latin1');
    expect((await host.api.post('/api/sim/incoming', { from: other, name: 'Valentina', type: 'audio', media: { mimetype: 'audio/ogg', dataBase64: big.toString('base64') } })).status).toBe(200);
    const valentina = page.locator(`[data-testid="handoff"][data-phone="${other}"]`);
    await expect.poll(() => valentina.getByTestId('handoff-file').count()).toBe(2);
    expect(await valentina.innerText()).toMatch(/vacío[\s\S]*16 MB/);
    await page.screenshot({ path: join(RESULTS, 'media-e2e-staff-list.png') });
    const handoffs = (await host.api.get<Handoff[]>('/api/handoffs')).body;
    expect(handoffs.find((h) => h.phone === other)!.media!.map((m) => m.missing)).toEqual(['empty', 'too-large']);
    expect(page.errors).toEqual([]);
  });
});

/**
 * Stands in for the bot's location and options handling (issue 10's bot side): "pizza grande con
 * extra queso" fills a cart with the menu's option prices; a pin places the delivery order with it.
 */
const pinBot: BotHandler = (input, effects) => {
  const state = { version: 1 as const, updatedAt: input.now, quantity: Number(input.conversation?.quantity ?? 0) };
  const message = input.message;
  if (message.kind === 'text' && /pizza/.test(message.body)) {
    state.quantity = Number(/\d+/.exec(message.body)?.[0] ?? 1);
    return { conversation: state, replies: ['¿A dónde te la enviamos? Comparte tu ubicación.'] };
  }
  if (message.kind === 'location' && state.quantity > 0) {
    const item = input.menu.categories[0]!.items[0]!;
    const options = item.options!.map((g) => g.choices.at(-1)!).map((c, i) => ({ groupId: item.options![i]!.id, choiceId: c.id, name: c.name, price: c.price }));
    const unitPrice = item.price + options.reduce((s, o) => s + o.price, 0);
    const placed = effects.placeOrder({
      customer: { phone: input.customer.phone, name: input.customer.profileName ?? 'Cliente' },
      fulfilment: 'delivery',
      address: message.location.address ?? message.location.name ?? `${message.location.latitude}, ${message.location.longitude}`,
      location: message.location,
      payment: 'mercadopago',
      items: [{ itemId: item.id, name: item.name, quantity: state.quantity, unitPrice, options }],
      deliveryFee: input.menu.delivery.fee,
      currency: input.menu.currency,
    });
    return { conversation: { version: 1, updatedAt: input.now, quantity: 0 }, replies: [`Pedido #${placed.number} recibido`] };
  }
  return { conversation: state, replies: ['¿Qué vas a pedir?'] };
};

const PIZZERIA = {
  restaurant: 'Pizzería Güerrín',
  currency: 'ARS',
  locale: 'es-AR',
  payments: ['cash', 'mercadopago'],
  delivery: { enabled: true, fee: 1500 },
  categories: [
    {
      id: 'pizzas',
      name: 'Pizzas',
      items: [
        {
          id: 'muzza',
          name: 'Muzzarella',
          price: 9000,
          options: [
            { id: 'size', name: 'Tamaño', required: true, choices: [{ id: 'chica', name: 'Chica', price: 0 }, { id: 'grande', name: 'Grande', price: 2600 }] },
            { id: 'extras', name: 'Extras', max: 3, choices: [{ id: 'queso', name: 'Extra queso', price: 800 }] },
          ],
        },
      ],
    },
  ],
};

describe('a location pin and dish options on the card (simulator host + Chromium)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    tmp = makeTempDir('comanda-e2e-pin-');
    const parsed = parseMenu(PIZZERIA);
    if (!parsed.ok) throw new Error(parsed.error);
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot: pinBot, menu: parsed.menu });
    const started = await host.start();
    base = `http://127.0.0.1:${started.port}`;
    api = new ApiClient(base, started.token);
    await api.skipSetup();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    tmp?.cleanup();
  });

  it('a pin becomes a delivery card with a maps link; options show under the line and in the total', async () => {
    const page = await openScreen(browser, base, api.token);
    const phone = '5491144443333';
    await api.say(phone, '2 pizza grande con extra queso', 'Facundo');
    const pin = { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. Corrientes 1234, CABA' };
    expect((await api.post('/api/sim/incoming', { from: phone, name: 'Facundo', type: 'location', location: pin })).status).toBe(200);
    const order = (await api.get<Order[]>(`/api/orders?phone=${phone}`)).body.at(-1)!;
    expect(order).toMatchObject({ fulfilment: 'delivery', address: pin.address, location: pin, deliveryFee: 1500, total: 2 * (9000 + 2600 + 800) + 1500 });
    const card = page.locator(`[data-testid="order-card"][data-order-id="${order.id}"]`);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getByTestId('map-link').getAttribute('href')).toBe('https://www.google.com/maps?q=-34.6037,-58.3816');
    expect(await card.getByTestId('item-options').innerText()).toBe('Grande · Extra queso');
    expect(await card.innerText()).toMatch(/26[.\s]?300/); // 2 × 12.400 + 1.500
    await card.screenshot({ path: join(RESULTS, 'media-e2e-pin-card.png') });
    expect(page.errors).toEqual([]);
  });
});

describe('a location pin and dish options with the real bot (headless host + Chromium)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess;
  let browser: Browser;

  beforeAll(async () => {
    tmp = makeTempDir('comanda-e2e-pin-bot-');
    const menuPath = join(tmp.dir, 'pizzeria.json');
    writeFileSync(menuPath, JSON.stringify(PIZZERIA));
    host = await startHeadless({ dataDir: join(tmp.dir, 'data'), menu: menuPath });
    await host.api.skipSetup();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    tmp?.cleanup();
  });

  /** What a porteño answers to whatever the bot asks, by topic. */
  const answer = (question: string): string => {
    const q = question.toLowerCase();
    if (/confirm/.test(q)) return 'dale';
    if (/nombre|a nombre de|c[oó]mo te llam/.test(q)) return 'Facundo';
    if (/pag|efectivo|mercado/.test(q)) return 'mercadopago';
    if (/algo m[aá]s|agregar/.test(q)) return 'nada más';
    return 'sí';
  };

  it('the customer orders with options, shares a pin as the address, and the card shows both', async () => {
    const page = await openScreen(browser, host.base, host.api.token);
    const phone = '5491122223333';
    const say = async (body: Record<string, unknown>) =>
      expect((await host.api.post('/api/sim/incoming', { from: phone, name: 'Facundo', ...body })).status).toBe(200);
    await say({ body: 'hola! mandame 2 muzza grandes con extra queso, con envío' });
    const pin = { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. Corrientes 1234, CABA' };
    await say({ type: 'location', location: pin });
    let order: Order | undefined;
    for (let turn = 0; turn < 8 && !order; turn++) {
      order = (await host.api.get<Order[]>(`/api/orders?phone=${phone}`)).body.at(-1);
      if (order) break;
      await say({ body: answer((await host.api.sent(phone)).at(-1)?.body ?? '') });
    }
    order ??= (await host.api.get<Order[]>(`/api/orders?phone=${phone}`)).body.at(-1);
    const chat = (await host.api.sent(phone)).map((m) => m.body).join('\n---\n');
    expect(order, chat).toBeDefined();
    expect(order!).toMatchObject({ fulfilment: 'delivery', location: pin, deliveryFee: 1500 });
    expect(order!.address).toContain('Corrientes');
    expect(order!.items).toEqual([
      expect.objectContaining({ itemId: 'muzza', quantity: 2, unitPrice: 12400, options: expect.arrayContaining([expect.objectContaining({ choiceId: 'grande' }), expect.objectContaining({ choiceId: 'queso' })]) }),
    ]);
    expect(order!.total).toBe(2 * 12400 + 1500);
    const card = page.locator(`[data-testid="order-card"][data-order-id="${order!.id}"]`);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getByTestId('map-link').getAttribute('href')).toBe('https://www.google.com/maps?q=-34.6037,-58.3816');
    expect(await card.getByTestId('item-options').innerText()).toMatch(/Grande/);
    expect(await card.getByTestId('item-options').innerText()).toMatch(/Extra queso/);
    expect(await card.innerText()).toMatch(/26[.\s]?300/);
    await card.screenshot({ path: join(RESULTS, 'media-e2e-real-bot-pin-card.png') });
    expect(page.errors).toEqual([]);
  });
});
