// The day's close against a known day in Mexico City (UTC-6): three orders that count, one
// cancelled, one rejected, one placed at 23:50 local (already the next day in UTC) that counts, and
// one placed five minutes after local midnight that belongs to the next day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { dayReport, localDayBounds } from '../../electron/reports/day-report.ts';
import { hostSettingsSchema } from '../../shared/settings.ts';
import type { DayReport } from '../../shared/day-report.ts';
import type { OrderItem, OrderStatus } from '../../shared/order.ts';
import type { Store } from '../../electron/store/store.ts';
import { ApiClient } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const ZONE = 'America/Mexico_City';
const tacos = (quantity: number, size: 'grande' | 'chico'): OrderItem => ({
  itemId: 'tacos',
  name: 'Tacos al pastor',
  quantity,
  unitPrice: size === 'grande' ? 25 : 20,
  options: [{ groupId: 'size', choiceId: size, name: size === 'grande' ? 'Grande' : 'Chico', price: size === 'grande' ? 5 : 0 }],
});

function seed(store: Store): void {
  let n = 0;
  const add = (o: {
    at: string;
    items: OrderItem[];
    fulfilment?: 'pickup' | 'delivery';
    payment?: 'cash' | 'card';
    fee?: number;
    moves?: [OrderStatus, string, string?][];
  }) => {
    n++;
    const id = `o${n}`;
    const createdAt = Date.parse(o.at);
    const fee = o.fee ?? 0;
    const total = o.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0) + fee;
    store.orders.insert({
      id,
      number: n,
      day: 'x',
      customer: { phone: `52155500000${n}`, name: `Cliente ${n}` },
      fulfilment: o.fulfilment ?? 'pickup',
      payment: o.payment ?? 'cash',
      items: o.items,
      total,
      currency: 'MXN',
      createdAt,
      ...(fee ? { deliveryFee: fee } : {}),
    });
    let from: OrderStatus = 'new';
    for (const [to, at, reason] of o.moves ?? []) {
      store.orders.addEvent(id, { at: Date.parse(at), from, to, by: 'staff', ...(reason ? { reason } : {}) });
      store.orders.setStatus(id, to, Date.parse(at));
      from = to;
    }
  };
  // 13:10 local: 2 big tacos, pickup, cash; 15 min from accepted to ready.
  add({ at: '2026-03-14T19:10:00Z', items: [tacos(2, 'grande')], moves: [['accepted', '2026-03-14T19:12:00Z'], ['ready', '2026-03-14T19:27:00Z'], ['completed', '2026-03-14T19:40:00Z']] });
  // 14:40 local: delivery with a 30 fee, card; a big and a small taco; 25 min.
  add({ at: '2026-03-14T20:40:00Z', items: [tacos(1, 'grande'), tacos(1, 'chico')], fulfilment: 'delivery', payment: 'card', fee: 30, moves: [['accepted', '2026-03-14T20:41:00Z'], ['ready', '2026-03-14T21:06:00Z']] });
  // 15:00 local: cancelled by the customer.
  add({ at: '2026-03-14T21:00:00Z', items: [tacos(4, 'grande')], moves: [['cancelled', '2026-03-14T21:02:00Z', 'el cliente ya no lo quiere']] });
  // 18:00 local: rejected by the kitchen.
  add({ at: '2026-03-15T00:00:00Z', items: [tacos(1, 'chico')], moves: [['rejected', '2026-03-15T00:01:00Z', 'sin gas']] });
  // 23:50 local on the 14th (05:50 UTC on the 15th): counts for the 14th; ready after local midnight, 10 min.
  add({ at: '2026-03-15T05:50:00Z', items: [{ itemId: 'agua', name: 'Agua de jamaica', quantity: 1, unitPrice: 15 }], moves: [['accepted', '2026-03-15T05:52:00Z'], ['ready', '2026-03-15T06:02:00Z']] });
  // 00:05 local on the 15th: the next day.
  add({ at: '2026-03-15T06:05:00Z', items: [tacos(9, 'chico')] });
}

