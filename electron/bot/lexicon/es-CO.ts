// Colombia: "de una", "listo", "hágale"; domicilio; Nequi, Daviplata, Bancolombia.
import type { LexiconPart } from './lexicon.ts';

export const ES_CO: LexiconPart = {
  yesStart: ['de una', 'listo', 'hagale', 'hagamosle', 'bueno si', 'claro que si', 'si senor', 'si senora'],
  yesAlone: ['listo pues', 'dele', 'melo', 'ya'],
  pickup: ['^\\s*(?:yo )?paso(?: yo)?\\s*$', '(?:yo )?paso por (?:el|ella|ellas|ellos|el pedido)', '(?:yo )?(?:paso|voy|vamos) por (?:el|ella|ellos|ellas|el pedido)', '(?:lo |la |los |las )?recojo(?: yo)?'],
  delivery: ['(?:a |por |con )?domicilio', '(?:me lo|me la|nos lo) (?:mandan|traen|envian)'],
  payments: {
    // "efe": efectivo, shortened.
    cash: ['efe'],
    nequi: ['neki', 'nequ?i'],
    daviplata: ['davi ?plata', 'davi'],
    transfer: ['bancolombia', 'transferencia bancolombia'],
  },
  handoff: ['(?:me )?comunica(?:n)? con (?:un|una) asesor[a]?', 'que me atienda (?:alguien|una persona)'],
};
