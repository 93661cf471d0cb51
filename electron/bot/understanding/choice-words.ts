// How the bot reads choice words: a word that names one of a dish's own choices ("sencillas" for
// "Sencilla", "medias" for "Media ración"), plurals and typos included. Pure.
import type { MenuIndex } from './menu-index.ts';
import { sameWord } from './text-tokens.ts';
import { nearWord } from './typos.ts';

/** `word` names one of the dish's own choices. */
export function isChoiceWord(index: MenuIndex, itemId: string | null | undefined, word: string): boolean {
  if (!itemId) return false;
  const set = index.choiceWords.get(itemId);
  if (!set) return false;
  if (set.has(word)) return true;
  for (const w of set) if (sameWord(word, w) || (word.length >= 5 && w.length >= 5 && nearWord(word, w))) return true;
  return false;
}
