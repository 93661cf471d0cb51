// The menu as the bot searches it: every dish's names (name, name without size or bracket, id,
// aliases) as folded tokens, and the best dish for the words at a position, with how sure the match
// is. Typos are judged by typos.ts. Pure.
import { menuItems, type Menu, type MenuItem } from '../../../shared/menu.ts';
import { foldText } from '../../../shared/text.ts';
import { wordsFor, type Words } from '../lexicon/index.ts';
import { sameWord, tokenize, type Token } from './text-tokens.ts';
import { nearWord } from './typos.ts';
import { choiceWords } from './dish-options.ts';

export interface MenuIndex {
  /** Available items in menu order; item n on the menu is items[n - 1]. */
  items: MenuItem[];
  byId: Map<string, MenuItem>;
  variants: { itemId: string; tokens: string[] }[];
  /** Longest variant (in tokens) per item, to notice "fanta de limón" against "Fanta de naranja". */
  longest: Map<string, number>;
  /** Section names ("Tacos", "Bebidas") with their dishes: "3 tacos" asks which ones. */
  categories: { tokens: string[]; itemIds: string[] }[];
  /** The words of each dish's option choices ("grande", "tinga"): said after the dish, they are its options. */
  choiceWords: Map<string, Set<string>>;
}


/** Small words skipped inside dish names ("Pizza de la casa"). */
export const STOP_IN_NAMES = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y', 'e', 'con', 'a', 'al', 'en', 'the', 'of', 'and', 'with', 'uds', 'ud', 'u', 'or']);

const AND_WORDS = new Set(['y', 'e', 'and']);

const indexCache = new WeakMap<Menu, MenuIndex>();

export function nameTokens(text: string): string[] {
  return tokenize(foldText(text))
    .filter((t) => t.kind === 'word' || t.kind === 'num')
    .map((t) => t.text)
    .filter((w) => !STOP_IN_NAMES.has(w));
}

export function menuIndex(menu: Menu): MenuIndex {
  const cached = indexCache.get(menu);
  if (cached) return cached;
  const items = menuItems(menu);
  const byId = new Map(items.map((i) => [i.id, i] as const));
  const variants: MenuIndex['variants'] = [];
  const longest = new Map<string, number>();
  for (const item of items) {
    // The name without a bracket or a size ("Coca-Cola 33cl", "Croquetas (6 uds)") is how people say it.
    const bare = item.name.replace(/\([^)]*\)/g, ' ');
    const unsized = bare.replace(/(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?\s?(?:cl|ml|l|lt|litros?|g|gr|kg|oz|uds?|unidades|piezas|pzas|pcs)(?![\p{L}\p{N}])/giu, ' ');
    const texts = [item.name, bare, unsized, item.id.replace(/[-_.]+/g, ' '), ...(item.aliases ?? [])];
    const seen = new Set<string>();
    for (const text of texts) {
      const tokens = nameTokens(text);
      const key = tokens.join(' ');
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      variants.push({ itemId: item.id, tokens });
      longest.set(item.id, Math.max(longest.get(item.id) ?? 0, tokens.length));
    }
  }
  const categories = menu.categories
    .map((c) => ({ tokens: nameTokens(c.name), itemIds: c.items.filter((i) => i.available !== false).map((i) => i.id) }))
    .filter((c) => c.tokens.length > 0 && c.itemIds.length > 0);
  const choiceWordsOf = new Map(items.filter((i) => i.options?.length).map((i) => [i.id, choiceWords(i)] as const));
  const index = { items, byId, variants, longest, categories, choiceWords: choiceWordsOf };
  indexCache.set(menu, index);
  return index;
}

interface VariantHit {
  consumed: number;
  end: number;
  full: boolean;
  exact: number;
}

