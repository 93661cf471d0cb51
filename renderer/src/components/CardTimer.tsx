// The live mm:ss chip of a card, driven by the one shared ticker.
import { memo } from 'react';
import { useNow } from '../state/ticker.ts';
import { formatElapsed, timerLevel } from '../state/timer.ts';

interface Props {
  createdAt: string;
  amberAfterMinutes: number;
  redAfterMinutes: number;
}

function CardTimerView({ createdAt, amberAfterMinutes, redAfterMinutes }: Props) {
  const now = useNow();
  const elapsed = now - Date.parse(createdAt);
  const level = timerLevel(elapsed, amberAfterMinutes, redAfterMinutes);
  return (
    <span className={`card__timer card__timer--${level}`} data-testid="timer" data-level={level}>
      {formatElapsed(elapsed)}
    </span>
  );
}

export const CardTimer = memo(CardTimerView);
