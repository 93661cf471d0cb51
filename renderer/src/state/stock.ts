// Sold-out dishes, from the menu. Pure.
import type { Menu, MenuItem } from '../../../shared/menu.ts';

export interface StockItem {
  id: string;
  name: string;
  category: string;
  available: boolean;
}

const toStock = (item: MenuItem, category: string): StockItem => ({ id: item.id, name: item.name, category, available: item.available !== false });

/** Every dish on the menu with its category, in menu order. */
export function stockItems(menu: Menu | null): StockItem[] {
  if (!menu) return [];
  return menu.categories.flatMap((c) => c.items.map((i) => toStock(i, c.name)));
}

export function soldOutItems(menu: Menu | null): StockItem[] {
  return stockItems(menu).filter((i) => !i.available);
}

export function findStockItem(menu: Menu | null, itemId: string): StockItem | undefined {
  if (!menu) return undefined;
  for (const c of menu.categories) {
    const item = c.items.find((i) => i.id === itemId);
    if (item) return toStock(item, c.name);
  }
  return undefined;
}
