// Reading a menu from a file: Comanda's own JSON (validated whole, like the host does) or a CSV
// `category,name,price,aliases` (papaparse reads the CSV; each bad row is reported by its number).
// Pure: nothing is applied until the owner accepts the preview.
import Papa from 'papaparse';
import { parseMenu, type Menu, type MenuCategory } from '../../../shared/menu.ts';
import { parseAmount } from './amount.ts';
import { slugId, parseAliases } from './menu-draft.ts';

export type CsvProblem = 'category' | 'name' | 'price' | 'negative' | 'columns';

export interface ImportPreview {
  kind: 'csv' | 'json';
  /** The dishes read, by category (for a JSON file: the whole menu's). */
  categories: MenuCategory[];
  /** JSON only: the whole document, terms included. */
  menu?: Menu;
  /** Rows as numbered in a spreadsheet (the header is row 1). */
  errors: { row: number; problem: CsvProblem }[];
  /** JSON that is not a menu: the reason, and nothing to apply. */
  invalid?: string;
}

const MAX_FILE_CHARS = 2_000_000;

export function looksLikeJson(fileName: string, text: string): boolean {
  return /\.json$/i.test(fileName) || /^\s*[{[]/.test(text);
}

export function importMenuFile(fileName: string, text: string): ImportPreview {
  if (text.length > MAX_FILE_CHARS) return { kind: looksLikeJson(fileName, text) ? 'json' : 'csv', categories: [], errors: [], invalid: 'the file is larger than 2 MB' };
  return looksLikeJson(fileName, text) ? importJson(text) : importCsv(text);
}

export function importJson(text: string): ImportPreview {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: 'json', categories: [], errors: [], invalid: e instanceof Error ? e.message : 'not JSON' };
  }
  const parsed = parseMenu(data);
  if (!parsed.ok) return { kind: 'json', categories: [], errors: [], invalid: parsed.error.replace(/^invalid menu: /, '') };
  return { kind: 'json', categories: parsed.menu.categories, menu: parsed.menu, errors: [] };
}

export function importCsv(text: string): ImportPreview {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = result.meta.fields ?? [];
  if (!['category', 'name', 'price'].every((f) => fields.includes(f))) return { kind: 'csv', categories: [], errors: [{ row: 1, problem: 'columns' }] };

  const categories: MenuCategory[] = [];
  const byName = new Map<string, MenuCategory>();
  const taken = new Set<string>();
  const errors: ImportPreview['errors'] = [];
  // More cells than columns: usually a price written 9,50 without quotes, which would read as 9.
  const overfull = new Set(result.errors.filter((e) => e.code === 'TooManyFields' && e.row !== undefined).map((e) => e.row!));
  result.data.forEach((record, index) => {
    const row = index + 2;
    if (overfull.has(index)) return void errors.push({ row, problem: 'columns' });
    const category = (record.category ?? '').trim();
    const name = (record.name ?? '').trim();
    const price = parseAmount(record.price ?? '');
    if (!category) return void errors.push({ row, problem: 'category' });
    if (!name) return void errors.push({ row, problem: 'name' });
    if (price === null) return void errors.push({ row, problem: 'price' });
    if (price < 0) return void errors.push({ row, problem: 'negative' });
    let target = byName.get(category.toLowerCase());
    if (!target) {
      target = { id: slugId(category, new Set(categories.map((c) => c.id)), 'categoria'), name: category, items: [] };
      byName.set(category.toLowerCase(), target);
      categories.push(target);
    }
    const id = slugId(name, taken);
    taken.add(id);
    const aliases = parseAliases(record.aliases ?? '');
    target.items.push({ id, name, price, ...(aliases.length ? { aliases } : {}) });
  });
  return { kind: 'csv', categories, errors };
}

/** The menu after accepting a preview: a JSON file replaces everything, a CSV the dishes only. */
export function applyImport(current: Menu, preview: ImportPreview): Menu {
  if (preview.menu) return preview.menu;
  return { ...current, categories: preview.categories };
}

/** The file a menu exports to: the same JSON the host and the cloud take. */
export function exportMenuJson(menu: Menu): string {
  return `${JSON.stringify(menu, null, 2)}\n`;
}

export function exportFileName(menu: Menu): string {
  return `menu-${slugId(menu.restaurant, new Set(), 'comanda')}.json`;
}
