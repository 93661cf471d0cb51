// The cloud's own tables in the host's SQLite database. Versioned separately from the store's
// schema (PRAGMA user_version belongs to electron/store), in cloud_schema_version.
import type { DatabaseSync } from 'node:sqlite';

export const CLOUD_MIGRATIONS: readonly string[] = [
  `CREATE TABLE cloud_sync_queue (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     order_id TEXT NOT NULL,
     payload TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX cloud_sync_queue_order ON cloud_sync_queue(order_id, seq);
   CREATE TABLE cloud_kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE cloud_commands (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     claimed_at INTEGER NOT NULL,
     finished_at INTEGER
   );`,
];

export function migrateCloud(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS cloud_schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM cloud_schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > CLOUD_MIGRATIONS.length) {
    throw new Error(`the cloud tables were written by a newer Comanda (schema ${current})`);
  }
  for (let version = current; version < CLOUD_MIGRATIONS.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(CLOUD_MIGRATIONS[version]!);
      db.exec('DELETE FROM cloud_schema_version');
      db.prepare('INSERT INTO cloud_schema_version (version) VALUES (?)').run(version + 1);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** A small key/value table for the cloud's local state (menu cache, alert times, lease). */
export class CloudKv {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }
  get<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM cloud_kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
  set(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO cloud_kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }
}
