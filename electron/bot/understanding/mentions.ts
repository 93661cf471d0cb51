// Free text → dishes. Finds dishes by name, alias, id or menu number, with quantities, per-dish
// notes and the add/remove/set intent of each mention. Anything it is not sure of comes back as a
// question (one candidate: "did you mean?", several: "which one?"), never as a guess. Pure.
import { foldText } from '../../../shared/text.ts';
import { wordsFor, type Words } from '../lexicon/index.ts';
import { matchAt, type ItemMatch, type MenuIndex } from './menu-index.ts';
import { isQuantityWord, MAX_QUANTITY, quantityWordAt } from './quantities.ts';
import { originalSlice, sameWord, tokenize, type FoldedText, type Token } from './text-tokens.ts';
import { tidyValue } from './names.ts';
import { readChoices } from './dish-options.ts';
import { isChoiceWord as choiceWordOf } from './choice-words.ts';
import { categoryAt as sectionAt, resolveHeadings as headingsResolved } from './mention-headings.ts';
import { lookahead } from './mention-lookahead.ts';
import { markSameAsBefore, readLooseQuantity, unitCarriedOver } from './mention-ellipsis.ts';
import { CORRECTION_AFTER_NO, replaceLastIfCorrected, replaceWithinUnit, type Correcting } from './mention-corrections.ts';

export type { MenuIndex } from './menu-index.ts';
export { categoryNamed, menuIndex, visibleCategories } from './menu-index.ts';

export type Mode = 'add' | 'remove' | 'set';
export interface Mention {
  mode: Mode;
  quantity: number;
  explicitQuantity: boolean;
  /** "otra", "otro": one more of it. */
  oneMore: boolean;
  /** Set when the dish is certain. */
  itemId: string | null;
  /** When not certain: one candidate = "did you mean?", several = "which one?". */
  candidates: string[];
  note: string | null;
  /** The customer's words for the dish. */
  label: string;
  /** Named by its menu number rather than by words. */
  byNumber: boolean;
  /** "las bravas": with a definite article, so it may mean the line already in the cart. */
  definite: boolean;
  /** "cambia X por Y", "en vez de X, Y": X is the old dish, Y the new one (as many as X, unless said). */
  replacement?: 'old' | 'new';
  /** "otra muzza igual", "another one the same": with the choices of that dish already in the cart. */
  sameAsBefore?: boolean;
}

export interface OrphanNote {
  note: string;
  /** "una sin cebolla": how many of the last line the note is for; null = the whole line. */
  quantity: number | null;
}

export interface ScanResult {
  mentions: Mention[];
  /** Notes with no dish in the message: they belong to the last line of the cart. */
  orphanNotes: OrphanNote[];
  /** Words that matched nothing, as the customer wrote them. */
  unknown: string[];
  /** Menu numbers that do not exist. */
  unknownNumbers: number[];
  /** Quantities over MAX_QUANTITY that were refused. */
  tooMany: boolean;
  /** "mejor 2", "que sean dos": a new quantity for the cart line touched last (no dish named). */
  lastQuantity: number | null;
  /** "mandame una", "dame 2" with no dish named: the quantity alone (for the dish just asked about). */
  bareQuantity: number | null;
  /** "otra más" (quantity 1), "lo mismo otra vez" (null: as many as that line has): repeat the last line. */
  repeatLast: { quantity: number | null } | null;
  /** "quita una", "take one off", "quiteme uno" with no dish named: how many to take off the last line. */
  removeLast: number | null;
}

const ARTICLES_BEFORE_NUMBER = new Set(['el', 'la', 'del', 'numero', 'num', 'nº', 'n', 'los', 'las']);
const DEFINITE = new Set(['el', 'la', 'los', 'las', 'the']);

