// Every customer-facing sentence of the ordering bot, in Spanish and English, and the blocks built
// from them (menu, cart, summary). The locale comes from the menu. Pure.
import { WEEKDAYS, type Menu, type Weekday } from '../../shared/menu.ts';
import { formatMoney, orderTotal, type Fulfilment, type OrderStatus, type PaymentMethod } from '../../shared/order.ts';
import type { CartLine } from './bot-types.ts';
import { visibleCategories } from './menu-matcher.ts';
import type { NextOpening } from './opening-hours.ts';
import { MAX_QUANTITY } from './quantity-words.ts';

export type Locale = 'es' | 'en';

export interface StatusFacts {
  number: number;
  status: OrderStatus;
  fulfilment: Fulfilment;
  /** Minutes left, null when unknown; 0 or less = any moment now. */
  minutesLeft: number | null;
}

export interface BotTexts {
  greeting(restaurant: string): string;
  menuTitle(restaurant: string): string;
  orderHint: string;
  categoriesIntro: string;
  categoryHint: string;
  startedOver: string;
  mediaNotRead: string;
  handoff: string;
  cartCancelled: string;
  orderCancelled(n: number): string;
  cannotCancel(n: number): string;
  nothingToCancel: string;
  status(facts: StatusFacts): string;
  noOrders: string;
  cartInProgress: string;
  cartCleared: string;
  closed(next: NextOpening | null): string;
  askWhat: string;
  notUnderstood: string;
  unknownItems(words: string[]): string;
  unknownNumber(n: number, max: number): string;
  tooMany: string;
  choose(label: string, options: string[]): string;
  confirmItem(option: string): string;
  droppedItem: string;
  notInCart(label: string): string;
  removed(name: string): string;
  cartTitle: string;
  subtotal: string;
  total: string;
  emptyCart: string;
  askFulfilment: string;
  askAddress: string;
  /** The address came without a house number. */
  askAddressNumber(address: string): string;
  askName(profileName: string | null): string;
  /** Bizum is Spanish: offered only when the menu's currency is the euro. */
  askPayment(currency: string): string;
  summaryTitle: string;
  deliveryLine(fulfilment: Fulfilment, address: string | null): string;
  nameLine(name: string): string;
  paymentLine(method: PaymentMethod): string;
  askConfirm: string;
  askChange: string;
  /** A name or a payment given before it was asked for: said back, so the customer sees it was taken. */
  notedName(name: string): string;
  notedPayment(method: PaymentMethod): string;
  placed(n: number): string;
  thanksReply: string;
  closedCannotConfirm: string;
  skippedQuestion(labels: string[]): string;
  stuckHelp: string;
  hoursToday(ranges: [string, string][] | null, openNow: boolean, next: NextOpening | null): string;
  deliveryInfo: string;
  etaBeforeOrder: string;
  available(items: string[]): string;
  notAvailable(words: string[]): string;
  dishInfo(items: string[]): string;
  cartSoFar: string;
  /** A time taken for the order ("HH:MM"). */
  timeNoted(time: string): string;
  /** The time has already gone by today: asked again. */
  timePast(time: string): string;
  /** Later today, but closed then: the hours, and asked again. */
  timeClosed(time: string, ranges: [string, string][] | null): string;
  /** "a las 25": no clock time. */
  timeUnclear: string;
  requestedTimeLine(time: string): string;
  notedOrderNote(note: string): string;
  orderNoteLine(note: string): string;
}

const DAYS_ES: Record<Weekday, string> = { sun: 'domingo', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado' };
const DAYS_EN: Record<Weekday, string> = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };
const WALLETS = { mercadopago: 'Mercado Pago', nequi: 'Nequi', daviplata: 'Daviplata', yape: 'Yape', plin: 'Plin', pix: 'Pix', paypal: 'PayPal' } as const;
const withWallet = (word: string) =>
  Object.fromEntries(Object.entries(WALLETS).map(([id, name]) => [id, `${word} ${name}`])) as Record<keyof typeof WALLETS, string>;
const PAY_ES: Record<PaymentMethod, string> = { cash: 'Efectivo', card: 'Tarjeta', bizum: 'Bizum', transfer: 'Transferencia', spei: 'Transferencia SPEI', ...WALLETS };
const PAY_EN: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', bizum: 'Bizum', transfer: 'Bank transfer', spei: 'SPEI transfer', ...WALLETS };
const PAY_WITH_ES: Record<PaymentMethod, string> = { cash: 'en efectivo', card: 'con tarjeta', bizum: 'con Bizum', transfer: 'por transferencia', spei: 'por transferencia SPEI', ...withWallet('con') };
const PAY_WITH_EN: Record<PaymentMethod, string> = { cash: 'in cash', card: 'by card', bizum: 'with Bizum', transfer: 'by bank transfer', spei: 'by SPEI transfer', ...withWallet('with') };

