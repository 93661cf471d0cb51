// The kitchen's own owner-side actions in Debian's Chromium on the fake host: a dish sold out and
// back in two taps from the all-day panel and from a card's line, pausing new orders with a live
// countdown and resuming, and the PIN in front of Ajustes (wrong PIN, the wait in words, a lapsed
// session back to the board).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';
import { FAKE_PIN_TRIES } from './fake-owner-api.ts';

const screen = useFakeScreen();

async function open(query = ''): Promise<ScreenPage> {
  const page = await screen.newPage();
  await page.goto(`${screen.url}${query}`);
  await page.getByTestId('wa-state').waitFor();
  return page;
}

type FakeWindow = { __fake: { calls: unknown[][]; menu: { categories: { items: { id: string; available?: boolean }[] }[] }; expireOwnerToken(): void; pause: unknown } };
const fake = <T>(page: Page, fn: (f: FakeWindow['__fake']) => T) => page.evaluate(`(${fn.toString()})(window.__fake)`) as Promise<T>;
const available = (page: Page, id: string) =>
  page.evaluate((itemId) => (window as unknown as FakeWindow).__fake.menu.categories.flatMap((c) => c.items).find((i) => i.id === itemId)?.available, id);
const calls = (page: Page, method: string) => page.evaluate((m) => (window as unknown as FakeWindow).__fake.calls.filter((c) => c[0] === m), method);
const pressPin = async (page: Page, pin: string) => {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-key-ok').click();
};

describe('sold out and pause from the board (Chromium, fake host)', () => {
  it('marks a dish sold out from the all-day panel in two taps, lists it, and brings it back the same way', async () => {
    const page = await open();
    await page.getByTestId('tab-allday').click();
    const row = page.locator('[data-testid="all-day-row"][data-item-id="clasica"]');
    await row.waitFor();
    // Tap 1: the big button on the dish's row; tap 2: the confirmation.
    await row.getByTestId('all-day-stock').click();
    await page.getByTestId('stock-dialog').waitFor();
    expect(await page.getByTestId('stock-dialog').innerText()).toMatch(/¿Hamburguesa clásica está agotado\?/);
    await page.screenshot({ path: join(RESULTS, 'owner-sold-out-confirm.png') });
    await page.getByTestId('stock-confirm').click();
    await expect.poll(() => available(page, 'clasica')).toBe(false);
    expect(await calls(page, 'setItemAvailability')).toEqual([['setItemAvailability', 'clasica', false]]);
    // The panel lists it as sold out; the board's cards say so on the line.
    await expect.poll(() => page.locator('[data-testid="sold-out-row"][data-item-id="clasica"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="order-card"][data-order-id="o41"] [data-testid="line-sold-out"]').count()).toBe(1);
    // Calamares was already sold out in the menu: listed too.
    expect(await page.locator('[data-testid="sold-out-row"][data-item-id="calamares"]').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'owner-all-day-sold-out.png') });

    await page.locator('[data-testid="sold-out-row"][data-item-id="clasica"]').getByTestId('sold-out-back').click();
    expect(await page.getByTestId('stock-dialog').innerText()).toMatch(/¿Vuelve a haber Hamburguesa clásica\?/);
    await page.getByTestId('stock-confirm').click();
    await expect.poll(() => available(page, 'clasica')).toBe(true);
    await expect.poll(() => page.locator('[data-testid="sold-out-row"][data-item-id="clasica"]').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('marks any dish from the whole menu, and from a card line; cancelling changes nothing', async () => {
    const page = await open();
    // From a card's line: tap the dish, then confirm.
    const line = page.locator('[data-testid="order-card"][data-order-id="o40"] [data-testid="card-line"][data-item-id="croquetas"]');
    await line.click();
    await page.getByTestId('stock-dialog').waitFor();
    await page.getByTestId('stock-cancel').click();
    await page.getByTestId('stock-dialog').waitFor({ state: 'detached' });
    expect(await calls(page, 'setItemAvailability')).toEqual([]);
    // Tapping a line did not select or acknowledge the card either.
    expect(await calls(page, 'acknowledge')).toEqual([]);
    await line.click();
    await page.getByTestId('stock-confirm').click();
    await expect.poll(() => available(page, 'croquetas')).toBe(false);
    await expect.poll(() => line.getByTestId('line-sold-out').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'owner-card-line-sold-out.png') });

    // A dish nobody has ordered yet: from the whole menu in the all-day panel.
    await page.getByTestId('tab-allday').click();
    await page.getByTestId('all-dishes-toggle').click();
    await page.locator('[data-testid="menu-stock-row"][data-item-id="doble"]').getByTestId('menu-stock').click();
    await page.getByTestId('stock-confirm').click();
    await expect.poll(() => available(page, 'doble')).toBe(false);
    // Back from the card's line the same way.
    await line.click();
    expect(await page.getByTestId('stock-confirm').getAttribute('data-available')).toBe('true');
    await page.getByTestId('stock-confirm').click();
    await expect.poll(() => available(page, 'croquetas')).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('pauses new orders for 20 minutes with a live countdown in the header, and resumes', async () => {
    const page = await open();
    await page.getByTestId('header-pause').click();
    await page.getByTestId('pause-dialog').waitFor();
    await page.screenshot({ path: join(RESULTS, 'owner-pause-dialog.png') });
    await page.getByTestId('pause-20').click();
    const bar = page.getByTestId('pause-bar');
    await bar.waitFor();
    expect(await calls(page, 'pauseOrders')).toEqual([['pauseOrders', { minutes: 20 }]]);
    expect(await bar.innerText()).toMatch(/Pedidos en pausa hasta las \d\d:\d\d/);
    const first = await page.getByTestId('pause-left').innerText();
    expect(first, first).toMatch(/quedan (20:00|19:5\d)/);
    await expect.poll(() => page.getByTestId('pause-left').innerText(), { timeout: 4000 }).not.toBe(first);
    expect(await page.getByTestId('header-resume').isVisible()).toBe(true);
    // The header itself counts down too.
    expect(await page.getByTestId('header-pause-left').innerText()).toMatch(/^(20:00|19:5\d)$/);
    await page.screenshot({ path: join(RESULTS, 'owner-paused-board.png') });
    await page.getByTestId('pause-resume').click();
    await bar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('header-pause').isVisible()).toBe(true);

    // Until resumed: no countdown, the words say so; the header's resume button ends it.
    await page.getByTestId('header-pause').click();
    await page.getByTestId('pause-open').click();
    await expect.poll(() => bar.innerText()).toMatch(/Pedidos en pausa hasta que reanudes/);
    expect(await page.getByTestId('pause-left').count()).toBe(0);
    expect((await calls(page, 'pauseOrders')).at(-1)).toEqual(['pauseOrders', {}]);
    await page.getByTestId('header-resume').click();
    await bar.waitFor({ state: 'detached' });
    expect(page.errors).toEqual([]);
  });

  it('a pause started on another screen shows here too, and ends by itself when its time is up', async () => {
    const page = await open();
    await page.evaluate(() => {
      const f = (window as unknown as { __fake: { pauseOrders(r: object): Promise<unknown> } }).__fake;
      return f.pauseOrders({ minutes: 10 });
    });
    await page.getByTestId('pause-bar').waitFor();
    // The host's pause runs out: the countdown reaching zero takes the bar away.
    await page.evaluate(() => {
      const f = (window as unknown as { __fake: { pause: { until?: string } } }).__fake;
      f.pause.until = new Date(Date.now() + 1500).toISOString();
    });
    await page.evaluate(() => {
      const f = (window as unknown as { __fake: { emit(e: object): void; pause: object } }).__fake;
      f.emit({ type: 'pause', pause: f.pause });
    });
    await page.getByTestId('pause-bar').waitFor({ state: 'detached', timeout: 5000 });
  });
});

