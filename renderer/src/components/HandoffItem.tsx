import type { Handoff } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { useNow } from '../state/ticker.ts';

/** One chat waiting for a person: who, since when, what they said last, and the way back to the bot. */
export function HandoffItem({ handoff: h, t, onRelease }: { handoff: Handoff; t: UiStrings; onRelease(phone: string): void }) {
  const now = useNow();
  const minutes = Math.max(0, Math.floor((now - Date.parse(h.since)) / 60_000));
  return (
    <div className="handoff" data-testid="handoff" data-phone={h.phone}>
      <div className="handoff__who">
        <span dir="auto" className="handoff__name">
          {h.name}
        </span>
        <span className="handoff__phone">+{h.phone}</span>
        <span className="handoff__since">{Number.isFinite(minutes) ? t.since(minutes) : ''}</span>
      </div>
      {h.lastMessage && (
        <div className="handoff__msg" dir="auto">
          “{h.lastMessage}”
        </div>
      )}
      <button type="button" className="btn btn--go" data-testid="release" onClick={() => onRelease(h.phone)}>
        ✓ {t.release}
      </button>
    </div>
  );
}
