// The TCP driver and the print queue against a fake printer on 127.0.0.1: the ticket arrives whole
// and readable; a printer that is off, stuck, hangs up, is out of paper or is not a printer gives a
// clear problem and never hangs; turned off and on again, every ticket prints exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { createSystemClock } from '../../electron/host/clock.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { printOverTcp, PrinterError } from '../../electron/printing/tcp-printer.ts';
import { encodeEscPos } from '../../electron/printing/escpos-encoder.ts';
import { kitchenTicket } from '../../electron/printing/ticket-layout.ts';
import { PrintingService } from '../../electron/printing/printing-service.ts';
import { Store } from '../../electron/store/store.ts';
import { printingSettingsSchema, type PrintingSettings } from '../../shared/settings.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { joinedText, readEscPos } from '../support/escpos-reader.ts';
import { freePort } from '../support/headless-process.ts';
import { waitFor } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { sampleOrder } from './order-fixtures.ts';

const clock = createSystemClock();
const ctx = { locale: 'es' as const, moneyLocale: 'es-ES', timezone: 'Europe/Madrid', restaurant: 'Casa Pepe' };
const ticket = () => encodeEscPos(kitchenTicket(sampleOrder(), ctx), { width: 80, copies: 1, beep: false, openDrawer: false });
const fast = { connectMs: 1_000, statusMs: 300, writeMs: 1_000, closeMs: 500 };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fakePrinter(): Promise<FakePrinter> {
  const printer = new FakePrinter();
  await printer.start();
  cleanups.push(() => printer.stop());
  return printer;
}

async function expectProblem(promise: Promise<unknown>, problem: string): Promise<number> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  expect((error as PrinterError).problem).toBe(problem);
  return performance.now() - started;
}

describe('TCP printer driver', () => {
  it('delivers the ticket, confirmed by the printer, readable back as CP858 text with a cut', async () => {
    const printer = await fakePrinter();
    const result = await printOverTcp({ host: '127.0.0.1', port: printer.port }, ticket(), { clock, timeouts: fast });
    expect(result.confirmed).toBe(true);
    await waitFor(async () => printer.jobs.length === 1);
    const reading = readEscPos(printer.jobs[0]!.bytes);
    expect(reading.codepages).toEqual([19]);
    expect(reading.cuts).toBe(1);
    expect(joinedText(reading)).toContain('Begoña Núñez');
  });

  it('prints to a printer that never answers status, after the status wait', async () => {
    const printer = await fakePrinter();
    printer.mode = 'silent';
    const result = await printOverTcp({ host: '127.0.0.1', port: printer.port }, ticket(), { clock, timeouts: fast });
    expect(result.confirmed).toBe(false);
    await waitFor(async () => printer.jobs.length === 1);
    expect(joinedText(readEscPos(printer.jobs[0]!.bytes))).toContain('#42');
  });

  it('a printer that is off is "unreachable", at once', async () => {
    const port = await freePort();
    const ms = await expectProblem(printOverTcp({ host: '127.0.0.1', port }, ticket(), { clock, timeouts: fast }), 'unreachable');
    expect(ms).toBeLessThan(900);
  });

  it('an address where nothing answers the connection is "unreachable" after the connect deadline', async () => {
    // A socket that never connects stands in for a silent address on the LAN.
    const { Socket } = await import('node:net');
    const ms = await expectProblem(
      printOverTcp({ host: '127.0.0.1', port: 9 }, ticket(), { clock, timeouts: { ...fast, connectMs: 300 }, connect: () => new Socket() }),
      'unreachable',
    );
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(1_500);
  });

  it('a stuck printer (takes the connection, reads nothing) times out instead of hanging', async () => {
    const printer = await fakePrinter();
    printer.mode = 'stuck';
    // Big enough to fill the socket buffers, so the write cannot finish.
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x41);
    const ms = await expectProblem(printOverTcp({ host: '127.0.0.1', port: printer.port }, big, { clock, timeouts: fast }), 'timeout');
    expect(ms).toBeLessThan(3_000);
  });

  it('a printer that hangs up in the middle of the ticket is "closed"', async () => {
    const printer = await fakePrinter();
    printer.mode = 'hang-up';
    const big = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    await expectProblem(printOverTcp({ host: '127.0.0.1', port: printer.port }, big, { clock, timeouts: fast }), 'closed');
  });

  it('a web server at the address is "not-a-printer"', async () => {
    const printer = await fakePrinter();
    printer.mode = 'http';
    await expectProblem(printOverTcp({ host: '127.0.0.1', port: printer.port }, ticket(), { clock, timeouts: fast }), 'not-a-printer');
  });

  it('a printer out of paper is refused before a byte of the ticket is sent', async () => {
    const printer = await fakePrinter();
    printer.mode = 'paper-out';
    await expectProblem(printOverTcp({ host: '127.0.0.1', port: printer.port }, ticket(), { clock, timeouts: fast }), 'paper-out');
    await new Promise((r) => setTimeout(r, 100));
    expect(printer.jobs).toHaveLength(0);
  });

  it('a server that accepts and closes at once is "closed"', async () => {
    const server: Server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as { port: number }).port;
    await expectProblem(printOverTcp({ host: '127.0.0.1', port }, ticket(), { clock, timeouts: fast }), 'closed');
  });
});

