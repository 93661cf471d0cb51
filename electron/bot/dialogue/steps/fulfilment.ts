// The pickup-or-delivery step, within the restaurant's terms: delivery asked for when it is off
// (or pickup when only delivery is on) is answered with what the restaurant does.
import { deliveryOn, pickupOn } from '../../terms/delivery-and-payments.ts';
import type { Reading, Turn } from '../turn.ts';

/** Delivery or pickup the restaurant does not offer: said, and the words dropped. */
export function refuseOutsideTerms(turn: Turn, r: Reading): void {
  const { t, notices, input } = turn;
  const { it } = r;
  if (!deliveryOn(input.menu) && (it.fulfilment === 'delivery' || it.address)) {
    notices.push(t.noDelivery);
    if (it.fulfilment === 'delivery') it.fulfilment = null;
    it.address = null;
    r.understood = true;
  }
  if (!pickupOn(input.menu) && it.fulfilment === 'pickup') {
    notices.push(t.noPickup);
    it.fulfilment = null;
    r.understood = true;
  }
}

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
