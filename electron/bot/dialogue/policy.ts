// What the bot asks next: the first thing missing, in order (an open dish question, dishes, pickup
// or delivery, the address and its number, the name, the payment), then the summary.
import { acceptedNames, money, summaryText } from '../texts/blocks.ts';
import { accepts, belowMinimum, deliveryFee, onlyFulfilment, pickupOn } from '../terms/delivery-and-payments.ts';
import type { BotTexts } from '../texts/index.ts';
import { cleanName } from '../understanding/intents.ts';
import type { TimeVerdict } from '../understanding/requested-time.ts';
import { orderTotal } from '../../../shared/order.ts';
import type { BotState } from './state.ts';
import type { Turn } from './turn.ts';

export function isComplete(state: BotState): boolean {
  return (
    state.cart.length > 0 &&
    state.fulfilment !== null &&
    (state.fulfilment === 'pickup' || !!state.address) &&
    !!state.name &&
    state.payment !== null
  );
}

/** The next thing to ask, in order; sets `asked`. */
export function nextQuestion(turn: Turn): string {
  const { state, t, input, index } = turn;
  const { menu, customer } = input;
  const pending = state.pending[0];
  if (pending) {
    state.asked = null;
    const describe = (id: string) => {
      const item = index.byId.get(id);
      return item ? `${item.name} — ${money(item.price, menu)}` : id;
    };
    if (pending.kind === 'option') {
      const item = index.byId.get(pending.options[0] ?? '');
      const group = item?.options?.find((g) => g.id === pending.group);
      if (item && group) {
        const choices = group.choices.map((c) => (c.price > 0 ? `${c.name} (+${money(c.price, menu)})` : c.name));
        return t.askOption(`*${item.name}*`, group.name, choices);
      }
    }
    if (pending.kind === 'confirm') {
      const item = index.byId.get(pending.options[0] ?? '');
      return t.confirmItem(item ? `*${item.name}* (${money(item.price, menu)})` : '');
    }
    return t.choose(pending.label, pending.options.map(describe));
  }
  if (state.cart.length === 0) {
    state.asked = null;
    return t.askWhat;
  }
  // The restaurant's terms: only one way to hand orders over, a delivery minimum.
  const only = onlyFulfilment(menu);
  if (only && state.fulfilment !== only) {
    state.fulfilment = only;
    if (only === 'pickup') state.address = null;
  }
  if (!state.fulfilment) {
    state.asked = 'fulfilment';
    return t.askFulfilment;
  }
  if (state.fulfilment === 'delivery' && belowMinimum(menu, state.cart)) {
    state.asked = 'minimum';
    return t.belowMinimum(money(menu.delivery.minimumOrder, menu), money(cartSubtotal(state), menu), pickupOn(menu));
  }
  if (state.fulfilment === 'delivery' && !state.address) {
    state.asked = 'address';
    return menu.delivery.note ? `${t.askAddress}\n${t.deliveryNote(menu.delivery.note)}` : t.askAddress;
  }
  if (state.fulfilment === 'delivery' && state.address && state.addressOpen) {
    state.asked = 'addressNumber';
    return t.askAddressNumber(state.address);
  }
  if (!state.name && customer.rememberedName) {
    const remembered = cleanName(customer.rememberedName);
    if (remembered) state.name = remembered;
  }
  if (!state.name) {
    state.asked = 'name';
    const profile = customer.profileName ? cleanName(customer.profileName) : null;
    return t.askName(state.profileDeclined ? null : profile);
  }
  if (state.payment && !accepts(menu, state.payment)) state.payment = null;
  // One method only: nothing to ask.
  if (!state.payment && menu.payments.length === 1) state.payment = menu.payments[0] ?? null;
  if (!state.payment) {
    state.asked = 'payment';
    return t.askPayment(acceptedNames(menu, t));
  }
  state.asked = 'confirm';
  return summaryText(
    {
      cart: state.cart,
      fulfilment: state.fulfilment,
      address: state.address,
      name: state.name,
      payment: state.payment,
      requestedTime: state.requestedTime,
      orderNote: state.orderNote,
      deliveryFee: deliveryFee(menu, state.fulfilment),
    },
    menu,
  );
}

/** What to say about a time that cannot be taken: gone by, or when the restaurant is closed. */
export function timeRefused(t: BotTexts, verdict: Exclude<TimeVerdict, { kind: 'ok' }>): string {
  return verdict.kind === 'past' ? t.timePast(verdict.time) : t.timeClosed(verdict.time, verdict.ranges);
}

function cartSubtotal(state: BotState): number {
  return orderTotal(state.cart);
}
