// The pickup-or-delivery step.
import type { Reading, Turn } from '../turn.ts';


/** Pickup or delivery, whatever was asked. */
export function takeFulfilment(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it } = r;
  if (it.fulfilment && it.fulfilment !== state.fulfilment) {
    state.fulfilment = it.fulfilment;
    if (it.fulfilment === 'pickup') state.address = null;
    r.slotChanged = true;
  } else if (it.fulfilment) r.understood = true;
}
