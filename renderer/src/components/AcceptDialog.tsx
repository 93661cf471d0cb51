import type { UiStrings } from '../../../shared/i18n.ts';
import type { Order } from '../../../shared/order.ts';
import { Dialog } from './Dialog.tsx';

/** Accept with a promised time: one big button per ETA choice (keys 1–9 pick them too). */
export function AcceptDialog({ order, choices, t, onChoose, onClose }: { order: Order; choices: number[]; t: UiStrings; onChoose(eta: number): void; onClose(): void }) {
  return (
    <Dialog testId="accept-dialog" onClose={onClose} title={<>#{order.number} · {t.acceptWithEta}</>}>
      <p className="dialog__who" dir="auto">
        {order.customer.name}
      </p>
      <div className="dialog__choices">
        {choices.map((m, i) => (
          <button key={m} type="button" className="btn btn--go btn--huge" data-testid={`eta-${m}`} onClick={() => onChoose(m)}>
            <span className="btn__key">{i + 1}</span>
            {m} {t.minutes}
          </button>
        ))}
      </div>
      <button type="button" className="btn btn--ghost" data-testid="dialog-close" onClick={onClose}>
        {t.close} (Esc)
      </button>
    </Dialog>
  );
}