describe('print queue', () => {
  function service(settings: () => PrintingSettings) {
    const tmp = makeTempDir();
    const store = Store.open(`${tmp.dir}/db.sqlite`);
    const statuses: string[] = [];
    const printing = new PrintingService({
      store,
      clock,
      logger: silentLogger,
      settings,
      context: () => ctx,
      tcpTimeouts: fast,
      backoff: { baseMs: 50, maxMs: 200 },
      onStatus: (s) => statuses.push(s.printers.map((p) => `${p.id}:${p.state}:${p.problem ?? ''}`).join(',')),
    });
    printing.start();
    cleanups.push(() => tmp.cleanup(), () => store.close(), () => printing.stop());
    return { printing, store, statuses };
  }

  it('prints every ticket exactly once across the printer going off and on', async () => {
    const printer = await fakePrinter();
    const port = printer.port;
    await printer.stop(); // off
    const settings = printingSettingsSchema.parse({ printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port }] });
    const { printing } = service(() => settings);
    const numbers = [101, 102, 103, 104, 105];
    for (const n of numbers) printing.printOrder(sampleOrder({ id: `o${n}`, number: n }), 'kitchen');
    await waitFor(async () => printing.status().printers[0]!.problem === 'unreachable');
    const status = printing.status();
    expect(status.ok).toBe(false);
    expect(status.pending).toHaveLength(5);
    expect(status.pending[0]).toMatchObject({ orderId: 'o101', printerName: 'Cocina', problem: 'unreachable' });
    await new Promise((r) => setTimeout(r, 400)); // a few retries while off
    await printer.start(port); // on
    await waitFor(async () => printer.jobs.length >= 5, 5_000);
    await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
    const printed = printer.jobs.map((j) => /#(\d+)/.exec(joinedText(readEscPos(j.bytes)))![1]);
    expect(printed).toEqual(numbers.map(String)); // once each, in order
    expect(printing.status()).toMatchObject({ ok: true, pending: [], printers: [{ id: 'cocina', state: 'ok' }] });
  });

  it('auto-prints per settings, once per order however many changes it sees', async () => {
    const printer = await fakePrinter();
    const settings = printingSettingsSchema.parse({
      printers: [{ id: 'cocina', name: 'Cocina', host: '127.0.0.1', port: printer.port }],
      autoPrint: 'accepted',
      kitchenCopy: true,
      receiptCopy: true,
    });
    const { printing } = service(() => settings);
    printing.onOrderChanged(sampleOrder({ status: 'new' }));
    printing.onOrderChanged(sampleOrder({ status: 'accepted' }));
    printing.onOrderChanged(sampleOrder({ status: 'accepted', acknowledged: true }));
    printing.onOrderChanged(sampleOrder({ status: 'preparing' }));
    await waitFor(async () => printer.jobs.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const texts = printer.jobs.map((j) => joinedText(readEscPos(j.bytes)));
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t.startsWith('COCINA'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('TOTAL'))).toHaveLength(1);
  });

  it('a reprint is a new ticket that says so', async () => {
    const printer = await fakePrinter();
    const settings = printingSettingsSchema.parse({ printers: [{ id: 'c', name: 'Caja', host: '127.0.0.1', port: printer.port }] });
    const { printing } = service(() => settings);
    printing.printOrder(sampleOrder(), 'receipt');
    printing.printOrder(sampleOrder(), 'receipt');
    await waitFor(async () => printer.jobs.length >= 2);
    const texts = printer.jobs.map((j) => joinedText(readEscPos(j.bytes)));
    expect(texts[0]).not.toContain('REIMPRESIÓN');
    expect(texts[1]).toContain('REIMPRESIÓN 1');
  });

  it('refuses to queue without printers, and drops a removed printer\'s tickets', async () => {
    let settings = printingSettingsSchema.parse({});
    const { printing } = service(() => settings);
    expect(() => printing.printOrder(sampleOrder(), 'kitchen')).toThrow(/no printer/);
    settings = printingSettingsSchema.parse({ printers: [{ id: 'x', name: 'X', host: '127.0.0.1', port: await freePort() }] });
    printing.printOrder(sampleOrder(), 'kitchen');
    await waitFor(async () => printing.status().printers[0]?.problem === 'unreachable');
    settings = printingSettingsSchema.parse({});
    printing.settingsChanged();
    await waitFor(async () => printing.status().pending.length === 0 && printing.status().failed === 1, 3_000);
  });
});
