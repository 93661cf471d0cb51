// Wall-clock times in a named time zone without a date library: the next "04:00 in Europe/Madrid"
// is computed afresh each time from the zone's real offset, so DST changes never shift it by an hour.
// Times that do not exist (inside a spring-forward gap) move forward by the gap, and times that
// happen twice (fall-back) take the first, like Temporal's "compatible" disambiguation.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a clear error for a zone Intl does not know; returns the canonical name otherwise. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`unknown time zone "${timeZone}" (expected an IANA name like "Europe/Madrid")`);
  }
}

export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localParts(at: number, timeZone: string): LocalParts & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at an instant, in ms (Madrid in summer: +7,200,000). */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant a local wall-clock time happens in timeZone (see the file comment for gaps and overlaps). */
export function localToInstant(wanted: LocalParts, timeZone: string): number {
  const asUtc = Date.UTC(wanted.year, wanted.month - 1, wanted.day, wanted.hour, wanted.minute);
  // At most one transition falls within a day, so the offsets half a day either side cover both sides.
  const before = offsetAt(asUtc - 43_200_000, timeZone);
  const after = offsetAt(asUtc + 43_200_000, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((at) => {
      const p = localParts(at, timeZone);
      return p.year === wanted.year && p.month === wanted.month && p.day === wanted.day && p.hour === wanted.hour && p.minute === wanted.minute;
    });
  if (matches.length > 0) return Math.min(...matches);
  return asUtc - before; // in a gap: the pre-transition offset lands after the gap, shifted by its length
}

/** Parses "HH:MM" (24 h); throws a clear error otherwise. */
export function parseHourMinute(text: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`expected a time like "04:00", got "${text}"`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The first instant strictly after `after` at which the wall clock in timeZone reads hour:minute. */
export function nextLocalTime(after: number, time: { hour: number; minute: number }, timeZone: string): number {
  const today = localParts(after, timeZone);
  // Walk by calendar day (Date.UTC normalises day overflow across months and years).
  for (let dayOffset = 0; dayOffset < 3; dayOffset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + dayOffset));
    const at = localToInstant(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: time.hour, minute: time.minute },
      timeZone,
    );
    if (at > after) return at;
  }
  throw new Error(`no ${time.hour}:${time.minute} found in ${timeZone} after ${new Date(after).toISOString()}`);
}
