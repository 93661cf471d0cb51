// Per-chat state: the bot's conversation (opaque JSON), the staff handoff flag, the incoming-message
// dedupe log, and the names customers gave (remembered for next time).
import { statement, type Database } from './database.ts';

export interface ConversationRecord {
  phone: string;
  stateJson: string | null;
  updatedAt: number;
  handoffSince: number | null;
  handoffLast: string | null;
  profileName: string | null;
}

interface Row {
  phone: string;
  state_json: string | null;
  updated_at: number;
  handoff_since: number | null;
  handoff_last: string | null;
  profile_name: string | null;
}

const toRecord = (r: Row): ConversationRecord => ({
  phone: r.phone,
  stateJson: r.state_json,
  updatedAt: r.updated_at,
  handoffSince: r.handoff_since,
  handoffLast: r.handoff_last,
  profileName: r.profile_name,
});

export class ConversationsRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(phone: string): ConversationRecord | undefined {
    const row = statement(this.db, 'SELECT * FROM conversations WHERE phone = ?').get(phone) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  saveState(phone: string, stateJson: string, at: number, profileName: string | null): void {
    statement(this.db, 
        `INSERT INTO conversations (phone, state_json, updated_at, profile_name) VALUES (?, ?, ?, ?)
         ON CONFLICT (phone) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at,
           profile_name = COALESCE(excluded.profile_name, conversations.profile_name)`,
      )
      .run(phone, stateJson, at, profileName);
  }

  startHandoff(phone: string, at: number, lastMessage: string, profileName: string | null): void {
    statement(this.db, 
        `INSERT INTO conversations (phone, state_json, updated_at, handoff_since, handoff_last, profile_name)
         VALUES (?, NULL, ?, ?, ?, ?)
         ON CONFLICT (phone) DO UPDATE SET handoff_since = COALESCE(conversations.handoff_since, excluded.handoff_since),
           handoff_last = excluded.handoff_last, updated_at = excluded.updated_at,
           profile_name = COALESCE(excluded.profile_name, conversations.profile_name)`,
      )
      .run(phone, at, at, lastMessage, profileName);
  }

  noteHandoffMessage(phone: string, at: number, lastMessage: string): void {
    statement(this.db, 'UPDATE conversations SET handoff_last = ?, updated_at = ? WHERE phone = ? AND handoff_since IS NOT NULL')
      .run(lastMessage, at, phone);
  }

  /** Staff are done: the bot answers this chat again, from a fresh conversation. */
  releaseHandoff(phone: string, at: number): boolean {
    const result = statement(this.db, 
        'UPDATE conversations SET handoff_since = NULL, handoff_last = NULL, state_json = NULL, updated_at = ? WHERE phone = ? AND handoff_since IS NOT NULL',
      )
      .run(at, phone);
    return Number(result.changes) > 0;
  }

  listHandoffs(): ConversationRecord[] {
    const rows = statement(this.db, 'SELECT * FROM conversations WHERE handoff_since IS NOT NULL ORDER BY handoff_since')
      .all() as unknown as Row[];
    return rows.map(toRecord);
  }

  /** Records an incoming message id; false if it was seen before (WhatsApp redelivers). */
  markIncomingSeen(id: string, phone: string, at: number): boolean {
    const result = statement(this.db, 'INSERT INTO inbox (id, phone, at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(id, phone, at);
    return Number(result.changes) > 0;
  }

  pruneIncoming(olderThan: number): void {
    statement(this.db, 'DELETE FROM inbox WHERE at < ?').run(olderThan);
  }

  rememberedName(phone: string): string | undefined {
    const row = statement(this.db, 'SELECT name FROM customers WHERE phone = ?').get(phone) as { name: string } | undefined;
    return row?.name;
  }

  rememberName(phone: string, name: string, at: number): void {
    statement(this.db, 
        `INSERT INTO customers (phone, name, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (phone) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
      )
      .run(phone, name, at);
  }
}
