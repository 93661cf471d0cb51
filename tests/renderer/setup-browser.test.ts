// The welcome flow of a fresh install in Debian's Chromium on the fake host: every step walked
// through as an owner in Mexico would, each step leaving its mark on the host; "Más tarde" and
// "Saltar configuración"; English from the first screen.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';

const screen = useFakeScreen();

async function fresh(query = ''): Promise<ScreenPage> {
  const page = await screen.newPage();
  await page.goto(`${screen.url}?setup=fresh${query}`);
  await page.getByTestId('setup').waitFor();
  return page;
}

interface FakeState {
  setup: { completed: boolean; done: string[] };
  pin?: string;
  menu: {
    restaurant: string;
    locale: string;
    currency: string;
    timezone?: string;
    payments: string[];
    hours?: Record<string, [string, string][]>;
    delivery: { enabled: boolean; fee: number; minimumOrder: number };
    pickup: { enabled: boolean };
    categories: { name: string; items: { name: string; price: number }[] }[];
  };
  whatsapp: { engine: string };
  hostSettings: { locale?: string };
}
const state = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __fake: FakeState }).__fake;
    return JSON.parse(JSON.stringify({ setup: f.setup, pin: f.pin, menu: f.menu, whatsapp: f.whatsapp, hostSettings: f.hostSettings })) as FakeState;
  });
const atStep = (page: Page, step: string) => expect.poll(() => page.getByTestId('setup').getAttribute('data-step')).toBe(step);
const next = (page: Page) => page.getByTestId('setup-next').click();

