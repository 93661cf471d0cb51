// Spain's Spanish: the bot's sentences for es-ES menus.
import type { Weekday } from '../../../shared/menu.ts';
import type { PaymentMethod } from '../../../shared/order.ts';
import type { NextOpening } from '../terms/opening-hours.ts';
import { MAX_QUANTITY } from '../understanding/quantities.ts';
import { capitalise, WALLETS, withWallet } from './payment-names.ts';
import type { BotTexts } from './types.ts';

export const DAYS_ES: Record<Weekday, string> = { sun: 'domingo', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado' };
export const PAY_ES: Record<PaymentMethod, string> = { cash: 'Efectivo', card: 'Tarjeta', bizum: 'Bizum', transfer: 'Transferencia', spei: 'Transferencia SPEI', ...WALLETS };
const PAY_WITH_ES: Record<PaymentMethod, string> = { cash: 'en efectivo', card: 'con tarjeta', bizum: 'con Bizum', transfer: 'por transferencia', spei: 'por transferencia SPEI', ...withWallet('con') };

export const ES_ES: BotTexts = {
  greeting: (r) => `¡Hola! 👋 Bienvenido/a a ${r}.`,
  menuTitle: (r) => `*Carta de ${r}*`,
  orderHint: 'Escríbeme lo que quieres con el número o el nombre de cada plato, por ejemplo: «2 del 1 y una del 3».',
  categoriesIntro: 'Estas son nuestras secciones. Escribe el número o el nombre de una para ver sus platos:',
  categoryHint: 'Pide con el número o el nombre del plato, o escribe «menú» para volver a las secciones.',
  startedOver: 'Ha pasado un rato sin noticias, así que empezamos de nuevo (el pedido que tenías a medias se ha borrado).',
  mediaNotRead: 'Perdona, no puedo ver fotos ni archivos 🙏 Escríbeme tu pedido, por favor.',
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
  askPayment: (m) => `¿Cómo vas a pagar? ${capitalise(listEs(m))}.`,
  paymentRefused: (said, accepted) => `No aceptamos ${said}; puedes pagar con ${listEs(accepted)}.`,
  paymentName: PAY_ES,
  list: (items) => listEs(items),
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
  hoursToday: (ranges, openNow, next) => {
    if (ranges === null) return 'Tomamos pedidos a cualquier hora 🙂';
    const today = ranges.length
      ? `Hoy abrimos ${ranges.map(([a, b]) => `de ${a} a ${b}`).join(' y ')}.`
      : 'Hoy no abrimos.';
    if (openNow) return `${today} Ahora mismo estamos abiertos 🙂`;
    return next ? `${today} Abrimos ${whenEs(next)}.` : today;
  },
  deliveryInfo: (d) =>
    !d.delivery
      ? 'No hacemos envíos a domicilio, pero puedes recoger el pedido en el local 🙂'
      : `Sí, llevamos a domicilio 🛵${d.fee ? ` (envío: ${d.fee})` : ''}${d.minimum ? `; pedido mínimo ${d.minimum}` : ''}.${d.pickup ? ' También puedes recoger el pedido en el local.' : ''}`,
  noDelivery: 'Lo siento, no hacemos envíos a domicilio; puedes recoger el pedido en el local.',
  noPickup: 'Lo siento, no hay recogida en el local: solo llevamos a domicilio 🛵',
  onlyDelivery: 'Solo llevamos a domicilio 🛵',
  onlyPickup: 'El pedido es para recoger en el local (no hacemos envíos).',
  belowMinimum: (min, sub, pickup) =>
    `El pedido mínimo para envío a domicilio es de ${min} y llevas ${sub}. ${pickup ? '¿Añades algo más o lo recoges en el local?' : '¿Quieres añadir algo más?'} (Si prefieres dejarlo, escribe «no».)`,
  deliveryFeeLine: (fee) => `Envío: ${fee}`,
  deliveryNote: (note) => `ℹ️ ${note}`,
  soldOut: (name, others) =>
    `Lo siento, hoy se nos ha acabado ${name} 😔${others.length ? `\nDe lo mismo te puedo ofrecer:\n${others.map((o) => `• ${o}`).join('\n')}` : ''}`,
  paused: (at) =>
    at
      ? `Ahora mismo no estamos aceptando pedidos nuevos 🙏 Volvemos a las ${at}; escríbenos entonces.`
      : 'Ahora mismo no estamos aceptando pedidos nuevos 🙏 Escríbenos un poco más tarde.',
  pausedCartKept: 'Tu pedido sigue guardado; podrás confirmarlo en cuanto volvamos a aceptar pedidos.',
  stuckHandoff: 'Parece que no te estoy entendiendo 🙏 Le paso tu chat a una persona del restaurante, que te contestará en breve.',
  askOption: (dish, group, choices) =>
    `¿${group} para ${dish}?\n${choices.map((c, k) => `${k + 1}) ${c}`).join('\n')}\nResponde con el número o el nombre.`,
  locationTaken: (a) => `📍 Apuntada la dirección: ${a}`,
  locationForPickup: 'Tu pedido es para recoger en el local, así que no necesito la ubicación. Si lo quieres a domicilio, escribe «a domicilio».',
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

export function whenEs(next: NextOpening): string {
  if (next.daysAhead === 0) return `hoy a las ${next.time}`;
  if (next.daysAhead === 1) return `mañana a las ${next.time}`;
  return `el ${DAYS_ES[next.weekday]} a las ${next.time}`;
}

/** "a, b o c". */
export function listEs(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${/^h?i/iu.test(items.at(-1) ?? '') ? 'u' : 'o'} ${items.at(-1)}`;
}
