// Chile, Peru, US Spanish and the rest of Latin America: "ya", "ya po", "al toque"; Yape and Plin.
import type { LexiconPart } from './lexicon.ts';

export const ES_LATAM: LexiconPart = {
  yesStart: ['ya po', 'ya pues', 'al toque', 'de una', 'bacan', 'listo', 'ok dale'],
  yesAlone: ['ya', 'ya ya', 'dale'],
  pickup: ['^\\s*(?:yo )?paso(?: yo)?\\s*$', '(?:yo )?(?:paso|voy|vamos) (?:a buscar|por) (?:el|ella|ellos|ellas|el pedido)?', '(?:lo |la |los |las )?retiro(?: yo| en el local)?'],
  delivery: ['(?:con )?delivery', '(?:me lo|me la|nos lo) (?:mandan|traen|envian)'],
  payments: {
    yape: ['yapeo', 'yapear', 'yapeare', 'yapeamos', 'yape'],
    plin: ['plin', 'plineo'],
    mercadopago: ['mp'],
  },
  handoff: ['que me atienda (?:alguien|una persona)'],
};
