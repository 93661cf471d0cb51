// Section names in an order and headings ("dos pizzas: una margarita y una barbacoa"): a heading
// followed by the dishes it introduces is not a dish of its own. Pure.
import { STOP_IN_NAMES, type MenuIndex } from './menu-index.ts';
import { sameWord, type Token } from './text-tokens.ts';
import { nearWord } from './typos.ts';
import type { Mention } from './mentions.ts';

/** A section name ("pizzas", "tacos", "bebidas") starting at token i. */
export function categoryAt(tokens: Token[], index: MenuIndex, i: number): { itemIds: string[]; end: number } | null {
  for (const c of index.categories) {
    let j = i;
    let k = 0;
    while (k < c.tokens.length && j < tokens.length) {
      const tok = tokens[j];
      if (!tok || tok.kind !== 'word') break;
      if (k > 0 && STOP_IN_NAMES.has(tok.text)) {
        j++;
        continue;
      }
      const w = c.tokens[k] ?? '';
      if (!sameWord(tok.text, w) && !nearWord(tok.text, w)) break;
      k++;
      j++;
    }
    if (k === c.tokens.length) return { itemIds: c.itemIds, end: j };
  }
  return null;
}

/**
 * "dos pizzas: una margarita y una barbacoa", "2 hamburguesas, una clásica y una doble": a plural
 * or colon-led heading followed by dishes it could mean is not a dish of its own. What the dishes
 * after it do not cover ("tres pizzas: una margarita") is still asked about. Edits `list` in place.
 */
export function resolveHeadings(list: Mention[], headings: ReadonlySet<Mention>, headingScope: ReadonlyMap<Mention, Set<string>>): void {
  for (let k = 0; k < list.length; k++) {
    const h = list[k];
    if (!h || h.itemId !== null || h.mode !== 'add' || !headings.has(h)) continue;
    let covered = 0;
    let n = k + 1;
    while (n < list.length) {
      const m = list[n];
      if (!m || m.mode !== 'add') break;
      const scope = headingScope.get(h) ?? new Set(h.candidates);
      // "dos durums: uno de pollo y otro mixto": under the heading, "de pollo" is the durum one.
      if (!m.itemId) {
        const within = m.candidates.filter((id) => scope.has(id));
        if (within.length > 0) m.candidates = within;
      }
      const ids = m.itemId ? [m.itemId] : m.candidates;
      if (ids.length === 0 || !ids.every((id) => scope.has(id))) break;
      covered += m.quantity;
      n++;
    }
    if (covered === 0) continue;
    // Under a heading, "una sencilla" can only be the one quesadilla it partly names.
    for (const m of list.slice(k + 1, n)) {
      if (m.itemId === null && m.candidates.length === 1) {
        m.itemId = m.candidates[0] ?? null;
        m.candidates = [];
      }
    }
    if (covered >= h.quantity || !h.explicitQuantity) {
      list.splice(k, 1);
      k--;
    } else h.quantity -= covered;
  }
}
