// English: the bot's sentences for en menus.
import type { Weekday } from '../../../shared/menu.ts';
import type { PaymentMethod } from '../../../shared/order.ts';
import type { NextOpening } from '../terms/opening-hours.ts';
import { MAX_QUANTITY } from '../understanding/quantities.ts';
import { capitalise, WALLETS, withWallet } from './payment-names.ts';
import type { BotTexts } from './types.ts';

export const DAYS_EN: Record<Weekday, string> = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };
export const PAY_EN: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', bizum: 'Bizum', transfer: 'Bank transfer', spei: 'SPEI transfer', ...WALLETS };
const PAY_WITH_EN: Record<PaymentMethod, string> = { cash: 'in cash', card: 'by card', bizum: 'with Bizum', transfer: 'by bank transfer', spei: 'by SPEI transfer', ...withWallet('with') };

export const EN: BotTexts = {
  greeting: (r) => `Hi! 👋 Welcome to ${r}.`,
  menuTitle: (r) => `*${r} menu*`,
  orderHint: 'Tell me what you would like by number or by name, for example: "2 of 1 and one of 3".',
  categoriesIntro: 'These are our sections. Write the number or the name of one to see its dishes:',
  categoryHint: 'Order by dish number or name, or write "menu" to go back to the sections.',
  startedOver: 'It has been a while, so we are starting over (the order you had in progress was cleared).',
  mediaNotRead: 'Sorry, I cannot see photos or files 🙏 Please type your order.',
  handoff: 'Sure, I am passing you to a person at the restaurant. They will answer shortly 🙂',
  cartCancelled: 'Done, I have cancelled the order you were making. Write to us any time 🙂',
  orderCancelled: (n) => `Your order #${n} is cancelled. Write to us any time 🙂`,
  cannotCancel: (n) =>
    `Your order #${n} has already been accepted by the kitchen and cannot be cancelled from here. If you need to, write "person" and someone from the restaurant will help you.`,
  nothingToCancel: 'You have no order in progress to cancel.',
  status: (f) => {
    const eta =
      f.minutesLeft === null
        ? ''
        : f.minutesLeft <= 0
          ? ' It should be ready any moment now.'
          : ` It will be ready in about ${f.minutesLeft} minutes.`;
    switch (f.status) {
      case 'new':
        return `Your order #${f.number} has been received and is waiting for the kitchen to accept it.`;
      case 'accepted':
        return `Your order #${f.number} has been accepted 👍${eta}`;
      case 'preparing':
        return `Your order #${f.number} is being prepared 👨‍🍳${eta}`;
      case 'ready':
        return f.fulfilment === 'pickup'
          ? `Your order #${f.number} is ready! You can come and pick it up.`
          : `Your order #${f.number} is ready and on its way to you!`;
      case 'completed':
        return `Your last order, #${f.number}, has been delivered. Thank you!`;
      case 'rejected':
        return `Sorry, the restaurant could not accept your order #${f.number}.`;
      case 'cancelled':
        return `Your order #${f.number} was cancelled.`;
    }
  },
  noOrders: 'You have no recent orders.',
  cartInProgress: 'You have an order in progress:',
  cartCleared: 'I have emptied your order.',
  closed: (next) =>
    next ? `We are closed right now 🕐 We open ${whenEn(next)}. See you then!` : 'We are closed right now 🕐 and have no opening hours planned.',
  askWhat: 'What would you like to order?',
  notUnderstood: 'Sorry, I did not understand that 🙏',
  unknownItems: (w) => `I cannot find ${w.map((x) => `"${x}"`).join(', ')} on the menu. Write "menu" to see it.`,
  unknownNumber: (n, max) => `There is no number ${n} on the menu (they go from 1 to ${max}).`,
  tooMany: `We take up to ${MAX_QUANTITY} of each dish here. For more, write "person".`,
  choose: (label, options) =>
    `Which one${label ? ` for "${label}"` : ''}?\n${options.map((o, k) => `${k + 1}) ${o}`).join('\n')}\nReply with the number or the name.`,
  confirmItem: (o) => `Do you mean ${o}? Reply "yes" or "no".`,
  droppedItem: 'OK, I will not add it.',
  notInCart: (l) => `"${l}" is not in your order.`,
  removed: (n) => `Removed: ${n}.`,
  cartTitle: '*Your order:*',
  subtotal: 'Subtotal',
  total: 'Total',
  emptyCart: 'Your order is empty.',
  askFulfilment: 'Is it for pickup or delivery? (If you want anything else, just write it.)',
  askAddress: 'What address should we deliver to? (street, number, flat…)',
  askAddressNumber: (a) => `What number on "${a}"? (and flat if needed; if it has no number, write "no number")`,
  askName: (p) =>
    p ? `What name is the order under? If it is ${p}, reply "yes"; otherwise write the name.` : 'What name is the order under?',
  askPayment: (m) => `How will you pay? ${capitalise(listEn(m))}.`,
  paymentRefused: (said, accepted) => `We don't take ${said}; you can pay with ${listEn(accepted)}.`,
  paymentName: PAY_EN,
  list: (items) => listEn(items),
  summaryTitle: '*Your order summary:*',
  deliveryLine: (f, a) => (f === 'pickup' ? 'Fulfilment: pickup at the restaurant' : `Fulfilment: delivery — ${a ?? ''}`),
  nameLine: (n) => `Name: ${n}`,
  paymentLine: (m) => `Payment: ${PAY_EN[m]}`,
  notedName: (n) => `Noted: the order is under ${n}.`,
  notedPayment: (m) => `Noted: paying ${PAY_WITH_EN[m]}.`,
  askConfirm: 'Shall I place the order? Reply "yes" to confirm or "no" to change something.',
  askChange: 'What would you like to change? You can add or remove dishes, or change pickup/delivery, address, name or payment.',
  placed: (n) => `Order #${n} received! ✅ We will let you know as soon as the kitchen accepts it. Write "my order" to check on it.`,
  thanksReply: 'You are welcome! 😊 We will keep you posted. Write "my order" to check on it.',
  closedCannotConfirm: 'Your order is saved; you can confirm it when we open.',
  skippedQuestion: (l) => `OK, I will leave ${l.map((x) => `"${x}"`).join(', ')} out of the order.`,
  hoursToday: (ranges, openNow, next) => {
    if (ranges === null) return 'We take orders at any time 🙂';
    const today = ranges.length ? `Today we are open ${ranges.map(([a, b]) => `from ${a} to ${b}`).join(' and ')}.` : 'We are closed today.';
    if (openNow) return `${today} We are open right now 🙂`;
    return next ? `${today} We open ${whenEn(next)}.` : today;
  },
  deliveryInfo: (d) =>
    !d.delivery
      ? "We don't deliver, but you can pick up your order at the restaurant 🙂"
      : `Yes, we deliver 🛵${d.fee ? ` (delivery fee: ${d.fee})` : ''}${d.minimum ? `; minimum order ${d.minimum}` : ''}.${d.pickup ? ' You can also pick up your order at the restaurant.' : ''}`,
  noDelivery: "Sorry, we don't deliver; you can pick up your order at the restaurant.",
  noPickup: 'Sorry, there is no pickup: we only deliver 🛵',
  onlyDelivery: 'We only deliver 🛵',
  onlyPickup: "The order is for pickup at the restaurant (we don't deliver).",
  belowMinimum: (min, sub, pickup) =>
    `The minimum order for delivery is ${min} and you have ${sub}. ${pickup ? 'Would you like to add something or pick it up at the restaurant?' : 'Would you like to add something?'} (If you would rather leave it, reply "no".)`,
  deliveryFeeLine: (fee) => `Delivery: ${fee}`,
  deliveryNote: (note) => `ℹ️ ${note}`,
  soldOut: (name, others) =>
    `Sorry, ${name} is sold out today 😔${others.length ? `\nFrom the same section I can offer you:\n${others.map((o) => `• ${o}`).join('\n')}` : ''}`,
  paused: (at) =>
    at ? `We are not taking new orders right now 🙏 We start again at ${at}; write to us then.` : 'We are not taking new orders right now 🙏 Please write to us a bit later.',
  pausedCartKept: 'Your order is saved; you can confirm it as soon as we take orders again.',
  stuckHandoff: 'It seems I am not understanding you 🙏 I am passing your chat to a person at the restaurant, who will answer shortly.',
  askOption: (dish, group, choices) =>
    `${group} for ${dish}?\n${choices.map((c, k) => `${k + 1}) ${c}`).join('\n')}\nReply with the number or the name.`,
  locationTaken: (a) => `📍 Address noted: ${a}`,
  locationForPickup: 'Your order is for pickup, so I do not need the location. If you want it delivered, write "delivery".',
  etaBeforeOrder: 'Once you confirm the order, the kitchen accepts it and tells you how long it will take; we will let you know when it is ready.',
  available: (items) => `Yes, we have:\n${items.map((i) => `• ${i}`).join('\n')}\nIf you want it, tell me how many.`,
  dishInfo: (items) => `${items.join('\n')}\nIf you want it, tell me how many.`,
  cartSoFar: 'This is what you have so far:',
  timeNoted: (time) => `Noted: for ${time} ⏰`,
  timePast: (time) => `${time} has already gone by 🕐 What time would you like it for? Write it like "for 21:30".`,
  timeClosed: (time, ranges) =>
    `Sorry, we are not open at ${time}. ${
      ranges === null || ranges.length === 0 ? 'We do not open again today.' : `Today we are open ${ranges.map(([a, b]) => `from ${a} to ${b}`).join(' and ')}.`
    } What time would you like it for?`,
  timeUnclear: 'I do not understand that time 🙏 Write it like "for 21:30".',
  requestedTimeLine: (time) => `For ${time}`,
  notedOrderNote: (note) => `Noted for the order: "${note}".`,
  orderNoteLine: (note) => `Note: ${note}`,
  notAvailable: (w) => `Sorry, we do not have ${w.map((x) => `"${x}"`).join(', ')} on the menu. Write "menu" to see it.`,
};

function whenEn(next: NextOpening): string {
  if (next.daysAhead === 0) return `today at ${next.time}`;
  if (next.daysAhead === 1) return `tomorrow at ${next.time}`;
  return `on ${DAYS_EN[next.weekday]} at ${next.time}`;
}

/** "a, b or c". */
export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
