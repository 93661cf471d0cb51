// The day's close from the local database alone (works offline, agrees with history): the orders
// placed on one local day of the restaurant's zone, what they took by payment method and by pickup
// or delivery, the dishes sold, what was cancelled or rejected and why, how long the kitchen took
// from accepted to ready, and the orders by hour.
import type { DayReport, DayReportDropped, DayReportItem, DayReportMoney } from '../../shared/day-report.ts';
import type { Order, OrderEvent } from '../../shared/order.ts';
import type { Store } from '../store/store.ts';
import { localDay, startOfLocalDay } from '../orders/local-day.ts';
import { dateTimeFormat } from '../../shared/intl-cache.ts';

/** The first instant of a local date (YYYY-MM-DD) in `timezone`, and of the day after. */
export function localDayBounds(date: string, timezone: string): { start: number; end: number } {
  // Noon UTC of that date is inside the local day for every zone from UTC-12 to UTC+11; +14 zones
  // are caught by the check below.
  let probe = Date.parse(`${date}T12:00:00Z`);
  if (localDay(probe, timezone) > date) probe -= 12 * 3600_000;
  if (localDay(probe, timezone) < date) probe += 12 * 3600_000;
  const start = startOfLocalDay(probe, timezone);
  let end = start + 22 * 3600_000; // the shortest local day is 23 h (DST); walk to the next day
  while (localDay(end, timezone) === date) end += 3600_000;
  return { start, end: startOfLocalDay(end, timezone) };
}

const cents = (amount: number) => Math.round(amount * 100);
const fromCents = (n: number) => n / 100;

function localHour(epochMs: number, timezone: string): number {
  return Number(dateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(epochMs)));
}

function lastEventTo(events: readonly OrderEvent[], to: string): OrderEvent | undefined {
  return [...events].reverse().find((e) => e.to === to && !e.undo);
}

/** Minutes from the kitchen accepting to the order being ready (the last of each, undo excluded). */
export function prepMinutes(order: Order): number | undefined {
  const accepted = lastEventTo(order.events, 'accepted');
  const ready = order.events.find((e) => e.to === 'ready' && !e.undo && accepted && Date.parse(e.at) >= Date.parse(accepted.at));
  if (!accepted || !ready) return undefined;
  return (Date.parse(ready.at) - Date.parse(accepted.at)) / 60_000;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function dayReport(store: Store, options: { date: string; timezone: string; currency: string; now: number }): DayReport {
  const { date, timezone } = options;
  const { start, end } = localDayBounds(date, timezone);
  const orders = store.orders.list({ createdSince: start, createdBefore: end });

  const byPayment = new Map<string, { orders: number; cents: number }>();
  const byFulfilment = { pickup: { orders: 0, cents: 0 }, delivery: { orders: 0, cents: 0 } };
  const items = new Map<string, { itemId: string; name: string; options?: string[]; quantity: number; cents: number }>();
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, cents: 0 }));
  const cancelled: DayReportDropped[] = [];
  const rejected: DayReportDropped[] = [];
  const prep: number[] = [];
  let counted = 0;
  let revenue = 0;
  let fees = 0;

  for (const order of orders) {
    if (order.status === 'cancelled' || order.status === 'rejected') {
      const event = lastEventTo(order.events, order.status);
      const dropped: DayReportDropped = {
        id: order.id,
        number: order.number,
        customer: order.customer.name,
        total: order.total,
        reason: event?.reason ?? '',
        at: event?.at ?? order.updatedAt,
        by: event?.by ?? '',
      };
      (order.status === 'cancelled' ? cancelled : rejected).push(dropped);
      continue;
    }
    counted++;
    const total = cents(order.total);
    revenue += total;
    fees += cents(order.deliveryFee ?? 0);
    const method = order.payment ?? 'unknown';
    const pay = byPayment.get(method) ?? { orders: 0, cents: 0 };
    pay.orders++;
    pay.cents += total;
    byPayment.set(method, pay);
    byFulfilment[order.fulfilment].orders++;
    byFulfilment[order.fulfilment].cents += total;
    const hour = byHour[localHour(Date.parse(order.createdAt), timezone)]!;
    hour.orders++;
    hour.cents += total;
    for (const line of order.items) {
      const choices = line.options?.map((o) => o.name) ?? [];
      const key = JSON.stringify([line.itemId, [...(line.options ?? [])].map((o) => `${o.groupId}:${o.choiceId}`).sort()]);
      const entry = items.get(key) ?? {
        itemId: line.itemId,
        name: choices.length ? `${line.name} (${choices.join(', ')})` : line.name,
        ...(choices.length ? { options: choices } : {}),
        quantity: 0,
        cents: 0,
      };
      entry.quantity += line.quantity;
      entry.cents += cents(line.unitPrice) * line.quantity;
      items.set(key, entry);
    }
    const minutes = prepMinutes(order);
    if (minutes !== undefined) prep.push(minutes);
  }

  const money = (m: { orders: number; cents: number }): DayReportMoney => ({ orders: m.orders, amount: fromCents(m.cents) });
  const soldItems: DayReportItem[] = [...items.values()]
    .sort((a, b) => b.quantity - a.quantity || b.cents - a.cents || a.name.localeCompare(b.name))
    .map(({ cents: c, ...rest }) => ({ ...rest, amount: fromCents(c) }));

  return {
    date,
    timezone,
    currency: orders[0]?.currency ?? options.currency,
    orders: counted,
    revenue: fromCents(revenue),
    deliveryFees: fromCents(fees),
    byPayment: Object.fromEntries([...byPayment.entries()].sort((a, b) => b[1].cents - a[1].cents).map(([k, v]) => [k, money(v)])),
    byFulfilment: { pickup: money(byFulfilment.pickup), delivery: money(byFulfilment.delivery) },
    items: soldItems,
    cancelled,
    rejected,
    prepMinutes: {
      average: round1(prep.length ? prep.reduce((a, b) => a + b, 0) / prep.length : null),
      p90: round1(percentile(prep, 90)),
      count: prep.length,
    },
    byHour: byHour.map((h) => ({ hour: h.hour, orders: h.orders, amount: fromCents(h.cents) })),
    generatedAt: new Date(options.now).toISOString(),
  };
}
