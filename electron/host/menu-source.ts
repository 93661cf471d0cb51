// The menu the bot sells from, kept in SQLite (migration 5). At start `--menu FILE` (or a menu
// object from a test) replaces the stored one; without it the stored menu is used, and the sample
// only on a fresh data directory. The same file given again (a service that always starts with
// --menu) is not imported twice: the owner's edits since (out of stock, the editor) stay. Every local change (the editor, out of stock) is stamped with
// `updatedAt`, stored and announced; the cloud's menu keeps its own stamp (last writer wins, see
// electron/cloud/menu-sync.ts). An invalid menu never replaces a good one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMenu, type Menu, type MenuItem } from '../../shared/menu.ts';
import type { MenuOrigin, MenuRepo } from '../store/menu-repo.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';

export const SAMPLE_MENU_PATH = fileURLToPath(new URL('../assets/sample-menu.json', import.meta.url));

export type { MenuOrigin };

export class MenuError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MenuError';
  }
}

export function loadMenuFile(path: string): Menu {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MenuError(`cannot read the menu file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new MenuError(`the menu file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = parseMenu(json);
  if (!result.ok) throw new MenuError(`${path}: ${result.error}`);
  return result.menu;
}

export interface MenuPersistence {
  repo: MenuRepo;
  clock: Clock;
}

export interface MenuOpenOptions extends MenuPersistence {
  logger: Logger;
  /** A menu file given at start (--menu): replaces the stored menu. */
  importPath?: string;
  /** A menu object given at start (tests): replaces the stored menu. */
  importMenu?: Menu;
}

export type MenuListener = (menu: Menu, origin: MenuOrigin) => void;

export class MenuSource {
  private menu: Menu;
  private readonly persistence: MenuPersistence | undefined;
  private readonly listeners = new Set<MenuListener>();

  /** Without persistence the menu lives in memory only (unit tests of the parts that read it). */
  constructor(initial: Menu, persistence?: MenuPersistence) {
    this.menu = initial;
    this.persistence = persistence;
  }

  /** The start-up rule: an imported menu replaces the stored one; else the stored; else the sample. */
  static open(options: MenuOpenOptions): MenuSource {
    const { repo, clock, logger } = options;
    const imported = options.importMenu ?? (options.importPath !== undefined ? loadMenuFile(options.importPath) : undefined);
    const stored = repo.get();
    if (imported) {
      const parsed = parseMenu(imported);
      if (!parsed.ok) throw new MenuError(parsed.error);
      const fingerprint = createHash('sha256').update(JSON.stringify(parsed.menu)).digest('hex');
      const storedMenu = stored ? parseMenu(stored.document) : undefined;
      if (storedMenu?.ok && repo.importedFingerprint() === fingerprint) return new MenuSource(storedMenu.menu, options);
      repo.put(parsed.menu, 'file', clock.now());
      repo.setImportedFingerprint(fingerprint);
      return new MenuSource(parsed.menu, options);
    }
    if (stored) {
      const parsed = parseMenu(stored.document);
      if (parsed.ok) return new MenuSource(parsed.menu, options);
      // Left in the database for support; the sample keeps the bot answering meanwhile.
      logger.error('stored menu rejected; the sample menu is used until a good one is saved', { error: parsed.error });
      return new MenuSource(loadMenuFile(SAMPLE_MENU_PATH), options);
    }
    const sample = loadMenuFile(SAMPLE_MENU_PATH);
    repo.put(sample, 'sample', clock.now());
    return new MenuSource(sample, options);
  }

  current(): Menu {
    return this.menu;
  }

  /**
   * Validates and swaps in a new menu, stored and announced. A local edit ('editor', the default)
   * is stamped with a fresh `updatedAt`; the cloud's menu ('cloud') keeps the stamp it came with.
   * Returns the reason when the menu is refused (and nothing changes).
   */
  replace(input: unknown, origin: MenuOrigin = 'editor'): { ok: true; menu: Menu } | { ok: false; error: string } {
    const result = parseMenu(input);
    if (!result.ok) return result;
    const menu = origin === 'cloud' ? result.menu : { ...result.menu, updatedAt: this.nextStamp() };
    this.commit(menu, origin);
    return { ok: true, menu };
  }

  /** Sold out (false) or back (true); undefined for an unknown id. A local edit like any other. */
  setAvailability(itemId: string, available: boolean): MenuItem | undefined {
    let found: MenuItem | undefined;
    const categories = this.menu.categories.map((category) => ({
      ...category,
      items: category.items.map((item) => {
        if (item.id !== itemId) return item;
        found = { ...item, available };
        return found;
      }),
    }));
    if (!found) return undefined;
    this.commit({ ...this.menu, categories, updatedAt: this.nextStamp() }, 'editor');
    return found;
  }

  onChange(listener: MenuListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(menu: Menu, origin: MenuOrigin): void {
    this.persistence?.repo.put(menu, origin, this.persistence.clock.now());
    this.menu = menu;
    for (const listener of [...this.listeners]) listener(menu, origin);
  }

  /** Now, but always after the current stamp, so the newest local edit wins even within one millisecond. */
  private nextStamp(): string {
    const now = this.persistence?.clock.now() ?? Date.now();
    const previous = this.menu.updatedAt ? Date.parse(this.menu.updatedAt) : Number.NEGATIVE_INFINITY;
    return new Date(Math.max(now, previous + 1)).toISOString();
  }
}
