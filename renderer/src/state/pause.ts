// The pause as the header shows it: until a time with a countdown, or until resumed. Pure.
import type { OrdersPause } from '../../../shared/owner-api.ts';

export type PauseView = { kind: 'off' } | { kind: 'open-ended' } | { kind: 'timed'; until: number; leftMs: number };

export function pauseView(pause: OrdersPause | null | undefined, now: number): PauseView {
  if (!pause?.paused) return { kind: 'off' };
  if (!pause.until) return { kind: 'open-ended' };
  const until = Date.parse(pause.until);
  if (!Number.isFinite(until)) return { kind: 'open-ended' };
  // A timed pause whose end has passed is over, even before the host's event says so.
  if (until <= now) return { kind: 'off' };
  return { kind: 'timed', until, leftMs: until - now };
}

/** "9:05" (minutes:seconds) below an hour, "1:02:05" above; whole seconds gone count as gone. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The pause lengths offered, in minutes; null is "until resumed". */
export const PAUSE_CHOICES: readonly (number | null)[] = [10, 20, 30, 60, null];
