// The catch-up's memory: per WhatsApp chat, the time up to which the host has handled it, and the
// floor for chats it never handled. Cursors only move forward; they are written in the same
// transaction as the messages they cover, so a crash never skips or repeats a chat.
import { statement, type Database } from './database.ts';

export class CatchUpRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Every chat's cursor (epoch ms), for the engine's listing. */
  cursors(): Record<string, number> {
    const rows = statement(this.db, 'SELECT chat_id, at FROM chat_cursors').all() as { chat_id: string; at: number }[];
    const cursors: Record<string, number> = {};
    for (const row of rows) cursors[row.chat_id] = row.at;
    return cursors;
  }

  cursor(chatId: string): number | undefined {
    const row = statement(this.db, 'SELECT at FROM chat_cursors WHERE chat_id = ?').get(chatId) as { at: number } | undefined;
    return row?.at;
  }

  /** Moves a chat's cursor forward to `at` (never back). */
  advance(chatId: string, at: number): void {
    statement(
      this.db,
      `INSERT INTO chat_cursors (chat_id, at) VALUES (?, ?)
       ON CONFLICT (chat_id) DO UPDATE SET at = MAX(chat_cursors.at, excluded.at)`,
    ).run(chatId, at);
  }

  value(name: string): number | undefined {
    const row = statement(this.db, 'SELECT value FROM catch_up WHERE name = ?').get(name) as { value: number } | undefined;
    return row?.value;
  }

  setValue(name: string, value: number): void {
    statement(this.db, 'INSERT INTO catch_up (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(
      name,
      value,
    );
  }

  /** Which of these message ids the inbox has already handled. */
  seenIds(ids: string[]): Set<string> {
    const seen = new Set<string>();
    const query = statement(this.db, 'SELECT 1 AS hit FROM inbox WHERE id = ?');
    for (const id of ids) if (query.get(id)) seen.add(id);
    return seen;
  }
}
