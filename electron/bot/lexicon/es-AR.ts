// Argentina (voseo): "dale", "de una", "joya"; "paso a buscar", "retiro"; transfe, alias, Mercado Pago.
import type { LexiconPart } from './lexicon.ts';

export const ES_AR: LexiconPart = {
  yesStart: ['joya', 'buenisimo', 'barbaro', 'ok dale', 'si dale', 'obvio'],
  yesAlone: ['ya', 'sisi', 'dale que si', 'de 10', 'mandale'],
  pickup: [
    '(?:lo |la |los |las )?(?:paso|pasamos|voy|vamos) a buscar(?:lo|la|los|las)?',
    '(?:lo |la |los |las )?retiro(?: yo| en el local| por el local| por ahi)?',
    'retiro por local',
    '^\\s*(?:yo )?paso(?: yo)?\\s*$',
    'take away',
  ],
  delivery: ['(?:con )?delivery', '(?:me lo|me la|nos lo) (?:mandan|traen|mandas|traes)'],
  // "media de carne": half a dozen empanadas.
  quantityPhrases: [{ words: ['media'], value: 6 }],
  payments: {
    mercadopago: ['mp', 'mercado ?pa?go', 'mpago'],
    transfer: ['transfe', 'transf', '(?:por )?alias', 'cbu', 'cvu'],
    cash: ['efvo', 'efe'],
  },
  handoff: ['(?:que )?me atienda (?:alguien|una persona)', 'hablar con (?:el|la) (?:chic[oa]|pib[ea]) del local'],
};
