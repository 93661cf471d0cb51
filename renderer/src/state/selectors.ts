// What the screen derives from the orders. Pure, so it is tested without a browser.
import { isOpen, type Order, type OrderStatus } from '../../../shared/order.ts';
import { foldText } from '../../../shared/text.ts';

export const byCreated = (a: Order, b: Order): number => a.createdAt.localeCompare(b.createdAt) || a.number - b.number;

/** The board: open orders, oldest first. */
export function openOrders(orders: Iterable<Order>): Order[] {
  return [...orders].filter((o) => isOpen(o.status)).sort(byCreated);
}

/** Text one order is searched by: customer name and dishes, folded. */
function haystack(o: Order): string {
  return foldText([o.customer.name, ...o.items.map((i) => i.name)].join('\n'));
}

/**
 * Does one search word match? "#12" or "12" is order 12; three or more digits also match inside
 * the phone ("611 222", "+34 611…"); anything else is looked for in the name and the dishes.
 */
function wordMatches(o: Order, word: string, text: string): boolean {
  const digits = word.replace(/^[#+]/, '');
  if (/^\d+$/.test(digits)) {
    if (Number(digits) === o.number) return true;
    if (word.startsWith('#')) return false;
    return digits.length >= 3 && o.customer.phone.replace(/\D+/g, '').includes(digits);
  }
  return text.includes(word);
}

/** Today's orders, newest first, filtered by number, name, phone or dish (accent-insensitive). */
export function historyOrders(orders: Iterable<Order>, search: string): Order[] {
  const all = [...orders].sort((a, b) => byCreated(b, a));
  const words = foldText(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return all;
  return all.filter((o) => {
    const text = haystack(o);
    return words.every((w) => wordMatches(o, w, text));
  });
}

const TO_COOK: readonly OrderStatus[] = ['new', 'accepted', 'preparing'];

export interface AllDayCount {
  itemId: string;
  name: string;
  quantity: number;
  /** The chosen options of this count ("Grande · Extra queso"); absent for a dish without options. */
  choices?: string;
}

/**
 * Items still to cook across open orders: "12 × Hamburguesa clásica", most first. A dish with options
 * is counted per choice ("3 × Muzza · Grande", "2 × Muzza · Chica"): the kitchen cooks them apart.
 */
export function allDayCounts(orders: Iterable<Order>): AllDayCount[] {
  const counts = new Map<string, AllDayCount>();
  for (const o of orders) {
    if (!TO_COOK.includes(o.status)) continue;
    for (const item of o.items) {
      const options = [...(item.options ?? [])].sort((a, b) => a.groupId.localeCompare(b.groupId) || a.choiceId.localeCompare(b.choiceId));
      const key = `${item.itemId || foldText(item.name)}|${options.map((c) => `${c.groupId}:${c.choiceId}`).join(',')}`;
      const entry = counts.get(key);
      if (entry) entry.quantity += item.quantity;
      else {
        const row: AllDayCount = { itemId: item.itemId, name: item.name, quantity: item.quantity };
        if (options.length) row.choices = options.map((c) => c.name).join(' · ');
        counts.set(key, row);
      }
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name) || (a.choices ?? '').localeCompare(b.choices ?? ''),
  );
}

/**
 * When an order reached 'ready' from the kitchen (not by a recall), if it still counts: an undo
 * of that move clears it, a later ready sets it again.
 */
export function readyAt(order: Order): string | undefined {
  let at: string | undefined;
  for (const e of order.events) {
    if (e.undo) {
      if (e.from === 'ready' && e.to !== 'completed') at = undefined;
    } else if (e.to === 'ready' && e.from !== 'completed') {
      at = e.at;
    }
  }
  return at;
}

/** Average minutes from arrival to ready over orders that reached ready; null when none did. */
export function averagePrepMinutes(orders: Iterable<Order>): number | null {
  let sum = 0;
  let count = 0;
  for (const o of orders) {
    const at = readyAt(o);
    if (!at) continue;
    const minutes = (Date.parse(at) - Date.parse(o.createdAt)) / 60_000;
    if (!Number.isFinite(minutes) || minutes < 0) continue;
    sum += minutes;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  const total = Math.round(minutes * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The promised time: the last (not undone) acceptance plus the ETA. */
export function etaDueAt(order: Order): number | undefined {
  if (order.etaMinutes === undefined) return undefined;
  let acceptedAt: string | undefined;
  for (const e of order.events) {
    if (e.undo) {
      if (e.from === 'accepted' && e.to === 'new') acceptedAt = undefined;
    } else if (e.to === 'accepted') acceptedAt = e.at;
  }
  const start = Date.parse(acceptedAt ?? order.createdAt);
  return Number.isFinite(start) ? start + order.etaMinutes * 60_000 : undefined;
}

/** The most recently completed order, for R (recall). */
export function lastCompleted(orders: Iterable<Order>): Order | undefined {
  let best: Order | undefined;
  let bestAt = '';
  for (const o of orders) {
    if (o.status !== 'completed') continue;
    const at = [...o.events].reverse().find((e) => e.to === 'completed')?.at ?? o.updatedAt;
    if (!best || at > bestAt) {
      best = o;
      bestAt = at;
    }
  }
  return best;
}

/** Orders waiting for someone to notice them: they beep and flash. */
export function unacknowledged(orders: readonly Order[]): Order[] {
  return orders.filter((o) => o.status === 'new' && !o.acknowledged);
}

/** Customer notices that failed for good, to show on the card. */
export function failedNotices(order: Order): { key: string; text: string }[] {
  return order.notifications.filter((n) => n.state === 'failed').map((n) => ({ key: n.key, text: n.error ?? n.kind }));
}
