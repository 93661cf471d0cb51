// The built kitchen screen in Debian's Chromium, on the in-memory fake host (fake-bridge.ts puts
// it on window.comanda before the app starts, as Electron's preload would). Screenshots go to
// test-results/ so a person can look at the board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FakeSeed } from './fake-kds-api.ts';
import { bundleFakeBridge, REPO_ROOT, startStaticServer, type StaticServer } from './static-server.ts';
import { makeOrder, XSS_NAME } from './fixtures.ts';

const RESULTS = join(REPO_ROOT, 'test-results');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startStaticServer({ fakeBridge: await bundleFakeBridge() });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh screen (own storage) on the fake host; `seed` replaces the demo scene. */
async function open(query = '', seed?: FakeSeed): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  if (seed) await page.addInitScript((s) => ((window as { __fakeSeed?: unknown }).__fakeSeed = s), seed);
  await page.goto(server.url + query);
  if (!query.includes('transport=http')) await page.getByTestId('wa-state').waitFor();
  return page;
}

const cardIds = (page: Page) => page.getByTestId('order-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')));
const card = (page: Page, id: string) => page.locator(`[data-testid="order-card"][data-order-id="${id}"]`);
const status = (page: Page, id: string) => card(page, id).getAttribute('data-status');
const fakeCalls = (page: Page) => page.evaluate(() => (window as unknown as { __fake: { calls: unknown[][] } }).__fake.calls);

