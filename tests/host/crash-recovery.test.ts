// Killing the host with SIGKILL in the middle of a burst of 100 orders loses none of them and sends
// no customer message twice after the restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/order.ts';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.ts';
import { SimCustomer } from '../support/customer.ts';
import { waitFor, type ApiClient } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CUSTOMERS = 100;
const CONCURRENCY = 8;

describe('SIGKILL in the middle of a burst of 100 orders', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess | undefined;

  beforeAll(() => {
    tmp = makeTempDir('comanda-crash-');
  });
  afterAll(async () => {
    await host?.kill('SIGTERM');
    tmp.cleanup();
  });

  /** Runs every customer to an order; kills the host once `killAfter` orders exist (if given). */
  async function burst(customers: SimCustomer[], api: ApiClient, killAfter?: number): Promise<void> {
    let placed = customers.filter((c) => c.order).length;
    let killed = false;
    const queue = customers.filter((c) => !c.order);
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        try {
          while (!c.order) {
            await c.step(api);
            if (killed) return;
          }
          placed++;
          if (killAfter !== undefined && placed >= killAfter && !killed) {
            killed = true;
            host!.child.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error;
          return; // the host is gone: this customer resumes after the restart
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  it('loses no order and sends nothing twice', { timeout: 240_000 }, async () => {
    host = await startHeadless({ dataDir: tmp.dir });
    const port = host.port;
    const customers = Array.from(
      { length: CUSTOMERS },
      (_, i) => new SimCustomer({ phone: `346001${String(i).padStart(5, '0')}`, name: `Cliente ${i}` }),
    );

    // 1. Kill the host in the middle of the ordering burst.
    await burst(customers, host.api, 40);
    await host.kill();
    const orderedBeforeCrash = customers.filter((c) => c.order).length;
    expect(orderedBeforeCrash).toBeGreaterThanOrEqual(40);
    expect(orderedBeforeCrash).toBeLessThan(CUSTOMERS);

    // 2. Restart on the same data dir; every customer carries on where they were.
    host = await startHeadless({ dataDir: tmp.dir, port });
    await burst(customers, host.api);
    let orders = (await host.api.get<Order[]>('/api/orders')).body;
    expect(orders).toHaveLength(CUSTOMERS);
    expect(new Set(orders.map((o) => o.customer.phone)).size).toBe(CUSTOMERS);
    expect(new Set(orders.map((o) => o.number)).size).toBe(CUSTOMERS);
    for (const c of customers) {
      expect(orders.find((o) => o.customer.phone === c.options.phone)?.id).toBe(c.order!.id);
    }

    // 3. Accept them all, killing the host half-way through the transitions.
    const api = host.api;
    let accepted = 0;
    const acceptAll = async (client: ApiClient, killAt?: number) => {
      for (const order of orders.filter((o) => o.status === 'new')) {
        const res = await client.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 20 }).catch(() => undefined);
        if (!res) return;
        if (res.status === 200) accepted++;
        if (killAt !== undefined && accepted === killAt) host!.child.kill('SIGKILL');
      }
    };
    await acceptAll(api, 50);
    await host.kill();
    host = await startHeadless({ dataDir: tmp.dir, port });
    orders = (await host.api.get<Order[]>('/api/orders')).body;
    expect(orders.filter((o) => o.status === 'accepted').length).toBeGreaterThanOrEqual(50);
    await acceptAll(host.api);
    orders = (await host.api.get<Order[]>('/api/orders')).body;
    expect(orders.every((o) => o.status === 'accepted')).toBe(true);

    // 4. Every customer was told of the acceptance exactly once, and of the order exactly once.
    const sent = await waitFor(async () => {
      const all = await host!.api.sent();
      return all.filter((m) => /aceptado/i.test(m.body)).length >= CUSTOMERS ? all : undefined;
    }, 30_000);
    for (const order of orders) {
      const mine = sent.filter((m) => m.to === order.customer.phone);
      expect(mine.filter((m) => /aceptado/i.test(m.body))).toHaveLength(1);
      expect(mine.filter((m) => m.body.includes(`#${order.number}`) && !/aceptado/i.test(m.body))).toHaveLength(1);
    }
    const final = await host.api.get<Order[]>('/api/orders');
    expect(final.body.flatMap((o) => o.notifications).every((n) => n.state === 'sent')).toBe(true);
  });
});
