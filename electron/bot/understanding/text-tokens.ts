// Customer text → folded tokens that remember where they came from, so a matched note or name can
// be shown back in the customer's own spelling. Pure.
import { foldText } from '../../../shared/text.ts';

/** Regex source for the edges of a whole word: no letter or digit just before / just after. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** A RegExp matching any of the alternatives in `source` only as whole words. */
export function wordsRegExp(source: string, flags: string): RegExp {
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, flags);
}

export interface FoldedText {
  /** Lowercase, accents folded. */
  text: string;
  /** map[j] = index in the original of folded char j; map[text.length] = original length. */
  map: number[];
}

/** Folds code point by code point, keeping a map back to the original string. */
export function foldWithMap(original: string): FoldedText {
  let text = '';
  const map: number[] = [];
  let index = 0;
  for (const ch of original) {
    const folded = foldText(ch);
    for (let k = 0; k < folded.length; k++) map.push(index);
    text += folded;
    index += ch.length;
  }
  map.push(original.length);
  return { text, map };
}

/** The original text behind folded range [start, end). */
export function originalSlice(original: string, folded: FoldedText, start: number, end: number): string {
  const a = folded.map[Math.max(0, Math.min(start, folded.text.length))] ?? 0;
  const b = folded.map[Math.max(0, Math.min(end, folded.text.length))] ?? original.length;
  return original.slice(a, b);
}

/**
 * word: letters/digits; num: a plain number; xnum: "x2" (a multiplier after an item);
 * sep: punctuation or a newline that separates list entries; soft: "y", "e", "and", "&".
 */
export type TokenKind = 'word' | 'num' | 'xnum' | 'sep' | 'soft';

export interface Token {
  kind: TokenKind;
  text: string;
  /** For num and xnum. */
  value: number;
  /** Range in the folded text. */
  start: number;
  end: number;
}

const SOFT_WORDS = new Set(['y', 'e', 'and', '&']);
const TOKEN_RE = /[\p{L}\p{N}]+|[\n,;+.!?:()[\]/|¿¡&]/gu;

export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (raw === '&') {
      tokens.push({ kind: 'soft', text: raw, value: 0, start, end });
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(raw)) {
      tokens.push({ kind: 'sep', text: raw, value: 0, start, end });
      continue;
    }
    let parts: RegExpMatchArray | null;
    if (/^\d+$/.test(raw)) {
      tokens.push(num(raw, start, end));
    } else if ((parts = /^(\d+)x(\d+)$/.exec(raw))) {
      const a = parts[1] ?? '';
      tokens.push(num(a, start, start + a.length));
      tokens.push({ kind: 'xnum', text: raw.slice(a.length), value: toNumber(parts[2] ?? ''), start: start + a.length, end });
    } else if ((parts = /^(\d+)x$/.exec(raw))) {
      // "2x pizza": a quantity written as a multiplier before the dish.
      tokens.push(num(parts[1] ?? '', start, end));
    } else if ((parts = /^x(\d+)$/.exec(raw))) {
      tokens.push({ kind: 'xnum', text: raw, value: toNumber(parts[1] ?? ''), start, end });
    } else if ((parts = /^(\d+)(\p{L}+)$/u.exec(raw))) {
      const a = parts[1] ?? '';
      tokens.push(num(a, start, start + a.length));
      tokens.push({ kind: 'word', text: raw.slice(a.length), value: 0, start: start + a.length, end });
    } else if (MENU_NUMBER_NAMES[raw] !== undefined && ['del', 'numero', 'num', 'nº', 'n', 'nro'].includes(tokens.at(-1)?.text ?? '')) {
      // "dos del tres", "el número cinco": a menu number written as a word.
      tokens.push({ kind: 'num', text: String(MENU_NUMBER_NAMES[raw] ?? 0), value: MENU_NUMBER_NAMES[raw] ?? 0, start, end });
    } else if (SOFT_WORDS.has(raw)) {
      tokens.push({ kind: 'soft', text: raw, value: 0, start, end });
    } else {
      tokens.push({ kind: 'word', text: raw, value: 0, start, end });
    }
  }
  return tokens;
}

