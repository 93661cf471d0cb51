import type { OrdersPause } from '../../../../shared/owner-api.ts';
import { formatLeft, pauseView } from '../../state/pause.ts';
import { useNow } from '../../state/ticker.ts';

/** "9:05" left of a timed pause, for the header's resume button; nothing for an open-ended one. */
export function PauseCountdown({ pause }: { pause: OrdersPause }) {
  const view = pauseView(pause, useNow());
  if (view.kind !== 'timed') return null;
  return (
    <span className="pause-countdown" data-testid="header-pause-left">
      {formatLeft(view.leftMs)}
    </span>
  );
}