describe('first run: the welcome flow (Chromium, fake host)', () => {
  it('walks a new restaurant in Mexico through every step, then shows the board in practice mode', async () => {
    const page = await fresh();
    // The board is not shown on a fresh install.
    expect(await page.getByTestId('board').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'setup-1-country.png') });
    await page.getByTestId('country').selectOption('MX');
    expect(await page.getByTestId('currency').inputValue()).toBe('MXN');
    expect(await page.getByTestId('timezone').inputValue()).toBe('America/Mexico_City');
    expect(await page.getByTestId('menu-locale').inputValue()).toBe('es-MX');
    await next(page);

    await atStep(page, 'restaurant');
    await page.getByTestId('setup-restaurant').fill('Taquería El Güero');
    await page.screenshot({ path: join(RESULTS, 'setup-2-restaurant.png') });
    await next(page);

    await atStep(page, 'pin');
    await expect.poll(() => page.getByTestId('setup-next').isDisabled()).toBe(true);
    await page.getByTestId('setup-pin').fill('4321');
    await page.getByTestId('setup-pin-repeat').fill('4322');
    await expect.poll(() => page.getByTestId('setup-next').isDisabled()).toBe(true);
    await page.getByTestId('setup-pin-repeat').fill('4321');
    await page.screenshot({ path: join(RESULTS, 'setup-3-pin.png') });
    await next(page);

    await atStep(page, 'whatsapp');
    await page.screenshot({ path: join(RESULTS, 'setup-4-whatsapp.png') });
    await page.getByTestId('setup-practice').click();
    await page.getByTestId('setup-engine-chosen').waitFor();
    await next(page);

    await atStep(page, 'menu');
    await page.getByTestId('setup-menu-add').click();
    for (const [category, name, price] of [
      ['Tacos', 'Taco al pastor', '25'],
      ['Tacos', 'Taco de suadero', '27,50'],
      ['Bebidas', 'Agua de horchata', '30'],
    ] as const) {
      await page.getByTestId('quick-category').fill(category);
      await page.getByTestId('quick-name').fill(name);
      await page.getByTestId('quick-price').fill(price);
      await page.getByTestId('quick-add').click();
    }
    await expect.poll(() => page.getByTestId('quick-dish').count()).toBe(3);
    await page.screenshot({ path: join(RESULTS, 'setup-5-menu.png') });
    await next(page);

    await atStep(page, 'hours');
    // Lunch and dinner every day to start with; Monday closed, Friday until midnight.
    await page.getByTestId('hours-mon-1-remove').click();
    await page.getByTestId('hours-mon-0-remove').click();
    await page.getByTestId('hours-fri-1-to').fill('24:00');
    await page.screenshot({ path: join(RESULTS, 'setup-6-hours.png') });
    await next(page);

    await atStep(page, 'payments');
    // Mexico's usual ones are already ticked; add PayPal, drop Mercado Pago.
    expect(await page.getByTestId('payment-spei').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('payment-paypal').click();
    await page.getByTestId('payment-mercadopago').click();
    await page.screenshot({ path: join(RESULTS, 'setup-7-payments.png') });
    await next(page);

    await atStep(page, 'fulfilment');
    await page.getByTestId('delivery-fee').fill('35');
    await page.getByTestId('delivery-minimum').fill('150');
    await page.screenshot({ path: join(RESULTS, 'setup-8-fulfilment.png') });
    await next(page);

    await page.getByTestId('board').waitFor();
    await expect.poll(() => page.getByTestId('practice-badge').innerText()).toMatch(/MODO PRÁCTICA/);
    const s = await state(page);
    expect(s.setup).toEqual({ completed: true, done: ['country', 'restaurant', 'pin', 'whatsapp', 'menu', 'hours', 'payments', 'fulfilment'] });
    expect(s.pin).toBe('4321');
    expect(s.whatsapp.engine).toBe('simulator');
    expect(s.menu).toMatchObject({ restaurant: 'Taquería El Güero', locale: 'es-MX', currency: 'MXN', timezone: 'America/Mexico_City' });
    expect(s.menu.payments.sort()).toEqual(['card', 'cash', 'paypal', 'spei', 'transfer']);
    expect(s.menu.hours?.mon).toEqual([]);
    expect(s.menu.hours?.fri).toEqual([['12:00', '16:00'], ['20:00', '24:00']]);
    expect(s.menu.delivery).toMatchObject({ enabled: true, fee: 35, minimumOrder: 150 });
    expect(s.menu.categories.map((c) => [c.name, c.items.map((i) => [i.name, i.price])])).toEqual([
      ['Tacos', [['Taco al pastor', 25], ['Taco de suadero', 27.5]]],
      ['Bebidas', [['Agua de horchata', 30]]],
    ]);
    await expect.poll(() => page.locator('.topbar__title').innerText()).toBe('Taquería El Güero');
    await page.screenshot({ path: join(RESULTS, 'setup-9-board.png') });
    expect(page.errors).toEqual([]);
  });

  it('"Más tarde" passes a step without changing anything; "Saltar configuración" goes to the board', async () => {
    const page = await fresh();
    await page.getByTestId('setup-later').click();
    await atStep(page, 'restaurant');
    await page.getByTestId('setup-restaurant').fill('');
    // Nothing valid to save: "Siguiente" waits, "Más tarde" still passes.
    await expect.poll(() => page.getByTestId('setup-next').isDisabled()).toBe(true);
    await page.getByTestId('setup-later').click();
    await atStep(page, 'pin');
    let s = await state(page);
    expect(s.setup).toEqual({ completed: false, done: ['country', 'restaurant'] });
    expect(s.menu.restaurant).toBe('Casa Pepe');
    await page.getByTestId('setup-back').click();
    await atStep(page, 'restaurant');
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('board').waitFor();
    s = await state(page);
    expect(s.setup.completed).toBe(true);
    expect(s.pin).toBeUndefined();
    expect(page.errors).toEqual([]);
  });

  it('speaks English from the first screen when chosen, and keeps it on the board', async () => {
    const page = await fresh();
    await page.getByTestId('setup-lang-en').click();
    await expect.poll(() => page.getByTestId('setup-progress').innerText()).toBe('Step 1 of 8');
    await page.getByTestId('country').selectOption('EN');
    expect(await page.getByTestId('menu-locale').inputValue()).toBe('en');
    await page.screenshot({ path: join(RESULTS, 'setup-english.png') });
    await next(page);
    await atStep(page, 'restaurant');
    expect((await state(page)).hostSettings.locale).toBe('en');
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('board').waitFor();
    await expect.poll(() => page.getByTestId('open-settings').innerText()).toMatch(/Settings/);
  });

  it('a PIN made before closing the app halfway is asked for before the flow goes on', async () => {
    const page = await fresh('&pin=9999');
    await page.getByTestId('pin-pad').waitFor();
    expect(await page.getByTestId('setup-skip').isDisabled()).toBe(true);
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-next').waitFor();
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('board').waitFor();
  });
});
