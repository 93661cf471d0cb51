// The payment step: a method the restaurant takes is noted; one it does not take is answered with
// the ones it does ("No aceptamos X; puedes pagar con A, B o C") and asked again.
import { accepts } from '../../terms/delivery-and-payments.ts';
import { acceptedNames, methodWord } from '../../texts/blocks.ts';
import type { Reading, Turn } from '../turn.ts';

/** A payment method named, whatever was asked. */
export function takePayment(turn: Turn, r: Reading): void {
  const { state, t, notices, input } = turn;
  const { it } = r;
  if (!it.payment) return;
  if (!accepts(input.menu, it.payment)) {
    notices.push(t.paymentRefused(methodWord(it.payment, t), acceptedNames(input.menu, t)));
    r.refused = true;
    r.understood = true;
    return;
  }
  if (it.payment !== state.payment) r.slotChanged = true;
  state.payment = it.payment;
  r.understood = true;
}
