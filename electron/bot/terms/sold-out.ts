// Dishes the kitchen marked sold out (`available: false`): a customer who asks for one is told so
// and offered the rest of its section. The bot never sells them. Pure.
import type { Menu, MenuItem } from '../../../shared/menu.ts';
import { foldText } from '../../../shared/text.ts';
import { matchAt, menuIndex, type MenuIndex } from '../understanding/menu-index.ts';
import { tokenize } from '../understanding/text-tokens.ts';

interface SoldOut {
  index: MenuIndex;
  /** The section's dishes still on sale, per sold-out dish. */
  others: Map<string, MenuItem[]>;
}

const cache = new WeakMap<Menu, SoldOut | null>();

function soldOutOf(menu: Menu): SoldOut | null {
  if (cache.has(menu)) return cache.get(menu) ?? null;
  const categories = menu.categories
    .map((c) => ({ ...c, items: c.items.filter((i) => i.available === false).map((i) => ({ ...i, available: true })) }))
    .filter((c) => c.items.length > 0);
  let found: SoldOut | null = null;
  if (categories.length > 0) {
    const others = new Map<string, MenuItem[]>();
    for (const c of menu.categories) {
      const onSale = c.items.filter((i) => i.available !== false);
      for (const i of c.items) if (i.available === false) others.set(i.id, onSale);
    }
    found = { index: menuIndex({ ...menu, categories }), others };
  }
  cache.set(menu, found);
  return found;
}

/** The sold-out dish the customer's words name in full, if any. */
export function soldOutNamed(menu: Menu, words: string): { item: MenuItem; others: MenuItem[] } | null {
  const soldOut = soldOutOf(menu);
  if (!soldOut) return null;
  const tokens = tokenize(foldText(words));
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(tokens, i, soldOut.index);
    if (m && m.full && m.itemIds.length === 1) {
      const item = soldOut.index.byId.get(m.itemIds[0] ?? '');
      if (item) return { item, others: soldOut.others.get(item.id) ?? [] };
    }
  }
  return null;
}
