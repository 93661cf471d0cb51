// What a customer's message asks for besides dishes: commands (cancel, menu, status, a person),
// yes/no, pickup or delivery (with an address), payment method and name. Each kind is read by its
// own module (commands, yes-no, payments, names, addresses, corrections, questions) with the
// region's words; this one puts them together and hands back the text with every recognised phrase
// blanked out, for the dish matcher. Pure.
import type { Fulfilment, PaymentMethod } from '../../../shared/order.ts';
import { foldText } from '../../../shared/text.ts';
import { wordsFor, type Words } from '../lexicon/index.ts';
import { readQuestions, type CustomerQuestions } from './questions.ts';
import { findOrderNote } from './order-note.ts';
import {
  ADDRESS_AFTER_DELIVERY,
  ADDRESS_HINT,
  ADDRESS_INTRO,
  addressEnd,
  continuedOnNextLine,
  findInlineAddress,
  skipArticle,
} from './addresses.ts';
import { CANCEL, CLEAR, DONE, DONE_ALONE, HANDOFF_ALONE, MENU, NONE, STATUS, THANKS } from './commands.ts';
import { readCorrection, type SlotName } from './corrections.ts';
import { cleanName, NAME_AT_START, NAME_INTRO, tidyValue } from './names.ts';
import { readPayment } from './payments.ts';
import { foldWithMap, originalSlice, type FoldedText } from './text-tokens.ts';
import { readYesNo } from './yes-no.ts';

export type { SlotName } from './corrections.ts';
export { cleanName, tidyValue } from './names.ts';
export { looksLikeAddress } from './addresses.ts';

/** Questions asked along the way and a requested time come from customer-questions.ts. */
export interface Intents extends Omit<CustomerQuestions, 'text'> {
  original: string;
  folded: FoldedText;
  handoff: boolean;
  cancel: boolean;
  status: boolean;
  menu: boolean;
  clear: boolean;
  done: boolean;
  yes: boolean;
  no: boolean;
  thanks: boolean;
  /** "ninguna", "ninguno", "none": an answer to "which one?" that drops the question. */
  none: boolean;
  fulfilment: Fulfilment | null;
  address: string | null;
  payment: PaymentMethod | null;
  name: string | null;
  change: SlotName | null;
  /** "nota: …", "es para un cumpleaños", "llamad al timbre 2": a note for the whole order. */
  orderNote: string | null;
  /** Folded text with every recognised phrase replaced by a separator (same length). */
  rest: string;
  /** The original text without the recognised phrases, trimmed. */
  restOriginal: string;
}


interface Span {
  start: number;
  end: number;
}

function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m;
}