describe('kitchen screen in Chromium (fake host)', () => {
  it('shows the open orders oldest first, in their states, and a picture of the board', async () => {
    const page = await open();
    await expect.poll(() => page.getByTestId('order-card').count()).toBe(5);
    expect(await cardIds(page)).toEqual(['o36', 'o38', 'o40', 'o41', 'o42']);
    const statuses = await page.getByTestId('order-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['ready', 'preparing', 'accepted', 'new', 'new']);
    // Notes, delivery, a failed notice and timer colours are on the cards.
    expect(await card(page, 'o41').locator('.note').innerText()).toContain('sin cebolla');
    expect(await card(page, 'o38').innerText()).toContain('Calle de Alcalá 123');
    expect(await card(page, 'o40').getByTestId('notify-failed').innerText()).toMatch(/Aviso al cliente no enviado: el número no tiene WhatsApp/);
    expect(await card(page, 'o36').getByTestId('timer').getAttribute('data-level')).toBe('red');
    expect(await card(page, 'o40').getByTestId('timer').getAttribute('data-level')).toBe('amber');
    expect(await card(page, 'o41').getByTestId('timer').getAttribute('data-level')).toBe('ok');
    expect(await card(page, 'o41').getAttribute('class')).toContain('card--alarm');
    expect(await page.getByTestId('wa-state').getAttribute('data-state')).toBe('connected');
    expect(await page.getByTestId('wa-banner').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'kds-board.png') });
  });

  it('1 selects the first card, Enter opens the ETA dialog, Esc closes it, Enter then 2 accepts in 20 min, undo reverts', async () => {
    const now = Date.now();
    const page = await open('', { orders: [makeOrder(8, new Date(now - 60_000).toISOString()), makeOrder(7, new Date(now - 180_000).toISOString())] });
    await expect.poll(() => cardIds(page)).toEqual(['o7', 'o8']);
    await page.keyboard.press('1');
    await expect.poll(() => card(page, 'o7').getAttribute('class')).toContain('card--selected');
    // Selecting a new order acknowledges it: the flashing stops.
    await expect.poll(() => card(page, 'o7').getAttribute('class')).not.toContain('card--alarm');
    await page.keyboard.press('Enter');
    await page.getByTestId('accept-dialog').waitFor();
    expect(await page.getByTestId('eta-10').isVisible()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'kds-accept-dialog.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('accept-dialog').waitFor({ state: 'detached' });
    expect(await status(page, 'o7')).toBe('new');

    await page.keyboard.press('Enter');
    await page.getByTestId('accept-dialog').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => status(page, 'o7')).toBe('accepted');
    expect(await card(page, 'o7').getByTestId('eta').innerText()).toMatch(/20 min/);
    const transition = (await fakeCalls(page)).find((c) => c[0] === 'transition');
    expect(transition).toEqual(['transition', 'o7', { to: 'accepted', etaMinutes: 20, undoable: true, by: 'kds' }]);

    await page.getByTestId('undo').click();
    await expect.poll(() => status(page, 'o7')).toBe('new');

    // Arrows move the selection; the ring follows.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => card(page, 'o8').getAttribute('class')).toContain('card--selected');
  });

  it('advances, cancels with a reason, and recalls the last completed order with R', async () => {
    const page = await open();
    await card(page, 'o40').getByTestId('advance').click();
    // The first tap after the page opens waits for the board's first round trip; on a loaded
    // 2-core machine that took over the default second.
    await expect.poll(() => status(page, 'o40'), { timeout: 5_000 }).toBe('preparing');
    await card(page, 'o36').getByTestId('advance').click();
    await expect.poll(() => card(page, 'o36').count()).toBe(0);

    await card(page, 'o38').getByTestId('cancel').click();
    await page.getByTestId('reason-dialog').waitFor();
    await page.getByTestId('reason-input').fill('Se ha ido la luz');
    await page.getByTestId('reason-confirm').click();
    await expect.poll(() => card(page, 'o38').count()).toBe(0);
    const cancel = (await fakeCalls(page)).find((c) => c[0] === 'transition' && (c[2] as { to: string }).to === 'cancelled');
    expect(cancel?.[2]).toMatchObject({ to: 'cancelled', reason: 'Se ha ido la luz', undoable: true });

    // R brings back the most recently completed order (#36, just handed over).
    await page.keyboard.press('r');
    await expect.poll(() => status(page, 'o36')).toBe('ready');
  });

  it('shows hostile customer text literally and never runs it', async () => {
    const page = await open();
    const hostile = card(page, 'o42');
    await hostile.waitFor();
    expect(await hostile.locator('.card__name').textContent()).toBe(XSS_NAME);
    expect(await hostile.locator('.note').textContent()).toContain('<b>bold?</b> & "quotes"');
    expect(await hostile.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // RTL and emoji text keep their direction and characters.
    expect(await card(page, 'o40').locator('.card__name').getAttribute('dir')).toBe('auto');
    expect(await card(page, 'o38').locator('.card__name').textContent()).toBe('José Ñúñez 🍔');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  });

  it('shows a red banner with what to do whenever WhatsApp is not connected', async () => {
    const page = await open();
    const set = (status: object) => page.evaluate((s) => (window as unknown as { __fake: { setWhatsApp(s: object): void } }).__fake.setWhatsApp(s), status);
    await set({ state: 'offline', since: new Date().toISOString(), engine: 'whatsapp' });
    await page.getByTestId('wa-banner').waitFor();
    expect(await page.getByTestId('wa-state').getAttribute('data-state')).toBe('offline');
    expect(await page.getByTestId('wa-banner').innerText()).toMatch(/Sin internet, reintentando/);

    await set({ state: 'needs-link', since: new Date().toISOString(), engine: 'whatsapp', qr: '█▀▀▀▀▀█ ▄▀ █▀▀▀▀▀█\n█ ███ █ ▀█ █ ███ █\n█▄▄▄▄▄█ █ █▄▄▄▄▄█' });
    await expect.poll(() => page.getByTestId('wa-banner').innerText()).toMatch(/Dispositivos vinculados/);
    expect(await page.getByTestId('wa-qr').locator('svg').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'kds-needs-link.png') });

    await set({ state: 'reconnecting', since: new Date().toISOString(), engine: 'whatsapp', attempt: 3, nextTryAt: new Date(Date.now() + 30_000).toISOString() });
    await expect.poll(() => page.getByTestId('wa-banner').innerText()).toMatch(/Intento 3/);
    await set({ state: 'logged-out', since: new Date().toISOString(), engine: 'whatsapp' });
    await expect.poll(() => page.getByTestId('wa-banner').innerText()).toMatch(/vuelve a vincular/);

    await set({ state: 'connected', since: new Date().toISOString(), engine: 'whatsapp' });
    await page.getByTestId('wa-banner').waitFor({ state: 'detached' });
    expect(await page.getByTestId('wa-state').getAttribute('data-state')).toBe('connected');
  });

  it('hands a chat back to the bot, searches the history, and chats in the simulator', async () => {
    const page = await open();
    await page.getByTestId('handoff').waitFor();
    expect(await page.getByTestId('handoff').innerText()).toMatch(/Carmen[\s\S]*alergia al marisco/);
    await page.getByTestId('release').click();
    await page.getByTestId('handoff').waitFor({ state: 'detached' });

    await page.getByTestId('tab-history').click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(7);
    expect(await page.getByTestId('avg-prep').innerText()).not.toBe('—');
    await page.getByTestId('history-search').fill('nunez');
    await expect.poll(() => page.getByTestId('history-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')))).toEqual(['o38']);
    await page.getByTestId('history-search').fill('');
    await page.screenshot({ path: join(RESULTS, 'kds-history.png') });
    await page.locator('[data-testid="history-row"][data-order-id="o30"]').getByTestId('recall').click();
    await expect.poll(() => status(page, 'o30')).toBe('ready');

    await page.getByTestId('sim-toggle').click();
    await page.getByTestId('sim-input').fill('hola, quiero dos croquetas');
    await page.getByTestId('sim-send').click();
    await page.locator('.bubble--out').first().waitFor();
    expect(await page.getByTestId('sim-chat').innerText()).toMatch(/hola, quiero dos croquetas[\s\S]*Casa Pepe/);
    await page.screenshot({ path: join(RESULTS, 'kds-simulator.png') });
  });

  it('switches to English and remembers it', async () => {
    const page = await open();
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => card(page, 'o41').getByTestId('accept').innerText()).toMatch(/Accept/);
    expect(await page.evaluate(() => localStorage.getItem('comanda.locale'))).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByTestId('wa-state').innerText()).toMatch(/WhatsApp connected/);
  });

  it('asks for the access token when a browser screen has none', async () => {
    const page = await open('?transport=http');
    await page.getByTestId('token-screen').waitFor();
    expect(await page.getByTestId('token-screen').innerText()).toMatch(/access-token/);
    await page.screenshot({ path: join(RESULTS, 'kds-token.png') });
  });

  it('keeps 150 open cards smooth: one ticker, no long frames while the timers run', async () => {
    const page = await open('?scene=many');
    await expect.poll(() => page.getByTestId('order-card').count()).toBe(150);
    const longest = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let worst = 0;
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) worst = Math.max(worst, entry.duration);
          });
          observer.observe({ type: 'longtask' });
          setTimeout(() => {
            observer.disconnect();
            resolve(worst);
          }, 3000);
        }),
    );
    expect(longest).toBeLessThan(250);
    await page.keyboard.press('3');
    await expect.poll(() => page.getByTestId('order-card').nth(2).getAttribute('class')).toContain('card--selected');
    await page.screenshot({ path: join(RESULTS, 'kds-150-cards.png') });
  });
});
