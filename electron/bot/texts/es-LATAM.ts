// Neutral Latin-American Spanish (Chile, Peru, US Spanish and any other es-* locale): tú, "menú",
// "listo", "anotado", "retirar"; nothing from Spain (no "vale", "apetece", "recoger en el local",
// Bizum). Mexico, Colombia and Argentina start from this set and add their own voice.
import type { BotTexts } from './types.ts';
import { ES_ES, listEs } from './es-ES.ts';

export const ES_LATAM: BotTexts = {
  ...ES_ES,
  menuTitle: (r) => `*Menú de ${r}*`,
  mediaNotRead: 'Disculpa, no puedo ver fotos ni archivos 🙏 Escríbeme tu pedido, por favor.',
  cartCancelled: 'Listo, cancelé el pedido que estabas haciendo. Cuando quieras, escríbenos de nuevo 🙂',
  startedOver: 'Pasó un buen rato sin noticias, así que empezamos de nuevo (se borró el pedido que tenías a medias).',
  askWhat: '¿Qué te gustaría pedir?',
  notUnderstood: 'Disculpa, no te entendí 🙏',
  unknownItems: (w) => `No encuentro ${w.map((x) => `«${x}»`).join(', ')} en el menú. Escribe «menú» para verlo.`,
  unknownNumber: (n, max) => `No tengo el número ${n} en el menú (van del 1 al ${max}).`,
  droppedItem: 'Listo, no lo agrego.',
  removed: (n) => `Listo, quité: ${n}.`,
  cartCleared: 'Listo, vacié tu pedido.',
  askFulfilment: '¿Lo retiras en el local o te lo enviamos a domicilio? (Si quieres algo más, escríbelo.)',
  askAddress: '¿A qué dirección te lo enviamos? (calle, número, depto…)',
  askAddressNumber: (a) => `¿Qué número es en «${a}»? (y depto si hace falta; si no tiene número, escribe «sin número»)`,
  deliveryLine: (f, a) => (f === 'pickup' ? 'Entrega: retiro en el local' : `Entrega: a domicilio — ${a ?? ''}`),
  notedName: (n) => `Anotado a nombre de ${n}.`,
  notedPayment: (m) => `Anotado: pago ${ES_LATAM_PAY_WITH[m]}.`,
  skippedQuestion: (l) => `Listo, dejo ${l.map((x) => `«${x}»`).join(', ')} fuera del pedido.`,
  status: (f) =>
    f.status === 'ready' && f.fulfilment === 'pickup' ? `¡Tu pedido #${f.number} está listo! Ya puedes pasar por él.` : ES_ES.status(f),
  timeNoted: (time) => `Anotado: para las ${time} ⏰`,
  notedOrderNote: (note) => `Anotado para el pedido: «${note}».`,
  notAvailable: (w) => `Lo siento, no tenemos ${w.map((x) => `«${x}»`).join(', ')} en el menú. Escribe «menú» para verlo.`,
  deliveryInfo: (d) =>
    !d.delivery
      ? 'No hacemos envíos, pero puedes retirar tu pedido en el local 🙂'
      : `Sí, hacemos envíos 🛵${d.fee ? ` (envío: ${d.fee})` : ''}${d.minimum ? `; pedido mínimo ${d.minimum}` : ''}.${d.pickup ? ' También puedes retirarlo en el local.' : ''}`,
  noDelivery: 'Lo siento, no hacemos envíos; puedes retirar tu pedido en el local.',
  noPickup: 'Lo siento, no tenemos retiro en el local: solo hacemos envíos 🛵',
  onlyDelivery: 'Solo hacemos envíos a domicilio 🛵',
  onlyPickup: 'El pedido es para retirar en el local (no hacemos envíos).',
  belowMinimum: (min, sub, pickup) =>
    `El pedido mínimo para envío es de ${min} y llevas ${sub}. ${pickup ? '¿Agregas algo más o pasas por él al local?' : '¿Quieres agregar algo más?'} (Si prefieres dejarlo, escribe «no».)`,
  soldOut: (name, others) =>
    `Lo siento, hoy se nos acabó ${name} 😔${others.length ? `\nDe lo mismo te puedo ofrecer:\n${others.map((o) => `• ${o}`).join('\n')}` : ''}`,
  locationTaken: (a) => `📍 Anotada la dirección: ${a}`,
  locationForPickup: 'Tu pedido es para retirar en el local, así que no necesito la ubicación. Si lo quieres a domicilio, escribe «envío».',
  paymentRefused: (said, accepted) => `No aceptamos ${said}; puedes pagar con ${listEs(accepted)}.`,
};

const ES_LATAM_PAY_WITH: Record<string, string> = {
  cash: 'en efectivo', card: 'con tarjeta', transfer: 'por transferencia', spei: 'por transferencia SPEI', bizum: 'con Bizum',
  mercadopago: 'con Mercado Pago', nequi: 'con Nequi', daviplata: 'con Daviplata', yape: 'con Yape', plin: 'con Plin', pix: 'con Pix', paypal: 'con PayPal',
};
