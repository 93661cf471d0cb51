// Colombia: "con mucho gusto", domicilio, "¿Pasas por él o te lo mandamos?", barrio in the address.
import type { BotTexts } from './types.ts';
import { ES_LATAM } from './es-LATAM.ts';

export const ES_CO: BotTexts = {
  ...ES_LATAM,
  askWhat: '¿Qué te provoca pedir?',
  askFulfilment: '¿Pasas por él o te lo mandamos a domicilio? (Si quieres algo más, escríbelo.)',
  askAddress: '¿A qué dirección te lo mandamos? (dirección, barrio, apto…)',
  askAddressNumber: (a) => `¿Qué número es en «${a}»? (por ejemplo «# 18-25», y apto si hace falta; si no tiene, escribe «sin número»)`,
  deliveryLine: (f, a) => (f === 'pickup' ? 'Entrega: pasas por él al local' : `Entrega: domicilio — ${a ?? ''}`),
  thanksReply: '¡Con mucho gusto! 😊 Te avisamos cuando tu pedido avance. Escribe «mi pedido» para ver cómo va.',
  noDelivery: 'Qué pena, no hacemos domicilios; puedes pasar por tu pedido al local.',
  onlyDelivery: 'Solo hacemos domicilios 🛵',
};