describe('Ajustes behind the owner PIN (Chromium, fake host)', () => {
  it('asks for the PIN, says a wrong one, slows down repeated ones in words, and opens with the right one', async () => {
    const page = await open('?pin=2468');
    await page.getByTestId('open-settings').click();
    await page.getByTestId('pin-pad').waitFor();
    // Nothing of the owner's is shown before the PIN.
    expect(await page.getByTestId('owner-tab-menu').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'owner-pin-pad.png') });
    await pressPin(page, '1111');
    await expect.poll(() => page.getByTestId('pin-error').innerText()).toBe('PIN incorrecto. Prueba otra vez.');
    // The host slows down after FAKE_PIN_TRIES wrong ones: the next try is told to wait.
    for (let i = 0; i < FAKE_PIN_TRIES; i++) await pressPin(page, '1111');
    await expect.poll(() => page.getByTestId('pin-wait').innerText()).toMatch(/Demasiados intentos con un PIN incorrecto\. Espera (30|29|28) segundos/);
    expect(await page.getByTestId('pin-key-ok').isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'owner-pin-wait.png') });
  });

  it('opens the tabs with the right PIN (typed on the keyboard) and a lapsed PIN session returns to the board', async () => {
    const page = await open('?pin=2468');
    await page.getByTestId('open-settings').click();
    await page.getByTestId('pin-pad').waitFor();
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByTestId('owner-tab-restaurant').waitFor();
    // The digits typed for the PIN did not select cards on the board behind.
    expect(await page.locator('.card--selected').count()).toBe(0);
    for (const id of ['restaurant', 'menu', 'kitchen', 'whatsapp', 'network', 'cloud', 'pin']) expect(await page.getByTestId(`owner-tab-${id}`).isVisible()).toBe(true);
    expect(await page.getByTestId('owner-no-pin').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'owner-terms-tab.png') });

    // The owner token runs out; the next change is refused and the board comes back, saying why.
    await fake(page, (f) => f.expireOwnerToken());
    await page.getByTestId('restaurant-name').fill('Casa Pepe 2');
    await page.getByTestId('terms-save').click();
    await page.getByTestId('owner-area').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('error-toast').innerText()).toMatch(/Ajustes se ha cerrado por seguridad/);
    // Opening again asks for the PIN again.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('pin-pad').waitFor();
    await page.getByTestId('owner-close').click();
    await page.getByTestId('owner-area').waitFor({ state: 'detached' });
    expect(page.errors).toEqual([]);
  });

  it('without a PIN yet it opens straight away and says so, in English too', async () => {
    const page = await open();
    await page.getByTestId('locale-toggle').click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('owner-no-pin').waitFor();
    expect(await page.getByTestId('owner-no-pin').innerText()).toMatch(/There is no PIN yet/);
    expect(await page.getByTestId('owner-tab-restaurant').innerText()).toBe('Restaurant and terms');
  });
});
