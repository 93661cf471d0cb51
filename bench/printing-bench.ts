// Printing: from the kitchen accepting an order (the POST of the transition) to the kitchen
// ticket's last byte at a fake network printer on 127.0.0.1, with auto-print on acceptance, through
// the real headless host. p50/p99 over BENCH_PRINT_ORDERS orders (default 100), one at a time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Order } from '../shared/order.ts';
import { startHeadless } from '../tests/support/headless-process.ts';
import { SimCustomer } from '../tests/support/customer.ts';
import { waitFor } from '../tests/support/api-client.ts';
import { FakePrinter } from '../tests/support/fake-printer.ts';
import { joinedText, readEscPos } from '../tests/support/escpos-reader.ts';

const ORDERS = Number(process.env.BENCH_PRINT_ORDERS ?? 100);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const round = (n: number) => Math.round(n * 100) / 100;

export async function benchPrinting(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-bench-print-'));
  const printer = new FakePrinter();
  const port = await printer.start();
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ printing: { printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port }], autoPrint: 'accepted' } }));
  const host = await startHeadless({ dataDir: dir });
  try {
    for (let i = 0; i < ORDERS; i++) {
      const customer = new SimCustomer({ phone: `3460099${String(i).padStart(4, '0')}`, name: `Cliente ${i}` });
      while (!(await customer.step(host.api)));
    }
    const orders = (await host.api.get<Order[]>('/api/orders')).body;
    const latencies: number[] = [];
    for (const order of orders) {
      const before = printer.jobs.length;
      const started = performance.now();
      await host.api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 20 });
      await waitFor(async () => printer.jobs.length > before, 10_000, 1);
      const job = printer.jobs[before]!;
      if (!joinedText(readEscPos(job.bytes)).includes(`#${order.number}`)) throw new Error(`the ticket of order #${order.number} did not arrive in order`);
      latencies.push(job.lastByteAt - started);
    }
    return {
      orders: latencies.length,
      acceptedToLastByteP50Ms: round(percentile(latencies, 50)),
      acceptedToLastByteP99Ms: round(percentile(latencies, 99)),
      acceptedToLastByteMaxMs: round(Math.max(...latencies)),
    };
  } finally {
    await host.kill();
    await printer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
