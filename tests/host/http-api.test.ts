import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { Order } from '../../shared/order.ts';
import type { KdsEvent } from '../../shared/kds-api.ts';
import { ApiClient, waitFor } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

describe('host REST + WebSocket API', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let base: string;

  const start = async () => {
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot: scriptedBot });
    const started = await host.start();
    base = `http://127.0.0.1:${started.port}`;
    api = new ApiClient(base, started.token);
    return started;
  };

  beforeEach(async () => {
    tmp = makeTempDir();
    await start();
  });
  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  const placeOrder = async (from = '34600111222', item = 'clasica', qty = 1): Promise<Order> => {
    await api.say(from, `order ${item} ${qty}`, 'Ana');
    const orders = (await api.get<Order[]>('/api/orders')).body;
    return orders.at(-1)!;
  };

  it('serves health without a token and everything else only with it', async () => {
    const health = await fetch(`${base}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ ok: true, whatsapp: { state: 'connected' }, version: expect.any(String) });
    await api.say('34600111222', 'hola');
    const after = await fetch(`${base}/api/health`).then((r) => r.json());
    expect(after.stats).toMatchObject({ messagesIn: 1, messagesOut: 1, sendFailures: 0 });
    expect((await fetch(`${base}/api/orders`)).status).toBe(401);
    expect((await fetch(`${base}/api/orders`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await api.get('/api/orders')).status).toBe(200);
  });

  it('keeps the access token in a 0600 file that survives a restart', async () => {
    const path = join(tmp.dir, 'access-token');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const token = readFileSync(path, 'utf8').trim();
    expect(token).toBe(api.token);
    await host.stop();
    const again = await start();
    expect(again.token).toBe(token);
  });

  it('turns a chat into an order and tells the customer on each transition, exactly once', async () => {
    const order = await placeOrder();
    expect(order).toMatchObject({
      number: 1,
      status: 'new',
      customer: { phone: '34600111222', name: 'Ana' },
      fulfilment: 'pickup',
      items: [{ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 1, unitPrice: 9.5 }],
      total: 9.5,
      currency: 'EUR',
      events: [],
    });
    expect(await api.sent('34600111222')).toEqual([
      expect.objectContaining({ to: '34600111222', body: 'placed #1' }),
    ]);
    const accepted = await api.post<Order>(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 15 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', etaMinutes: 15 });
    expect(accepted.body.events).toEqual([expect.objectContaining({ from: 'new', to: 'accepted', by: 'staff' })]);
    await api.post(`/api/orders/${order.id}/transition`, { to: 'ready' });
    const bodies = (await api.sent('34600111222')).map((m) => m.body);
    expect(bodies).toHaveLength(3);
    expect(bodies[1]).toContain('15 minutos');
    expect(bodies[2]).toContain('listo');
    const one = await api.get<Order>(`/api/orders/${order.id}`);
    expect(one.body.notifications.map((n) => n.state)).toEqual(['sent', 'sent']);
  });

  it('filters orders by status, oldest first', async () => {
    const a = await placeOrder('34600000001');
    const b = await placeOrder('34600000002');
    await api.post(`/api/orders/${a.id}/transition`, { to: 'accepted' });
    const open = (await api.get<Order[]>('/api/orders?status=new,accepted')).body;
    expect(open.map((o) => o.id)).toEqual([a.id, b.id]);
    const onlyNew = (await api.get<Order[]>('/api/orders?status=new')).body;
    expect(onlyNew.map((o) => o.id)).toEqual([b.id]);
    expect((await api.get('/api/orders?status=bogus')).status).toBe(400);
  });

  it('answers bad input with clear 400/404/409/413 and loses nothing', async () => {
    const order = await placeOrder();
    const bad = await api.request<{ error: { message: string } }>('POST', `/api/orders/${order.id}/transition`, '{not json');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/JSON/);
    expect((await api.post(`/api/orders/${order.id}/transition`, { to: 'flying' })).status).toBe(400);
    expect((await api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: -5 })).status).toBe(400);
    expect((await api.post(`/api/orders/${order.id}/transition`, { to: 'rejected' })).status).toBe(400);
    expect((await api.post('/api/orders/does-not-exist/transition', { to: 'accepted' })).status).toBe(404);
    const illegal = await api.post<{ error: { code: string } }>(`/api/orders/${order.id}/transition`, { to: 'completed' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.code).toBe('conflict');
    const huge = await api.post('/api/sim/incoming', { from: '34600111222', body: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await api.post('/api/sim/incoming', { body: 'no sender' })).status).toBe(400);
    expect((await api.get('/api/nothing-here')).status).toBe(404);
    expect((await api.get<Order>(`/api/orders/${order.id}`)).body.status).toBe('new');
  });

  it('cuts an oversized message safely instead of refusing it', async () => {
    const long = '😀'.repeat(3000) + 'FIN';
    await api.say('34600111222', long);
    const reply = (await api.sent('34600111222'))[0]!.body;
    expect(reply.startsWith('echo 1: ')).toBe(true);
    const echoed = reply.slice('echo 1: '.length);
    expect(echoed.length).toBeLessThanOrEqual(2000);
    expect(echoed).not.toContain('FIN');
    expect(echoed.endsWith('😀')).toBe(true); // no half surrogate
  });

  it('ignores groups, status broadcasts and our own messages, and dedupes redelivered ids', async () => {
    await api.post('/api/sim/incoming', { from: '120363012345@g.us', body: 'hola' });
    await api.post('/api/sim/incoming', { from: 'status@broadcast', body: 'hola' });
    await api.post('/api/sim/incoming', { from: '34600111222', body: 'hola', fromMe: true });
    expect(await api.sent()).toEqual([]);
    await api.post('/api/sim/incoming', { from: '34600111222', body: 'hola', id: 'wamid-1' });
    await api.post('/api/sim/incoming', { from: '34600111222', body: 'hola', id: 'wamid-1' });
    expect(await api.sent()).toHaveLength(1);
  });

  it('hands a chat to staff, stays silent there, and answers again once released', async () => {
    const events: KdsEvent[] = [];
    const unsubscribe = host.service.subscribe((e) => events.push(e));
    await api.say('34600111222', 'human', 'Ana');
    await api.say('34600111222', 'is anyone there?');
    expect((await api.sent()).map((m) => m.body)).toEqual(['a person will answer']);
    const handoffs = (await api.get<{ phone: string; name: string; lastMessage: string }[]>('/api/handoffs')).body;
    expect(handoffs).toEqual([expect.objectContaining({ phone: '34600111222', name: 'Ana', lastMessage: 'is anyone there?' })]);
    expect(events.some((e) => e.type === 'handoffs' && e.handoffs.length === 1)).toBe(true);
    expect((await api.post('/api/handoffs/34600111222/release')).status).toBe(200);
    expect((await api.post('/api/handoffs/34600111222/release')).status).toBe(404);
    await api.say('34600111222', 'back');
    expect((await api.sent()).at(-1)!.body).toBe('echo 1: back');
    unsubscribe();
  });

  it('pushes order, status and chat events to WebSocket screens within 100 ms', async () => {
    expect(await wsStatus(`${base.replace('http', 'ws')}/api/events?token=wrong`)).toBe(401);
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events?token=${api.token}`);
    const received: { at: number; event: KdsEvent }[] = [];
    ws.on('message', (data) => received.push({ at: performance.now(), event: JSON.parse(String(data)) }));
    await new Promise((resolve) => ws.once('open', resolve));
    const sentAt = performance.now();
    await api.say('34600999888', 'order doble 2', 'Luis');
    const orderEvent = await waitFor(async () => received.find((r) => r.event.type === 'order'));
    expect(orderEvent.at - sentAt).toBeLessThan(100);
    expect(orderEvent.event).toMatchObject({ type: 'order', order: { customer: { name: 'Luis' }, total: 24 } });
    expect(received.some((r) => r.event.type === 'sim')).toBe(true);
    await api.post('/api/sim/status', { state: 'offline' });
    await waitFor(async () => received.find((r) => r.event.type === 'whatsapp' && r.event.status.state === 'offline'));
    expect((await fetch(`${base}/api/health`).then((r) => r.json())).whatsapp.state).toBe('offline');
    ws.close();
  });

  it('queues customer messages while WhatsApp is down and delivers them when it is back', async () => {
    const order = await placeOrder();
    await api.post('/api/sim/status', { state: 'reconnecting' });
    await api.post(`/api/orders/${order.id}/transition`, { to: 'accepted' });
    expect(await api.sent()).toHaveLength(1);
    await api.post('/api/sim/status', { state: 'connected' });
    await waitFor(async () => (await api.sent()).length === 2);
  });

  it('serves the snapshot a screen needs on connect', async () => {
    await placeOrder();
    const snap = (await api.get<{ orders: Order[]; settings: { amberAfterMinutes: number; redAfterMinutes: number }; whatsapp: { engine: string } }>('/api/snapshot')).body;
    expect(snap.orders).toHaveLength(1);
    expect(snap.settings).toMatchObject({ amberAfterMinutes: 5, redAfterMinutes: 10 });
    expect(snap.whatsapp.engine).toBe('simulator');
  });
});

function wsStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => undefined);
  });
}
