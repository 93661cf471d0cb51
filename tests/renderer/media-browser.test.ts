// The kitchen screen in Chromium over the desktop app's transport (the fake bridge: files come as
// base64 through getMedia): a voice note plays in the handoff list, photos show as thumbnails, a
// file not kept says why; a delivery pin shows with a maps link, dish options under their line, in
// history and grouped in the all-day panel. Screenshots go to test-results/.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handoff, MediaFile } from '../../shared/kds-api.ts';
import type { Order, OrderItem } from '../../shared/order.ts';
import type { FakeSeed } from './fake-kds-api.ts';
import { makeOrder } from './fixtures.ts';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';
import { solidPng, toneWav } from '../support/media-files.ts';

const screen = useFakeScreen();
const AUDIO_ID = 'a'.repeat(32);
const PHOTO_ID = 'b'.repeat(32);
const NOW = Date.now();
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString();

const grande = { groupId: 'size', choiceId: 'grande', name: 'Grande', price: 2600 };
const chica = { groupId: 'size', choiceId: 'chica', name: 'Chica', price: 0 };
const queso = { groupId: 'extras', choiceId: 'queso', name: 'Extra queso', price: 800 };
const pizza = (quantity: number, options: OrderItem['options'], unitPrice: number): OrderItem => ({ itemId: 'muzza', name: 'Pizza muzzarella', quantity, unitPrice, options });

