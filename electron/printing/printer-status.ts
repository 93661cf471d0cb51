// What each printer is doing, from the queue's attempts: fine, never used since start, or with a
// problem since when. Memory only: after a restart the first attempt tells again.
import type { PrinterConfig } from '../../shared/settings.ts';
import type { PendingTicket, PrinterProblem, PrinterState, PrintingStatus } from '../../shared/printing.ts';
import type { PrintJob } from './print-jobs-repo.ts';

interface Seen {
  problem?: PrinterProblem;
  detail?: string;
  since?: number;
  lastPrintedAt?: number;
}

export class PrinterStatusTracker {
  private readonly seen = new Map<string, Seen>();
  private readonly listeners = new Set<() => void>();

  printed(printerId: string, at: number): void {
    const before = this.seen.get(printerId);
    this.seen.set(printerId, { lastPrintedAt: at });
    if (before?.problem || before?.lastPrintedAt === undefined) this.changed();
  }

  failed(printerId: string, problem: PrinterProblem, detail: string, at: number): void {
    const before = this.seen.get(printerId) ?? {};
    const same = before.problem === problem;
    const next: Seen = { ...before, problem, detail, since: same && before.since !== undefined ? before.since : at };
    this.seen.set(printerId, next);
    if (!same) this.changed();
  }

  /** A printer removed from the settings is forgotten. */
  forget(printerId: string): void {
    if (this.seen.delete(printerId)) this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners something else changed (a job queued or printed). */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  snapshot(printers: readonly PrinterConfig[], active: readonly PrintJob[], failed: number, systemPrinters: boolean): PrintingStatus {
    const names = new Map(printers.map((p) => [p.id, p.name]));
    const states: PrinterState[] = printers.map((p) => {
      const seen = this.seen.get(p.id);
      const state: PrinterState = {
        id: p.id,
        name: p.name,
        kind: p.kind,
        state: seen?.problem ? 'problem' : seen?.lastPrintedAt !== undefined ? 'ok' : 'idle',
        pending: active.filter((j) => j.printerId === p.id).length,
      };
      if (p.kind === 'system' && !systemPrinters && !seen?.problem) {
        state.state = 'problem';
        state.problem = 'unsupported';
        state.detail = 'PC printers print only from the desktop app';
      }
      if (seen?.problem) {
        state.problem = seen.problem;
        if (seen.detail) state.detail = seen.detail;
        if (seen.since !== undefined) state.since = new Date(seen.since).toISOString();
      }
      if (seen?.lastPrintedAt !== undefined) state.lastPrintedAt = new Date(seen.lastPrintedAt).toISOString();
      return state;
    });
    const pending: PendingTicket[] = active.map((j) => {
      const ticket: PendingTicket = {
        key: j.key,
        copy: j.copy,
        printerId: j.printerId,
        printerName: names.get(j.printerId) ?? j.printerId,
        attempts: j.attempts,
        createdAt: new Date(j.createdAt).toISOString(),
      };
      if (j.orderId) ticket.orderId = j.orderId;
      const problem = j.problem ?? this.seen.get(j.printerId)?.problem;
      if (problem) ticket.problem = problem;
      return ticket;
    });
    return {
      ok: states.every((s) => s.state !== 'problem') && active.every((j) => j.attempts === 0),
      printers: states,
      pending,
      failed,
      systemPrinters,
    };
  }
}