describe('day report', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let report: DayReport;

  beforeAll(async () => {
    tmp = makeTempDir();
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, settings: hostSettingsSchema.parse({ timezone: ZONE }) });
    const started = await host.start();
    api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
    seed(host.store);
    report = dayReport(host.store, { date: '2026-03-14', timezone: ZONE, currency: 'MXN', now: Date.now() });
  });
  afterAll(async () => {
    await host.stop();
    tmp.cleanup();
  });

  it('bounds the local day in the restaurant zone', () => {
    expect(localDayBounds('2026-03-14', ZONE)).toEqual({ start: Date.parse('2026-03-14T06:00:00Z'), end: Date.parse('2026-03-15T06:00:00Z') });
    // A DST day in Madrid is 23 hours long.
    const dst = localDayBounds('2026-03-29', 'Europe/Madrid');
    expect((dst.end - dst.start) / 3600_000).toBe(23);
  });

  it('counts orders and takings, by payment and by pickup/delivery, with the fees', () => {
    expect(report).toMatchObject({ date: '2026-03-14', orders: 3, revenue: 140, deliveryFees: 30, currency: 'MXN' });
    expect(report.byPayment).toEqual({ card: { orders: 1, amount: 75 }, cash: { orders: 2, amount: 65 } });
    expect(report.byFulfilment).toEqual({ pickup: { orders: 2, amount: 65 }, delivery: { orders: 1, amount: 75 } });
  });

  it('lists dishes sold, grouped by dish and option choice', () => {
    expect(report.items).toEqual([
      { itemId: 'tacos', name: 'Tacos al pastor (Grande)', options: ['Grande'], quantity: 3, amount: 75 },
      { itemId: 'tacos', name: 'Tacos al pastor (Chico)', options: ['Chico'], quantity: 1, amount: 20 },
      { itemId: 'agua', name: 'Agua de jamaica', quantity: 1, amount: 15 },
    ]);
  });

  it('lists the cancelled and the rejected with their reasons', () => {
    expect(report.cancelled).toEqual([expect.objectContaining({ number: 3, reason: 'el cliente ya no lo quiere', total: 100 })]);
    expect(report.rejected).toEqual([expect.objectContaining({ number: 4, reason: 'sin gas' })]);
  });

  it('measures preparation from accepted to ready, and orders by local hour', () => {
    expect(report.prepMinutes).toEqual({ average: 16.7, p90: 25, count: 3 });
    expect(report.byHour).toHaveLength(24);
    expect(report.byHour.filter((h) => h.orders > 0)).toEqual([
      { hour: 13, orders: 1, amount: 50 },
      { hour: 14, orders: 1, amount: 75 },
      { hour: 23, orders: 1, amount: 15 },
    ]);
  });

  it('serves the same over HTTP, as JSON and as CSV; a date that does not exist is a 400', async () => {
    const json = await api.get<DayReport>('/api/reports/day?date=2026-03-14');
    expect(json.status).toBe(200);
    expect({ ...json.body, generatedAt: '' }).toEqual({ ...report, generatedAt: '' });
    const next = await api.get<DayReport>('/api/reports/day?date=2026-03-15');
    expect(next.body).toMatchObject({ orders: 1, revenue: 180, cancelled: [], rejected: [] });

    const csv = await fetch(`${api.base}/api/reports/day.csv?date=2026-03-14`, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('section,key,label,orders,quantity,amount,detail');
    expect(lines).toContain('summary,revenue,,,,140.00,');
    expect(lines).toContain('payment,cash,Efectivo,2,,65.00,');
    expect(lines).toContain('item,tacos,Tacos al pastor (Grande),,3,75.00,Grande');
    expect(lines).toContain('cancelled,o3,#3 Cliente 3,,,100.00,el cliente ya no lo quiere');
    expect(lines).toContain('hour,23,23:00,1,,15.00,');

    for (const bad of ['2026-13-45', '2026-02-30', 'ayer', '2026-3-1']) {
      expect((await api.get(`/api/reports/day?date=${bad}`)).status, bad).toBe(400);
      expect((await api.get(`/api/reports/day.csv?date=${bad}`)).status, bad).toBe(400);
    }
    // Default: today.
    expect((await api.get<DayReport>('/api/reports/day')).status).toBe(200);
  });

  it('is owner only once a PIN exists', async () => {
    expect((await api.request('PUT', '/api/owner/pin', { pin: '4321' })).status).toBe(200);
    const headers = { Authorization: `Bearer ${api.token}` };
    for (const path of ['/api/reports/day?date=2026-03-14', '/api/reports/day.csv?date=2026-03-14']) {
      const res = await fetch(`${api.base}${path}`, { headers });
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('owner-pin-required');
    }
    const unlock = (await api.post<{ ownerToken: string }>('/api/owner/unlock', { pin: '4321' })).body;
    const res = await fetch(`${api.base}/api/reports/day?date=2026-03-14`, { headers: { ...headers, 'X-Owner-Token': unlock.ownerToken } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DayReport).orders).toBe(3);
  });
});
