// Mexico: "órale", "sale", "va", "ándale"; "paso por él"; SPEI and Mercado Pago; "una orden de".
import type { LexiconPart } from './lexicon.ts';

export const ES_MX: LexiconPart = {
  yesStart: ['andale', 'arre', 'sale', 'simona', 'va que va', 'ya estuvo', 'chido'],
  yesAlone: ['sale y vale', 'ya', 'okas', 'orale pues'],
  pickup: ['^\\s*(?:yo )?paso(?: yo)?\\s*$', '(?:yo )?(?:paso|voy|vamos|pasamos) (?:por|x) (?:el|ella|ellos|ellas|la orden|el pedido)', 'para llevar'],
  delivery: ['(?:me|nos) (?:lo|la|los|las) (?:mandan|traen|envian|llevan)', 'a domicilio'],
  payments: {
    // "efe": efectivo, shortened.
    cash: ['efe'],
    spei: ['spei', 'transferencia spei', 'trans spei'],
    mercadopago: ['mp'],
    card: ['terminal', 'con tarjeta'],
  },
  handoff: ['(?:me )?(?:atiende|contesta) (?:alguien|una persona)', 'con quien (?:hablo|puedo hablar)'],
};
