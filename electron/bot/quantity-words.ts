// Quantity words in Spanish and English: "dos", "un par de", "media docena", "a couple of".
import type { Token } from './text-tokens.ts';

/** The most of one dish a chat order takes; more is a question for a person. */
export const MAX_QUANTITY = 50;

const PHRASES: { words: string[]; value: number }[] = [
  { words: ['media', 'docena'], value: 6 },
  { words: ['una', 'docena'], value: 12 },
  { words: ['un', 'par'], value: 2 },
  { words: ['par'], value: 2 },
  { words: ['docena'], value: 12 },
  { words: ['half', 'a', 'dozen'], value: 6 },
  { words: ['a', 'dozen'], value: 12 },
  { words: ['a', 'couple'], value: 2 },
  { words: ['couple'], value: 2 },
  { words: ['dozen'], value: 12 },
];

const WORDS: Record<string, number> = {
  un: 1, una: 1, uno: 1, otra: 1, otro: 1, one: 1, another: 1,
  dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6,
  siete: 7, seven: 7, ocho: 8, eight: 8, nueve: 9, nine: 9, diez: 10, ten: 10, once: 11,
  eleven: 11, doce: 12, twelve: 12, trece: 13, thirteen: 13, catorce: 14, fourteen: 14, quince: 15,
  fifteen: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, twenty: 20,
  veinticinco: 25, treinta: 30, thirty: 30,
};

/** Words that say "one more", so they add to a line rather than set it. */
export const ONE_MORE_WORDS = new Set(['otra', 'otro', 'another']);

export interface QuantityAt {
  value: number;
  /** Tokens used, including a trailing "de"/"of" ("un par de"). */
  length: number;
}

/** A quantity word or phrase starting at token i (digits are handled by the caller). */
export function quantityWordAt(tokens: readonly Token[], i: number): QuantityAt | null {
  for (const phrase of PHRASES) {
    let ok = true;
    for (let k = 0; k < phrase.words.length; k++) {
      const t = tokens[i + k];
      if (!t || t.kind !== 'word' || t.text !== phrase.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      let length = phrase.words.length;
      const after = tokens[i + length];
      if (after && after.kind === 'word' && (after.text === 'de' || after.text === 'of')) length++;
      return { value: phrase.value, length };
    }
  }
  const t = tokens[i];
  if (t && t.kind === 'word') {
    const value = WORDS[t.text];
    if (value !== undefined) return { value, length: 1 };
  }
  return null;
}

export function isQuantityWord(word: string): boolean {
  return WORDS[word] !== undefined || word === 'par' || word === 'docena' || word === 'media';
}
