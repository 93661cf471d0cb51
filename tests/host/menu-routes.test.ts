import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Menu, MenuInput } from '../../shared/menu.ts';
import { testHost, type TestHost } from './owner-support.ts';

const smallMenu = (over: Partial<MenuInput> = {}): MenuInput => ({
  restaurant: 'Tacos Lupita',
  currency: 'MXN',
  locale: 'es-MX',
  payments: ['cash', 'spei', 'mercadopago'],
  delivery: { enabled: true, fee: 35, minimumOrder: 150, note: 'Solo colonia Roma' },
  categories: [
    {
      id: 'tacos',
      name: 'Tacos',
      items: [
        { id: 'pastor', name: 'Taco al pastor', price: 25 },
        { id: 'suadero', name: 'Taco de suadero', price: 25, description: 'con cebolla y cilantro' },
      ],
    },
  ],
  ...over,
});

describe('menu routes: GET|PUT /api/menu and out of stock', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await t.start();
  });
  afterEach(async () => t.cleanup());

  it('GET /api/menu answers the whole document with its terms; a fresh data directory has the sample', async () => {
    const res = await t.api.get<Menu>('/api/menu');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      restaurant: 'Casa Pepe',
      locale: 'es-ES',
      payments: expect.arrayContaining(['cash', 'card']),
      pickup: { enabled: true },
      delivery: { enabled: true, fee: 0, minimumOrder: 0 },
    });
    expect(res.body.categories[0]!.items[0]).toMatchObject({ id: 'clasica', price: 9.5 });
  });

  it('PUT /api/menu puts a new menu in use at once, stamped, announced, and kept across a restart', async () => {
    const put = await t.api.request<Menu>('PUT', '/api/menu', smallMenu());
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ restaurant: 'Tacos Lupita', updatedAt: new Date(t.clock.now()).toISOString() });
    expect(t.events.filter((e) => e.type === 'menu')).toHaveLength(1);
    expect((await t.api.get<Menu>('/api/menu')).body).toEqual(put.body);
    // In use by the bot at once.
    await t.api.say('5215511112222', 'order pastor 2');
    const orders = (await t.api.get<{ items: { itemId: string }[]; currency: string }[]>('/api/orders')).body;
    expect(orders.at(-1)).toMatchObject({ currency: 'MXN', items: [{ itemId: 'pastor' }] });
    expect((await t.api.get<{ menu: { restaurant: string } }>('/api/snapshot')).body.menu.restaurant).toBe('Tacos Lupita');

    await t.restart();
    expect((await t.api.get<Menu>('/api/menu')).body).toEqual(put.body);
  });

  it.each([
    ['duplicate ids', smallMenu({ categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: 1 }, { id: 'x', name: 'Y', price: 2 }] }] }), /item id "x" appears twice/],
    ['a negative price', smallMenu({ categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: -1 }] }] }), /categories\.0\.items\.0\.price/],
    ['a price that is not a number', smallMenu({ categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: '9,50' as unknown as number }] }] }), /categories\.0\.items\.0\.price/],
    ['an empty name', smallMenu({ categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: '  ', price: 1 }] }] }), /categories\.0\.items\.0\.name/],
    ['an unknown payment method', smallMenu({ payments: ['cash', 'bitcoin' as 'cash'] }), /payments\.1/],
    ['5,000 items', smallMenu({ categories: Array.from({ length: 10 }, (_, c) => ({ id: `c${c}`, name: `C${c}`, items: Array.from({ length: 500 }, (_, i) => ({ id: `i${c}-${i}`, name: `Dish ${i}`, price: 1 })) })) }), /5000 items; at most 2000/],
    ['a 2 MB description', smallMenu({ categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: 1, description: 'a'.repeat(2 * 1024 * 1024) }] }] }), /categories\.0\.items\.0\.description/],
  ])('refuses a menu with %s: 400 naming the path, and nothing changes', async (_label, menu, reason) => {
    const before = (await t.api.get<Menu>('/api/menu')).body;
    const res = await t.api.request<{ error: { code: string; message: string } }>('PUT', '/api/menu', menu);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(reason);
    expect((await t.api.get<Menu>('/api/menu')).body).toEqual(before);
    expect(t.events.filter((e) => e.type === 'menu')).toHaveLength(0);
  });

  it('answers 413 to a body far beyond any menu, and 400 to a body that is not JSON', async () => {
    const huge = await t.api.request<{ error: { code: string } }>('PUT', '/api/menu', `{"restaurant":"${'x'.repeat(9 * 1024 * 1024)}"}`);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    const broken = await t.api.request<{ error: { message: string } }>('PUT', '/api/menu', '{"restaurant":');
    expect(broken.status).toBe(400);
  });

  it('keeps markup in names as text, exactly as typed', async () => {
    const name = '<img src=x onerror=alert(1)> Taco <b>"especial"</b> & más';
    const menu = smallMenu({ restaurant: '<script>alert(1)</script>', categories: [{ id: 'a', name: '<i>A</i>', items: [{ id: 'x', name, price: 1 }] }] });
    expect((await t.api.request('PUT', '/api/menu', menu)).status).toBe(200);
    const got = (await t.api.get<Menu>('/api/menu')).body;
    expect(got.restaurant).toBe('<script>alert(1)</script>');
    expect(got.categories[0]!.items[0]!.name).toBe(name);
  });

  it('marks a dish sold out and back: 200 with the item, 404 for an unknown id, an event, kept across a restart', async () => {
    const out = await t.api.post<{ id: string; available: boolean }>('/api/menu/items/doble/availability', { available: false });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ id: 'doble', available: false });
    const event = t.events.find((e) => e.type === 'menu');
    expect(event && event.type === 'menu' && event.menu.categories[0]!.items.find((i) => i.id === 'doble')?.available).toBe(false);
    expect((await t.api.post('/api/menu/items/nope/availability', { available: false })).status).toBe(404);
    expect((await t.api.post('/api/menu/items/doble/availability', { available: 'no' })).status).toBe(400);

    await t.restart();
    const item = (await t.api.get<Menu>('/api/menu')).body.categories[0]!.items.find((i) => i.id === 'doble');
    expect(item?.available).toBe(false);
    expect((await t.api.post('/api/menu/items/doble/availability', { available: true })).body).toMatchObject({ available: true });
    await t.restart();
    expect((await t.api.get<Menu>('/api/menu')).body.categories[0]!.items.find((i) => i.id === 'doble')?.available).toBe(true);
  });

  it('stamps every local change later than the one before, even within one millisecond', async () => {
    const a = (await t.api.post('/api/menu/items/doble/availability', { available: false }), (await t.api.get<Menu>('/api/menu')).body.updatedAt!);
    const b = (await t.api.post('/api/menu/items/doble/availability', { available: true }), (await t.api.get<Menu>('/api/menu')).body.updatedAt!);
    expect(Date.parse(b)).toBeGreaterThan(Date.parse(a));
  });
});

