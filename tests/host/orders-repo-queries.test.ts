// The order queries the screens, the bot and the cloud rely on: the board after a reconnect, a
// customer's recent orders, the orders to catch the cloud up with, and the stamps a change leaves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import { OrderLifecycle } from '../../electron/orders/order-lifecycle.ts';
import type { OrderDraft } from '../../electron/bot/bot-types.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const HOUR = 3_600_000;
const ANA = '34600000001';
const BEA = '34600000002';

describe('order queries', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let clock: FakeClock;
  let lifecycle: OrderLifecycle;

  beforeEach(() => {
    tmp = makeTempDir();
    store = Store.open(join(tmp.dir, 'db.sqlite'));
    clock = new FakeClock();
    lifecycle = new OrderLifecycle({
      store,
      clock,
      onChange: () => undefined,
      onOutboxChange: () => undefined,
      locale: () => 'es',
      timezone: () => 'Europe/Madrid',
      undoMs: 5_000,
    });
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  const draft = (phone: string): OrderDraft => ({
    customer: { phone, name: 'Cliente' },
    fulfilment: 'pickup',
    payment: 'cash',
    items: [{ itemId: 'taco', name: 'Taco', quantity: 1, unitPrice: 3 }],
    currency: 'EUR',
  });

  it('the board shows every open order, even from yesterday, and everything from today, oldest first', async () => {
    const openYesterday = lifecycle.create(draft(ANA));
    const doneYesterday = lifecycle.create(draft(BEA));
    lifecycle.transition(doneYesterday.id, { to: 'rejected', reason: 'cerrado' });
    await clock.advance(20 * HOUR);
    const startOfToday = clock.now();
    const doneToday = lifecycle.create(draft(BEA));
    lifecycle.transition(doneToday.id, { to: 'cancelled', reason: 'el cliente' });
    await clock.advance(HOUR);
    const openToday = lifecycle.create(draft(ANA));
    const board = store.orders.listBoard(startOfToday, ['new', 'accepted', 'preparing', 'ready']);
    expect(board.map((o) => o.id)).toEqual([openYesterday.id, doneToday.id, openToday.id]);
  });

  it('catches the cloud up from an instant, including an order created at that very instant', async () => {
    lifecycle.create(draft(ANA));
    await clock.advance(HOUR);
    const cut = clock.now();
    const atCut = lifecycle.create(draft(BEA));
    await clock.advance(1);
    const after = lifecycle.create(draft(ANA));
    expect(store.orders.list({ createdSince: cut }).map((o) => o.id)).toEqual([atCut.id, after.id]);
    expect(store.orders.countCreatedSince(cut)).toBe(2);
  });

  it("gives the bot this customer's latest orders, newest first", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      ids.push(lifecycle.create(draft(ANA)).id);
      lifecycle.create(draft(BEA));
      await clock.advance(60_000);
    }
    const recent = store.orders.list({ phone: ANA, newestFirst: true, limit: 3 });
    expect(recent.map((o) => o.id)).toEqual([ids[3], ids[2], ids[1]]);
  });

  it('stamps every change with its time, and keeps or clears the ETA as asked', async () => {
    const order = lifecycle.create(draft(ANA));
    await clock.advance(60_000);
    lifecycle.transition(order.id, { to: 'accepted', etaMinutes: 25 });
    await clock.advance(60_000);
    const preparing = lifecycle.transition(order.id, { to: 'preparing' });
    expect(preparing.updatedAt).toBe(new Date(clock.now()).toISOString());
    expect(preparing.etaMinutes).toBe(25);
    store.orders.setStatus(order.id, 'accepted', clock.now(), 40);
    expect(store.orders.get(order.id)!.etaMinutes).toBe(40);
    store.orders.setStatus(order.id, 'new', clock.now(), null);
    expect('etaMinutes' in store.orders.get(order.id)!).toBe(false);
  });
});