function matchVariant(tokens: readonly Token[], i: number, variant: readonly string[]): VariantHit | null {
  const used = variant.map(() => false);
  let j = i;
  let consumed = 0;
  let exact = 0;
  let end = i;
  /** An "y"/"and" or a comma was skipped since the last word of the name. */
  let afterAnd = false;
  while (j < tokens.length && consumed < variant.length) {
    const t = tokens[j];
    if (!t || t.kind === 'sep' || t.kind === 'xnum') break;
    if (consumed > 0 && (t.kind === 'soft' || STOP_IN_NAMES.has(t.text))) {
      if (t.kind === 'soft' || AND_WORDS.has(t.text)) afterAnd = true;
      j++;
      continue;
    }
    // "5 de pastor y 5 de bistec": after "y", a number starts the next dish's quantity, even when a
    // name holds a number ("Orden de pastor (5 tacos)").
    if (afterAnd && t.kind === 'num') break;
    if (t.kind === 'soft') break;
    // "cocacola" against "Coca-Cola", and "coca cola" against an alias "cocacola".
    const joined = variant.findIndex((w, k) => !used[k] && !used[k + 1] && k + 1 < variant.length && sameWord(t.text, w + (variant[k + 1] ?? '')));
    if (joined >= 0) {
      used[joined] = true;
      used[joined + 1] = true;
      consumed += 2;
      exact += 2;
      j++;
      end = j;
      continue;
    }
    const next = tokens[j + 1];
    const split = next && next.kind === 'word' ? variant.findIndex((w, k) => !used[k] && w.length > t.text.length && w === t.text + next.text) : -1;
    if (split >= 0) {
      used[split] = true;
      consumed++;
      exact++;
      j += 2;
      end = j;
      continue;
    }
    let hit = variant.findIndex((w, k) => !used[k] && sameWord(t.text, w));
    let isExact = true;
    if (hit < 0) {
      hit = variant.findIndex((w, k) => !used[k] && nearWord(t.text, w));
      isExact = false;
    }
    if (hit < 0) break;
    // "a cheeseburger and a double": after "and", a word that comes before those already matched
    // in the name starts another dish ("jamón y queso" keeps its order).
    if (afterAnd && used.some((u, k) => u && k > hit)) break;
    used[hit] = true;
    consumed++;
    if (isExact) exact++;
    j++;
    end = j;
  }
  if (consumed === 0) return null;
  return { consumed, end, full: consumed === variant.length, exact };
}

export interface ItemMatch {
  kind: 'certain' | 'confirm' | 'choose';
  itemIds: string[];
  end: number;
  full: boolean;
}

/** The best dish (or the tied candidates) whose name starts at token i. */
export function matchAt(tokens: readonly Token[], i: number, index: MenuIndex): ItemMatch | null {
  const first = tokens[i];
  if (!first || first.kind !== 'word' && first.kind !== 'num') return null;
  const best = new Map<string, VariantHit>();
  for (const v of index.variants) {
    const hit = matchVariant(tokens, i, v.tokens);
    if (!hit) continue;
    if (!hit.full) {
      // A partial match needs a real word: not a bare number, not a two-letter scrap.
      const words = tokens.slice(i, hit.end).filter((t) => t.kind === 'word' && t.text.length >= 3 && !STOP_IN_NAMES.has(t.text));
      if (words.length === 0) continue;
    }
    const prev = best.get(v.itemId);
    if (!prev || compareHits(hit, prev) < 0) best.set(v.itemId, hit);
  }
  if (best.size === 0) return null;
  const ranked = [...best.entries()].sort((a, b) => compareHits(a[1], b[1]));
  const top = ranked[0];
  if (!top) return null;
  const tied = ranked.filter(([, h]) => compareHits(h, top[1]) === 0);
  const end = Math.max(...tied.map(([, h]) => h.end));
  if (tied.length > 1) return { kind: 'choose', itemIds: tied.map(([id]) => id), end, full: top[1].full };
  // Two or more of a dish's words, exactly, and no other dish as close ("margarita familiar" for
  // "Pizza margarita familiar"): the words left out did not tell it apart from anything.
  // A whole name with a typo or two ("napolitna", "fugaceta") and no other dish as close: that dish.
  const typoOnly = top[1].full && top[1].exact === 0 && ranked.length === 1 && tokens.slice(i, top[1].end).every((t) => t.kind !== 'word' || t.text.length >= 6);
  const certain = (top[1].full && top[1].exact >= 1) || (top[1].consumed >= 2 && top[1].exact >= 2) || typoOnly;
  return { kind: certain ? 'certain' : 'confirm', itemIds: [top[0]], end, full: top[1].full };
}

function compareHits(a: VariantHit, b: VariantHit): number {
  if (a.consumed !== b.consumed) return b.consumed - a.consumed;
  if (a.full !== b.full) return a.full ? -1 : 1;
  return b.exact - a.exact;
}

/** A category named by the whole message ("bebidas", "las pizzas"), if any. */
export function categoryNamed(menu: Menu, text: string, lex: Words = wordsFor()): number | null {
  const words = nameTokens(text).filter((w) => !lex.fillers.has(w));
  if (words.length === 0) return null;
  const visible = visibleCategories(menu);
  for (let k = 0; k < visible.length; k++) {
    const cat = visible[k];
    if (!cat) continue;
    const name = nameTokens(cat.name);
    if (name.length === words.length && name.every((w, n) => sameWord(words[n] ?? '', w))) return k;
  }
  return null;
}

/** Categories that have at least one available item, in menu order. */
export function visibleCategories(menu: Menu): Menu['categories'] {
  return menu.categories.filter((c) => c.items.some((i) => i.available !== false));
}
