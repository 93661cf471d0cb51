// Mexico: "¿Qué se te antoja?", "¿Pasas por él o te lo llevamos?", colonia in the address, "orden".
import type { BotTexts } from './types.ts';
import { ES_LATAM } from './es-LATAM.ts';

export const ES_MX: BotTexts = {
  ...ES_LATAM,
  greeting: (r) => `¡Hola! 👋 Bienvenido/a a ${r}.`,
  askWhat: '¿Qué se te antoja pedir?',
  askFulfilment: '¿Pasas por él o te lo llevamos a domicilio? (Si quieres algo más, escríbelo.)',
  askAddress: '¿A qué dirección te lo llevamos? (calle, número, colonia…)',
  deliveryLine: (f, a) => (f === 'pickup' ? 'Entrega: pasas por él al local' : `Entrega: a domicilio — ${a ?? ''}`),
  droppedItem: 'Sale, no lo agrego.',
  placed: (n) => `¡Orden #${n} recibida! ✅ Te avisamos en cuanto la cocina la acepte. Escribe «mi pedido» para ver cómo va.`,
  thanksReply: '¡De nada! 😊 Te avisamos cuando tu pedido avance. Escribe «mi pedido» para ver cómo va.',
};
