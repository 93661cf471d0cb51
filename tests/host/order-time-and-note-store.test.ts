// The requested time and the order note go from the bot's draft into SQLite and back out as part of
// the order (and into the cloud mirror's document); a database written before they existed is
// migrated and its orders read as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Store } from '../../electron/store/store.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import { OrderLifecycle } from '../../electron/orders/order-lifecycle.ts';
import { orderDocument } from '../../electron/cloud/order-sync.ts';
import type { OrderDraft } from '../../electron/bot/bot-types.ts';
import { KdsError } from '../../shared/kds-api.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const draft: OrderDraft = {
  customer: { phone: '34600111222', name: 'Ana' },
  fulfilment: 'delivery',
  address: 'Calle Mayor 5',
  payment: 'cash',
  items: [{ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 2, unitPrice: 9.5, note: 'sin cebolla' }],
  currency: 'EUR',
};

function lifecycleFor(store: Store): OrderLifecycle {
  return new OrderLifecycle({
    store,
    clock: new FakeClock(),
    onChange: () => {},
    onOutboxChange: () => {},
    locale: () => 'es',
    timezone: () => 'Europe/Madrid',
    undoMs: 5000,
  });
}

describe('requested time and order note in the store', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('round-trips both fields through SQLite, a reopen and the cloud document', () => {
    const path = join(tmp.dir, 'db.sqlite');
    let store = Store.open(path);
    const created = lifecycleFor(store).create({ ...draft, requestedTime: '21:30', orderNote: '  Llamad al timbre 2 <b>ya</b>  ' });
    expect(created.requestedTime).toBe('21:30');
    expect(created.orderNote).toBe('Llamad al timbre 2 <b>ya</b>');
    // Dish notes stay on their dish.
    expect(created.items[0]?.note).toBe('sin cebolla');
    store.close();

    store = Store.open(path);
    const read = store.orders.get(created.id);
    expect(read).toMatchObject({ requestedTime: '21:30', orderNote: 'Llamad al timbre 2 <b>ya</b>', address: 'Calle Mayor 5' });
    expect(store.orders.list({ newestFirst: true })[0]?.requestedTime).toBe('21:30');
    const document = orderDocument(read!);
    expect(document.requestedTime).toBe('21:30');
    expect(document.orderNote).toBe('Llamad al timbre 2 <b>ya</b>');
    store.close();
  });

  it('an order without them has neither key (the REST shape is unchanged)', () => {
    const store = Store.open(join(tmp.dir, 'db.sqlite'));
    const order = lifecycleFor(store).create(draft);
    expect('requestedTime' in order).toBe(false);
    expect('orderNote' in order).toBe(false);
    expect(Object.keys(orderDocument(order))).not.toContain('orderNote');
    store.close();
  });

  it('refuses a requested time that is not HH:MM and stores nothing', () => {
    const store = Store.open(join(tmp.dir, 'db.sqlite'));
    const lifecycle = lifecycleFor(store);
    for (const bad of ['9:30', '24:00', '21h', '']) {
      expect(() => lifecycle.create({ ...draft, requestedTime: bad })).toThrow(KdsError);
    }
    expect(store.orders.count()).toBe(0);
    store.close();
  });

  it('migrates a database written before the fields existed; its orders read as before', () => {
    const path = join(tmp.dir, 'old.sqlite');
    const old = new DatabaseSync(path);
    // The schema as shipped before migration 3.
    for (const sql of MIGRATIONS.slice(0, 2)) old.exec(sql);
    old.exec('PRAGMA user_version = 2');
    old.prepare(
      `INSERT INTO orders (id, number, day, status, customer_phone, customer_name, fulfilment, address, payment,
         items_json, total, currency, created_at, updated_at, eta_minutes, acknowledged)
       VALUES ('old-1', 3, '2026-11-25', 'completed', '34600999888', 'Marta', 'pickup', NULL, 'card', ?, 9.5, 'EUR', ?, ?, 20, 1)`,
    ).run(JSON.stringify([{ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 1, unitPrice: 9.5 }]), Date.UTC(2026, 10, 25, 12), Date.UTC(2026, 10, 25, 13));
    old.close();

    const store = Store.open(path);
    expect((store.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(MIGRATIONS.length);
    const migrated = store.orders.get('old-1');
    expect(migrated).toMatchObject({ number: 3, status: 'completed', payment: 'card', etaMinutes: 20, acknowledged: true, customer: { name: 'Marta' } });
    expect(migrated && 'requestedTime' in migrated).toBe(false);
    expect(migrated && 'orderNote' in migrated).toBe(false);
    // New orders in the migrated database carry both.
    const fresh = lifecycleFor(store).create({ ...draft, requestedTime: '14:00', orderNote: 'Es para un cumpleaños' });
    expect(store.orders.get(fresh.id)).toMatchObject({ requestedTime: '14:00', orderNote: 'Es para un cumpleaños' });
    store.close();
  });
});