function seed(): FakeSeed {
  const handoffs: Handoff[] = [
    {
      phone: '5491155550000',
      name: 'Martina',
      since: ago(3),
      lastMessage: '🎤',
      media: [
        { kind: 'audio', at: ago(3), id: AUDIO_ID, url: `/api/media/${AUDIO_ID}`, mimetype: 'audio/wav', bytes: 8044 },
        { kind: 'audio', at: ago(2), bytes: 17_000_000, missing: 'too-large' },
      ],
    },
    { phone: '5215512345678', name: 'Lupita', since: ago(1), lastMessage: '📷', media: [{ kind: 'image', at: ago(1), id: PHOTO_ID, url: `/api/media/${PHOTO_ID}`, mimetype: 'image/png' }] },
  ];
  const mediaFiles: MediaFile[] = [
    { id: AUDIO_ID, mimetype: 'audio/wav', dataBase64: toneWav(3000).toString('base64') },
    { id: PHOTO_ID, mimetype: 'image/png', dataBase64: solidPng(48).toString('base64') },
  ];
  const delivery: Order = makeOrder(52, ago(4), {
    customer: { phone: '5491155550001', name: 'Facundo' },
    fulfilment: 'delivery',
    address: 'Av. Corrientes 1234, CABA',
    location: { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. Corrientes 1234, CABA' },
    items: [pizza(2, [grande, queso], 12400), pizza(1, [chica], 9000)],
    currency: 'ARS',
    deliveryFee: 1500,
    total: 2 * 12400 + 9000 + 1500,
    payment: 'mercadopago',
  });
  const pinOnly: Order = makeOrder(53, ago(1), {
    fulfilment: 'delivery',
    location: { latitude: 19.4326, longitude: -99.1332 },
    items: [pizza(1, [grande, queso], 12400)],
    total: 12400,
    currency: 'MXN',
  });
  return { handoffs, mediaFiles, orders: [delivery, pinOnly] };
}

async function open(): Promise<ScreenPage> {
  const page = await screen.newPage();
  await page.addInitScript((s) => ((window as { __fakeSeed?: unknown }).__fakeSeed = s), seed());
  await page.goto(screen.url);
  await page.getByTestId('wa-state').waitFor();
  return page;
}

describe('what customers send besides text, on the kitchen screen', () => {
  it('a voice note plays from the handoff list; a photo shows as a thumbnail; a file not kept says why', async () => {
    const page = await open();
    const audio = page.getByTestId('handoff-audio');
    await audio.waitFor();
    await expect
      .poll(() => audio.evaluate((el: HTMLAudioElement) => ({ ready: el.readyState, duration: Math.round(el.duration * 10) / 10, error: el.error?.code ?? null })))
      .toEqual({ ready: expect.any(Number), duration: 3, error: null });
    expect(await audio.evaluate((el: HTMLAudioElement) => el.readyState)).toBeGreaterThanOrEqual(1);
    expect(await audio.getAttribute('src')).toMatch(/^blob:/);
    // It really plays (Chromium has no sound card here: muted playback still advances time).
    await audio.evaluate(async (el: HTMLAudioElement) => {
      el.muted = true;
      await el.play();
    });
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime > 0 || el.ended)).toBe(true);

    const photo = page.getByTestId('handoff-image');
    await expect.poll(() => photo.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(48);
    const files = page.getByTestId('handoff-file');
    expect(await files.allInnerTexts()).toEqual([
      expect.stringContaining('Audio recibido'),
      expect.stringMatching(/Audio recibido[\s\S]*16 MB/),
      expect.stringContaining('Foto recibida'),
    ]);
    await page.getByTestId('handoffs').screenshot({ path: join(RESULTS, 'media-handoffs.png') });
    await photo.click();
    await expect.poll(() => photo.getAttribute('class')).toBe('handoff__photo');
    await page.screenshot({ path: join(RESULTS, 'media-handoff-photo-large.png') });
    // Released: the list goes; the fake host was asked for each file once.
    await page.locator('[data-testid="handoff"][data-phone="5491155550000"]').getByTestId('release').click();
    await expect.poll(() => page.getByTestId('handoff').count()).toBe(1);
    const calls = (await page.evaluate(() => (window as unknown as { __fake: { calls: unknown[][] } }).__fake.calls)).filter((c) => c[0] === 'getMedia');
    expect(calls).toEqual([
      ['getMedia', AUDIO_ID],
      ['getMedia', PHOTO_ID],
    ]);
    expect(page.errors).toEqual([]);
  });

  it('a delivery pin shows with a maps link and dish options sit under their line; the total has them', async () => {
    const page = await open();
    const card = page.locator('[data-testid="order-card"][data-order-id="o52"]');
    await card.waitFor();
    const link = card.getByTestId('map-link');
    expect(await link.getAttribute('href')).toBe('https://www.google.com/maps?q=-34.6037,-58.3816');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await card.getByTestId('order-location').innerText()).toMatch(/Ver en el mapa/);
    expect(await card.getByTestId('item-options').allInnerTexts()).toEqual(['Grande · Extra queso', 'Chica']);
    expect(await card.innerText()).toMatch(/35\.300|35300/); // 2 × 12.400 + 9.000 + 1.500
    const pinOnly = page.locator('[data-testid="order-card"][data-order-id="o53"]');
    expect(await pinOnly.getByTestId('order-location').innerText()).toContain('19.43260, -99.13320');
    expect(await pinOnly.getByTestId('map-link').getAttribute('href')).toBe('https://www.google.com/maps?q=19.4326,-99.1332');
    await card.screenshot({ path: join(RESULTS, 'media-card-location-options.png') });
    expect(page.errors).toEqual([]);
  });

  it('history shows options and the pin; the all-day panel counts each dish per choice', async () => {
    const page = await open();
    await page.getByTestId('tab-history').click();
    const row = page.locator('[data-testid="history-row"][data-order-id="o52"]');
    await row.waitFor();
    expect(await row.getByTestId('history-items').innerText()).toBe('2 × Pizza muzzarella (Grande, Extra queso) · 1 × Pizza muzzarella (Chica)');
    expect(await row.getByTestId('map-link').getAttribute('href')).toBe('https://www.google.com/maps?q=-34.6037,-58.3816');
    await page.screenshot({ path: join(RESULTS, 'media-history.png') });
    await page.getByTestId('tab-allday').click();
    await page.getByTestId('all-day-row').first().waitFor();
    expect(await page.getByTestId('all-day-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^3\s+Pizza muzzarella · Extra queso · Grande$/),
      expect.stringMatching(/^1\s+Pizza muzzarella · Chica$/),
    ]);
    await page.screenshot({ path: join(RESULTS, 'media-all-day.png') });
    expect(page.errors).toEqual([]);
  });
});
