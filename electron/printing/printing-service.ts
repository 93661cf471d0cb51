// Printing in the host: queues the kitchen ticket and the receipt of an order (by hand or by
// itself per `printing.autoPrint`), the test page and the day's close, and tells the screens how
// the printers are doing. Settings are read at every use, so a change in the owner area applies at
// once. Auto-print listens to the orders' changes; it never sits in the kitchen's way: queueing is
// one insert, and the printing itself runs in the queue's own workers.
import { KdsError } from '../../shared/kds-api.ts';
import type { Order } from '../../shared/order.ts';
import type { PrintingSettings } from '../../shared/settings.ts';
import type { PrintCopy, PrintingStatus, PrintJobAnswer } from '../../shared/printing.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { Store } from '../store/store.ts';
import { PrintJobsRepo, type PrintJob, type PrintJobCopy } from './print-jobs-repo.ts';
import { PrintQueue, type PrintBackoff } from './print-queue.ts';
import { PrinterStatusTracker } from './printer-status.ts';
import { createPrinterDriver, type PrinterDriver, type SystemPrinter } from './printer-drivers.ts';
import { kitchenTicket, receiptTicket, testPage } from './ticket-layout.ts';
import type { TicketDocument } from './ticket-document.ts';
import type { SocketFactory, TcpPrinterTimeouts } from './tcp-printer.ts';

export interface PrintingContext {
  locale: Locale;
  moneyLocale: string;
  timezone: string;
  restaurant: string;
}

export interface PrintingServiceOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  settings: () => PrintingSettings;
  context: () => PrintingContext;
  /** The desktop app's PC printers; absent headless. */
  systemPrinter?: SystemPrinter;
  /** Tests: another socket, shorter deadlines, another driver. */
  connect?: SocketFactory;
  tcpTimeouts?: Partial<TcpPrinterTimeouts>;
  driver?: PrinterDriver;
  backoff?: PrintBackoff;
  /** The queue's state changed (the screens' 'printing' event: header notice, card badges). */
  onStatus?: (status: PrintingStatus) => void;
}

export class PrintingService {
  readonly jobs: PrintJobsRepo;
  readonly queue: PrintQueue;
  private readonly o: PrintingServiceOptions;
  private readonly tracker = new PrinterStatusTracker();

  constructor(options: PrintingServiceOptions) {
    this.o = options;
    this.jobs = new PrintJobsRepo(options.store.db);
    const driverOptions: Parameters<typeof createPrinterDriver>[0] = { clock: options.clock };
    if (options.systemPrinter) driverOptions.systemPrinter = options.systemPrinter;
    if (options.connect) driverOptions.connect = options.connect;
    if (options.tcpTimeouts) driverOptions.tcpTimeouts = options.tcpTimeouts;
    const queueOptions: ConstructorParameters<typeof PrintQueue>[0] = {
      jobs: this.jobs,
      driver: options.driver ?? createPrinterDriver(driverOptions),
      clock: options.clock,
      logger: options.logger,
      printers: () => options.settings().printers,
      status: this.tracker,
      onJobChange: () => this.tracker.changed(),
    };
    if (options.backoff) queueOptions.backoff = options.backoff;
    this.queue = new PrintQueue(queueOptions);
    this.tracker.onChange(() => this.o.onStatus?.(this.status()));
  }

