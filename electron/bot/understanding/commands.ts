// Commands a customer may give at any step: a person named alone (the phrases asking for one are
// lexicon data), cancel, status, the menu, empty the cart,
// "nothing else", thanks, "none of them". Regexes over folded text. Pure.
import { wordsRegExp } from './text-tokens.ts';

const words = (source: string): RegExp => wordsRegExp(source, 'gu');

export const HANDOFF_ALONE =
  /^(?:una?\s+|el\s+|la\s+|a\s+|an\s+)?(?:persona|humano|agente|encargad[oa]|operador[a]?|responsable|gerente|human|person|agent|staff|someone|ayuda)$/u;

export const CANCEL = words(
  'cancel\\w*|anul\\w*|olvidalo|olvida todo|ya no quiero nada|no quiero nada(?! mas)|ya no quiero (?:el|mi) pedido|forget it|never mind|nevermind',
);
export const STATUS = words(
  [
    '(?<!(?:hacer|realizar|empezar|tomar|pasar|pasarte|dejar|apuntar|hago|es)\\s)mi (?:pedido|orden)',
    'estado(?: de mi pedido| del pedido)?',
    'como (?:va|vamos|viene)',
    'donde (?:esta|anda|viene)',
    'cuanto (?:falta|queda|tarda\\w*|demora\\w*|le falta)',
    '(?:ya )?esta listo',
    'falta mucho',
    'tarda\\w* mucho',
    'my order',
    'order status',
    'where is',
    'how long',
    'is it ready',
    'status',
  ].join('|'),
);
export const MENU = words(
  'menu|carta|la carta|que (?:teneis|tienes|tienen|hay|venden|vendeis|ofreceis|ofrecen|me ofreces)|que puedo pedir|opciones|see the menu|what do you have',
);
export const CLEAR = words(
  '(?:borra\\w*|vacia\\w*|vaciar|quita\\w*|elimina\\w*|limpia\\w*)\\s+(?:el\\s+|la\\s+|mi\\s+)?(?:todo|carrito|cesta|carro|lista)|empezar de (?:nuevo|cero)|empezamos de nuevo|volver a empezar|desde cero|start over|clear (?:the |my )?(?:cart|order|basket)|empty (?:the |my )?(?:cart|basket)',
);
export const DONE = words(
  [
    'na(?:da)? mas+',
    'no (?:quiero|queremos|necesito) (?:nada )?mas',
    'ya no mas',
    'eso es todo',
    'es todo',
    'eso seria todo',
    'seria todo',
    'ya (?:esta|estaria|seria|es todo)(?! listo)',
    'solo eso',
    'eso (?:no ?mas|nada mas)',
    'no ?mas eso',
    'asi (?:esta )?(?:bien|perfecto)',
    '(?:esta|todo) (?:bien|perfecto) asi',
    'con eso (?:es suficiente|basta|esta|vale|me vale|es todo)?',
    'nada mas gracias',
    'that\'?s all|that is all|nothing else|that\'?s it|nothing more|i\'?m done',
  ].join('|'),
);
/** Done-words that only mean "nothing else" when they are the whole message. */
export const DONE_ALONE =
  /^(?:ya|eso|eso eso|listo|listo ya|ya listo|nada|ok ya|ya ok|vale ya|ok listo|no gracias|no nada|nada gracias|no mas|nomas|todo|eso todo|eso seria|seria eso|suficiente|ya ta|done|no thanks|nothing|thats all|that s all|all good|ok thats all)$/u;
export const NONE = words('ninguna|ninguno|ningun|none|neither|ni una|ni uno');
export const THANKS = words('gracias|muchas gracias|mil gracias|thanks|thank you|thx|grax|ty');
