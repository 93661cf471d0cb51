import type { Handoff } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { MediaUiStrings } from '../../../shared/i18n-media.ts';
import { useNow } from '../state/ticker.ts';
import { HandoffMediaList } from './HandoffMediaList.tsx';

/** The host's "last message" for a voice note or photo: the file itself is shown instead. */
const MEDIA_MARKERS = new Set(['🎤', '📷']);

/** One chat waiting for a person: who, since when, what they said last, and the way back to the bot. */
export function HandoffItem({
  handoff: h,
  t,
  tm,
  onRelease,
  mediaUrl,
}: {
  handoff: Handoff;
  t: UiStrings;
  tm: MediaUiStrings;
  onRelease(phone: string): void;
  mediaUrl(id: string): Promise<string>;
}) {
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
      {h.lastMessage && !(h.media?.length && MEDIA_MARKERS.has(h.lastMessage)) && (
        <div className="handoff__msg" dir="auto">
          “{h.lastMessage}”
        </div>
      )}
      {h.media?.length ? <HandoffMediaList media={h.media} tm={tm} mediaUrl={mediaUrl} /> : null}
      <button type="button" className="btn btn--go" data-testid="release" onClick={() => onRelease(h.phone)}>
        ✓ {t.release}
      </button>
    </div>
  );
}
