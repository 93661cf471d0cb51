// Is the restaurant open at a given instant, and when does it open next. `hours` keys are sun..sat
// with [["12:00","16:00"], ...] local-time ranges; absent hours = always open; a day missing from
// `hours` is closed; a range may cross midnight ("20:00"-"02:00"); "24:00" ends a day. Pure.
import { WEEKDAYS, type Menu, type Weekday } from '../../../shared/menu.ts';
import { dateTimeFormat } from '../../../shared/intl-cache.ts';

export type OpeningHours = NonNullable<Menu['hours']>;

export interface LocalTime {
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

export interface NextOpening {
  /** 0 = today, 1 = tomorrow ... */
  daysAhead: number;
  weekday: Weekday;
  /** "HH:MM" as written in the menu. */
  time: string;
}

const DAY_MS = 24 * 60;

/** Local weekday and minute of `now` in `timeZone` (UTC if the zone is unknown). */
export function localTime(now: number, timeZone: string): LocalTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(now));
  } catch {
    const d = new Date(now);
    return { weekday: d.getUTCDay(), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const weekday = Math.max(0, names.indexOf(get('weekday')));
  const hour = Number.parseInt(get('hour'), 10) % 24;
  const minute = Number.parseInt(get('minute'), 10);
  return { weekday, minutes: (Number.isFinite(hour) ? hour : 0) * 60 + (Number.isFinite(minute) ? minute : 0) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  const value = Number.parseInt(h ?? '0', 10) * 60 + Number.parseInt(m ?? '0', 10);
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), DAY_MS) : 0;
}

function rangesOf(hours: OpeningHours, weekday: number): [string, string][] {
  const key = WEEKDAYS[((weekday % 7) + 7) % 7] as Weekday;
  return hours[key] ?? [];
}

/** Open at this local time? */
export function isOpenAtLocal(hours: OpeningHours | undefined, at: LocalTime): boolean {
  if (!hours) return true;
  for (const [open, close] of rangesOf(hours, at.weekday)) {
    const s = toMinutes(open);
    const e = toMinutes(close);
    if (s < e && at.minutes >= s && at.minutes < e) return true;
    if (e < s && at.minutes >= s) return true; // crosses midnight: the evening part
  }
  for (const [open, close] of rangesOf(hours, at.weekday + 6)) {
    const s = toMinutes(open);
    const e = toMinutes(close);
    if (e < s && at.minutes < e) return true; // yesterday's range, after midnight
  }
  return false;
}

export function isOpen(hours: OpeningHours | undefined, now: number, timeZone: string): boolean {
  return isOpenAtLocal(hours, localTime(now, timeZone));
}

/** Today's ranges in the restaurant's zone, as written in the menu ([] = closed today; null = always open). */
export function rangesToday(hours: OpeningHours | undefined, now: number, timeZone: string): [string, string][] | null {
  if (!hours) return null;
  return rangesOf(hours, localTime(now, timeZone).weekday).filter(([open, close]) => open !== close);
}

/**
 * The next time a range starts after `now` (within two weeks), or null if the hours never open.
 * `closed(daysAhead)` says a day is closed whatever its hours (a one-off closed date).
 */
export function nextOpening(
  hours: OpeningHours | undefined,
  now: number,
  timeZone: string,
  closed: (daysAhead: number) => boolean = () => false,
): NextOpening | null {
  const at = localTime(now, timeZone);
  if (!hours) {
    // Always open, but for closed dates: from the first midnight that is not one.
    if (!closed(0)) return null;
    for (let daysAhead = 1; daysAhead <= 14; daysAhead++) {
      if (!closed(daysAhead)) return { daysAhead, weekday: WEEKDAYS[(at.weekday + daysAhead) % 7] as Weekday, time: '00:00' };
    }
    return null;
  }
  let best: { delta: number; daysAhead: number; time: string; weekday: number } | null = null;
  for (let daysAhead = 0; daysAhead <= 14; daysAhead++) {
    if (closed(daysAhead)) continue;
    const weekday = (at.weekday + daysAhead) % 7;
    for (const [open, close] of rangesOf(hours, weekday)) {
      const s = toMinutes(open);
      if (s === toMinutes(close) || s >= DAY_MS) continue;
      const delta = daysAhead * DAY_MS + s - at.minutes;
      if (delta <= 0) continue;
      if (!best || delta < best.delta) best = { delta, daysAhead, time: open, weekday };
    }
  }
  if (!best) return null;
  return { daysAhead: best.daysAhead, weekday: WEEKDAYS[best.weekday] as Weekday, time: best.time };
}
