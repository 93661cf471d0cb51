// The menu editor's operations on a draft menu: categories and dishes added, renamed, moved,
// duplicated and removed, with ids that stay unique. Pure: each returns a new menu.
import type { Menu, MenuCategory, MenuItem, OptionGroup } from '../../../shared/menu.ts';
import { foldText } from '../../../shared/text.ts';

/** "Hamburguesa clásica" → "hamburguesa-clasica", made unique against `taken`. */
export function slugId(name: string, taken: ReadonlySet<string>, fallback = 'plato'): string {
  const base =
    foldText(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function itemIds(menu: Menu): Set<string> {
  return new Set(menu.categories.flatMap((c) => c.items.map((i) => i.id)));
}

const categoryIds = (menu: Menu) => new Set(menu.categories.map((c) => c.id));

function mapCategory(menu: Menu, ci: number, fn: (c: MenuCategory) => MenuCategory): Menu {
  return { ...menu, categories: menu.categories.map((c, i) => (i === ci ? fn(c) : c)) };
}

function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved!);
  return next;
}

export function addCategory(menu: Menu, name: string): Menu {
  return { ...menu, categories: [...menu.categories, { id: slugId(name, categoryIds(menu), 'categoria'), name, items: [] }] };
}

export function renameCategory(menu: Menu, ci: number, name: string): Menu {
  return mapCategory(menu, ci, (c) => ({ ...c, name }));
}

export function removeCategory(menu: Menu, ci: number): Menu {
  return { ...menu, categories: menu.categories.filter((_, i) => i !== ci) };
}

export function moveCategory(menu: Menu, ci: number, delta: number): Menu {
  return { ...menu, categories: move(menu.categories, ci, delta) };
}

/** A new dish at the end of the category; returns the menu and the new dish's id. */
export function addDish(menu: Menu, ci: number, name: string, price = 0): { menu: Menu; id: string } {
  const id = slugId(name, itemIds(menu));
  return { menu: mapCategory(menu, ci, (c) => ({ ...c, items: [...c.items, { id, name, price }] })), id };
}

export function updateDish(menu: Menu, ci: number, ii: number, patch: Partial<MenuItem>): Menu {
  return mapCategory(menu, ci, (c) => ({ ...c, items: c.items.map((item, i) => (i === ii ? { ...item, ...patch } : item)) }));
}

/**
 * A dish not saved yet takes its id from its name as it is typed; a saved dish keeps its id (past
 * orders and the cloud refer to it).
 */
export function renameDish(menu: Menu, ci: number, ii: number, name: string, fresh: boolean): Menu {
  const item = menu.categories[ci]?.items[ii];
  if (!item) return menu;
  if (!fresh) return updateDish(menu, ci, ii, { name });
  const taken = itemIds(menu);
  taken.delete(item.id);
  return updateDish(menu, ci, ii, { name, id: slugId(name, taken) });
}

export function moveDish(menu: Menu, ci: number, ii: number, delta: number): Menu {
  return mapCategory(menu, ci, (c) => ({ ...c, items: move(c.items, ii, delta) }));
}

export function removeDish(menu: Menu, ci: number, ii: number): Menu {
  return mapCategory(menu, ci, (c) => ({ ...c, items: c.items.filter((_, i) => i !== ii) }));
}

/** A copy right below the original, with a new id and "(copia)" in its name. */
export function duplicateDish(menu: Menu, ci: number, ii: number, copyName: (name: string) => string): { menu: Menu; id: string } {
  const item = menu.categories[ci]?.items[ii];
  if (!item) return { menu, id: '' };
  const name = copyName(item.name);
  const id = slugId(name, itemIds(menu));
  const copy: MenuItem = { ...structuredClone(item), id, name };
  return { menu: mapCategory(menu, ci, (c) => ({ ...c, items: [...c.items.slice(0, ii + 1), copy, ...c.items.slice(ii + 1)] })), id };
}

/** "clasica, burger clásica," → ["clasica", "burger clásica"]. */
export function parseAliases(text: string): string[] {
  return text
    .split(/[,;|]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export function dishCount(menu: Menu): number {
  return menu.categories.reduce((n, c) => n + c.items.length, 0);
}

// ——— Option groups (sizes, extras) ———

export function addOptionGroup(item: MenuItem, name: string, choiceName: string): MenuItem {
  const groups = item.options ?? [];
  const id = slugId(name, new Set(groups.map((g) => g.id)), 'opciones');
  return { ...item, options: [...groups, { id, name, required: false, max: 1, choices: [{ id: slugId(choiceName, new Set(), 'opcion'), name: choiceName, price: 0 }] }] };
}

export function updateOptionGroup(item: MenuItem, gi: number, patch: Partial<OptionGroup>): MenuItem {
  return { ...item, options: (item.options ?? []).map((g, i) => (i === gi ? { ...g, ...patch } : g)) };
}

export function removeOptionGroup(item: MenuItem, gi: number): MenuItem {
  const options = (item.options ?? []).filter((_, i) => i !== gi);
  const { options: _old, ...rest } = item;
  return options.length ? { ...rest, options } : rest;
}

export function addChoice(item: MenuItem, gi: number, name: string): MenuItem {
  const group = item.options?.[gi];
  if (!group) return item;
  const id = slugId(name, new Set(group.choices.map((c) => c.id)), 'opcion');
  return updateOptionGroup(item, gi, { choices: [...group.choices, { id, name, price: 0 }] });
}

export function updateChoice(item: MenuItem, gi: number, ci: number, patch: { name?: string; price?: number }): MenuItem {
  const group = item.options?.[gi];
  if (!group) return item;
  return updateOptionGroup(item, gi, { choices: group.choices.map((c, i) => (i === ci ? { ...c, ...patch } : c)) });
}

export function removeChoice(item: MenuItem, gi: number, ci: number): MenuItem {
  const group = item.options?.[gi];
  if (!group) return item;
  return updateOptionGroup(item, gi, { choices: group.choices.filter((_, i) => i !== ci) });
}