const MENU_NUMBER_NAMES: Record<string, number> = {
  uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20,
};

function toNumber(digits: string): number {
  const n = Number.parseInt(digits.slice(0, 9), 10);
  return Number.isFinite(n) ? n : 0;
}

function num(raw: string, start: number, end: number): Token {
  return { kind: 'num', text: raw, value: toNumber(raw), start, end };
}

/** Spanish and English plural folding, for comparison only: clásicas→clasica, limones→limon. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('es') && 'lnrdzj'.includes(word.charAt(word.length - 3))) {
    return word.slice(0, -2);
  }
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function forms(word: string): string[] {
  const out = [word];
  if (word.length > 3 && word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('es')) out.push(word.slice(0, -2));
  return out;
}

/**
 * Equal up to a plural ending (clásicas = clasica, limones = limón), a number written in words
 * ("4" = "cuatro") or a diminutive the customer used: `a` is the customer's word, `b` the menu's, so
 * "cañitas" finds "Caña" but "carne" never finds "Carnitas".
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const key = `${a}\u0000${b}`;
  const known = sameCache.get(key);
  if (known !== undefined) return known;
  if (sameCache.size > SAME_CACHE_MAX) sameCache.clear();
  const same = judgeSame(a, b);
  sameCache.set(key, same);
  return same;
}

// Compared for every menu word at every position: the answers are kept (bounded, emptied when full).
// 20,000 answers (a few MB) hold a whole menu's words against a day of customers; 200,000 cost the
// host about 30 MB each in the 10,000-order memory bench.
const SAME_CACHE_MAX = 20_000;
const sameCache = new Map<string, boolean>();

function judgeSame(a: string, b: string): boolean {
  const fa = forms(a);
  const fb = forms(b);
  if (fb.some((f) => fa.includes(f))) return true;
  const na = NUMBER_NAMES[a];
  const nb = NUMBER_NAMES[b];
  if (na !== undefined && (na === nb || na === b)) return true;
  if (nb !== undefined && nb === a) return true;
  // Diminutives: cañitas = caña, croquetitas = croquetas, cervecita = cerveza, taquitos = tacos.
  return undiminish(a).some((d) => forms(d).some((f) => fb.includes(f)));
}

/** Number names in dish names ("Pizza cuatro quesos" vs "pizza 4 quesos"), as digits. */
const NUMBER_NAMES: Record<string, string> = {
  dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9', diez: '10',
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
};

/** The plain word behind a Spanish diminutive, as possible spellings ([] if none). */
export function undiminish(word: string): string[] {
  const m = /^(.{2,}?)(c?)it([ao])s?$/.exec(word);
  if (!m) return [];
  const stem = m[1] ?? '';
  const hadC = m[2] === 'c';
  const out: string[] = [];
  const ends = ['a', 'o', 'e', ''];
  const stems = [stem];
  if (stem.endsWith('qu')) stems.push(`${stem.slice(0, -2)}c`);
  if (stem.endsWith('gu')) stems.push(`${stem.slice(0, -2)}g`);
  if (stem.endsWith('c') && !hadC) stems.push(`${stem.slice(0, -1)}z`);
  if (hadC) stems.push(`${stem}c`, stem);
  for (const s of stems) for (const e of ends) out.push(s + e);
  // cervecita: cerve+c+ita → cerveza.
  if (hadC) for (const e of ends) out.push(`${stem}z${e}`);
  return out.filter((w) => w.length >= 3 && w !== word);
}

/** A rough Spanish sound-alike key: pizza = pisa, hamburgueza = hamburguesa, vaso = baso. */
export function soundKey(word: string): string {
  return singular(word)
    .replace(/h/g, '')
    .replace(/qu/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/(.)\1+/g, '$1');
}

