// The durable order mirror against the real SDK and the test-support emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, getDocs, doc, getDoc, terminate } from 'firebase/firestore';
import { OrderSync } from '../../electron/cloud/order-sync.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { advanceOrder, makeOrder, openCloudDb, sdkClient, silentLogger, waitUntil } from './cloud-harness.ts';
import type { Order, OrderStatus } from '../../shared/order.ts';

let emulator: FirestoreEmulator;
beforeAll(async () => {
  emulator = await startFirestoreEmulator();
});
afterAll(() => emulator.stop());

const PATH: OrderStatus[] = ['accepted', 'preparing', 'ready', 'completed'];

describe('order sync queue', () => {
  it('mirrors orders with doc id = local id; the latest local state wins', async () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const client = sdkClient(emulator);
    const sync = new OrderSync({ db, firestore: client.db, restaurantId: 'r1', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger });
    sync.start();
    let order = makeOrder(1);
    sync.enqueue(order);
    for (const to of PATH) {
      order = advanceOrder(order, to);
      sync.enqueue(order);
    }
    await sync.idle();
    const reader = sdkClient(emulator);
    const data = (await getDoc(doc(reader.db, 'restaurants/r1/orders/ord-001'))).data()!;
    expect(data.status).toBe('completed');
    expect((data.events as Order['events']).map((e) => e.to)).toEqual(PATH);
    expect(data.deviceId).toBe('pc1');
    expect(sync.pending()).toBe(0);
    sync.stop();
    await client.close();
    await reader.close();
    db.close();
    temp.cleanup();
  });

  it('offline: 50 orders and their transitions, a host restart, then the emulator back: every one arrives once, in order', async () => {
    const temp = makeTempDir();
    emulator.stop();
    // First run of the host: the cloud is unreachable.
    const db1 = openCloudDb(temp.dir);
    const client1 = sdkClient(emulator);
    const sync1 = new OrderSync({ db: db1, firestore: client1.db, restaurantId: 'off', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger });
    sync1.start();
    const finals: Order[] = [];
    for (let n = 1; n <= 50; n++) {
      let order = makeOrder(n);
      sync1.enqueue(order);
      for (const to of PATH.slice(0, n % 5)) {
        order = advanceOrder(order, to);
        sync1.enqueue(order);
      }
      finals.push(order);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(sync1.pending()).toBe(50);
    // The host stops (its SDK's memory queue dies with it).
    sync1.stop();
    await terminate(client1.db);
    await client1.close();
    db1.close();

    // Second run: still offline at first, then the emulator comes back.
    const db2 = openCloudDb(temp.dir);
    const client2 = sdkClient(emulator);
    const sync2 = new OrderSync({ db: db2, firestore: client2.db, restaurantId: 'off', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger });
    sync2.start();
    expect(sync2.pending()).toBe(50);
    await new Promise((r) => setTimeout(r, 200));
    const backAt = Date.now();
    await emulator.start();
    await sync2.idle();
    const drainMs = Date.now() - backAt;

    const reader = sdkClient(emulator);
    const docs = await getDocs(collection(reader.db, 'restaurants/off/orders'));
    expect(docs.size).toBe(50);
    for (const order of finals) {
      const data = docs.docs.find((d) => d.id === order.id)!.data();
      expect(data.status).toBe(order.status);
      expect((data.events as Order['events']).map((e) => e.to)).toEqual(order.events.map((e) => e.to));
      expect(emulator.writeCount(`restaurants/off/orders/${order.id}`)).toBe(1);
    }
    console.log(JSON.stringify({ measurement: 'offline-drain', orders: 50, drainMs }));
    sync2.stop();
    await client2.close();
    await reader.close();
    db2.close();
    temp.cleanup();
  });

  it('retries a rejected write with backoff and keeps the row until it is acknowledged', async () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const client = sdkClient(emulator);
    const sync = new OrderSync({
      db, firestore: client.db, restaurantId: 'r2', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger,
      backoff: { baseMs: 20, maxMs: 100 },
    });
    // A field Firestore refuses (nested arrays) fails the write; a later good snapshot succeeds.
    const bad = { ...makeOrder(7), items: [[1]] } as unknown as Order;
    sync.start();
    sync.enqueue(bad);
    await new Promise((r) => setTimeout(r, 150));
    expect(sync.pending()).toBe(1);
    sync.enqueue(advanceOrder(makeOrder(7), 'accepted'));
    await waitUntil(() => sync.pending() === 0);
    const reader = sdkClient(emulator);
    expect((await getDoc(doc(reader.db, 'restaurants/r2/orders/ord-007'))).data()!.status).toBe('accepted');
    sync.stop();
    await client.close();
    await reader.close();
    db.close();
    temp.cleanup();
  });
});
