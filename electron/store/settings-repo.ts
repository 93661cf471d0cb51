// The key/value `settings` table (migration 1): small JSON documents the host keeps across
// restarts — the kitchen's settings, the orders pause, the owner PIN's hash, the first-run state.
import { statement, type Database } from './database.ts';

export class SettingsRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The stored value, or undefined when the key was never written (or holds unreadable JSON). */
  get<T>(key: string): T | undefined {
    const row = statement(this.db, 'SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value_json) as T;
    } catch {
      return undefined;
    }
  }

  has(key: string): boolean {
    return statement(this.db, 'SELECT 1 AS present FROM settings WHERE key = ?').get(key) !== undefined;
  }

  set(key: string, value: unknown): void {
    statement(this.db, 'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(
      key,
      JSON.stringify(value),
    );
  }

  delete(key: string): void {
    statement(this.db, 'DELETE FROM settings WHERE key = ?').run(key);
  }
}
