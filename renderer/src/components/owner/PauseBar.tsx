import type { OrdersPause } from '../../../../shared/owner-api.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { formatLeft, pauseView } from '../../state/pause.ts';
import { formatClock } from '../../state/timer.ts';
import { useNow } from '../../state/ticker.ts';
import './owner.css';

interface Props {
  pause: OrdersPause;
  locale: 'es' | 'en';
  o: OwnerStrings;
  busy: boolean;
  onResume(): void;
}

/** Full width while new orders are paused: until when, a live countdown, and the way back. */
export function PauseBar({ pause, locale, o, busy, onResume }: Props) {
  const now = useNow();
  const view = pauseView(pause, now);
  if (view.kind === 'off') return null;
  return (
    <section className="pause-bar" data-testid="pause-bar" data-kind={view.kind} role="status">
      <span className="pause-bar__icon" aria-hidden="true">
        ⏸
      </span>
      <strong className="pause-bar__text">{view.kind === 'timed' ? o.pausedUntil(formatClock(view.until, locale)) : o.pausedOpenEnded}</strong>
      {view.kind === 'timed' && (
        <span className="pause-bar__left" data-testid="pause-left">
          {o.pausedLeft(formatLeft(view.leftMs))}
        </span>
      )}
      <button type="button" className="btn btn--go pause-bar__resume" data-testid="pause-resume" disabled={busy} onClick={onResume}>
        ▶ {o.resume}
      </button>
    </section>
  );
}
