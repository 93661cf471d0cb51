// The payment step: a method the restaurant takes is noted; a bank transfer named in the customer's
// words ("transferencia", "transfe") is the transfer-like method the restaurant takes (SPEI in
// Mexico, PIX in Brazil, Bizum in Spain); one it does not take is answered with the ones it does
// ("No aceptamos X; puedes pagar con A, B o C") and asked again.
import type { Menu, PaymentMethodId } from '../../../../shared/menu.ts';
import { accepts } from '../../terms/delivery-and-payments.ts';
import { acceptedNames, methodWord } from '../../texts/blocks.ts';
import type { Reading, Turn } from '../turn.ts';

/** Methods that are a transfer from the customer's bank, in the order one is taken for another. */
const TRANSFER_LIKE: readonly PaymentMethodId[] = ['transfer', 'spei', 'pix', 'bizum'];

/** The accepted method a transfer word stands for, or null when the method is no transfer or none fits. */
export function acceptedTransfer(menu: Menu, method: PaymentMethodId): PaymentMethodId | null {
  if (!TRANSFER_LIKE.includes(method)) return null;
  // Bizum is a transfer only in Spain.
  const fits = TRANSFER_LIKE.filter((m) => m !== 'bizum' || menu.locale === 'es-ES');
  return fits.find((m) => accepts(menu, m)) ?? null;
}

/** A payment method named, whatever was asked. */
export function takePayment(turn: Turn, r: Reading): void {
  const { state, t, notices, input } = turn;
  const { it } = r;
  if (!it.payment) return;
  const method = accepts(input.menu, it.payment) ? it.payment : acceptedTransfer(input.menu, it.payment);
  if (!method) {
    notices.push(t.paymentRefused(methodWord(it.payment, t), acceptedNames(input.menu, t)));
    r.refused = true;
    r.understood = true;
    return;
  }
  if (method !== state.payment) r.slotChanged = true;
  state.payment = method;
  r.understood = true;
}
