// The restaurant's terms as the owner edits them (part of the menu document): name, region,
// hours, closed days, payments, pickup and delivery. Pure.
import { WEEKDAYS, type Menu, type MenuInput, type PaymentMethodId, type Weekday } from '../../../shared/menu.ts';

export type Hours = Partial<Record<Weekday, [string, string][]>>;

export interface Terms {
  restaurant: string;
  locale: NonNullable<Menu['locale']>;
  currency: string;
  timezone: string;
  /** undefined: no hours (always open). */
  hours: Hours | undefined;
  closedDates: string[];
  payments: PaymentMethodId[];
  pickup: { enabled: boolean };
  delivery: { enabled: boolean; fee: number; minimumOrder: number; note?: string };
}

/** Monday first, as a week is read in both languages' restaurants. */
export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function termsOf(menu: Menu): Terms {
  return {
    restaurant: menu.restaurant,
    locale: menu.locale,
    currency: menu.currency,
    timezone: menu.timezone ?? '',
    hours: menu.hours ? structuredClone(menu.hours) : undefined,
    closedDates: [...(menu.closedDates ?? [])],
    payments: [...menu.payments],
    pickup: { enabled: menu.pickup.enabled },
    delivery: { ...menu.delivery },
  };
}

/** The menu with these terms: what saveMenu receives (the host validates it whole). */
export function withTerms(menu: Menu, terms: Terms): MenuInput {
  const { timezone, hours, closedDates, delivery, ...rest } = terms;
  const next: MenuInput = { ...menu, ...rest, delivery: { ...delivery, ...(delivery.note?.trim() ? { note: delivery.note.trim() } : { note: undefined }) } };
  if (timezone.trim()) next.timezone = timezone.trim();
  else delete next.timezone;
  if (hours) next.hours = hours;
  else delete next.hours;
  if (closedDates.length) next.closedDates = [...closedDates].sort();
  else delete next.closedDates;
  if (next.delivery && next.delivery.note === undefined) delete next.delivery.note;
  return next;
}

/** Today's date (YYYY-MM-DD) in the restaurant's zone, or this computer's when it has none or a bad one. */
export function todayIn(timezone: string | undefined, now: number): string {
  const format = (timeZone?: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timezone || undefined);
  } catch {
    return format();
  }
}

export function isClosedToday(terms: Terms, now: number): boolean {
  return terms.closedDates.includes(todayIn(terms.timezone, now));
}

export function setClosedToday(terms: Terms, closed: boolean, now: number): Terms {
  const today = todayIn(terms.timezone, now);
  const others = terms.closedDates.filter((d) => d !== today);
  return { ...terms, closedDates: closed ? [...others, today].sort() : others };
}

export function addClosedDate(terms: Terms, date: string): Terms {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || terms.closedDates.includes(date)) return terms;
  return { ...terms, closedDates: [...terms.closedDates, date].sort() };
}

export function removeClosedDate(terms: Terms, date: string): Terms {
  return { ...terms, closedDates: terms.closedDates.filter((d) => d !== date) };
}

/** Hours a new restaurant starts from: lunch and dinner every day. */
export function defaultHours(): Hours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, [['12:00', '16:00'], ['20:00', '23:30']]])) as Hours;
}

export function addRange(hours: Hours, day: Weekday): Hours {
  const ranges = hours[day] ?? [];
  const last = ranges.at(-1);
  const next: [string, string] = last ? [last[1] < '20:00' ? '20:00' : last[1], '23:30'] : ['12:00', '16:00'];
  return { ...hours, [day]: [...ranges, next] };
}

export function removeRange(hours: Hours, day: Weekday, index: number): Hours {
  return { ...hours, [day]: (hours[day] ?? []).filter((_, i) => i !== index) };
}

export function setRange(hours: Hours, day: Weekday, index: number, which: 0 | 1, value: string): Hours {
  const ranges = (hours[day] ?? []).map((r, i) => (i === index ? ((which === 0 ? [value, r[1]] : [r[0], value]) as [string, string]) : r));
  return { ...hours, [day]: ranges };
}

export function togglePayment(payments: PaymentMethodId[], id: PaymentMethodId): PaymentMethodId[] {
  return payments.includes(id) ? payments.filter((p) => p !== id) : [...payments, id];
}
