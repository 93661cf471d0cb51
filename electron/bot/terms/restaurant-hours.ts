// Open now, today's hours and the next opening, with the menu's one-off closed dates ("closed
// today" in the owner area adds today's) on top of the weekly hours. Pure.
import { dateTimeFormat } from '../../../shared/intl-cache.ts';
import type { Menu } from '../../../shared/menu.ts';
import { isOpen, nextOpening, rangesToday, type NextOpening } from './opening-hours.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of `now` in the zone (UTC if the zone is unknown). */
export function localDate(now: number, timeZone: string): string {
  try {
    return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
  } catch {
    return new Date(now).toISOString().slice(0, 10);
  }
}

function closedDays(menu: Menu, now: number, zone: string): (daysAhead: number) => boolean {
  const dates = menu.closedDates;
  if (!dates || dates.length === 0) return () => false;
  return (daysAhead) => dates.includes(localDate(now + daysAhead * DAY_MS, zone));
}

export function openNow(menu: Menu, now: number, zone: string): boolean {
  return !closedDays(menu, now, zone)(0) && isOpen(menu.hours, now, zone);
}

export function nextOpen(menu: Menu, now: number, zone: string): NextOpening | null {
  return nextOpening(menu.hours, now, zone, closedDays(menu, now, zone));
}

/** Today's ranges ([] closed today, null always open). */
export function hoursToday(menu: Menu, now: number, zone: string): [string, string][] | null {
  if (closedDays(menu, now, zone)(0)) return [];
  return rangesToday(menu.hours, now, zone);
}