export function detectIntents(original: string, words: Words = wordsFor()): Intents {
  const folded = foldWithMap(original);
  // Questions are answered, not taken as choices: they and a time are blanked before looking for slots.
  const { text: questionText, ...questionFields } = readQuestions(original, folded);
  // A note for the whole order is cut out first: its words ("llamad al timbre 2") are no dish,
  // number, name or address.
  const orderNote = findOrderNote(original, folded, questionText);
  const blank: Span[] = [...(orderNote?.spans ?? [])];
  let f = questionText;
  for (const span of blank) f = `${f.slice(0, span.start)},${' '.repeat(Math.max(0, span.end - span.start - 1))}${f.slice(span.end)}`;
  const squashed = f.replace(/[^\p{L}\p{N}\s]+/gu, ' ').replace(/\s+/g, ' ').trim();

  const handoff = firstMatch(words.handoff, f) !== null || HANDOFF_ALONE.test(squashed);
  const cancel = firstMatch(CANCEL, f) !== null;
  const statusMatch = firstMatch(STATUS, f);
  const menuMatch = firstMatch(MENU, f);
  const clearMatch = firstMatch(CLEAR, f);
  if (clearMatch) blank.push({ start: clearMatch.index, end: clearMatch.index + clearMatch[0].length });

  // Slot phrases first (positions), so a captured name or address stops where they start.
  const phraseStarts: number[] = [];
  const paid = readPayment(f, words);
  for (const span of paid.spans) {
    blank.push(span);
    phraseStarts.push(span.start);
  }
  const payment: PaymentMethod | null = paid.method;
  const pickup = firstMatch(words.pickup, f);
  const delivery = firstMatch(words.delivery, f);
  let fulfilment: Fulfilment | null = null;
  if (pickup && (!delivery || pickup.index > delivery.index)) fulfilment = 'pickup';
  else if (delivery) fulfilment = 'delivery';
  // Every pickup/delivery phrase is blanked ("para recoger en el local" holds two).
  for (const re of [words.pickup, words.delivery]) {
    for (const m of f.matchAll(re)) {
      blank.push({ start: m.index, end: m.index + m[0].length });
      phraseStarts.push(m.index);
    }
  }
  const done = firstMatch(DONE, f);
  const doneAlone = DONE_ALONE.test(squashed);
  if (done) {
    blank.push({ start: done.index, end: done.index + done[0].length });
    phraseStarts.push(done.index);
  }
  const change = readCorrection(f);
  const changeSlot: SlotName | null = change?.slot ?? null;
  if (change) {
    blank.push({ start: change.start, end: change.end });
    phraseStarts.push(change.start);
  }

  // A name phrase ends an address before it ("Calle Pez 3, a nombre de Bea").
  const nameAhead = firstMatch(NAME_INTRO, f);
  if (nameAhead) phraseStarts.push(nameAhead.index);
  const cutAt = (from: number): number => {
    const after = phraseStarts.filter((p) => p > from);
    const hard = f.slice(from).search(/\n/);
    const candidates = [...after, f.length];
    if (hard >= 0) candidates.push(from + hard);
    return Math.min(...candidates);
  };

  // Address: after "a domicilio en …", or "mi dirección es …".
  let address: string | null = null;
  let addressFrom = -1;
  const intro = firstMatch(ADDRESS_INTRO, f);
  if (intro) phraseStarts.push(intro.index);
  if (intro) {
    const from = intro.index + intro[0].length;
    const lead = /^\s*:?\s*/.exec(f.slice(from))?.[0].length ?? 0;
    addressFrom = from + lead;
    blank.push({ start: intro.index, end: addressFrom });
    if (fulfilment === null) fulfilment = 'delivery';
  } else if (delivery) {
    const from = delivery.index + delivery[0].length;
    const lead = ADDRESS_AFTER_DELIVERY.exec(f.slice(from));
    if (lead && ADDRESS_HINT.test(f.slice(from + lead[0].length, cutAt(from)))) addressFrom = from + lead[0].length;
  }
  if (addressFrom >= 0) {
    const valueFrom = skipArticle(f, addressFrom);
    // The address ends after its number and floor/door when dishes follow ("… 3, 2ºB y una coca").
    const found = addressEnd(f, valueFrom, cutAt(valueFrom)) ?? cutAt(valueFrom);
    const end = continuedOnNextLine(f, found, (a, b) => originalSlice(original, folded, a, b));
    const value = tidyValue(originalSlice(original, folded, valueFrom, end)).slice(0, 200);
    if (/[\p{L}\p{N}]/u.test(value)) {
      address = value;
      blank.push({ start: addressFrom, end });
    }
  }
  // "una margarita a calle sol 3", "llevar a Av. Corrientes 1234 piso 3": an address inside the
  // order, cut out so its numbers are never dish numbers; it means delivery.
  if (address === null && fulfilment !== 'pickup') {
    const inline = findInlineAddress(f, (from) => cutAt(from));
    if (inline) inline.end = continuedOnNextLine(f, inline.end, (a, b) => originalSlice(original, folded, a, b));
    if (inline) {
      const value = tidyValue(originalSlice(original, folded, inline.valueStart, inline.end)).slice(0, 200);
      if (/[\p{L}\p{N}]/u.test(value)) {
        address = value;
        fulfilment = 'delivery';
        blank.push({ start: inline.start, end: inline.end });
        phraseStarts.push(inline.start);
      }
    }
  }

  // Name: "a nombre de Ana", "me llamo Ana", "soy Ana".
  let name: string | null = null;
  const nameIntro = firstMatch(NAME_INTRO, f);
  const soy = NAME_AT_START.exec(f);
  const nameStart = nameIntro ? nameIntro.index + nameIntro[0].length : soy ? soy.index + soy[0].length : -1;
  if (nameStart >= 0 && !(changeSlot === 'name' && !soy)) {
    const lead = /^\s*:?\s*/.exec(f.slice(nameStart))?.[0].length ?? 0;
    const from = nameStart + lead;
    const sep = f.slice(from).search(/[\n,.;!?]/);
    const end = Math.min(cutAt(from), sep >= 0 ? from + sep : f.length);
    const value = cleanName(originalSlice(original, folded, from, end));
    if (value) {
      name = value;
      blank.push({ start: nameIntro ? nameIntro.index : (soy?.index ?? 0), end });
    }
  }

  // "es para Laura", "para Pedro": a capitalised word after "para" that is not a phrase already read.
  if (!name && !nameIntro) {
    const para = /(?:^|[\s,.;:!¡¿])(?:es |va )?para (\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?)(?=$|[\s,.;:!?])/u.exec(original);
    const who = para?.[1];
    if (para && who) {
      const from = folded.map.findIndex((o) => o >= para.index);
      const start = folded.map.findIndex((o) => o === para.index + para[0].length - who.length);
      const end = start + foldText(who).length;
      const overlaps = blank.some((b) => b.start < end && start < b.end);
      const value = cleanName(who);
      if (from >= 0 && start >= 0 && !overlaps && value) {
        name = value;
        blank.push({ start: from, end });
      }
    }
  }

  // Yes / no, at the start of the message.
  const yesNo = readYesNo(f, squashed, original, words);
  if (yesNo.length > 0) blank.push({ start: 0, end: yesNo.length });
  const none = firstMatch(NONE, f) !== null;
  const thanks = firstMatch(THANKS, f) !== null;

  // Blank every recognised phrase with a separator, keeping the length (indices stay valid).
  const chars = Array.from(f.split(''));
  for (const span of blank) {
    for (let k = span.start; k < span.end && k < chars.length; k++) chars[k] = k === span.start ? ',' : ' ';
  }
  const rest = joinSplitQuantities(chars.join(''));
  const restOriginal = keepUnblanked(original, folded, rest);

  return {
    original,
    folded,
    handoff,
    cancel,
    status: statusMatch !== null,
    menu: menuMatch !== null,
    clear: clearMatch !== null,
    done: done !== null || doneAlone,
    yes: yesNo.yes,
    no: yesNo.no,
    thanks,
    none,
    fulfilment,
    address,
    payment,
    name,
    change: changeSlot,
    ...questionFields,
    orderNote: orderNote?.note ?? null,
    rest,
    restOriginal,
  };
}

// "y dos\ncocas", "2\nmargaritas": a line that is only a quantity belongs to the dish on the next line.
const QUANTITY_LINE =
  /(^|\n)([ \t]*(?:(?:y|e|and|mas|plus)[ \t]+)?(?:\d{1,2}|un|una|uno|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|two|three|four|five|six)(?:[ \t]+(?:de|of))?[ \t]*)\n(?=[ \t]*\p{L})/gu;

function joinSplitQuantities(rest: string): string {
  return rest.replace(QUANTITY_LINE, (_all, lead: string, line: string) => `${lead}${line} `);
}

function keepUnblanked(original: string, folded: FoldedText, rest: string): string {
  let out = '';
  let runStart = -1;
  for (let k = 0; k <= rest.length; k++) {
    const kept = k < rest.length && rest[k] === folded.text[k];
    if (kept && runStart < 0) runStart = k;
    if (!kept && runStart >= 0) {
      out += `${originalSlice(original, folded, runStart, k)} `;
      runStart = -1;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