export interface ScanOptions {
  /** Dishes already in the cart: "sin la coca" removes one of them. */
  cartItemIds: ReadonlySet<string>;
  /** The region's words (default: Spain's). */
  words?: Words;
  /** The dish of the cart line touched last: "no, mejor una cuatro quesos" replaces it. */
  lastItemId?: string | null;
  /** False while a question about a dish is open: a leading "no" answers it, it corrects nothing. */
  correctable?: boolean;
  /**
   * The dish the bot just asked about: its choice words with no dish named are for it — the answer to
   * "¿Tamaño para Salchipapa?" (`option`: read by that question) or, after its price, "me regala una
   * personal" (`offered`: a mention of it).
   */
  focus?: { itemId: string; asking: 'option' | 'offered' } | null;
}


export function scanOrder(original: string, folded: FoldedText, rest: string, index: MenuIndex, options: ScanOptions): ScanResult {
  const tokens = tokenize(rest);
  const result: ScanResult = { mentions: [], orphanNotes: [], unknown: [], unknownNumbers: [], tooMany: false, lastQuantity: null, bareQuantity: null, repeatLast: null, removeLast: null };
  /** A unit said before ("media docena de carne"): "y media de pollo", "y otra de pollo" are the same unit. */
  let unit: number | null = null;
  const slice = (a: number, b: number) => originalSlice(original, folded, a, b);
  const lex = options.words ?? wordsFor();
  const FILLERS = lex.fillers;
  const SIZE_WORDS = lex.sizeWords;
  const PEOPLE = lex.people;
  const NOTE_TRIGGERS = lex.noteTriggers;
  const REMOVE_WORDS = lex.removeWords;
  const SET_WORDS = lex.setWords;
  const ADD_WORDS = lex.addWords;
  const isModeWord = (t: Token | undefined) => modeWord(t, lex);

  let mode: Mode = 'add';
  let segment = 0;
  let segmentMentions: Mention[] = [];
  const segmentsWithDish = new Set<number>();
  const unknownRuns: { segment: number; start: number; end: number }[] = [];
  let pending: { value: number; oneMore: boolean } | null = null;
  let note: { start: number; end: number; owner: Mention | null; split: number | null; trigger: string } | null = null;
  /** "en vez de la margarita": the next dish named is the one to take out. */
  let replaceNext = false;
  /** A size word said before its dish ("a large cola"). */
  let preNote: string | null = null;
  /** After "cambia X por", the next dish named is the new one. */
  let replacementNew = false;
  /** A quantity with no dish after it ("mejor 2", "otra más"): kept to read at the end. */
  let looseQuantity: { value: number; oneMore: boolean; mode: Mode } | null = null;
  /** Mentions that may be a heading for the dishes after them ("dos pizzas: una margarita y ..."). */
  const headings = new Set<Mention>();
  /** What a heading may introduce: its candidates, and its whole section when it names one ("cafés"). */
  const headingScope = new Map<Mention, Set<string>>();
  const words = new Set(tokens.filter((t) => t.kind === 'word').map((t) => t.text));
  /**
   * The customer corrects what was said last: a leading "no" ("no perdón, …", "no, mejor …"),
   * "instead", "make that …" (strong), or a leading "mejor" (weak: only for a dish of the same section).
   */
  let correcting: Correcting = words.has('instead') ? 'strong' : null;
  /** "falta una coca", "add a coke": an addition said in words, never a replacement. */
  let addSaid = false;
  /** "3 shakes, 2 chocolate 1 vanilla": each part and the dish line it was split from. */
  const splitFrom = new Map<Mention, Mention>();
  /** "take one off": the "off" that closes the removal. */
  let offAt = -1;
  // A leading "no" (the yes/no reader blanks it): "no lemonade actually" takes a dish of the cart
  // out; "no perdón, media docena", "no, mejor una cuatro quesos" correct what was said last.
  const leadingNo = options.correctable !== false ? /^[\s¡!¿.]*no(?![\p{L}\p{N}])(?:\s*([,.;:!-])|\s+(\p{L}+))?/u.exec(folded.text) : null;
  if (leadingNo) {
    let j = 0;
    while (j < tokens.length && (tokens[j]?.kind === 'sep' || tokens[j]?.kind === 'soft' || (tokens[j]?.kind === 'word' && (FILLERS.has(tokens[j]?.text ?? '') || tokens[j]?.text === 'no')))) j++;
    const m = matchAt(tokens, j, index);
    if (m && m.full && m.kind === 'certain' && m.itemIds.every((id) => options.cartItemIds.has(id))) mode = 'remove';
    else correcting = leadingNo[1] || CORRECTION_AFTER_NO.has(leadingNo[2] ?? '') ? 'strong' : 'weak';
  }

  const { isFiller, nextContent, certainAt, certainDishAt, dishStartsAt, skipLinks } = lookahead(tokens, index, lex);
  /** `word` names one of the dish's own choices ("sencillas" for "Sencilla", "medias" for "Media ración"). */
  const isChoiceWord = (itemId: string | null | undefined, word: string): boolean => choiceWordOf(index, itemId, word);

  const closeNote = () => {
    if (!note) return;
    const text = tidyValue(slice(note.start, note.end)).slice(0, 120);
    const current = note;
    note = null;
    // A trigger word alone ("no", "con") says nothing to the kitchen.
    if (!text || NOTE_TRIGGERS.has(foldText(text))) return;
    if (current.split !== null) {
      const prev = result.mentions.at(-1);
      if (prev && prev.itemId && prev.mode === 'add' && prev.quantity > current.split) {
        prev.quantity -= current.split;
        const split: Mention = { ...prev, quantity: current.split, note: joinNote(null, text) };
        result.mentions.push(split);
      } else {
        result.orphanNotes.push({ note: text, quantity: current.split });
      }
      return;
    }
    const owner = current.owner ?? result.mentions.at(-1) ?? null;
    if (owner) owner.note = joinNote(owner.note, text);
    else result.orphanNotes.push({ note: text, quantity: null });
  };

  const endSegment = () => {
    closeNote();
    keepLoose();
    pending = null;
    segmentMentions = [];
    segment++;
  };

  const keepLoose = () => {
    const q = pending as { value: number; oneMore: boolean } | null;
    if (q) looseQuantity = { value: q.value, oneMore: q.oneMore, mode };
  };

  const push = (mention: Mention) => {
    if (replaceNext) {
      mention.mode = 'remove';
      mention.replacement = 'old';
      replaceNext = false;
      replacementNew = true;
      mode = 'add';
    } else if (replacementNew && (mention.mode === 'add' || (mention.mode === 'set' && mention.itemId !== null && !options.cartItemIds.has(mention.itemId)))) {
      // "en vez de X, mejor Y", "… que sean de Y": the new dish.
      mention.mode = 'add';
      mention.replacement = 'new';
      replacementNew = false;
    }
    if (preNote) {
      mention.note = joinNote(mention.note, preNote);
      preNote = null;
    }
    if (mention.quantity > MAX_QUANTITY) {
      result.tooMany = true;
      return;
    }
    if (mention.quantity < 1) return;
    result.mentions.push(mention);
    segmentMentions.push(mention);
    // Unknown words next to a dish the bot is sure of are ignored ("clásica grande"); next to an
    // unsure one ("pizza pepperoni") they are reported.
    if (mention.itemId && !mention.byNumber) segmentsWithDish.add(segment);
  };

  const takeQuantity = () => {
    const q = pending;
    pending = null;
    return { quantity: q?.value ?? 1, explicit: q !== null, oneMore: q?.oneMore ?? false };
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.kind === 'sep' || t.kind === 'soft') {
      if (note && t.kind === 'soft' && i + 1 < tokens.length && !dishStartsAt(i + 1, true) && !isModeWord(tokens[i + 1])) {
        i++;
        continue;
      }
      endSegment();
      i++;
      continue;
    }
    if (note) {
      let startsDish = dishStartsAt(i, note.trigger === 'con' || note.trigger === 'with');
      // "muzza con extra muzza", "con doble muzza": the word completes a choice of the dish, not another dish.
      const noteOwner = note.owner ?? result.mentions.at(-1);
      const ownerItem = noteOwner?.itemId ? index.byId.get(noteOwner.itemId) : undefined;
      if (startsDish && t.kind === 'word' && ownerItem && isChoiceWord(ownerItem.id, t.text)) {
        const before = readChoices(ownerItem, slice(note.start, note.end)).options.length;
        if (readChoices(ownerItem, slice(note.start, t.end)).options.length > before) startsDish = false;
      }
      if (startsDish || isModeWord(t)) {
        closeNote();
      } else {
        note.end = t.end;
        i++;
        continue;
      }
    }
    if (i === offAt) {
      i++;
      continue;
    }
    const atStart = result.mentions.length === 0 && !pending && mode === 'add' && tokens.slice(0, i).every((x) => isFiller(x) || x.kind === 'soft' || x.kind === 'sep');
    // "make that a cheeseburger", "make it a double": the last dish becomes this one.
    if (t.kind === 'word' && t.text === 'make' && (tokens[i + 1]?.text === 'that' || tokens[i + 1]?.text === 'it') && atStart) {
      correcting = 'strong';
      i += 2;
      continue;
    }
    if (t.kind === 'word' && t.text === 'mejor' && atStart && !correcting) correcting = 'weak';
    // "take one off", "take the fries off": a removal.
    if (t.kind === 'word' && t.text === 'take') {
      const k = tokens.slice(i + 1, i + 6).findIndex((x) => x.text === 'off');
      if (k >= 0) {
        offAt = i + 1 + k;
        mode = 'remove';
        i++;
        continue;
      }
    }
    if (t.kind === 'word' && t.text === 'no' && tokens[i + 1]?.text === 'quiero') {
      mode = 'remove';
      i += 2;
      continue;
    }
    // "en vez de X", "en lugar de X", "instead of X": X is taken out.
    if (
      t.kind === 'word' &&
      ((t.text === 'en' && (tokens[i + 1]?.text === 'vez' || tokens[i + 1]?.text === 'lugar') && (tokens[i + 2]?.text === 'de' || tokens[i + 2]?.text === 'del')) ||
        (t.text === 'instead' && tokens[i + 1]?.text === 'of'))
    ) {
      replaceNext = true;
      i += t.text === 'en' ? 3 : 2;
      continue;
    }
    // "cambia la margarita por una barbacoa": the first is taken out, the second added.
    // "change the cola to lemonade", "cambia la coca a fanta": "to"/"a" before a dish named by words.
    const toDish = (t.text === 'to' || t.text === 'a') && tokens[nextContent(i + 1)]?.kind === 'word' && certainAt(nextContent(i + 1));
    if (t.kind === 'word' && (((t.text === 'por' || t.text === 'for') && tokens[i + 1]?.text !== 'favor') || toDish) && mode === 'set') {
      const last = segmentMentions.at(-1) ?? result.mentions.at(-1);
      if (last && last.mode === 'set' && !(last.explicitQuantity && last.itemId === null && last.candidates.length === 0)) {
        last.mode = 'remove';
        last.replacement = 'old';
        if (!last.explicitQuantity) last.quantity = 1;
        replacementNew = true;
        mode = 'add';
        i++;
        continue;
      }
    }
    if (t.kind === 'word' && REMOVE_WORDS.has(t.text)) {
      mode = 'remove';
      i++;
      continue;
    }
    if (t.kind === 'word' && SET_WORDS.has(t.text)) {
      mode = 'set';
      i++;
      continue;
    }
    if (t.kind === 'word' && ADD_WORDS.has(t.text)) {
      addSaid = true;
      mode = 'add';
      i++;
      continue;
    }

    // "una media de croquetas", "una ración entera de croquetas", "a chocolate shake": the dish's own
    // choice words before it are its options ("media docena" stays a unit: docena is no dish).
    if (t.kind === 'word' && !note) {
      let k = i;
      while (k < tokens.length && tokens[k]?.kind === 'word' && !FILLERS.has(tokens[k]?.text ?? '') && certainDishAt(k) === null && k - i < 3) k++;
      const ahead = certainDishAt(k);
      if (k > i && ahead && tokens.slice(i, k).every((x) => x.text === 'de' || x.text === 'del' || isChoiceWord(ahead, x.text))) {
        const first = tokens[i] as Token;
        const lastWord = tokens.slice(i, k).filter((x) => x.text !== 'de' && x.text !== 'del').at(-1) ?? first;
        preNote = joinNote(preNote, tidyValue(slice(first.start, lastWord.end)));
        i = k;
        continue;
      }
    }
    // "sencilla" to "¿Carne para Hamburguesa?", "me regala una personal" after the salchipapa's price.
    const focus = options.focus;
    if (t.kind === 'word' && focus && result.mentions.length === 0 && mode === 'add' && isChoiceWord(focus.itemId, t.text) && certainDishAt(i) === null) {
      if (focus.asking === 'option') {
        pending = null;
        i++;
        continue;
      }
      const q = takeQuantity();
      const item = index.byId.get(focus.itemId);
      push({ mode: 'add', quantity: q.quantity, explicitQuantity: q.explicit, oneMore: q.oneMore, itemId: focus.itemId, candidates: [], note: tidyValue(slice(t.start, t.end)), label: item?.name ?? focus.itemId, byNumber: false, definite: false });
      i++;
      continue;
    }
    // "y una de tinga" in the next message, after a quesadilla de chicharrón: another of the dish
    // touched last, with that choice.
    const lastId = options.lastItemId;
    if (t.kind === 'word' && pending && result.mentions.length === 0 && mode === 'add' && lastId && !options.focus && isChoiceWord(lastId, t.text) && certainDishAt(i) === null) {
      const q = takeQuantity();
      const item = index.byId.get(lastId);
      push({ mode: 'add', quantity: q.quantity, explicitQuantity: q.explicit, oneMore: q.oneMore, itemId: lastId, candidates: [], note: tidyValue(slice(t.start, t.end)), label: item?.name ?? lastId, byNumber: false, definite: false });
      i++;
      continue;
    }
    // "2 quesadillas de tinga y una de queso": a quantity and a choice word of the dish before it is
    // another of that dish.
    const previous = result.mentions.at(-1);
    if (t.kind === 'word' && pending && previous?.itemId && previous.mode === 'add' && isChoiceWord(previous.itemId, t.text) && certainDishAt(i) === null) {
      const q = takeQuantity();
      const choice = tidyValue(slice(t.start, t.end));
      // "3 shakes, 2 chocolate 1 vanilla": the lines split the dish said before, when it had no choice.
      const head = splitFrom.get(previous) ?? previous;
      if (head.note === null && head.explicitQuantity && q.explicit && q.quantity <= head.quantity && result.mentions.includes(head)) {
        if (q.quantity === head.quantity) {
          head.note = choice;
          splitFrom.delete(previous);
          i++;
          continue;
        }
        head.quantity -= q.quantity;
        const part: Mention = { ...head, quantity: q.quantity, explicitQuantity: true, oneMore: false, note: choice, byNumber: false, definite: false };
        push(part);
        splitFrom.set(part, head);
        i++;
        continue;
      }
      push({ ...previous, quantity: q.quantity, explicitQuantity: q.explicit, oneMore: q.oneMore, note: choice, byNumber: false, definite: false });
      i++;
      continue;
    }
    // "hamburguesa sencilla", "salchipapa personal", "croquetas medias": a word of the dish just named
    // that is one of its choices belongs to it, even when another dish has that word in its name.
    const ownerNow = segmentMentions.at(-1);
    if (t.kind === 'word' && !pending && ownerNow?.itemId && ownerNow.mode !== 'remove' && isChoiceWord(ownerNow.itemId, t.text) && certainDishAt(i) === null) {
      ownerNow.note = joinNote(ownerNow.note, tidyValue(slice(t.start, t.end)));
      i++;
      continue;
    }

    const match = t.kind === 'word' ? matchAt(tokens, i, index) : t.kind === 'num' ? matchAt(tokens, i, index) : null;
    if (match && match.full) {
      i = acceptMatch(match, i);
      continue;
    }

    // A phone number or a postcode is never a dish number or a quantity.
    if (t.kind === 'num' && t.text.length >= 5) {
      i++;
      continue;
    }
    if (t.kind === 'num' && tokens[i + 1]?.kind === 'word' && PEOPLE.has(tokens[i + 1]?.text ?? '')) {
      i += 2;
      continue;
    }
    if (t.kind === 'num') {
      const j = skipLinks(i + 1);
      const next = tokens[j];
      const content = tokens[nextContent(i + 1)];
      const prevWord = tokens[i - 1];
      const articleBefore = !!prevWord && prevWord.kind === 'word' && ARTICLES_BEFORE_NUMBER.has(prevWord.text);
      if (next?.kind === 'num') {
        pending = { value: t.value, oneMore: false };
        i = j;
        continue;
      }
      // "y otros 2", "otras 3 porfa": how many more, not a menu number.
      if (prevWord?.kind === 'word' && [...lex.oneMoreWords].some((w) => sameWord(prevWord.text, w)) && segmentMentions.length === 0) {
        pending = { value: t.value, oneMore: true };
        i++;
        continue;
      }
      const contentIsWord = content?.kind === 'word';
      const contentIsNote = contentIsWord && NOTE_TRIGGERS.has(content.text);
      if (contentIsWord && !(contentIsNote && (articleBefore || pending))) {
        pending = { value: t.value, oneMore: false };
        i++;
        continue;
      }
      const last = segmentMentions.at(-1);
      if (mode === 'set' && last && !last.explicitQuantity) {
        last.quantity = t.value;
        last.explicitQuantity = true;
        if (t.value > MAX_QUANTITY) result.tooMany = true;
        i++;
        continue;
      }
      if (mode === 'set' && !last && result.mentions.length === 0 && !articleBefore && !pending) {
        // "mejor 2", "que sean 3": the quantity, not dish number 2.
        pending = { value: t.value, oneMore: false };
        i++;
        continue;
      }
      // A bare number: the dish with that number on the menu.
      const item = index.items[t.value - 1];
      const q = takeQuantity();
      i++;
      if (!item || t.value < 1) {
        result.unknownNumbers.push(t.value);
        continue;
      }
      const mention: Mention = { mode, quantity: q.quantity, explicitQuantity: q.explicit, oneMore: q.oneMore, itemId: item.id, candidates: [], note: null, label: item.name, byNumber: true, definite: false };
      if (tokens[i]?.kind === 'xnum') {
        mention.quantity = tokens[i]?.value ?? 1;
        mention.explicitQuantity = true;
        i++;
      }
      push(mention);
      continue;
    }

    if (t.kind === 'xnum') {
      const last = segmentMentions.at(-1);
      if (last) {
        last.quantity = t.value;
        last.explicitQuantity = true;
        if (t.value > MAX_QUANTITY) result.tooMany = true;
      } else pending = { value: t.value, oneMore: false };
      i++;
      continue;
    }

    // Ellipsis of a unit: "media docena de carne y media de pollo" (6 + 6), "una docena de carne y
    // otra de pollo" (12 + 12), "… y otra media de humita".
    if (unit !== null && t.text === 'media' && (tokens[i + 1]?.text === 'de' || tokens[i + 1]?.text === 'del')) {
      pending = { value: 6, oneMore: false };
      i += 2;
      continue;
    }
    if (unit !== null && lex.oneMoreWords.has(t.text) && (tokens[i + 1]?.text === 'de' || tokens[i + 1]?.text === 'media')) {
      const half = tokens[i + 1]?.text === 'media';
      pending = { value: half ? 6 : unit, oneMore: false };
      i += half && tokens[i + 2]?.text === 'de' ? 3 : 2;
      continue;
    }
    const q = quantityWordAt(tokens, i, lex);
    if (q && tokens.slice(i, i + q.length).some((x) => x.text === 'docena' || x.text === 'dozen')) unit = q.value;
    if (q && tokens[i + q.length]?.kind === 'word' && PEOPLE.has(tokens[i + q.length]?.text ?? '')) {
      i += q.length + 1;
      continue;
    }
    if (q) {
      // "another one", "otra una más": still one more.
      const already = pending as { value: number; oneMore: boolean } | null;
      pending = { value: q.value, oneMore: lex.oneMoreWords.has(t.text) || !!already?.oneMore };
      i += q.length;
      continue;
    }

    if (NOTE_TRIGGERS.has(t.text)) {
      // "sin la coca" with the coca in the cart and nothing else said: take it out.
      if (t.text === 'sin' && result.mentions.length === 0 && !pending) {
        const j = nextContent(i + 1);
        const m = matchAt(tokens, j, index);
        if (m && m.kind === 'certain' && m.itemIds.every((id) => options.cartItemIds.has(id))) {
          mode = 'remove';
          i = j;
          continue;
        }
      }
      // "con patatas fritas": another dish, not a note.
      if ((t.text === 'con' || t.text === 'with') && dishStartsAt(nextContent(i + 1), true)) {
        mode = 'add';
        i++;
        continue;
      }
      const owner = segmentMentions.at(-1) ?? null;
      const split = !owner && pending ? pending.value : null;
      pending = null;
      note = { start: t.start, end: t.end, owner, split, trigger: t.text };
      i++;
      continue;
    }

    // "a large cola": the size word before the dish is a note for it.
    if (SIZE_WORDS.has(t.text) && certainAt(nextContent(i + 1))) {
      preNote = joinNote(preNote, tidyValue(slice(t.start, t.end)));
      i++;
      continue;
    }
    const sized = segmentMentions.at(-1);
    if (SIZE_WORDS.has(t.text) && sized && (sized.itemId !== null || sized.candidates.length > 0)) {
      sized.note = joinNote(sized.note, tidyValue(slice(t.start, t.end)));
      i++;
      continue;
    }

    if (isFiller(t)) {
      i++;
      continue;
    }

    if (match && !isQuantityWord(t.text, lex)) {
      i = acceptMatch(match, i);
      continue;
    }

    const section = t.kind === 'word' ? categoryAt(i) : null;
    if (section) {
      const q = takeQuantity();
      const last = tokens[section.end - 1];
      const label = last ? tidyValue(slice(t.start, last.end)) : '';
      const mention: Mention = {
        mode,
        quantity: q.quantity,
        explicitQuantity: q.explicit,
        oneMore: q.oneMore,
        itemId: null,
        candidates: section.itemIds.slice(0, 9),
        note: null,
        label: label.length > 40 ? `${label.slice(0, 40)}…` : label,
        byNumber: false,
        definite: false,
      };
      push(mention);
      headings.add(mention);
      i = section.end;
      continue;
    }

    // "quesadilla de tinga", "muzza grande": a word of the dish's own options is part of it.
    const owner = segmentMentions.at(-1);
    if (owner?.itemId && index.choiceWords.get(owner.itemId)?.has(t.text)) {
      owner.note = joinNote(owner.note, tidyValue(slice(t.start, t.end)));
      i++;
      continue;
    }
    const run = unknownRuns.at(-1);
    if (run && run.segment === segment && run.end === tokens[i - 1]?.end) run.end = t.end;
    else unknownRuns.push({ segment, start: t.start, end: t.end });
    i++;
  }
  closeNote();
  keepLoose();
  headingsResolved(result.mentions, headings, headingScope);
  if (result.mentions.length === 0 && result.orphanNotes.length === 0) readLooseQuantity(result, looseQuantity as { value: number; oneMore: boolean; mode: Mode } | null, words, correcting);

  replaceLastIfCorrected(result, index, options, correcting, addSaid);
  replaceWithinUnit(result, index, options);
  markSameAsBefore(result.mentions, words, options.cartItemIds);

  for (const run of unknownRuns) {
    if (segmentsWithDish.has(run.segment)) continue;
    const text = tidyValue(slice(run.start, run.end));
    if (text && result.unknown.length < 3) result.unknown.push(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
  if (result.unknown.length > 0) {
    // A bare number among words the bot does not know ("alert(1)") is not a menu number.
    result.mentions = result.mentions.filter((m) => !m.byNumber);
    result.unknownNumbers = [];
  }
  return result;

  /** A section name ("pizzas", "tacos", "bebidas") starting at token i. */
  function categoryAt(i: number): { itemIds: string[]; end: number } | null {
    return sectionAt(tokens, index, i);
  }

  function acceptMatch(match: ItemMatch, start: number): number {
    let kind = match.kind;
    let end = match.end;
    const q = takeQuantity();
    // "fanta de limón" against "Fanta de naranja": a word after a short alias that names something
    // the menu does not have makes the match uncertain.
    if (kind === 'certain') {
      const id = match.itemIds[0] ?? '';
      const used = tokens.slice(start, end).filter((t) => t.kind === 'word' || t.kind === 'num').length;
      let j = end;
      while (tokens[j]?.kind === 'word' && (tokens[j]?.text === 'de' || tokens[j]?.text === 'del')) j++;
      const next = tokens[j];
      if (
        (index.longest.get(id) ?? 0) > used &&
        next?.kind === 'word' &&
        !FILLERS.has(next.text) &&
        !NOTE_TRIGGERS.has(next.text) &&
        !SIZE_WORDS.has(next.text) &&
        !isQuantityWord(next.text, lex) &&
        !isModeWord(next) &&
        !isChoiceWord(id, next.text) &&
        !matchAt(tokens, j, index)
      ) {
        kind = 'confirm';
        end = j + 1;
      } else if (next && j > end) {
        // "bocata de jamón" (id "bocata", name "Bocadillo de jamón"): the rest of the same dish's
        // name is part of this mention, not a second one.
        const more = matchAt(tokens, j, index);
        if (more && more.itemIds.length === 1 && more.itemIds[0] === id) end = more.end;
      }
    }
    // "una orden de pastor y una de suadero": the unit word of the dish before ("orden") carries
    // over to "una de suadero" when the menu has that dish with it.
    let itemIds = match.itemIds;
    const carried = q.explicit ? unitCarriedOver(tokens, start, end, result.mentions.at(-1), mode, match.itemIds[0], index) : null;
    if (carried) {
      itemIds = carried;
      kind = 'certain';
    }
    const first = tokens[start];
    const lastTok = tokens[end - 1];
    const label = first && lastTok ? tidyValue(slice(first.start, lastTok.end)) : '';
    const mention: Mention = {
      mode,
      quantity: q.quantity,
      explicitQuantity: q.explicit,
      oneMore: q.oneMore,
      itemId: kind === 'certain' ? (itemIds[0] ?? null) : null,
      candidates: kind === 'certain' ? [] : itemIds.slice(0, 9),
      note: null,
      label: label.length > 40 ? `${label.slice(0, 40)}…` : label,
      byNumber: false,
      definite: !q.explicit && DEFINITE.has(tokens[start - 1]?.text ?? ''),
    };
    if (tokens[end]?.kind === 'xnum') {
      mention.quantity = tokens[end]?.value ?? 1;
      mention.explicitQuantity = true;
      end++;
    }
    if (mention.itemId === null) {
      const plural = !!lastTok && lastTok.kind === 'word' && lastTok.text.length > 3 && lastTok.text.endsWith('s');
      const colon = tokens[end]?.kind === 'sep' && tokens[end]?.text === ':';
      if (plural || colon || mention.quantity >= 2) {
        headings.add(mention);
        headingScope.set(mention, new Set([...mention.candidates, ...(categoryAt(start)?.itemIds ?? [])]));
      }
    }
    push(mention);
    return end;
  }
}

function modeWord(t: Token | undefined, lex: Words): boolean {
  return !!t && t.kind === 'word' && (lex.removeWords.has(t.text) || lex.setWords.has(t.text) || lex.addWords.has(t.text));
}

function joinNote(existing: string | null, add: string): string {
  return (existing ? `${existing}, ${add}` : add).slice(0, 200);
}