const ES: BotTexts = {
  greeting: (r) => `¡Hola! 👋 Bienvenido/a a ${r}.`,
  menuTitle: (r) => `*Carta de ${r}*`,
  orderHint: 'Escríbeme lo que quieres con el número o el nombre de cada plato, por ejemplo: «2 del 1 y una del 3».',
  categoriesIntro: 'Estas son nuestras secciones. Escribe el número o el nombre de una para ver sus platos:',
  categoryHint: 'Pide con el número o el nombre del plato, o escribe «menú» para volver a las secciones.',
  startedOver: 'Ha pasado un rato sin noticias, así que empezamos de nuevo (el pedido que tenías a medias se ha borrado).',
  mediaNotRead: 'Perdona, solo puedo leer mensajes de texto 🙏 Escríbeme tu pedido, por favor.',
  handoff: 'De acuerdo, te paso con una persona del restaurante. Te contestará en breve 🙂',
  cartCancelled: 'Hecho, he cancelado el pedido que estabas haciendo. Cuando quieras, escríbenos de nuevo 🙂',
  orderCancelled: (n) => `Tu pedido #${n} está cancelado. Cuando quieras, escríbenos de nuevo 🙂`,
  cannotCancel: (n) =>
    `Tu pedido #${n} ya lo ha aceptado la cocina y no se puede cancelar desde aquí. Si lo necesitas, escribe «persona» y te atiende alguien del restaurante.`,
  nothingToCancel: 'No tienes ningún pedido en curso que cancelar.',
  status: (f) => {
    const eta =
      f.minutesLeft === null
        ? ''
        : f.minutesLeft <= 0
          ? ' Debería estar listo en cualquier momento.'
          : ` Estará listo en unos ${f.minutesLeft} minutos.`;
    switch (f.status) {
      case 'new':
        return `Tu pedido #${f.number} está recibido y esperando a que la cocina lo acepte.`;
      case 'accepted':
        return `Tu pedido #${f.number} está aceptado 👍${eta}`;
      case 'preparing':
        return `Tu pedido #${f.number} se está preparando 👨‍🍳${eta}`;
      case 'ready':
        return f.fulfilment === 'pickup'
          ? `¡Tu pedido #${f.number} está listo! Ya puedes pasar a recogerlo.`
          : `¡Tu pedido #${f.number} está listo y sale hacia tu dirección!`;
      case 'completed':
        return `Tu último pedido, el #${f.number}, ya está entregado. ¡Gracias!`;
      case 'rejected':
        return `Lo sentimos, el restaurante no pudo aceptar tu pedido #${f.number}.`;
      case 'cancelled':
        return `Tu pedido #${f.number} está cancelado.`;
    }
  },
  noOrders: 'No tienes ningún pedido reciente.',
  cartInProgress: 'Tienes un pedido a medias:',
  cartCleared: 'He vaciado tu pedido.',
  closed: (next) =>
    next
      ? `Ahora mismo estamos cerrados 🕐 Abrimos ${whenEs(next)}. ¡Te esperamos!`
      : 'Ahora mismo estamos cerrados 🕐 y no tenemos horario de apertura previsto.',
  askWhat: '¿Qué te apetece pedir?',
  notUnderstood: 'Perdona, no te he entendido 🙏',
  unknownItems: (w) =>
    `No encuentro ${w.map((x) => `«${x}»`).join(', ')} en la carta. Escribe «menú» para verla.`,
  unknownNumber: (n, max) => `No tengo el número ${n} en la carta (van del 1 al ${max}).`,
  tooMany: `Por aquí aceptamos hasta ${MAX_QUANTITY} unidades de cada plato. Para más, escribe «persona».`,
  choose: (label, options) =>
    `¿Cuál quieres${label ? ` de «${label}»` : ''}?\n${options.map((o, k) => `${k + 1}) ${o}`).join('\n')}\nResponde con el número o el nombre.`,
  confirmItem: (o) => `¿Te refieres a ${o}? Responde «sí» o «no».`,
  droppedItem: 'Vale, no lo añado.',
  notInCart: (l) => `No tienes «${l}» en el pedido.`,
  removed: (n) => `Quitado: ${n}.`,
  cartTitle: '*Tu pedido:*',
  subtotal: 'Subtotal',
  total: 'Total',
  emptyCart: 'Tu pedido está vacío.',
  askFulfilment: '¿Es para recoger en el local o a domicilio? (Si quieres algo más, escríbelo.)',
  askAddress: '¿A qué dirección te lo llevamos? (calle, número, piso…)',
  askAddressNumber: (a) => `¿Qué número es en «${a}»? (y piso o puerta si hace falta; si no tiene número, escribe «sin número»)`,
  askName: (p) =>
    p
      ? `¿A nombre de quién hacemos el pedido? Si es a nombre de ${p}, responde «sí»; si no, escribe el nombre.`
      : '¿A nombre de quién hacemos el pedido?',
  askPayment: (c) => `¿Cómo vas a pagar? ${c === 'EUR' ? 'Efectivo, tarjeta, Bizum o transferencia' : 'Efectivo, tarjeta o transferencia'}.`,
  summaryTitle: '*Resumen de tu pedido:*',
  deliveryLine: (f, a) => (f === 'pickup' ? 'Entrega: recoger en el local' : `Entrega: a domicilio — ${a ?? ''}`),
  nameLine: (n) => `Nombre: ${n}`,
  paymentLine: (m) => `Pago: ${PAY_ES[m]}`,
  notedName: (n) => `Apuntado a nombre de ${n}.`,
  notedPayment: (m) => `Apuntado: pago ${PAY_WITH_ES[m]}.`,
  askConfirm: '¿Confirmo el pedido? Responde «sí» para confirmarlo o «no» para cambiar algo.',
  askChange:
    '¿Qué quieres cambiar? Puedes añadir o quitar platos, o cambiar la entrega, la dirección, el nombre o el pago.',
  placed: (n) =>
    `¡Pedido #${n} recibido! ✅ Te avisamos en cuanto la cocina lo acepte. Escribe «mi pedido» para ver cómo va.`,
  thanksReply: '¡A ti! 😊 Te avisamos cuando tu pedido avance. Escribe «mi pedido» para ver cómo va.',
  closedCannotConfirm: 'Tu pedido sigue guardado; podrás confirmarlo cuando abramos.',
  skippedQuestion: (l) => `Vale, dejo ${l.map((x) => `«${x}»`).join(', ')} fuera del pedido.`,
  stuckHelp:
    'Parece que no te estoy entendiendo 🙏 Aquí tienes la carta; pide con el nombre o el número del plato. Si lo prefieres, escribe «hablar con una persona» y te atiende alguien del restaurante.',
  hoursToday: (ranges, openNow, next) => {
    if (ranges === null) return 'Tomamos pedidos a cualquier hora 🙂';
    const today = ranges.length
      ? `Hoy abrimos ${ranges.map(([a, b]) => `de ${a} a ${b}`).join(' y ')}.`
      : 'Hoy no abrimos.';
    if (openNow) return `${today} Ahora mismo estamos abiertos 🙂`;
    return next ? `${today} Abrimos ${whenEs(next)}.` : today;
  },
  deliveryInfo: 'Sí, llevamos a domicilio 🛵 y también puedes recoger el pedido en el local.',
  etaBeforeOrder:
    'En cuanto confirmes el pedido, la cocina lo acepta y te dice cuánto tardará; te avisamos cuando esté listo.',
  available: (items) => `Sí, tenemos:\n${items.map((i) => `• ${i}`).join('\n')}\nSi lo quieres, dime cuántos.`,
  dishInfo: (items) => `${items.join('\n')}\nSi lo quieres, dime cuántos.`,
  cartSoFar: 'Esto es lo que llevas:',
  timeNoted: (time) => `Apuntado: para las ${time} ⏰`,
  timePast: (time) => `Las ${time} ya han pasado 🕐 ¿Para qué hora lo quieres? Escríbela así: «para las 21:30».`,
  timeClosed: (time, ranges) =>
    `Lo siento, a las ${time} no estamos abiertos. ${
      ranges === null || ranges.length === 0 ? 'Hoy ya no abrimos más.' : `Hoy abrimos ${ranges.map(([a, b]) => `de ${a} a ${b}`).join(' y ')}.`
    } ¿Para qué hora lo quieres?`,
  timeUnclear: 'No entiendo esa hora 🙏 Escríbela así: «para las 21:30».',
  requestedTimeLine: (time) => `Para las ${time}`,
  notedOrderNote: (note) => `Apuntado para el pedido: «${note}».`,
  orderNoteLine: (note) => `Nota: ${note}`,
  notAvailable: (w) => `Lo siento, no tenemos ${w.map((x) => `«${x}»`).join(', ')} en la carta. Escribe «menú» para verla.`,
};

