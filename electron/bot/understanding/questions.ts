// Questions a customer asks along the way ("¿a qué hora cerráis?", "¿hacéis envíos?", "¿cuánto
// cuesta la doble?", "¿tenéis gaseosa?") and a time they want the order for ("a las 21:00"). They
// are answered, never read as a choice of delivery or as dish numbers. Pure.
import { HOUR_WORD_SOURCE, readSpokenTime, type SpokenTime } from './requested-time.ts';
import { originalSlice, type FoldedText, wordsRegExp } from './text-tokens.ts';

export interface CustomerQuestions {
  /** "¿a qué hora cerráis?", "¿abrís hoy?". */
  asksHours: boolean;
  /** "¿cuánto tarda?". */
  asksHowLong: boolean;
  /** "¿hacéis envíos?": a question about delivery, not a choice of it. */
  asksDelivery: boolean;
  /** "¿tenéis …?", "¿hay …?" as the whole message. */
  asksAvailability: boolean;
  /** "¿cuánto cuesta la doble?", "¿cuánto es?". */
  asksPrice: boolean;
  /** "¿qué lleva la clásica?". */
  asksContents: boolean;
  /** "a las 21:00" → "21:00". */
  time: string | null;
  /** The same time read as hour and minute (null when there is none or it is no clock time). */
  clock: SpokenTime | null;
  /** The folded text with the hours/delivery question's clause and the time blanked (same length). */
  text: string;
}

const words = (source: string): RegExp => wordsRegExp(source, 'u');

const HOURS_QUESTION = words(
  [
    'a que hora (?:\\p{L}+ ){0,2}(?:abr|cerr|cierr|empez|termin|abiert)\\p{L}*',
    'hasta (?:que hora|cuando)',
    'horarios?',
    '(?:que|cuales) (?:dias|horas)',
    '(?:estais|estan|estas|sigues|siguen|seguis) abiert[oa]s?',
    'abr(?:is|en|es)',
    '(?:cerrais|cierran|cierras|cierra)',
    'what time',
    'opening (?:hours|times)',
    'when do you (?:open|close)',
    'are (?:you|u|ya)(?: guys| all| still)? open',
    '(?:you|u) (?:guys )?open (?:rn|now|right now|today|tonight)',
    'open (?:rn|right now|tonight)',
  ].join('|'),
);
const DELIVERY_QUESTION = words(
  [
    '(?:haceis|hacen|haces|hay|teneis|tienen|tienes|ofreceis|ofrecen)\\s+(?:servicio\\s+(?:de\\s+|a\\s+)?)?(?:envios?|domi[csz]i?li?os?|delivery|reparto)',
    '(?<!(?:me|nos) (?:lo|la|los|las) )(?:llevais|llevan|reparten|repartis|envian|enviais|mandan|mandais|entregan|entregais)\\s+(?:a\\s+)?(?:domi[csz]i?li?o|casa)',
    '(?:reparten|repartis|llevais a|llevan a)(?=\\s*\\?|\\s+(?:a|por|hasta)\\s)',
    '(?:llegais|llegan|llegas)(?=\\s+(?:a|hasta)\\s+\\p{L})',
    'do you deliver',
    'is there delivery',
    'do you do delivery',
  ].join('|'),
);
const HOW_LONG = words('cuanto (?:tarda\\p{L}*|demora\\p{L}*|tiempo)|(?:tarda\\p{L}*|demora\\p{L}*) mucho|falta mucho|how long');
const PRICE_QUESTION = words(
  'a cuanto|cuanto (?:esta|estan|es|son|sale|salen|cuesta|cuestan|vale|valen|seria|serian|me sale|te debo|le debo|debo|cobras|cobrais|cobran)|(?:que|cual es el) precio|precios?|how much|what does (?:it|that|the \\p{L}+) cost|price',
);
const CONTENTS_QUESTION = words(
  'que (?:lleva|llevan|tiene|tienen|trae|traen|es|son) (?:la|el|las|los)|ingredientes|de que (?:es|son|esta|estan)|what\'?s in|what is in|ingredients',
);
// "a las 21:00", "para las 9", "sobre las 21.30", "at 8pm", "a las nueve y media de la noche": a
// time, never a dish number or a quantity.
const TIME = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:(?:a|para|sobre|hacia|at|for|by) (?:las |la )?)?' +
    `(?:\\d{1,2}[:.h]\\d{2}|\\d{1,2} ?(?:am|pm|h)|(?<=(?<![\\p{L}\\p{N}])(?:a|para|sobre|hacia) (?:las|la) )(?:\\d{1,2}|${HOUR_WORD_SOURCE}))(?![\\p{L}\\p{N}])` +
    '(?: (?:y media|y cuarto|menos cuarto|en punto))?(?: (?:de la (?:noche|tarde|manana|madrugada)|del mediodia|pm|am)(?![\\p{L}\\p{N}]))?',
  'u',
);
const AVAILABILITY_QUESTION = /^[\s¿¡]*(?:(?:hola|holis|buenas|buenos dias|buenas tardes|buenas noches|hi|hey|hello)[\s,.!¿¡]*)?(?:y\s+)?(?:teneis|tienen|tienes|tenes|tiene|hay|manejan|manejas|venden|vendeis|haceis|hacen|queda|quedan|do you have|have you got|is there|are there)(?![\p{L}\p{N}])/u;

/** Blanks [a, b) with a separator first, so the rest keeps its indices. */
function blankOut(text: string, a: number, b: number): string {
  return `${text.slice(0, a)},${' '.repeat(Math.max(0, b - a - 1))}${text.slice(b)}`;
}

export function readQuestions(original: string, folded: FoldedText): CustomerQuestions {
  const all = folded.text;
  const hoursQuestion = HOURS_QUESTION.exec(all);
  const deliveryQuestion = DELIVERY_QUESTION.exec(all);
  let text = all;
  let time: string | null = null;
  let clock: SpokenTime | null = null;
  const timeMatch = TIME.exec(all);
  if (timeMatch) {
    const said = originalSlice(original, folded, timeMatch.index, timeMatch.index + timeMatch[0].length);
    time = /\d{1,2}(?:[:.h]\d{2})?(?: ?(?:am|pm|h))?/iu.exec(said)?.[0] ?? said.trim();
    clock = readSpokenTime(timeMatch[0]);
    text = blankOut(text, timeMatch.index, timeMatch.index + timeMatch[0].length);
  }
  for (const q of [hoursQuestion, deliveryQuestion]) {
    if (!q) continue;
    // The whole clause the question is in ("¿hasta qué hora abrís hoy?"), up to punctuation.
    const before = text.slice(0, q.index).search(/[^\n.!?¿¡,;]*$/u);
    const afterStop = text.slice(q.index).search(/[\n.!?,;]/u);
    text = blankOut(text, Math.max(0, before), afterStop >= 0 ? q.index + afterStop : text.length);
  }
  return {
    asksHours: hoursQuestion !== null,
    asksHowLong: HOW_LONG.test(all),
    asksDelivery: deliveryQuestion !== null,
    // Only a message that is the question ("¿tenéis gaseosa?"), not "hay croquetas? ponme 2".
    asksAvailability: AVAILABILITY_QUESTION.test(all) && /\?[^\p{L}\p{N}]*$/u.test(all),
    asksPrice: PRICE_QUESTION.test(all),
    asksContents: CONTENTS_QUESTION.test(all),
    time,
    clock,
    text,
  };
}
