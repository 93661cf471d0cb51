import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import { OrderLifecycle } from '../../electron/orders/order-lifecycle.ts';
import type { OrderDraft } from '../../electron/bot/bot-types.ts';
import { KdsError } from '../../shared/kds-api.ts';
import { MAX_ORDER_NOTE_CHARS, type Order } from '../../shared/order.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const draft: OrderDraft = {
  customer: { phone: '34600111222', name: 'Ana' },
  fulfilment: 'pickup',
  payment: 'cash',
  items: [
    { itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 2, unitPrice: 9.5, note: 'sin cebolla' },
    { itemId: 'coca-cola', name: 'Coca-Cola', quantity: 1, unitPrice: 2.5 },
  ],
  currency: 'EUR',
};

describe('order lifecycle', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let clock: FakeClock;
  let lifecycle: OrderLifecycle;
  let changes: Order[];
  let kicks: number;

  beforeEach(() => {
    tmp = makeTempDir();
    store = Store.open(join(tmp.dir, 'db.sqlite'));
    clock = new FakeClock();
    changes = [];
    kicks = 0;
    lifecycle = new OrderLifecycle({
      store,
      clock,
      onChange: (o) => changes.push(o),
      onOutboxChange: () => kicks++,
      locale: () => 'es',
      timezone: () => 'Europe/Madrid',
      undoMs: 5000,
    });
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  const expectKdsError = (fn: () => unknown, code: string) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(KdsError);
      expect((error as KdsError).code).toBe(code);
      return error as KdsError;
    }
    throw new Error(`expected a ${code} error`);
  };

  it('creates numbered orders with totals in cents and the stable shape', () => {
    const a = lifecycle.create(draft);
    const b = lifecycle.create(draft);
    expect(a.number).toBe(1);
    expect(b.number).toBe(2);
    expect(a.total).toBe(21.5);
    expect(a.status).toBe('new');
    expect(a.items[0]).toEqual({ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 2, unitPrice: 9.5, note: 'sin cebolla' });
    expect(a.events).toEqual([]);
    expect(a.acknowledged).toBe(false);
    expect(a.createdAt).toBe(new Date(clock.now()).toISOString());
    expect(a.id).not.toBe(b.id);
    expect(changes.map((o) => o.number)).toEqual([1, 2]);
  });

  it('restarts numbering on a new local day', async () => {
    lifecycle.create(draft);
    await clock.advance(24 * 3600_000);
    expect(lifecycle.create(draft).number).toBe(1);
  });

  it('walks the happy path, logging who and when, and queues the customer messages', async () => {
    const order = lifecycle.create(draft);
    const accepted = lifecycle.transition(order.id, { to: 'accepted', etaMinutes: 20, by: 'cocina' });
    expect(accepted.status).toBe('accepted');
    expect(accepted.etaMinutes).toBe(20);
    expect(accepted.acknowledged).toBe(true);
    await clock.advance(60_000);
    lifecycle.transition(order.id, { to: 'preparing' });
    lifecycle.transition(order.id, { to: 'ready' });
    const done = lifecycle.transition(order.id, { to: 'completed' });
    expect(done.events.map((e) => [e.from, e.to])).toEqual([
      ['new', 'accepted'],
      ['accepted', 'preparing'],
      ['preparing', 'ready'],
      ['ready', 'completed'],
    ]);
    expect(done.events[0]!.by).toBe('cocina');
    expect(done.events[1]!.by).toBe('staff');
    const notices = done.notifications.map((n) => n.kind);
    expect(notices).toEqual(['accepted', 'ready']);
    const bodies = store.outbox.keysWithPrefix(`order:${order.id}:`).map((e) => e.body);
    expect(bodies[0]).toContain('#1');
    expect(bodies[0]).toContain('20 minutos');
    expect(bodies[1]).toContain('listo');
    expect(kicks).toBe(2);
  });

  it('tells a delivery customer the order is on its way', () => {
    const order = lifecycle.create({ ...draft, fulfilment: 'delivery', address: 'Calle Mayor 1' });
    lifecycle.transition(order.id, { to: 'accepted' });
    const ready = lifecycle.transition(order.id, { to: 'ready' });
    expect(ready.notifications.map((n) => n.kind)).toEqual(['accepted', 'on-the-way']);
  });

  it('refuses illegal transitions with 409, says why, and changes nothing', () => {
    const order = lifecycle.create(draft);
    expect(expectKdsError(() => lifecycle.transition(order.id, { to: 'completed' }), 'conflict').message).toBe(
      'order #1 cannot go from new to completed',
    );
    expect(expectKdsError(() => lifecycle.transition(order.id, { to: 'new' }), 'conflict').message).toBe('order #1 is already new');
    lifecycle.transition(order.id, { to: 'rejected', reason: 'Sin existencias' });
    expectKdsError(() => lifecycle.transition(order.id, { to: 'accepted' }), 'conflict');
    const stored = store.orders.get(order.id)!;
    expect(stored.status).toBe('rejected');
    expect(stored.events).toHaveLength(1);
    expect(stored.events[0]!.reason).toBe('Sin existencias');
  });

  it('requires a reason to reject or cancel', () => {
    const order = lifecycle.create(draft);
    expect(expectKdsError(() => lifecycle.transition(order.id, { to: 'rejected' }), 'bad_request').message).toBe(
      'a reason is required to mark an order rejected',
    );
    expectKdsError(() => lifecycle.transition(order.id, { to: 'cancelled', reason: '   ' }), 'bad_request');
    const cancelled = lifecycle.transition(order.id, { to: 'cancelled', reason: 'El cliente no contesta.' });
    expect(cancelled.status).toBe('cancelled');
    const body = store.outbox.keysWithPrefix(`order:${order.id}:`)[0]!.body;
    expect(body).toContain('cancelado');
    expect(body).toContain('El cliente no contesta.');
    expect(body).not.toContain('..');
  });

  it('answers 404 for an unknown order', () => {
    expect(expectKdsError(() => lifecycle.transition('nope', { to: 'accepted' }), 'not_found').message).toBe('no order with id nope');
  });

  it('recalls a completed order to ready without telling the customer again', () => {
    const order = lifecycle.create(draft);
    lifecycle.transition(order.id, { to: 'accepted' });
    lifecycle.transition(order.id, { to: 'ready' });
    lifecycle.transition(order.id, { to: 'completed' });
    const recalled = lifecycle.transition(order.id, { to: 'ready' });
    expect(recalled.status).toBe('ready');
    expect(recalled.notifications).toHaveLength(2);
  });

  it('undoes within the window and withdraws the held notice', async () => {
    const order = lifecycle.create(draft);
    lifecycle.transition(order.id, { to: 'accepted', etaMinutes: 10, undoable: true });
    const held = store.outbox.keysWithPrefix(`order:${order.id}:`)[0]!;
    expect(held.dueAt).toBe(clock.now() + 5000);
    await clock.advance(3000);
    const undone = lifecycle.undo(order.id);
    expect(undone.status).toBe('new');
    expect(undone.etaMinutes).toBeUndefined();
    expect(undone.events.at(-1)).toMatchObject({ from: 'accepted', to: 'new', by: 'staff', reason: 'undo', undo: true });
    expect(store.outbox.get(held.key)!.state).toBe('cancelled');
    // Nothing more to undo: the undo itself is not undoable.
    expectKdsError(() => lifecycle.undo(order.id), 'conflict');
  });

  it('refuses undo after the window or once the customer was told', async () => {
    const order = lifecycle.create(draft);
    lifecycle.transition(order.id, { to: 'accepted' });
    const notice = store.outbox.keysWithPrefix(`order:${order.id}:`)[0]!;
    store.outbox.markSending(notice.key);
    store.outbox.markSent(notice.key, clock.now());
    expectKdsError(() => lifecycle.undo(order.id), 'conflict');
    lifecycle.transition(order.id, { to: 'preparing' });
    await clock.advance(6000);
    expectKdsError(() => lifecycle.undo(order.id), 'conflict');
    expect(store.orders.get(order.id)!.status).toBe('preparing');
  });

  it('lets the customer cancel only before the kitchen accepts', () => {
    const a = lifecycle.create(draft);
    expect(lifecycle.cancelByCustomer(a.id, 'Cancelado por el cliente')).toBe(true);
    expect(store.orders.get(a.id)!.events[0]!.by).toBe('customer');
    const b = lifecycle.create(draft);
    lifecycle.transition(b.id, { to: 'accepted' });
    expect(lifecycle.cancelByCustomer(b.id, 'x')).toBe(false);
    expect(store.orders.get(b.id)!.status).toBe('accepted');
  });

  it('rolls back the state change when the notice cannot be queued', () => {
    const order = lifecycle.create(draft);
    store.db.exec(`CREATE TRIGGER no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => lifecycle.transition(order.id, { to: 'accepted' })).toThrow(/disk full/);
    expect(store.orders.get(order.id)!.status).toBe('new');
    expect(store.orders.get(order.id)!.events).toHaveLength(0);
  });

  describe('undo never reverts what the customer was already told', () => {
    const accepted = (etaMinutes?: number) => {
      const order = lifecycle.create(draft);
      lifecycle.transition(order.id, { to: 'accepted', undoable: true, ...(etaMinutes ? { etaMinutes } : {}) });
      return order;
    };

    it('refuses while the notice is being handed to WhatsApp, and keeps the notice', () => {
      const order = accepted(15);
      const notice = store.outbox.keysWithPrefix(`order:${order.id}:`)[0]!;
      store.outbox.markSending(notice.key);
      const error = expectKdsError(() => lifecycle.undo(order.id), 'conflict');
      expect(error.message).toContain('already been told');
      expect(store.orders.get(order.id)!.status).toBe('accepted');
      expect(store.outbox.get(notice.key)!.state).toBe('sending');
    });

    it('undoes a change that sent no notice, and the ETA the customer was given stays', async () => {
      const order = accepted(20);
      const notice = store.outbox.keysWithPrefix(`order:${order.id}:`)[0]!;
      store.outbox.markSending(notice.key);
      store.outbox.markSent(notice.key, clock.now());
      await clock.advance(60_000);
      lifecycle.transition(order.id, { to: 'preparing', undoable: true });
      await clock.advance(2_000);
      const undone = lifecycle.undo(order.id, 'cocina');
      expect(undone.status).toBe('accepted');
      expect(undone.etaMinutes).toBe(20);
      expect(undone.events.at(-1)).toMatchObject({ from: 'preparing', to: 'accepted', by: 'cocina', reason: 'undo', undo: true });
      expect(store.outbox.get(notice.key)!.state).toBe('sent');
      expect(store.outbox.keysWithPrefix(`order:${order.id}:`)).toHaveLength(1);
    });

    it('reverts only the latest change', async () => {
      const order = accepted();
      await clock.advance(60_000);
      lifecycle.transition(order.id, { to: 'preparing' });
      await clock.advance(1_000);
      lifecycle.transition(order.id, { to: 'ready', undoable: true });
      const undone = lifecycle.undo(order.id);
      expect(undone.status).toBe('preparing');
      expect(store.outbox.keysWithPrefix(`order:${order.id}:`).map((n) => [n.kind, n.state])).toEqual([
        ['accepted', 'pending'],
        ['ready', 'cancelled'],
      ]);
    });

    it('withdraws only this order\'s notice, never another customer\'s', async () => {
      const first = accepted();
      await clock.advance(1_000); // the later order's id sorts after this one's
      const second = lifecycle.create({ ...draft, customer: { phone: '34600999888', name: 'Bea' } });
      lifecycle.transition(second.id, { to: 'accepted', undoable: true });
      lifecycle.undo(first.id);
      const states = (id: string) => store.outbox.keysWithPrefix(`order:${id}:`).map((n) => n.state);
      expect(states(first.id)).toEqual(['cancelled']);
      expect(states(second.id)).toEqual(['pending']);
    });

    it('stays open for the whole window and closes right after it', async () => {
      const open = accepted();
      await clock.advance(5000);
      expect(lifecycle.undo(open.id).status).toBe('new');
      const late = accepted();
      await clock.advance(5001);
      expect(expectKdsError(() => lifecycle.undo(late.id), 'conflict').message).toBe('the undo window for order #2 has closed');
      expect(store.orders.get(late.id)!.status).toBe('accepted');
    });

    it('follows the undo window the settings give at the moment, not the one at start-up', async () => {
      let windowMs = 5_000;
      const live = new OrderLifecycle({
        store,
        clock,
        onChange: () => undefined,
        onOutboxChange: () => undefined,
        locale: () => 'es',
        timezone: () => 'Europe/Madrid',
        undoMs: () => windowMs,
      });
      windowMs = 20_000;
      const order = live.create(draft);
      live.transition(order.id, { to: 'accepted', undoable: true });
      expect(store.outbox.keysWithPrefix(`order:${order.id}:`)[0]!.notBefore).toBe(clock.now() + 20_000);
      await clock.advance(15_000);
      expect(live.undo(order.id).status).toBe('new');
    });

    it('has nothing to undo on a fresh order', () => {
      const order = lifecycle.create(draft);
      const error = expectKdsError(() => lifecycle.undo(order.id), 'conflict');
      expect(error.message).toContain('nothing to undo');
      expectKdsError(() => lifecycle.undo('missing'), 'not_found');
    });
  });

  describe('what the kitchen gets', () => {
    it('refuses an order with no items and spends no order number on it', () => {
      expect(expectKdsError(() => lifecycle.create({ ...draft, items: [] }), 'bad_request').message).toBe('an order needs at least one item');
      expect(store.orders.count()).toBe(0);
      expect(changes).toEqual([]);
      expect(lifecycle.create(draft).number).toBe(1);
    });

    it('refuses a requested time that is not a clock time', () => {
      const error = expectKdsError(() => lifecycle.create({ ...draft, requestedTime: '9pm' }), 'bad_request');
      expect(error.message).toContain('HH:MM');
      expect(store.orders.count()).toBe(0);
    });

    it('caps the order note at its length limit and drops an empty one', () => {
      const long = 'x'.repeat(MAX_ORDER_NOTE_CHARS + 50);
      expect(lifecycle.create({ ...draft, orderNote: `  ${long}  ` }).orderNote).toBe('x'.repeat(MAX_ORDER_NOTE_CHARS));
      expect('orderNote' in lifecycle.create({ ...draft, orderNote: '   ' })).toBe(false);
    });

    it('keeps the delivery fee only on delivery orders and adds it to the total', () => {
      const delivery = lifecycle.create({ ...draft, fulfilment: 'delivery', address: 'Calle Mayor 1', deliveryFee: 2 });
      expect(delivery).toMatchObject({ deliveryFee: 2, total: 23.5 });
      const pickup = lifecycle.create({ ...draft, deliveryFee: 2 });
      expect(pickup.total).toBe(21.5);
      expect('deliveryFee' in pickup).toBe(false);
    });

    it('keeps each dish\'s chosen options and a shared location pin, and stores no empty extras', () => {
      const options = [{ groupId: 'salsa', choiceId: 'verde', name: 'Salsa verde', price: 0.5 }];
      const order = lifecycle.create({
        ...draft,
        fulfilment: 'delivery',
        address: 'Calle Mayor 1',
        location: { latitude: 40.4168, longitude: -3.7038, name: 'Casa' },
        items: [
          { itemId: 'taco', name: 'Taco', quantity: 2, unitPrice: 3.5, options },
          { itemId: 'agua', name: 'Agua', quantity: 1, unitPrice: 1, options: [], note: '' },
        ],
      });
      const stored = store.orders.get(order.id)!;
      expect(stored.items[0]!.options).toEqual(options);
      expect(stored.items[1]).toEqual({ itemId: 'agua', name: 'Agua', quantity: 1, unitPrice: 1 });
      expect(stored.location).toEqual({ latitude: 40.4168, longitude: -3.7038, name: 'Casa' });
      expect(stored.address).toBe('Calle Mayor 1');
      const plain = lifecycle.create(draft);
      expect('location' in plain || 'address' in plain || 'requestedTime' in plain).toBe(false);
    });

    it('gives every order an id that sorts like its creation time', async () => {
      const first = lifecycle.create(draft);
      await clock.advance(1);
      const second = lifecycle.create(draft);
      await clock.advance(400 * 24 * 3600_000);
      const third = lifecycle.create(draft);
      expect([third.id, second.id, first.id].sort()).toEqual([first.id, second.id, third.id]);
      expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    });

    it('queues status notices after a waiting customer\'s bot reply and before bulk messages', () => {
      const order = lifecycle.create(draft);
      store.outbox.enqueue({ key: 'bulk', phone: '34600555444', body: 'promo', kind: 'bulk', createdAt: clock.now() });
      lifecycle.transition(order.id, { to: 'accepted' });
      store.outbox.enqueue({ key: 'reply', phone: '34600555444', body: 'hola', kind: 'reply', priority: 10, createdAt: clock.now() });
      expect(store.outbox.active().map((e) => e.kind)).toEqual(['reply', 'accepted', 'bulk']);
      expect(store.outbox.active()[1]).toMatchObject({ phone: draft.customer.phone, orderId: order.id });
    });

    it('a customer cannot cancel an order that does not exist', () => {
      expect(lifecycle.cancelByCustomer('missing', 'x')).toBe(false);
    });

    it('marks a card seen once, and seeing it again changes nothing', async () => {
      const order = lifecycle.create(draft);
      await clock.advance(30_000);
      const seen = lifecycle.acknowledge(order.id);
      expect(seen.acknowledged).toBe(true);
      expect(seen.updatedAt).toBe(new Date(clock.now()).toISOString());
      expect(changes.at(-1)).toMatchObject({ id: order.id, acknowledged: true });
      const before = changes.length;
      await clock.advance(30_000);
      expect(lifecycle.acknowledge(order.id).updatedAt).toBe(seen.updatedAt);
      expect(changes).toHaveLength(before);
      expectKdsError(() => lifecycle.acknowledge('missing'), 'not_found');
    });

    it('a transition on a card nobody had opened marks it seen', () => {
      const order = lifecycle.create(draft);
      expect(lifecycle.transition(order.id, { to: 'rejected', reason: 'cerrado' }).acknowledged).toBe(true);
    });
  });
});
