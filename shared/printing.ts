// Printing as both sides see it: which copy to print, the print queue's state for the header, the
// cards and GET /api/health. Pure data only.
import { z } from 'zod';

export const PRINT_COPIES = ['kitchen', 'receipt'] as const;
export type PrintCopy = (typeof PRINT_COPIES)[number];

export const printRequestSchema = z.object({ copy: z.enum(PRINT_COPIES) });
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const printerIdSchema = z.string().trim().min(1).max(60);

/**
 * What is wrong with a printer, as the driver found it:
 *  - unreachable: nothing answers at the address (off, unplugged, wrong address);
 *  - timeout: it connected but did not take the ticket in time (busy, jammed, very slow);
 *  - closed: it hung up in the middle of a ticket;
 *  - not-a-printer: something else answers at that address;
 *  - paper-out / offline: the printer said so (no paper, cover open);
 *  - unsupported: a PC printer on a host without the desktop app (headless);
 *  - failed: the PC's print system refused the job.
 */
export const PRINTER_PROBLEMS = ['unreachable', 'timeout', 'closed', 'not-a-printer', 'paper-out', 'offline', 'unsupported', 'failed'] as const;
export type PrinterProblem = (typeof PRINTER_PROBLEMS)[number];

export interface PrinterState {
  id: string;
  name: string;
  kind: 'network' | 'system';
  /** ok: last job printed; idle: nothing printed yet since start; problem: see `problem`. */
  state: 'ok' | 'idle' | 'problem';
  problem?: PrinterProblem;
  /** The driver's own words (English), for support. */
  detail?: string;
  /** ISO time the problem started. */
  since?: string;
  lastPrintedAt?: string;
  /** Jobs waiting for this printer. */
  pending: number;
}

/** A ticket not printed yet, for the badge on its card. */
export interface PendingTicket {
  key: string;
  orderId?: string;
  copy: string;
  printerId: string;
  printerName: string;
  attempts: number;
  problem?: PrinterProblem;
  createdAt: string;
}

export interface PrintingStatus {
  /** false while any printer has a problem or a job has waited past its first retry. */
  ok: boolean;
  printers: PrinterState[];
  pending: PendingTicket[];
  /** Jobs given up on (printer removed, too old to print). */
  failed: number;
  /** Headless: only network printers can print here. */
  systemPrinters: boolean;
}

export interface PrintJobAnswer {
  /** queued: waiting for the printer; printed: printed before the answer. */
  state: 'queued' | 'printed';
  jobs: { key: string; printerId: string; state: string }[];
}
