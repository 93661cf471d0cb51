// What the screen says about printing, from the host's PrintingStatus. Pure.
import type { Locale } from '../../../shared/i18n.ts';
import { PRINTING_STRINGS } from '../../../shared/i18n-printing.ts';
import type { PrintingStatus } from '../../../shared/printing.ts';

/** Per order: "ticket pendiente — impresora Cocina sin conexión" (one line per waiting ticket's printer). */
export function ticketNotes(status: PrintingStatus | null, locale: Locale): Map<string, string> {
  const p = PRINTING_STRINGS[locale].printing;
  const notes = new Map<string, string[]>();
  for (const ticket of status?.pending ?? []) {
    if (!ticket.orderId) continue;
    // A ticket queued a moment ago with no problem yet is not news.
    if (!ticket.problem && ticket.attempts === 0) continue;
    const problem = ticket.problem ? p.problem[ticket.problem] : p.problem.unreachable;
    const line = p.pendingBadge(ticket.printerName, problem);
    const list = notes.get(ticket.orderId) ?? [];
    if (!list.includes(line)) list.push(line);
    notes.set(ticket.orderId, list);
  }
  return new Map([...notes].map(([id, lines]) => [id, lines.join(' · ')]));
}

/** The header's notice: each printer with a problem, and how many tickets wait. Empty when all is well. */
export function printerProblems(status: PrintingStatus | null, locale: Locale): string[] {
  if (!status) return [];
  const p = PRINTING_STRINGS[locale].printing;
  const lines = status.printers.filter((printer) => printer.state === 'problem' && printer.problem).map((printer) => p.headerProblem(printer.name, p.problem[printer.problem!]));
  const waiting = status.pending.filter((t) => t.attempts > 0 || t.problem).length;
  if (lines.length && waiting) lines.push(p.headerPending(waiting));
  return lines;
}
