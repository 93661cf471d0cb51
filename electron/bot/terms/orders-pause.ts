// The kitchen's pause on new orders (BotInput.pausedUntil): undefined = not paused, null = until
// resumed, a time = until then. Pure.
import { localTime } from './opening-hours.ts';

export function pausedNow(pausedUntil: number | null | undefined, now: number): boolean {
  return pausedUntil === null || (typeof pausedUntil === 'number' && pausedUntil > now);
}

/** "HH:MM" local when orders reopen, or null for "until resumed". */
export function reopensAt(pausedUntil: number | null | undefined, zone: string): string | null {
  if (typeof pausedUntil !== 'number') return null;
  const at = localTime(pausedUntil, zone);
  return `${String(Math.floor(at.minutes / 60)).padStart(2, '0')}:${String(at.minutes % 60).padStart(2, '0')}`;
}
