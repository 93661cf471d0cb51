// The summary step: "sí" places the order, "no" asks what to change; "cambia la dirección" (at any
// step) clears that slot so it is asked again.
import { isComplete } from '../policy.ts';
import { done, type Outcome, type Reading, type Turn } from '../turn.ts';
import { placeOrder } from './placed.ts';


/** "cambia la dirección", "el nombre está mal": that slot is asked again. */
export function applyChange(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it } = r;
  if (it.change) {
    if (it.change === 'address') {
      state.address = null;
      state.fulfilment = 'delivery';
    }
    if (it.change === 'name') state.name = null;
    if (it.change === 'payment') state.payment = null;
    if (it.change === 'fulfilment') {
      state.fulfilment = null;
      state.address = null;
    }
    r.slotChanged = true;
  }
}

/** The answer to the summary: placed, or what to change; null when the message was something else. */
export function confirmOrChange(turn: Turn, r: Reading): Outcome | null {
  const { state, t, notices } = turn;
  const { it } = r;
  if (r.asked === 'confirm' && !r.cartChanged && !r.slotChanged && !r.askedAboutDish && state.pending.length === 0) {
    if (it.yes && !r.yesUsed && isComplete(state)) return placeOrder(turn);
    // "No. Mejor para recoger." when it already was: nothing changes, the summary again.
    if (it.no && !(it.fulfilment || it.payment || it.address || it.name)) {
      state.asked = 'change';
      return done(state, [...notices, t.askChange]);
    }
  }
  return null;
}
