// A note for the whole order, only from phrasings that clearly are one: "nota: …", "es para un
// cumpleaños", "avisad al llegar", "llamad al timbre 2", "no llaméis al timbre", "it's for a
// birthday", "please ring the bell". A note about a dish ("sin cebolla") is not one of these and
// stays with its dish. Pure.
import { MAX_ORDER_NOTE_CHARS } from '../../../shared/order.ts';
import { originalSlice, type FoldedText, WORD_START as B, WORD_END as E } from './text-tokens.ts';

export interface OrderNoteFound {
  /** As the customer wrote it (accents and capitals kept), tidied. */
  note: string;
  /** The folded spans it covers, to be blanked before dishes and slots are read. */
  spans: { start: number; end: number }[];
}


// "nota: …" takes the rest of its line; the others end at their clause (",", ".", ";", "!", "?").
const LABELLED = new RegExp(`${B}(?:nota|note|observacion(?:es)?|comentario|comment)\\s*:[^\\S\\n]*(?=\\S)`, 'gu');
const CLAUSE_STARTS = [
  // "es para un cumpleaños", "son para una fiesta", "es para mi madre": an occasion or a person
  // introduced by an article or a possessive ("es para Laura" is the name, "es para llevar" pickup).
  `(?:es|son|va|van) para (?!mi (?:casa|domicilio|direccion)${E})(?:un|una|unos|unas|mi|mis|nuestr[oa]s?|el cumple\\p{L}*|celebrar|regal\\p{L}*)${E}(?=[^\\S\\n]+\\p{L})`,
  `(?:it'?s|it is|this is|they'?re|they are) for (?:a|an|my|our)${E}(?=[^\\S\\n]+\\p{L})`,
  // "avisad/llamad/tocad …": how to reach the customer at the door.
  `(?<!se )(?:no )?(?:avis|llam)(?:ad|en|eis|ais|e|a)(?:me|nos)?${E}(?=[^\\S\\n]+\\p{L}|[^\\S\\n]*$)`,
  `(?:no )?(?:toc|pic)(?:ad|a)${E}(?=[^\\S\\n]+(?:al?|el|en el) (?:timbre|portero|telefonillo|\\d))`,
  `(?:no )?toque(?:n|is)${E}(?=[^\\S\\n]+(?:el|al?) (?:timbre|portero|telefonillo|\\d))`,
  `(?:please |pls |do not |don'?t )?(?:(?:ring|buzz|knock)(?=[^\\S\\n]+(?:the|at|on|bell|doorbell|door|twice|once)${E})|(?:call|text)(?=[^\\S\\n]+(?:me|us|when|before)${E}))`,
  // "bring change for a 50", "traigan cambio de 500", "con vuelto de 10000", "feria para un billete de
  // 500": a note for the cash, its number is never a quantity.
  `(?:(?:please |pls )?(?:bring|have|need|with)[^\\S\\n]+)?change[^\\S\\n]+for(?=[^\\S\\n]+(?:a |an |the )?(?:\\$[^\\S\\n]?)?\\d)`,
  `(?:(?:(?:traer|traigan|traiga|trae|traeme|traime|traigame|lleven|llevar|llevame|manden|mandame|mandar|con|necesito)[^\\S\\n]+)(?:cambio|vuelto|feria)|vuelto|feria)[^\\S\\n]+(?:de|para|pa)(?=[^\\S\\n]+(?:un |una |el |la |billete (?:de )?)?(?:\\$[^\\S\\n]?)?\\d)`,
];
const CLAUSE = new RegExp(`${B}(?:${CLAUSE_STARTS.join('|')})`, 'gu');

function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/^[\s,.;:!?¡¿\-–—"'«»()]+|[\s,.;:!¿¡\-–—"'«»(]+$/gu, '').trim();
}

/** The order notes in a message (several are joined), or null. `text` is the folded text, same indices as `folded`. */
export function findOrderNote(original: string, folded: FoldedText, text: string): OrderNoteFound | null {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const from = m.index + m[0].length;
    const stop = text.slice(from).search(/\n/u);
    spans.push({ start: m.index, end: stop >= 0 ? from + stop : text.length });
  }
  for (const m of text.matchAll(CLAUSE)) {
    if (spans.some((s) => m.index >= s.start && m.index < s.end)) continue;
    const stop = text.slice(m.index).search(/[\n,.;!?]/u);
    spans.push({ start: m.index, end: stop >= 0 ? m.index + stop : text.length });
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  for (const s of spans) {
    const label = new RegExp(`^${LABELLED.source}`, 'u').exec(text.slice(s.start, s.end));
    const said = tidy(originalSlice(original, folded, s.start + (label ? label[0].length : 0), s.end));
    if (/[\p{L}\p{N}]/u.test(said)) parts.push(said.charAt(0).toUpperCase() + said.slice(1));
  }
  if (parts.length === 0) return null;
  return { note: parts.join('. ').slice(0, MAX_ORDER_NOTE_CHARS), spans };
}
