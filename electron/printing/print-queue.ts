// Prints queued tickets once each, in order per printer, like the outbox does for messages. A job
// is marked "printing" before its bytes go out and "printed" when the printer has them; a printer
// that fails holds its queue and is retried with backoff (2 s doubling to 1 min, through the
// injected clock) for as long as it takes: a ticket waits for the printer, it is never dropped for
// an outage. A job whose printer was removed, or that is older than 12 hours (yesterday's kitchen
// ticket is no use), is failed instead. Each printer has its own worker, so a dead printer never
// delays a working one.
//
// Exactly once: a ticket refused before its bytes are sent (off, out of paper, not answering) is
// simply sent later. After a crash, a job left "printing" is sent again: the printer may or may not
// have had it, and a second ticket beats a lost one.
import type { PrinterConfig } from '../../shared/settings.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { PrinterDriver } from './printer-drivers.ts';
import type { PrintJob, PrintJobsRepo } from './print-jobs-repo.ts';
import type { PrinterStatusTracker } from './printer-status.ts';
import { PrinterError } from './tcp-printer.ts';

export interface PrintBackoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_PRINT_BACKOFF: PrintBackoff = { baseMs: 2_000, maxMs: 60_000 };
export const MAX_JOB_AGE_MS = 12 * 3600_000;

export interface PrintQueueOptions {
  jobs: PrintJobsRepo;
  driver: PrinterDriver;
  clock: Clock;
  logger: Logger;
  /** The printers as set up now (read at every attempt: the owner may change them any time). */
  printers: () => readonly PrinterConfig[];
  status: PrinterStatusTracker;
  backoff?: PrintBackoff;
  /** Told after a job changes state. */
  onJobChange?: (job: PrintJob) => void;
}

interface PrinterWorker {
  running: Promise<void> | undefined;
  again: boolean;
  timer: TimerHandle | undefined;
  /** Not before this time (the printer failed). */
  holdUntil: number;
  failures: number;
}

export class PrintQueue {
  private readonly o: PrintQueueOptions;
  private readonly backoff: PrintBackoff;
  private readonly workers = new Map<string, PrinterWorker>();
  private running = false;

  constructor(options: PrintQueueOptions) {
    this.o = options;
    this.backoff = options.backoff ?? DEFAULT_PRINT_BACKOFF;
  }

  start(): void {
    this.running = true;
    const requeued = this.o.jobs.requeueInDoubt(this.o.clock.now());
    if (requeued) this.o.logger.warn('print queue: tickets cut off by a restart are printed again', { requeued });
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const worker of this.workers.values()) this.clearTimer(worker);
    await this.idle();
  }

  /** New jobs, changed printers: every printer with work looks now (one whose hold is running waits it out). */
  kick(): void {
    if (!this.running) return;
    const printerIds = new Set(this.o.jobs.active().map((j) => j.printerId));
    for (const id of printerIds) this.kickPrinter(id);
  }

  /** A printer's hold is lifted (the owner pressed "test", or changed its address): try it now. */
  retryNow(printerId: string): void {
    const worker = this.workers.get(printerId);
    if (worker) worker.holdUntil = 0;
    this.kickPrinter(printerId);
  }

  /** Resolves when no worker is sending (tests and benchmarks). */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.workers.values()].map((w) => w.running).filter((p): p is Promise<void> => p !== undefined);
      if (!busy.length) return;
      await Promise.all(busy);
    }
  }

  private worker(printerId: string): PrinterWorker {
    let worker = this.workers.get(printerId);
    if (!worker) {
      worker = { running: undefined, again: false, timer: undefined, holdUntil: 0, failures: 0 };
      this.workers.set(printerId, worker);
    }
    return worker;
  }

  private kickPrinter(printerId: string): void {
    if (!this.running) return;
    const worker = this.worker(printerId);
    if (worker.running) {
      worker.again = true;
      return;
    }
    this.clearTimer(worker);
    worker.running = this.drain(printerId, worker)
      .catch((error: unknown) => {
        // The database itself failed: look again later rather than stop printing.
        this.o.logger.error('print queue: could not read the queue', { printerId, ...errorFields(error) });
        worker.holdUntil = this.o.clock.now() + this.backoff.maxMs;
      })
      .finally(() => {
        worker.running = undefined;
        if (worker.again) {
          worker.again = false;
          this.kickPrinter(printerId);
        } else {
          this.schedule(printerId, worker);
        }
      });
  }

  private async drain(printerId: string, worker: PrinterWorker): Promise<void> {
    const { jobs, clock, logger } = this.o;
    while (this.running) {
      worker.again = false;
      const now = clock.now();
      if (now < worker.holdUntil) return;
      const job = jobs.active().find((j) => j.printerId === printerId && j.dueAt <= now);
      if (!job) return;
      const printer = this.o.printers().find((p) => p.id === printerId);
      if (!printer) {
        jobs.markFailed(job.key, null, 'the printer was removed from the settings');
        logger.warn('print queue: printer removed, ticket dropped', { key: job.key, printerId });
        this.changed(job.key);
        continue;
      }
      if (now - job.createdAt > MAX_JOB_AGE_MS) {
        jobs.markFailed(job.key, job.problem, 'too old to print');
        logger.warn('print queue: ticket too old to print', { key: job.key, printerId });
        this.changed(job.key);
        continue;
      }
      jobs.markPrinting(job.key);
      try {
        await this.o.driver.print(job.document, printer);
        const at = clock.now();
        jobs.markPrinted(job.key, at);
        worker.failures = 0;
        this.o.status.printed(printerId, at);
        logger.info('print queue: printed', { key: job.key, printerId, kind: job.document.kind, ms: at - now });
      } catch (error) {
        const problem = error instanceof PrinterError ? error.problem : 'failed';
        const message = error instanceof Error ? error.message : String(error);
        worker.failures++;
        const delay = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (worker.failures - 1));
        const at = clock.now();
        worker.holdUntil = at + delay;
        jobs.markRetry(job.key, at + delay, problem, message);
        this.o.status.failed(printerId, problem, message, at);
        logger.warn('print queue: printer failed, will retry', { key: job.key, printerId, problem, delayMs: delay, error: message });
      }
      this.changed(job.key);
    }
  }

  private schedule(printerId: string, worker: PrinterWorker): void {
    if (!this.running) return;
    const now = this.o.clock.now();
    const next = this.o.jobs
      .active()
      .filter((j) => j.printerId === printerId)
      .reduce((min, j) => Math.min(min, Math.max(j.dueAt, worker.holdUntil)), Infinity);
    if (next === Infinity) return;
    this.clearTimer(worker);
    worker.timer = this.o.clock.setTimeout(() => {
      worker.timer = undefined;
      this.kickPrinter(printerId);
    }, Math.max(0, next - now));
  }

  private clearTimer(worker: PrinterWorker): void {
    if (worker.timer) this.o.clock.clearTimeout(worker.timer);
    worker.timer = undefined;
  }

  private changed(key: string): void {
    const job = this.o.jobs.get(key);
    if (job) this.o.onJobChange?.(job);
  }
}
