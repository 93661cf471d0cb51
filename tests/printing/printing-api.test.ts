// Printing through the host's REST API: POST /api/orders/:id/print, the test page, auto-print on
// acceptance, GET /api/health's `printing`, and a SIGKILLed headless host printing its queued
// tickets exactly once after the restart.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { hostSettingsSchema } from '../../shared/settings.ts';
import type { Order } from '../../shared/order.ts';
import { ApiClient, waitFor } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { joinedText, readEscPos } from '../support/escpos-reader.ts';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.ts';
import { SimCustomer } from '../support/customer.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const fast = { connectMs: 1_000, statusMs: 300, writeMs: 2_000, closeMs: 500 };

async function startHost(printing: Record<string, unknown>): Promise<{ host: Host; api: ApiClient; base: string }> {
  const tmp = makeTempDir();
  const settings = hostSettingsSchema.parse({ timezone: 'Europe/Madrid', printing });
  const host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot: scriptedBot, settings, printing: { tcpTimeouts: fast, backoff: { baseMs: 50, maxMs: 200 } } });
  const started = await host.start();
  cleanups.push(() => tmp.cleanup(), () => host.stop());
  const base = `http://127.0.0.1:${started.port}`;
  return { host, api: new ApiClient(base, started.token), base };
}

async function placeOrder(api: ApiClient, from = '34600111222'): Promise<Order> {
  await api.say(from, 'order clasica 2', 'Ana');
  return (await api.get<Order[]>('/api/orders')).body.at(-1)!;
}

async function fakePrinter(): Promise<FakePrinter> {
  const printer = new FakePrinter();
  await printer.start();
  cleanups.push(() => printer.stop());
  return printer;
}

describe('printing API', () => {
  it('prints a copy on request: 202, 404 for an unknown order, 400 for an unknown copy', async () => {
    const printer = await fakePrinter();
    const { api } = await startHost({ printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port: printer.port }] });
    const order = await placeOrder(api);
    const res = await api.post<{ state: string; jobs: { printerId: string }[] }>(`/api/orders/${order.id}/print`, { copy: 'receipt' });
    expect([200, 202]).toContain(res.status);
    expect(res.body.jobs).toEqual([expect.objectContaining({ printerId: 'cocina' })]);
    await waitFor(async () => printer.jobs.length === 1);
    expect(joinedText(readEscPos(printer.jobs[0]!.bytes))).toContain(`Pedido #${order.number}`);
    expect((await api.post('/api/orders/nope/print', { copy: 'kitchen' })).status).toBe(404);
    expect((await api.post(`/api/orders/${order.id}/print`, { copy: 'menu' })).status).toBe(400);
  });

  it('takes printers set up live through PUT /api/settings (partial), and refuses a bad one with the reason', async () => {
    const printer = await fakePrinter();
    const { api } = await startHost({});
    const order = await placeOrder(api);
    expect((await api.post(`/api/orders/${order.id}/print`, { copy: 'kitchen' })).status).toBe(409);
    const bad = await api.request<{ error: { message: string } }>('PUT', '/api/settings', { printing: { printers: [{ id: 'x', name: 'X', kind: 'network' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/address|host/i);
    const ok = await api.request('PUT', '/api/settings', { printing: { printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port: printer.port }], autoPrint: 'accepted' } });
    expect(ok.status).toBe(200);
    expect([200, 202]).toContain((await api.post(`/api/orders/${order.id}/print`, { copy: 'kitchen' })).status);
    await waitFor(async () => printer.jobs.length === 1);
    // That order's kitchen ticket is out already: accepting it prints nothing more.
    await api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 15 });
    // Another order: auto-print on acceptance follows the new setting at once.
    const second = await placeOrder(api, '34600999888');
    await api.post(`/api/orders/${second.id}/transition`, { to: 'accepted', etaMinutes: 15 });
    await waitFor(async () => printer.jobs.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.jobs).toHaveLength(2);
    expect(joinedText(readEscPos(printer.jobs[1]!.bytes))).toContain(`#${second.number}`);
    expect(joinedText(readEscPos(printer.jobs[1]!.bytes))).toContain('Listo en 15 min');
  });

  it('answers 409 when no printer is set up', async () => {
    const { api } = await startHost({});
    const order = await placeOrder(api);
    const res = await api.post<{ error: { code: string } }>(`/api/orders/${order.id}/print`, { copy: 'kitchen' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('auto-prints the kitchen ticket on acceptance and shows a dead printer in /api/health', async () => {
    const printer = await fakePrinter();
    const { api, base } = await startHost({
      printers: [
        { id: 'cocina', name: 'Cocina', host: '127.0.0.1', port: printer.port },
        { id: 'barra', name: 'Barra', host: '127.0.0.1', port: 9 },
      ],
      autoPrint: 'accepted',
    });
    const order = await placeOrder(api);
    expect(printer.jobs).toHaveLength(0); // not on arrival
    await api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 20 });
    await waitFor(async () => printer.jobs.length === 1);
    const text = joinedText(readEscPos(printer.jobs[0]!.bytes));
    expect(text).toContain(`#${order.number}`);
    expect(text).toContain('Listo en 20 min');
    const health = await waitFor(async () => {
      const h = (await fetch(`${base}/api/health`).then((r) => r.json())) as { printing: { ok: boolean; printers: { id: string; problem?: string }[]; pending: { orderId: string; printerName: string }[] } };
      return h.printing.printers.find((p) => p.id === 'barra')?.problem === 'unreachable' ? h : undefined;
    });
    expect(health.printing.ok).toBe(false);
    expect(health.printing.pending).toEqual([expect.objectContaining({ orderId: order.id, printerName: 'Barra' })]);
  });

  it('prints a test page on one printer: 202, and 404 for an unknown printer', async () => {
    const printer = await fakePrinter();
    const { api } = await startHost({ printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port: printer.port }] });
    expect((await api.post('/api/printing/test', { printerId: 'cocina' })).status).toBe(202);
    await waitFor(async () => printer.jobs.length === 1);
    expect(joinedText(readEscPos(printer.jobs[0]!.bytes))).toContain('PÁGINA DE PRUEBA');
    expect((await api.post('/api/printing/test', { printerId: 'nope' })).status).toBe(404);
  });
});

