// The print queue's table (migration 5): one row per ticket and printer, keyed by an idempotency key
// so queueing the same ticket twice is a no-op. Rows in, jobs out; no rules here.
import { statement, type Database } from '../store/database.ts';
import type { PrinterProblem } from '../../shared/printing.ts';
import type { TicketDocument } from './ticket-document.ts';

export type PrintJobState = 'pending' | 'printing' | 'printed' | 'failed';
export type PrintJobCopy = 'kitchen' | 'receipt' | 'test' | 'report';

export interface PrintJob {
  key: string;
  orderId: string | null;
  copy: PrintJobCopy;
  reprint: number;
  printerId: string;
  document: TicketDocument;
  state: PrintJobState;
  attempts: number;
  createdAt: number;
  dueAt: number;
  printedAt: number | null;
  problem: PrinterProblem | null;
  lastError: string | null;
}

export interface NewPrintJob {
  key: string;
  orderId?: string;
  copy: PrintJobCopy;
  reprint?: number;
  printerId: string;
  document: TicketDocument;
  createdAt: number;
}

interface Row {
  key: string;
  order_id: string | null;
  copy: string;
  reprint: number;
  printer_id: string;
  document_json: string;
  state: string;
  attempts: number;
  created_at: number;
  due_at: number;
  printed_at: number | null;
  problem: string | null;
  last_error: string | null;
}

const toJob = (r: Row): PrintJob => ({
  key: r.key,
  orderId: r.order_id,
  copy: r.copy as PrintJobCopy,
  reprint: r.reprint,
  printerId: r.printer_id,
  document: JSON.parse(r.document_json) as TicketDocument,
  state: r.state as PrintJobState,
  attempts: r.attempts,
  createdAt: r.created_at,
  dueAt: r.due_at,
  printedAt: r.printed_at,
  problem: r.problem as PrinterProblem | null,
  lastError: r.last_error,
});

export class PrintJobsRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** False when a job with this key exists already (printed or not): the key is the idempotency key. */
  enqueue(job: NewPrintJob): boolean {
    const result = statement(
      this.db,
      `INSERT INTO print_jobs (key, order_id, copy, reprint, printer_id, document_json, state, attempts, created_at, due_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ).run(job.key, job.orderId ?? null, job.copy, job.reprint ?? 0, job.printerId, JSON.stringify(job.document), job.createdAt, job.createdAt);
    return Number(result.changes) > 0;
  }

  get(key: string): PrintJob | undefined {
    const row = statement(this.db, 'SELECT * FROM print_jobs WHERE key = ?').get(key) as Row | undefined;
    return row ? toJob(row) : undefined;
  }

  /** Jobs not printed yet, oldest first. */
  active(): PrintJob[] {
    const rows = statement(this.db, `SELECT * FROM print_jobs WHERE state IN ('pending', 'printing') ORDER BY created_at, rowid`).all() as unknown as Row[];
    return rows.map(toJob);
  }

  forOrder(orderId: string): PrintJob[] {
    const rows = statement(this.db, 'SELECT * FROM print_jobs WHERE order_id = ? ORDER BY created_at, rowid').all(orderId) as unknown as Row[];
    return rows.map(toJob);
  }

  /** The next reprint number of an order's copy (0 = the first print). */
  nextReprint(orderId: string, copy: PrintJobCopy): number {
    const row = statement(this.db, 'SELECT MAX(reprint) AS n FROM print_jobs WHERE order_id = ? AND copy = ?').get(orderId, copy) as {
      n: number | null;
    };
    return row.n === null ? 0 : row.n + 1;
  }

  /** After a crash, a job that was being sent is sent again (the printer may have lost it). */
  requeueInDoubt(now: number): number {
    return Number(statement(this.db, `UPDATE print_jobs SET state = 'pending', due_at = ? WHERE state = 'printing'`).run(now).changes);
  }

  markPrinting(key: string): void {
    statement(this.db, `UPDATE print_jobs SET state = 'printing', attempts = attempts + 1 WHERE key = ?`).run(key);
  }

  markPrinted(key: string, at: number): void {
    statement(this.db, `UPDATE print_jobs SET state = 'printed', printed_at = ?, problem = NULL, last_error = NULL WHERE key = ?`).run(at, key);
  }

  markRetry(key: string, dueAt: number, problem: PrinterProblem, error: string): void {
    statement(this.db, `UPDATE print_jobs SET state = 'pending', due_at = ?, problem = ?, last_error = ? WHERE key = ?`).run(dueAt, problem, error, key);
  }

  markFailed(key: string, problem: PrinterProblem | null, error: string): void {
    statement(this.db, `UPDATE print_jobs SET state = 'failed', problem = ?, last_error = ? WHERE key = ?`).run(problem, error, key);
  }

  counts(): Record<PrintJobState, number> {
    const out: Record<PrintJobState, number> = { pending: 0, printing: 0, printed: 0, failed: 0 };
    const rows = statement(this.db, 'SELECT state, COUNT(*) AS n FROM print_jobs GROUP BY state').all() as { state: PrintJobState; n: number }[];
    for (const r of rows) out[r.state] = r.n;
    return out;
  }
}