describe('the menu at start: --menu FILE, the stored menu, the sample', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
  });
  afterEach(async () => t.cleanup());

  it('imports --menu replacing the stored menu (once per file content); without it the stored one stays in use', async () => {
    const file = join(t.dir, 'menu-file.json');
    writeFileSync(file, JSON.stringify(smallMenu()));
    await t.start({ menuPath: file });
    expect((await t.api.get<Menu>('/api/menu')).body.restaurant).toBe('Tacos Lupita');
    await t.api.post('/api/menu/items/pastor/availability', { available: false });

    await t.restart();
    const stored = (await t.api.get<Menu>('/api/menu')).body;
    expect(stored.restaurant).toBe('Tacos Lupita');
    expect(stored.categories[0]!.items[0]!.available).toBe(false);

    // The same file again (a service that always starts with --menu): the edits since stay.
    await t.restart({ menuPath: file });
    expect((await t.api.get<Menu>('/api/menu')).body.categories[0]!.items[0]!.available).toBe(false);

    writeFileSync(file, JSON.stringify(smallMenu({ restaurant: 'Tacos Lupita 2' })));
    await t.restart({ menuPath: file });
    const imported = (await t.api.get<Menu>('/api/menu')).body;
    expect(imported.restaurant).toBe('Tacos Lupita 2');
    expect(imported.categories[0]!.items[0]!.available).toBeUndefined();
  });

  it('refuses to start on a broken --menu file with the reason, and the stored menu is untouched', async () => {
    await t.start();
    await t.api.request('PUT', '/api/menu', smallMenu());
    await t.stop();
    const file = join(t.dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ restaurant: 'X', categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: -2 }] }] }));
    await expect(t.start({ menuPath: file })).rejects.toThrow(/broken\.json: invalid menu: categories\.0\.items\.0\.price/);
    await t.start();
    expect((await t.api.get<Menu>('/api/menu')).body.restaurant).toBe('Tacos Lupita');
  });
});
