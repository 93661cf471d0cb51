// The order placed: the draft handed to the host, and a fresh conversation that remembers it.
import type { OrderDraft } from '../../bot-types.ts';
import { judgeClockTime } from '../../understanding/requested-time.ts';
import { nextQuestion, timeRefused } from '../policy.ts';
import { accepts, belowMinimum, deliveryFee, deliveryOn, pickupOn } from '../../terms/delivery-and-payments.ts';
import { freshState } from '../state.ts';
import { done, type Outcome, type Turn } from '../turn.ts';


export function placeOrder(turn: Turn): Outcome {
  const { state, input, t } = turn;
  const { menu } = input;
  // The terms may have changed since the summary (payments, delivery off, a new minimum): ask again.
  const termsChanged =
    (state.payment && !accepts(menu, state.payment)) ||
    (state.fulfilment === 'delivery' && (!deliveryOn(menu) || belowMinimum(menu, state.cart))) ||
    (state.fulfilment === 'pickup' && !pickupOn(menu));
  if (!state.fulfilment || !state.name || !state.payment || termsChanged) return done(state, [...turn.notices, nextQuestion(turn)]);
  // The time was fine when given; the summary may have waited past it.
  if (state.requestedTime) {
    const verdict = judgeClockTime(state.requestedTime, input.now, input.menu.hours, input.menu.timezone ?? input.timezone);
    if (verdict.kind !== 'ok') {
      state.requestedTime = null;
      return done(state, [...turn.notices, `${timeRefused(t, verdict)}\n\n${nextQuestion(turn)}`]);
    }
  }
  const draft: OrderDraft = {
    customer: { phone: input.customer.phone, name: state.name },
    fulfilment: state.fulfilment,
    payment: state.payment,
    items: state.cart.map((l) => ({ ...l })),
    currency: input.menu.currency,
  };
  if (state.fulfilment === 'delivery' && state.address) draft.address = state.address;
  if (state.fulfilment === 'delivery' && state.location) draft.location = { ...state.location };
  const fee = deliveryFee(menu, state.fulfilment);
  if (fee > 0) draft.deliveryFee = fee;
  if (state.requestedTime) draft.requestedTime = state.requestedTime;
  if (state.orderNote) draft.orderNote = state.orderNote;
  const placed = turn.effects.placeOrder(draft);
  const next = freshState(input.now);
  next.greeted = true;
  next.mediaWarned = state.mediaWarned;
  next.lastPlaced = { number: placed.number, at: input.now };
  return done(next, [...turn.notices, t.placed(placed.number)]);
}
