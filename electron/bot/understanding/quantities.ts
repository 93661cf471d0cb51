// Quantities and dish units in the region's words: "dos", "un par de", "media docena", "una orden
// de", "a couple of". The words themselves are in the lexicon (lexicon/*.ts). Pure.
import { wordsFor, type Words } from '../lexicon/index.ts';
import type { Token } from './text-tokens.ts';

/** The most of one dish a chat order takes; more is a question for a person. */
export const MAX_QUANTITY = 50;

export interface QuantityAt {
  value: number;
  /** Tokens used, including a trailing "de"/"of" ("un par de"). */
  length: number;
}

/** A quantity word or phrase starting at token i (digits are handled by the caller). */
export function quantityWordAt(tokens: readonly Token[], i: number, words: Words = wordsFor()): QuantityAt | null {
  for (const phrase of words.quantityPhrases) {
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
    const value = words.quantityWords.get(t.text);
    if (value !== undefined) return { value, length: 1 };
  }
  return null;
}

export function isQuantityWord(word: string, words: Words = wordsFor()): boolean {
  return words.quantityWords.has(word) || word === 'par' || word === 'docena' || word === 'media';
}