describe('SIGKILL with tickets queued', () => {
  let host: HeadlessProcess | undefined;
  afterEach(async () => {
    await host?.kill('SIGTERM');
    host = undefined;
  });

  it('prints each queued ticket exactly once after the restart', { timeout: 120_000 }, async () => {
    const tmp = makeTempDir('comanda-print-crash-');
    cleanups.push(() => tmp.cleanup());
    const printer = new FakePrinter();
    const port = await printer.start();
    await printer.stop(); // the printer is off while the orders come in
    cleanups.push(() => printer.stop());
    writeFileSync(
      join(tmp.dir, 'settings.json'),
      JSON.stringify({ printing: { printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port }], autoPrint: 'new' } }),
    );
    host = await startHeadless({ dataDir: tmp.dir });
    const customers = Array.from({ length: 4 }, (_, i) => new SimCustomer({ phone: `3460077${String(i).padStart(4, '0')}`, name: `Cliente ${i}` }));
    for (const c of customers) while (!(await c.step(host.api)));
    const orders = (await host.api.get<Order[]>('/api/orders')).body;
    expect(orders).toHaveLength(4);
    await waitFor(async () => {
      const h = (await fetch(`${host!.base}/api/health`).then((r) => r.json())) as { printing: { pending: unknown[]; printers: { problem?: string }[] } };
      return h.printing.pending.length === 4 && h.printing.printers[0]?.problem === 'unreachable';
    }, 10_000);
    host.child.kill('SIGKILL');
    await host.kill();
    host = undefined;

    await printer.start(port); // back on
    host = await startHeadless({ dataDir: tmp.dir });
    await waitFor(async () => printer.jobs.length >= 4, 15_000);
    await new Promise((r) => setTimeout(r, 1_500)); // and nothing more
    const numbers = printer.jobs.map((j) => Number(/#(\d+)/.exec(joinedText(readEscPos(j.bytes)))![1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(orders.map((o) => o.number).sort((a, b) => a - b));
    const health = (await fetch(`${host.base}/api/health`).then((r) => r.json())) as { printing: { ok: boolean; pending: unknown[] } };
    expect(health.printing).toMatchObject({ ok: true, pending: [] });
  });
});