const EN: BotTexts = {
  greeting: (r) => `Hi! 👋 Welcome to ${r}.`,
  menuTitle: (r) => `*${r} menu*`,
  orderHint: 'Tell me what you would like by number or by name, for example: "2 of 1 and one of 3".',
  categoriesIntro: 'These are our sections. Write the number or the name of one to see its dishes:',
  categoryHint: 'Order by dish number or name, or write "menu" to go back to the sections.',
  startedOver: 'It has been a while, so we are starting over (the order you had in progress was cleared).',
  mediaNotRead: 'Sorry, I can only read text messages 🙏 Please type your order.',
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
  askPayment: (c) => `How will you pay? ${c === 'EUR' ? 'Cash, card, Bizum or bank transfer' : 'Cash, card or bank transfer'}.`,
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
  stuckHelp:
    'It seems I am not understanding you 🙏 Here is the menu; order by dish name or number. If you prefer, write "talk to a person" and someone from the restaurant will help you.',
  hoursToday: (ranges, openNow, next) => {
    if (ranges === null) return 'We take orders at any time 🙂';
    const today = ranges.length ? `Today we are open ${ranges.map(([a, b]) => `from ${a} to ${b}`).join(' and ')}.` : 'We are closed today.';
    if (openNow) return `${today} We are open right now 🙂`;
    return next ? `${today} We open ${whenEn(next)}.` : today;
  },
  deliveryInfo: 'Yes, we deliver 🛵 and you can also pick up your order at the restaurant.',
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

function whenEs(next: NextOpening): string {
  if (next.daysAhead === 0) return `hoy a las ${next.time}`;
  if (next.daysAhead === 1) return `mañana a las ${next.time}`;
  return `el ${DAYS_ES[next.weekday]} a las ${next.time}`;
}

function whenEn(next: NextOpening): string {
  if (next.daysAhead === 0) return `today at ${next.time}`;
  if (next.daysAhead === 1) return `tomorrow at ${next.time}`;
  return `on ${DAYS_EN[next.weekday]} at ${next.time}`;
}

export function botTexts(locale: string): BotTexts {
  return locale === 'en' ? EN : ES;
}

export function money(amount: number, menu: Menu): string {
  return formatMoney(amount, menu.currency, menu.locale);
}

/** Every available dish under its category, numbered 1..N in menu order. */
export function menuText(menu: Menu, only?: number): string {
  const t = botTexts(menu.locale);
  const lines: string[] = [t.menuTitle(menu.restaurant)];
  let n = 0;
  const visible = visibleCategories(menu);
  visible.forEach((category, k) => {
    const items = category.items.filter((i) => i.available !== false);
    const show = only === undefined || only === k;
    if (show) lines.push('', `*${category.name}*`);
    for (const item of items) {
      n++;
      if (show) lines.push(`${n}. ${item.name} — ${money(item.price, menu)}`);
    }
  });
  return lines.join('\n');
}

export function categoriesText(menu: Menu): string {
  const t = botTexts(menu.locale);
  const lines = [t.menuTitle(menu.restaurant), t.categoriesIntro];
  visibleCategories(menu).forEach((c, k) => lines.push(`${k + 1}. ${c.name}`));
  return lines.join('\n');
}

/** "2 × Hamburguesa clásica — 19,00 €" lines with notes. */
export function cartLines(cart: readonly CartLine[], menu: Menu): string[] {
  const lines: string[] = [];
  for (const line of cart) {
    lines.push(`${line.quantity} × ${line.name} — ${money(orderTotal([line]), menu)}`);
    if (line.note) lines.push(`   ↳ ${line.note}`);
  }
  return lines;
}

export function cartText(cart: readonly CartLine[], menu: Menu): string {
  const t = botTexts(menu.locale);
  if (cart.length === 0) return t.emptyCart;
  return [t.cartTitle, ...cartLines(cart, menu), `${t.subtotal}: ${money(orderTotal(cart), menu)}`].join('\n');
}

export interface SummaryFacts {
  cart: readonly CartLine[];
  fulfilment: Fulfilment;
  address: string | null;
  name: string;
  payment: PaymentMethod;
  requestedTime?: string | null;
  orderNote?: string | null;
}

export function summaryText(s: SummaryFacts, menu: Menu): string {
  const t = botTexts(menu.locale);
  return [
    t.summaryTitle,
    ...cartLines(s.cart, menu),
    `*${t.total}: ${money(orderTotal(s.cart), menu)}*`,
    '',
    t.deliveryLine(s.fulfilment, s.address),
    t.nameLine(s.name),
    t.paymentLine(s.payment),
    ...(s.requestedTime ? [t.requestedTimeLine(s.requestedTime)] : []),
    ...(s.orderNote ? [t.orderNoteLine(s.orderNote)] : []),
    '',
    t.askConfirm,
  ].join('\n');
}

/** Weekday names, exported for tests that build expectations. */
export const WEEKDAY_NAMES = { es: DAYS_ES, en: DAYS_EN, order: WEEKDAYS };
