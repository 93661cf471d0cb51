// Two small pieces of the owner side on the board: the card's delivery-fee line, and the HTTP
// transport telling a wrong owner PIN (a 401 about the PIN) from a rejected access token.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UI_STRINGS } from '../../shared/i18n.ts';
import { OrderCard, type CardActions } from '../../renderer/src/components/OrderCard.tsx';
import { createHttpTransport } from '../../renderer/src/api/http-transport.ts';
import { createKdsClient } from '../../renderer/src/api/kds-client.ts';
import { makeOrder } from './fixtures.ts';

const noop: CardActions = { select() {}, accept() {}, advance() {}, stop() {} };
const card = (order: ReturnType<typeof makeOrder>, locale: 'es' | 'en' = 'es') =>
  renderToStaticMarkup(createElement(OrderCard, { order, index: 0, selected: false, amberAfterMinutes: 5, redAfterMinutes: 10, locale, t: UI_STRINGS[locale], actions: noop }));

describe('the card shows the delivery fee', () => {
  it('a delivery order with a fee has a fee line in the screen language; the total already includes it', () => {
    const order = makeOrder(5, '2026-11-20T12:00:00.000Z', { fulfilment: 'delivery', deliveryFee: 2.5, total: 12, address: 'Calle Mayor 5' });
    expect(card(order)).toMatch(/data-testid="delivery-fee"[^>]*>🛵 Gastos de envío: 2,50\s€/);
    expect(card(order, 'en')).toMatch(/Delivery fee: €2\.50/);
    expect(card(order)).toMatch(/12,00\s€/);
  });

  it('no fee line without a fee (pickup, or a free delivery)', () => {
    expect(card(makeOrder(6, '2026-11-20T12:00:00.000Z'))).not.toContain('delivery-fee');
    expect(card(makeOrder(7, '2026-11-20T12:00:00.000Z', { fulfilment: 'delivery', deliveryFee: 0 }))).not.toContain('delivery-fee');
  });
});

describe('HTTP transport: a wrong owner PIN is not a rejected access token', () => {
  const answering = (status: number, body: unknown) => {
    let rejected = 0;
    const transport = createHttpTransport({
      base: 'http://kitchen:4747/',
      token: 'tok',
      onUnauthorized: () => rejected++,
      fetch: (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch,
    });
    return { api: createKdsClient(transport), rejected: () => rejected };
  };

  it('unlockOwner with a wrong PIN fails as unauthorized, and the screen keeps its token', async () => {
    const { api, rejected } = answering(401, { error: { code: 'unauthorized', message: 'wrong PIN' } });
    await expect(api.unlockOwner('1111')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(api.setOwnerPin({ pin: '1234', currentPin: '0000' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(rejected()).toBe(0);
  });

  it('any other 401 still sends the screen back to the token screen', async () => {
    const { api, rejected } = answering(401, { error: { code: 'unauthorized', message: 'bad token' } });
    await expect(api.getMenu()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(rejected()).toBe(1);
  });

  it('a 429 carries the wait, and a 403 owner-pin-required reads as forbidden', async () => {
    await expect(answering(429, { error: { code: 'too_many_requests', message: 'wait' }, retryAfterSeconds: 60 }).api.unlockOwner('1')).rejects.toMatchObject({
      code: 'too_many_requests',
      retryAfterSeconds: 60,
    });
    await expect(answering(403, { error: { code: 'owner-pin-required', message: 'PIN' } }).api.saveMenu({} as never)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
