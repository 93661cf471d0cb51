import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { Order } from '../../../shared/order.ts';

export type DialogState = { type: 'accept'; order: Order } | { type: 'reason'; order: Order; to: 'rejected' | 'cancelled' } | null;

export function AcceptDialog({ order, choices, t, onChoose, onClose }: { order: Order; choices: number[]; t: UiStrings; onChoose(eta: number): void; onClose(): void }) {
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()}>
        <h2>
          #{order.number} · {t.acceptWithEta}
        </h2>
        <div className="dialog__choices">
          {choices.map((m) => (
            <button key={m} className="btn btn--go btn--huge" data-testid={`eta-${m}`} onClick={() => onChoose(m)} autoFocus={m === choices[0]}>
              {m} {t.minutes}
            </button>
          ))}
        </div>
        <button className="btn btn--ghost" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}

export function ReasonDialog({ order, to, t, onChoose, onClose }: { order: Order; to: 'rejected' | 'cancelled'; t: UiStrings; onChoose(reason: string): void; onClose(): void }) {
  const [other, setOther] = useState('');
  const presets = to === 'rejected' ? t.rejectReasons : t.cancelReasons;
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()}>
        <h2>
          #{order.number} · {to === 'rejected' ? t.rejectTitle : t.cancelTitle}
        </h2>
        <div className="dialog__reasons">
          {presets.map((r) => (
            <button key={r} className="btn btn--stop" data-testid="reason" onClick={() => onChoose(r)}>
              {r}
            </button>
          ))}
        </div>
        <form
          className="dialog__other"
          onSubmit={(e) => {
            e.preventDefault();
            if (other.trim()) onChoose(other.trim());
          }}
        >
          <input value={other} maxLength={300} onChange={(e) => setOther(e.target.value)} placeholder={t.reasonPlaceholder} dir="auto" />
          <button className="btn btn--stop" type="submit" disabled={!other.trim()}>
            {t.confirm}
          </button>
        </form>
        <button className="btn btn--ghost" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
