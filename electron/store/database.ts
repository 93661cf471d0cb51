// Opens the local SQLite database (the source of truth) and brings its schema up to date.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';

export type Database = DatabaseSync;

export interface OpenDatabaseOptions {
  /** FULL survives power loss as well as a killed process; NORMAL only the latter. */
  synchronous?: 'FULL' | 'NORMAL';
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`);
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const current = row.user_version;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the database was written by a newer Comanda (schema ${current}, this one knows ${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    withTransaction(db, () => {
      db.exec(MIGRATIONS[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}

/** Runs fn in one IMMEDIATE transaction; nested calls join the outer one. */
export function withTransaction<T>(db: Database, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const MAX_CACHED_STATEMENTS = 256;
const statementCaches = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/**
 * A prepared statement, reused. Preparing per call leaves native statements alive until V8 happens
 * to collect their small JS wrappers, and V8 does not see that native memory: the host's RSS grew
 * by hundreds of MB over 10,000 orders before statements were cached.
 */
export function statement(db: DatabaseSync, sql: string): StatementSync {
  let cache = statementCaches.get(db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  const cached = cache.get(sql);
  if (cached) {
    // Move to the back: the map's order is the least-recently-used order.
    cache.delete(sql);
    cache.set(sql, cached);
    return cached;
  }
  const prepared = db.prepare(sql);
  cache.set(sql, prepared);
  if (cache.size > MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
  return prepared;
}
