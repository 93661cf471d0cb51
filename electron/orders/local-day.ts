// The restaurant's calendar day for a moment: order numbers and "today" follow the kitchen's clock.
import { dateTimeFormat } from '../../shared/intl-cache.ts';

export function localDay(epochMs: number, timezone: string): string {
  try {
    return dateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(epochMs),
    );
  } catch {
    return new Date(epochMs).toISOString().slice(0, 10);
  }
}

/** Epoch ms of the start of the restaurant's day containing `epochMs`. */
export function startOfLocalDay(epochMs: number, timezone: string): number {
  const day = localDay(epochMs, timezone);
  // Walk back from the moment to the first instant that still maps to the same day (DST-safe).
  let lo = epochMs - 26 * 3600_000;
  let hi = epochMs;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDay(mid, timezone) === day) hi = mid;
    else lo = mid;
  }
  return hi - (hi % 1000);
}
