import { useState } from 'react';
import './printing.css';
import type { Locale } from '../../../../shared/i18n.ts';
import { PRINTING_STRINGS } from '../../../../shared/i18n-printing.ts';
import type { PrintCopy } from '../../../../shared/printing.ts';

/** "Reprint" on a card (compact: the printer icon alone) or a history row: the kitchen ticket or the customer receipt. */
export function ReprintMenu({ locale, onPrint, compact = false }: { locale: Locale; onPrint(copy: PrintCopy): Promise<boolean>; compact?: boolean }) {
  const p = PRINTING_STRINGS[locale].printing;
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const print = (copy: PrintCopy) => {
    setOpen(false);
    void onPrint(copy).then((ok) => {
      if (!ok) return;
      setSent(true);
      setTimeout(() => setSent(false), 2500);
    });
  };
  return (
    <span className="reprint" onClick={(e) => e.stopPropagation()}>
      <button type="button" className={`btn btn--small${compact ? ' reprint__icon' : ''}`} data-testid="reprint" aria-expanded={open} aria-label={p.reprint} title={sent ? p.queued : p.reprint} onClick={() => setOpen((v) => !v)}>
        🖨{compact ? (sent ? ' ✓' : '') : ` ${sent ? `✓ ${p.queued}` : p.reprint}`}
      </button>
      {open && (
        <span className="reprint__menu" role="menu">
          <button type="button" role="menuitem" className="btn btn--small" data-testid="reprint-kitchen" onClick={() => print('kitchen')}>
            {p.kitchenCopy}
          </button>
          <button type="button" role="menuitem" className="btn btn--small" data-testid="reprint-receipt" onClick={() => print('receipt')}>
            {p.receiptCopy}
          </button>
        </span>
      )}
    </span>
  );
}
