// Argentina, with voseo: "¿Retirás o te lo enviamos?", "escribime", "querés", "depto", "transfe".
import { MAX_QUANTITY } from '../understanding/quantities.ts';
import { listEs } from './es-ES.ts';
import { ES_LATAM } from './es-LATAM.ts';
import type { BotTexts } from './types.ts';

export const ES_AR: BotTexts = {
  ...ES_LATAM,
  orderHint: 'Escribime lo que querés con el número o el nombre de cada plato, por ejemplo: «2 del 1 y una del 3».',
  categoriesIntro: 'Estas son nuestras secciones. Escribí el número o el nombre de una para ver sus platos:',
  categoryHint: 'Pedí con el número o el nombre del plato, o escribí «menú» para volver a las secciones.',
  mediaNotRead: 'Perdón, no puedo ver fotos ni archivos 🙏 Escribime tu pedido, porfa.',
  cartCancelled: 'Listo, cancelé el pedido que estabas haciendo. Cuando quieras, escribinos de nuevo 🙂',
  orderCancelled: (n) => `Tu pedido #${n} está cancelado. Cuando quieras, escribinos de nuevo 🙂`,
  cannotCancel: (n) =>
    `Tu pedido #${n} ya lo aceptó la cocina y no se puede cancelar desde acá. Si lo necesitás, escribí «persona» y te atiende alguien del local.`,
  nothingToCancel: 'No tenés ningún pedido en curso para cancelar.',
  status: (f) =>
    f.status === 'ready' && f.fulfilment === 'pickup' ? `¡Tu pedido #${f.number} está listo! Ya podés pasar a buscarlo.` : ES_LATAM.status(f),
  noOrders: 'No tenés ningún pedido reciente.',
  cartInProgress: 'Tenés un pedido a medias:',
  askWhat: '¿Qué vas a pedir?',
  notUnderstood: 'Perdón, no te entendí 🙏',
  unknownItems: (w) => `No encuentro ${w.map((x) => `«${x}»`).join(', ')} en el menú. Escribí «menú» para verlo.`,
  tooMany: `Por acá tomamos hasta ${MAX_QUANTITY} unidades de cada plato. Para más, escribí «persona».`,
  choose: (label, options) =>
    `¿Cuál querés${label ? ` de «${label}»` : ''}?\n${options.map((o, k) => `${k + 1}) ${o}`).join('\n')}\nRespondé con el número o el nombre.`,
  confirmItem: (o) => `¿Te referís a ${o}? Respondé «sí» o «no».`,
  notInCart: (l) => `No tenés «${l}» en el pedido.`,
  askFulfilment: '¿Retirás o te lo enviamos? (Si querés algo más, escribilo.)',
  askAddress: '¿A qué dirección te lo enviamos? (calle, altura, piso/depto…)',
  askAddressNumber: (a) => `¿Qué altura es en «${a}»? (y piso/depto si hace falta; si no tiene número, escribí «sin número»)`,
  askName: (p) =>
    p ? `¿A nombre de quién va el pedido? Si es a nombre de ${p}, respondé «sí»; si no, escribí el nombre.` : '¿A nombre de quién va el pedido?',
  deliveryLine: (f, a) => (f === 'pickup' ? 'Entrega: retirás en el local' : `Entrega: envío a domicilio — ${a ?? ''}`),
  askConfirm: '¿Confirmo el pedido? Respondé «sí» para confirmarlo o «no» para cambiar algo.',
  askChange: '¿Qué querés cambiar? Podés agregar o sacar platos, o cambiar la entrega, la dirección, el nombre o el pago.',
  placed: (n) => `¡Pedido #${n} recibido! ✅ Te avisamos apenas la cocina lo acepte. Escribí «mi pedido» para ver cómo va.`,
  thanksReply: '¡De nada! 😊 Te avisamos cuando tu pedido avance. Escribí «mi pedido» para ver cómo va.',
  closedCannotConfirm: 'Tu pedido queda guardado; vas a poder confirmarlo cuando abramos.',
  available: (items) => `Sí, tenemos:\n${items.map((i) => `• ${i}`).join('\n')}\nSi lo querés, decime cuántos.`,
  dishInfo: (items) => `${items.join('\n')}\nSi lo querés, decime cuántos.`,
  timePast: (time) => `Las ${time} ya pasaron 🕐 ¿Para qué hora lo querés? Escribila así: «para las 21:30».`,
  timeClosed: (time, ranges) =>
    `Uh, a las ${time} no estamos abiertos. ${
      ranges === null || ranges.length === 0 ? 'Hoy ya no abrimos más.' : `Hoy abrimos ${ranges.map(([a, b]) => `de ${a} a ${b}`).join(' y ')}.`
    } ¿Para qué hora lo querés?`,
  timeUnclear: 'No entiendo esa hora 🙏 Escribila así: «para las 21:30».',
  notAvailable: (w) => `Uh, no tenemos ${w.map((x) => `«${x}»`).join(', ')} en el menú. Escribí «menú» para verlo.`,
  deliveryInfo: (d) =>
    !d.delivery
      ? 'No hacemos envíos, pero podés retirar tu pedido por el local 🙂'
      : `Sí, hacemos envíos 🛵${d.fee ? ` (envío: ${d.fee})` : ''}${d.minimum ? `; pedido mínimo ${d.minimum}` : ''}.${d.pickup ? ' También podés retirarlo por el local.' : ''}`,
  noDelivery: 'Uh, no hacemos envíos; podés retirar tu pedido por el local.',
  noPickup: 'Uh, no tenemos retiro por el local: solo hacemos envíos 🛵',
  belowMinimum: (min, sub, pickup) =>
    `El pedido mínimo para envío es de ${min} y llevás ${sub}. ${pickup ? '¿Agregás algo más o lo retirás por el local?' : '¿Querés agregar algo más?'} (Si preferís dejarlo, escribí «no».)`,
  paused: (at) =>
    at ? `Ahora no estamos tomando pedidos nuevos 🙏 Volvemos a las ${at}; escribinos ahí.` : 'Ahora no estamos tomando pedidos nuevos 🙏 Escribinos un rato más tarde.',
  pausedCartKept: 'Tu pedido queda guardado; vas a poder confirmarlo apenas volvamos a tomar pedidos.',
  stuckHandoff: 'Parece que no te estoy entendiendo 🙏 Le paso tu chat a una persona del local, que te contesta enseguida.',
  askOption: (dish, group, choices) =>
    `¿${group} para ${dish}?\n${choices.map((c, k) => `${k + 1}) ${c}`).join('\n')}\nRespondé con el número o el nombre.`,
  locationForPickup: 'Tu pedido es para retirar, así que no necesito la ubicación. Si lo querés con envío, escribí «envío».',
  paymentRefused: (said, accepted) => `No aceptamos ${said}; podés pagar con ${listEs(accepted)}.`,
};
