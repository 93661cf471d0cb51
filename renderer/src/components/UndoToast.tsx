import { useEffect } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';

export interface UndoOffer {
  orderId: string;
  text: string;
  seconds: number;
  /** A new offer restarts the countdown. */
  key: string;
}

/** "Pedido #12 → Listo [Deshacer]" for the restaurant's undo window, with a shrinking bar. */
export function UndoToast({ offer, t, onUndo, onExpire }: { offer: UndoOffer; t: UiStrings; onUndo(orderId: string): void; onExpire(): void }) {
  useEffect(() => {
    const id = setTimeout(onExpire, offer.seconds * 1000);
    return () => clearTimeout(id);
  }, [offer, onExpire]);
  return (
    <div className="toast toast--undo" role="status" data-testid="undo-toast">
      <span className="toast__text">{offer.text}</span>
      <button type="button" className="btn btn--undo" data-testid="undo" onClick={() => onUndo(offer.orderId)}>
        ↶ {t.undo}
      </button>
      <span className="toast__bar" style={{ animationDuration: `${offer.seconds}s` }} aria-hidden="true" />
    </div>
  );
}
