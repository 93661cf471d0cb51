// What the screen derives from the orders. Pure, so it is tested without a browser.
import { isOpen, type Order } from '../../../shared/order.ts';
import { foldText } from '../../../shared/text.ts';

const byCreated = (a: Order, b: Order) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number;

/** The board: open orders, oldest first. */
export function openOrders(orders: Iterable<Order>): Order[] {
  return [...orders].filter((o) => isOpen(o.status)).sort(byCreated);
}

/** Today's orders, newest first, filtered by number, name, phone or dish (accent-insensitive). */
export function historyOrders(orders: Iterable<Order>, search: string): Order[] {
  const needle = foldText(search.trim());
  const all = [...orders].sort((a, b) => byCreated(b, a));
  if (!needle) return all;
  return all.filter((o) =>
    foldText([`#${o.number}`, o.customer.name, o.customer.phone, ...o.items.map((i) => i.name)].join(' ')).includes(needle),
  );
}

/** Items to cook across open orders that are not yet ready: "12 × Hamburguesa clásica". */
export function allDayCounts(orders: Iterable<Order>): { name: string; quantity: number }[] {
  const counts = new Map<string, number>();
  for (const o of orders) {
    if (o.status !== 'new' && o.status !== 'accepted' && o.status !== 'preparing') continue;
    for (const item of o.items) counts.set(item.name, (counts.get(item.name) ?? 0) + item.quantity);
  }
  return [...counts].map(([name, quantity]) => ({ name, quantity })).sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}

/** Average minutes from arrival to ready over orders that reached ready; null when none did. */
export function averagePrepMinutes(orders: Iterable<Order>): number | null {
  const durations: number[] = [];
  for (const o of orders) {
    const ready = o.events.find((e) => e.to === 'ready' && !e.undo && e.from !== 'completed');
    if (ready) durations.push((Date.parse(ready.at) - Date.parse(o.createdAt)) / 60_000);
  }
  if (durations.length === 0) return null;
  return durations.reduce((a, b) => a + b, 0) / durations.length;
}

export type TimerLevel = 'ok' | 'amber' | 'red';

export function timerLevel(elapsedMs: number, amberAfterMinutes: number, redAfterMinutes: number): TimerLevel {
  const minutes = elapsedMs / 60_000;
  if (minutes >= redAfterMinutes) return 'red';
  if (minutes >= amberAfterMinutes) return 'amber';
  return 'ok';
}

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes >= 100) return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The most recently completed order, for R (recall). */
export function lastCompleted(orders: Iterable<Order>): Order | undefined {
  let best: Order | undefined;
  for (const o of orders) if (o.status === 'completed' && (!best || o.updatedAt > best.updatedAt)) best = o;
  return best;
}

/** Keys of a bump bar or keyboard, mapped to screen actions. */
export type KeyAction = { type: 'select'; index: number } | { type: 'advance' } | { type: 'recall' } | { type: 'escape' } | { type: 'move'; by: number };

export function keyAction(key: string): KeyAction | null {
  if (/^[1-9]$/.test(key)) return { type: 'select', index: Number(key) - 1 };
  switch (key) {
    case 'Enter':
      return { type: 'advance' };
    case 'r':
    case 'R':
      return { type: 'recall' };
    case 'Escape':
      return { type: 'escape' };
    case 'ArrowRight':
    case 'ArrowDown':
      return { type: 'move', by: 1 };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'move', by: -1 };
    default:
      return null;
  }
}
