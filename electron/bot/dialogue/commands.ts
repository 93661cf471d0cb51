// Commands that work at any step: the menu, cancel, "mi pedido".
import type { CustomerOrderSummary } from '../bot-types.ts';
import { categoriesText, menuText } from '../texts/blocks.ts';
import { freshState } from './state.ts';
import { done, type Outcome, type Turn } from './turn.ts';


export const LARGE_MENU_ITEMS = 25;
export const CANCEL_REASON = 'Cancelado por el cliente';

export function menuBlock(turn: Turn): string {
  const { menu } = turn.input;
  if (turn.index.items.length > LARGE_MENU_ITEMS) {
    turn.state.numbersMean = 'categories';
    return categoriesText(menu);
  }
  turn.state.numbersMean = 'items';
  return `${menuText(menu)}\n\n${turn.t.orderHint}`;
}

export function cancel(turn: Turn): Outcome {
  const { t, input, notices } = turn;
  const state = turn.state;
  if (state.cart.length > 0 || state.pending.length > 0) {
    const fresh = freshState(input.now);
    fresh.greeted = true;
    fresh.mediaWarned = state.mediaWarned;
    return done(fresh, [...notices, t.cartCancelled]);
  }
  state.asked = null;
  const newest = input.recentOrders[0];
  if (!newest) return done(state, [...notices, t.nothingToCancel]);
  if (newest.status === 'new') {
    const ok = turn.effects.cancelOrder(newest.id, CANCEL_REASON);
    return done(state, [...notices, ok ? t.orderCancelled(newest.number) : t.cannotCancel(newest.number)]);
  }
  if (newest.status === 'accepted' || newest.status === 'preparing' || newest.status === 'ready') {
    return done(state, [...notices, t.cannotCancel(newest.number)]);
  }
  return done(state, [...notices, t.nothingToCancel]);
}

export function statusText(turn: Turn, orders: readonly CustomerOrderSummary[]): string {
  const newest = orders[0];
  if (!newest) return turn.t.noOrders;
  let minutesLeft: number | null = null;
  if (newest.etaMinutes !== undefined && (newest.status === 'accepted' || newest.status === 'preparing')) {
    const since = newest.acceptedAt ? Date.parse(newest.acceptedAt) : Number.NaN;
    const elapsed = Number.isFinite(since) ? Math.max(0, (turn.input.now - since) / 60_000) : 0;
    minutesLeft = Math.ceil(newest.etaMinutes - elapsed);
  }
  return turn.t.status({ number: newest.number, status: newest.status, fulfilment: newest.fulfilment, minutesLeft });
}
