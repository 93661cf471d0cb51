// Looking ahead in an order's tokens: what starts at a position (a dish named for certain, a
// quantity followed by a dish), past fillers, "de" and number links. Pure reads of the tokens.
import type { Words } from '../lexicon/index.ts';
import { matchAt, type MenuIndex } from './menu-index.ts';
import { quantityWordAt } from './quantities.ts';
import type { Token } from './text-tokens.ts';

const NUMBER_LINKS = new Set(['de', 'del', 'el', 'la', 'x', 'numero', 'num', 'nº', 'n', 'las', 'los']);

export function lookahead(tokens: Token[], index: MenuIndex, lex: Words) {
  const FILLERS = lex.fillers;
  const SIZE_WORDS = lex.sizeWords;
  const isFiller = (t: Token | undefined) => !!t && t.kind === 'word' && FILLERS.has(t.text);
  const nextContent = (j: number) => {
    while (j < tokens.length && isFiller(tokens[j])) j++;
    return j;
  };
  const certainAt = (j: number): boolean => {
    const m = matchAt(tokens, j, index);
    return !!m && m.full;
  };
  /** The one dish named for certain at j (after "de"/"del"), if any. */
  const certainDishAt = (j: number): string | null => {
    while (tokens[j]?.text === 'de' || tokens[j]?.text === 'del') j++;
    const m = matchAt(tokens, j, index);
    return m && m.full && m.kind === 'certain' && m.itemIds.length === 1 ? (m.itemIds[0] ?? null) : null;
  };
  /** A quantity (digits or words) followed by a dish, or a dish, starts at j. */
  const dishStartsAt = (j: number, allowBareDish: boolean): boolean => {
    // Articles and fillers come before a dish too: "sin cebolla y unas bravas".
    const k = nextContent(j);
    if (k > j) return dishStartsAt(k, allowBareDish);
    const t = tokens[j];
    if (!t) return false;
    /** Past size words ("two large fries"). */
    const pastSizes = (k: number) => {
      while (tokens[k]?.kind === 'word' && SIZE_WORDS.has(tokens[k]?.text ?? '')) k = nextContent(k + 1);
      return k;
    };
    if (t.kind === 'word' && SIZE_WORDS.has(t.text)) return certainAt(pastSizes(nextContent(j + 1)));
    if (t.kind === 'num') return certainAt(pastSizes(nextContent(j + 1)));
    const q = quantityWordAt(tokens, j, lex);
    if (q) return certainAt(pastSizes(nextContent(j + q.length))) || tokens[nextContent(j + q.length)]?.kind === 'num';
    return allowBareDish && certainAt(j);
  };
  /** Past the words that link a number to its dish ("el 3", "2 del 5"). */
  function skipLinks(j: number): number {
    while (j < tokens.length && tokens[j]?.kind === 'word' && NUMBER_LINKS.has(tokens[j]?.text ?? '')) j++;
    return j;
  }
  return { isFiller, nextContent, certainAt, certainDishAt, dishStartsAt, skipLinks };
}
