// A time the customer wants the order for ("para las 21:30", "a las nueve y media de la noche",
// "sobre las 2"): read from the words into an hour and minute, then placed on today's clock and
// checked against the opening hours. Pure.
import { isOpenAtLocal, localTime, rangesToday, type OpeningHours } from '../terms/opening-hours.ts';

export interface SpokenTime {
  /** 0–23 when `fixed`; 1–12 otherwise (morning or afternoon still open). */
  hour: number;
  minute: number;
  /** The words settle morning or afternoon ("21:30", "9 pm", "de la noche"). */
  fixed: boolean;
}

export type TimeVerdict =
  /** Today, later than now, while open. */
  | { kind: 'ok'; time: string }
  /** Already gone today. */
  | { kind: 'past'; time: string }
  /** Later today, but the restaurant is closed then; `ranges` are today's hours (null = always open). */
  | { kind: 'closed'; time: string; ranges: [string, string][] | null };

const HOUR_WORDS: Record<string, number> = {
  una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
};
/** Hour words as a regular-expression alternative, for the phrase finder. */
export const HOUR_WORD_SOURCE = Object.keys(HOUR_WORDS).join('|');

const DAY_MINUTES = 24 * 60;
/** Before this (06:00), a time asked for in the evening of a late-night day means tonight. */
const SMALL_HOURS_END = 6 * 60;

/** Reads a folded time phrase ("a las 9 y media de la noche", "21.30", "8pm", "14h"); null if it is no clock time. */
export function readSpokenTime(phrase: string): SpokenTime | null {
  const p = phrase.toLowerCase();
  let hour: number;
  let minute = 0;
  let fixed = false;
  const clock = /(?<!\d)(\d{1,2})[:.h](\d{2})(?!\d)/u.exec(p);
  const digits = /(?<![\d:.])(\d{1,2})(?![\d:.])/u.exec(p);
  const word = new RegExp(`(?<![\\p{L}])(${HOUR_WORD_SOURCE})(?![\\p{L}])`, 'u').exec(p);
  if (clock) {
    hour = Number.parseInt(clock[1] ?? '', 10);
    minute = Number.parseInt(clock[2] ?? '', 10);
    // "09:30" and "21:30" are written the 24-hour way.
    fixed = hour > 12 || hour === 0 || (clock[1] ?? '').startsWith('0');
  } else if (digits) {
    hour = Number.parseInt(digits[1] ?? '', 10);
    fixed = hour > 12 || hour === 0;
  } else if (word) {
    hour = HOUR_WORDS[word[1] ?? ''] ?? -1;
  } else {
    return null;
  }
  if (!Number.isInteger(hour) || hour < 0 || hour > 24 || minute > 59) return null;
  if (hour === 24) {
    if (minute > 0) return null;
    hour = 0;
    fixed = true;
  }
  if (/(?<![\p{L}])y media/u.test(p)) minute = 30;
  else if (/(?<![\p{L}])y cuarto/u.test(p)) minute = 15;
  else if (/(?<![\p{L}])menos cuarto/u.test(p)) {
    minute = 45;
    hour = fixed ? (hour + 23) % 24 : hour === 1 ? 12 : hour - 1;
  }
  const part = /(?<![\p{L}])(?:de la (noche|tarde|manana|madrugada)|del? (?:la )?(mediodia)|(pm|p\.m\.)|(am|a\.m\.))/u.exec(p);
  if (part && !fixed) {
    const [, dayPart, noon, pm, am] = part;
    if (dayPart === 'tarde' || noon || pm) hour = hour === 12 ? 12 : hour + 12;
    else if (dayPart === 'noche') hour = hour === 12 ? 0 : hour <= 4 ? hour : hour + 12;
    else if (am || dayPart === 'madrugada') hour = hour === 12 ? 0 : hour;
    // "de la mañana": as said.
    fixed = true;
  }
  return { hour, minute, fixed };
}

function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number.parseInt(h ?? '0', 10) * 60 + Number.parseInt(m ?? '0', 10);
}

/**
 * One clock time against today: later today and open → ok; later today and closed → closed; earlier
 * today → past. A time in the small hours counts as tonight while today's hours run past midnight
 * ("a la 1" in a bar open 20:00–02:00 is fine, "a las 3" is after closing).
 */
function judge(minutes: number, now: number, hours: OpeningHours | undefined, zone: string): TimeVerdict {
  const here = localTime(now, zone);
  const time = clock(minutes);
  const ranges = rangesToday(hours, now, zone);
  if (minutes >= here.minutes) {
    return isOpenAtLocal(hours, { weekday: here.weekday, minutes }) ? { kind: 'ok', time } : { kind: 'closed', time, ranges };
  }
  // Today's hours run past midnight and it is evening: a small hour is tonight's.
  const crossing = (ranges ?? []).filter(([open, close]) => toMinutes(close) < toMinutes(open) && here.minutes >= toMinutes(close));
  if (crossing.some(([, close]) => minutes < toMinutes(close))) return { kind: 'ok', time };
  if (crossing.length > 0 && minutes < SMALL_HOURS_END) return { kind: 'closed', time, ranges };
  return { kind: 'past', time };
}

/**
 * Places a spoken time on today's clock. Without morning/afternoon ("sobre las 2") both readings
 * are tried and the first that works wins; else a later-but-closed reading is reported before a
 * past one, so the customer gets the hours.
 */
export function judgeRequestedTime(spoken: SpokenTime, now: number, hours: OpeningHours | undefined, zone: string): TimeVerdict {
  const readings = spoken.fixed || spoken.hour === 12 ? [spoken.hour] : [spoken.hour, spoken.hour + 12];
  const verdicts = readings.map((h) => judge((h * 60 + spoken.minute) % DAY_MINUTES, now, hours, zone));
  return (
    verdicts.find((v) => v.kind === 'ok') ??
    verdicts.find((v) => v.kind === 'closed') ??
    (verdicts[0] as TimeVerdict)
  );
}

/** A stored "HH:MM" checked again (before the order is placed: the time may have gone by). */
export function judgeClockTime(time: string, now: number, hours: OpeningHours | undefined, zone: string): TimeVerdict {
  return judge(toMinutes(time), now, hours, zone);
}
