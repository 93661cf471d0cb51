import type { Locale } from '../../../../shared/i18n.ts';
import type { PrintingStatus } from '../../../../shared/printing.ts';
import { printerProblems } from '../../state/printing.ts';

/** In the header while a printer has a problem: which one and what, and how many tickets wait. A tap opens the printers. */
export function PrinterNotice({ status, locale, onOpen }: { status: PrintingStatus | null; locale: Locale; onOpen(): void }) {
  const lines = printerProblems(status, locale);
  if (!lines.length) return null;
  return (
    <button type="button" className="update-note printer-note" role="status" data-testid="printer-notice" onClick={onOpen}>
      <span aria-hidden="true">🖨</span>
      <span className="update-note__text">{lines.join(' · ')}</span>
    </button>
  );
}
