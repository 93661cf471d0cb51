import type { Handoff } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { MediaUiStrings } from '../../../shared/i18n-media.ts';
import { HandoffItem } from './HandoffItem.tsx';

/** Customers who asked for a person: the bot is silent there until staff give the chat back. */
export function HandoffBar({
  handoffs,
  t,
  tm,
  onRelease,
  mediaUrl,
}: {
  handoffs: Handoff[];
  t: UiStrings;
  tm: MediaUiStrings;
  onRelease(phone: string): void;
  /** A voice note's or photo's blob: URL (KdsClient.mediaUrl). */
  mediaUrl(id: string): Promise<string>;
}) {
  if (handoffs.length === 0) return null;
  return (
    <section className="handoffs" role="alert" data-testid="handoffs">
      <strong className="handoffs__title">🙋 {t.needsPerson}</strong>
      {handoffs.map((h) => (
        <HandoffItem key={h.phone} handoff={h} t={t} tm={tm} onRelease={onRelease} mediaUrl={mediaUrl} />
      ))}
    </section>
  );
}