  start(): void {
    this.queue.start();
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  /** The settings changed: forget removed printers, and try the queue again with the new ones. */
  settingsChanged(): void {
    const ids = new Set(this.o.settings().printers.map((p) => p.id));
    for (const job of this.jobs.active()) if (!ids.has(job.printerId)) this.tracker.forget(job.printerId);
    for (const id of ids) this.queue.retryNow(id);
    this.queue.kick();
    this.o.onStatus?.(this.status());
  }

  status(): PrintingStatus {
    return this.tracker.snapshot(this.o.settings().printers, this.jobs.active(), this.jobs.counts().failed, this.o.systemPrinter !== undefined);
  }

  /** By hand (a card's "reprint", the API): always a new ticket, numbered as a reprint after the first. */
  printOrder(order: Order, copy: PrintCopy): PrintJobAnswer {
    const printers = this.requirePrinters();
    const reprint = this.jobs.nextReprint(order.id, copy);
    const keys = this.o.store.transaction(() =>
      printers.map((printer) => {
        const key = orderJobKey(order.id, copy, reprint, printer.id);
        this.jobs.enqueue({ key, orderId: order.id, copy, reprint, printerId: printer.id, document: this.document(order, copy, reprint, printer.id), createdAt: this.o.clock.now() });
        return key;
      }),
    );
    return this.queued(keys);
  }

  /** The test page on one printer; it also lifts that printer's retry wait, so a fixed printer shows at once. */
  testPrinter(printerId: string): PrintJobAnswer {
    const printer = this.o.settings().printers.find((p) => p.id === printerId);
    if (!printer) throw new KdsError('not_found', `no printer with id ${printerId}`);
    const now = this.o.clock.now();
    const ctx = this.o.context();
    const key = `test:${printerId}:${now}`;
    this.jobs.enqueue({ key, copy: 'test', printerId, document: testPage(printer, { ...ctx, now }), createdAt: now });
    this.queue.retryNow(printerId);
    return this.queued([key]);
  }

  /** Any other document (the day's close) on every printer. */
  printDocument(document: TicketDocument, copy: PrintJobCopy, keyBase: string): PrintJobAnswer {
    const printers = this.requirePrinters();
    const now = this.o.clock.now();
    const keys = this.o.store.transaction(() =>
      printers.map((printer) => {
        const key = `${keyBase}:${now}:${printer.id}`;
        this.jobs.enqueue({ key, copy, printerId: printer.id, document, createdAt: now });
        return key;
      }),
    );
    return this.queued(keys);
  }

  /**
   * Auto-print: called with every changed order. Queues the copies `printing` asks for when the
   * order reaches the chosen moment; the first print's key (reprint 0) makes repeats no-ops.
   */
  onOrderChanged(order: Order): void {
    const settings = this.o.settings();
    if (settings.autoPrint === 'off' || !settings.printers.length) return;
    if (order.status !== settings.autoPrint) return;
    const copies: PrintCopy[] = [];
    if (settings.kitchenCopy) copies.push('kitchen');
    if (settings.receiptCopy) copies.push('receipt');
    const now = this.o.clock.now();
    const queued: string[] = [];
    for (const copy of copies) {
      for (const printer of settings.printers) {
        const key = orderJobKey(order.id, copy, 0, printer.id);
        if (this.jobs.get(key)) continue;
        if (this.jobs.enqueue({ key, orderId: order.id, copy, reprint: 0, printerId: printer.id, document: this.document(order, copy, 0, printer.id), createdAt: now })) {
          queued.push(key);
        }
      }
    }
    if (queued.length) this.queued(queued);
  }

  /** Tickets of this order not printed yet. */
  pendingFor(orderId: string): PrintJob[] {
    return this.jobs.forOrder(orderId).filter((j) => j.state === 'pending' || j.state === 'printing');
  }

  private document(order: Order, copy: PrintCopy, reprint: number, printerId: string): TicketDocument {
    const ctx = this.o.context();
    const printer = this.o.settings().printers.find((p) => p.id === printerId);
    const base = { ...ctx, reprint };
    if (copy === 'kitchen') return kitchenTicket(order, base);
    const full: Parameters<typeof receiptTicket>[1] = { ...base };
    if (printer?.logoText) full.logoText = printer.logoText;
    if (printer?.footer) full.footer = printer.footer;
    return receiptTicket(order, full);
  }

  private requirePrinters() {
    const printers = this.o.settings().printers;
    if (!printers.length) throw new KdsError('conflict', 'no printer is set up (settings → printing.printers)');
    return printers;
  }

  private queued(keys: string[]): PrintJobAnswer {
    this.queue.kick();
    this.tracker.changed();
    return {
      state: 'queued',
      jobs: keys.map((key) => {
        const job = this.jobs.get(key)!;
        return { key, printerId: job.printerId, state: job.state };
      }),
    };
  }
}

export function orderJobKey(orderId: string, copy: PrintCopy, reprint: number, printerId: string): string {
  return `order:${orderId}:${copy}:${reprint}:${printerId}`;
}
