// The payment step.
import type { Reading, Turn } from '../turn.ts';


/** A payment method named, whatever was asked. */
export function takePayment(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it } = r;
  if (it.payment) {
    if (it.payment !== state.payment) r.slotChanged = true;
    state.payment = it.payment;
    r.understood = true;
  }
}
