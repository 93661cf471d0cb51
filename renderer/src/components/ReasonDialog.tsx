import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { Order } from '../../../shared/order.ts';
import { Dialog } from './Dialog.tsx';

/** Reject or cancel: the customer is told why, so a reason is required (presets or free text). */
export function ReasonDialog({ order, to, t, onChoose, onClose }: { order: Order; to: 'rejected' | 'cancelled'; t: UiStrings; onChoose(reason: string): void; onClose(): void }) {
  const [other, setOther] = useState('');
  const presets = to === 'rejected' ? t.rejectReasons : t.cancelReasons;
  const typed = other.trim();
  return (
    <Dialog testId="reason-dialog" onClose={onClose} title={<>#{order.number} · {to === 'rejected' ? t.rejectTitle : t.cancelTitle}</>}>
      <p className="dialog__who" dir="auto">
        {order.customer.name}
      </p>
      <div className="dialog__reasons">
        {presets.map((r) => (
          <button key={r} type="button" className="btn btn--stop" data-testid="reason" onClick={() => onChoose(r)}>
            {r}
          </button>
        ))}
      </div>
      <form
        className="dialog__other"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed) onChoose(typed);
        }}
      >
        <input
          value={other}
          maxLength={300}
          onChange={(e) => setOther(e.target.value)}
          placeholder={t.reasonPlaceholder}
          aria-label={t.reasonLabel}
          data-testid="reason-input"
          dir="auto"
        />
        <button className="btn btn--stop" type="submit" data-testid="reason-confirm" disabled={!typed}>
          {t.confirm}
        </button>
      </form>
      <button type="button" className="btn btn--ghost" data-testid="dialog-close" onClick={onClose}>
        {t.close} (Esc)
      </button>
    </Dialog>
  );
}
