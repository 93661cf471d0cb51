// The stored menu (migration 5): one row holding the whole document as last written.
import { statement, type Database } from './database.ts';

export type MenuOrigin = 'sample' | 'file' | 'editor' | 'cloud';

export interface StoredMenu {
  /** The document as written (validated again when read, so a newer schema's defaults apply). */
  document: unknown;
  origin: MenuOrigin;
  storedAt: number;
}

/** Settings-table key holding the sha256 of the last menu imported at start (--menu). */
const IMPORT_KEY = 'menu.imported';

export class MenuRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(): StoredMenu | undefined {
    const row = statement(this.db, 'SELECT document_json, origin, stored_at FROM menu WHERE id = 1').get() as
      | { document_json: string; origin: MenuOrigin; stored_at: number }
      | undefined;
    if (!row) return undefined;
    return { document: JSON.parse(row.document_json) as unknown, origin: row.origin, storedAt: row.stored_at };
  }

  put(document: { updatedAt?: string | undefined }, origin: MenuOrigin, now: number): void {
    statement(
      this.db,
      `INSERT INTO menu (id, document_json, updated_at, origin, stored_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET document_json = excluded.document_json, updated_at = excluded.updated_at,
         origin = excluded.origin, stored_at = excluded.stored_at`,
    ).run(JSON.stringify(document), document.updatedAt ?? null, origin, now);
  }

  /** The fingerprint of the menu file imported last (see MenuSource.open). */
  importedFingerprint(): string | undefined {
    const row = statement(this.db, 'SELECT value_json FROM settings WHERE key = ?').get(IMPORT_KEY) as { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as string) : undefined;
  }

  setImportedFingerprint(fingerprint: string): void {
    statement(this.db, 'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(
      IMPORT_KEY,
      JSON.stringify(fingerprint),
    );
  }
}
