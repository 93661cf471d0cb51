import type { Handoff } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';

/** Customers who asked for a person: the bot is silent there until staff give the chat back. */
export function HandoffBar({ handoffs, t, onRelease }: { handoffs: Handoff[]; t: UiStrings; onRelease(phone: string): void }) {
  if (handoffs.length === 0) return null;
  return (
    <section className="handoffs" role="alert">
      <strong>🙋 {t.needsPerson}</strong>
      {handoffs.map((h) => (
        <div key={h.phone} className="handoff" data-testid="handoff">
          <span dir="auto" className="handoff__name">
            {h.name}
          </span>
          <span className="handoff__phone">+{h.phone}</span>
          {h.lastMessage && (
            <span className="handoff__msg" dir="auto">
              “{h.lastMessage}”
            </span>
          )}
          <button className="btn btn--small" data-testid="release" onClick={() => onRelease(h.phone)}>
            {t.release}
          </button>
        </div>
      ))}
    </section>
  );
}
