// The menu the bot sells from: the restaurant's file (or the sample), replaceable at run time
// (the cloud issue feeds config/menu through replace()). An invalid menu never replaces a good one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMenu, type Menu } from '../../shared/menu.ts';

export const SAMPLE_MENU_PATH = fileURLToPath(new URL('../assets/sample-menu.json', import.meta.url));

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

export class MenuSource {
  private menu: Menu;
  private readonly listeners = new Set<(menu: Menu) => void>();

  constructor(initial: Menu) {
    this.menu = initial;
  }

  current(): Menu {
    return this.menu;
  }

  /** Validates and swaps in a new menu; returns the reason when it is refused. */
  replace(input: unknown): { ok: true } | { ok: false; error: string } {
    const result = parseMenu(input);
    if (!result.ok) return result;
    this.menu = result.menu;
    for (const listener of this.listeners) listener(this.menu);
    return { ok: true };
  }

  onChange(listener: (menu: Menu) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
