// The outbox table: customer messages waiting to go out, keyed by an idempotency key.
import { statement, type Database } from './database.ts';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxEntry {
  key: string;
  phone: string;
  body: string;
  kind: string;
  orderId: string | null;
  priority: number;
  state: OutboxState;
  attempts: number;
  createdAt: number;
  dueAt: number;
  sentAt: number | null;
  lastError: string | null;
}

export interface NewOutboxEntry {
  key: string;
  phone: string;
  body: string;
  kind: string;
  orderId?: string;
  /** Higher goes first: bot replies to a waiting customer before status notices. */
  priority?: number;
  createdAt: number;
  /** Not before this time (undo window, scheduled sends). */
  dueAt?: number;
}

interface Row {
  key: string;
  phone: string;
  body: string;
  kind: string;
  order_id: string | null;
  priority: number;
  state: string;
  attempts: number;
  created_at: number;
  due_at: number;
  sent_at: number | null;
  last_error: string | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  key: r.key,
  phone: r.phone,
  body: r.body,
  kind: r.kind,
  orderId: r.order_id,
  priority: r.priority,
  state: r.state as OutboxState,
  attempts: r.attempts,
  createdAt: r.created_at,
  dueAt: r.due_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
});

export class OutboxRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Inserting the same key twice is a no-op: the key is the idempotency key. */
  enqueue(entry: NewOutboxEntry): boolean {
    const result = statement(this.db, 
        `INSERT INTO outbox (key, phone, body, kind, order_id, priority, state, attempts, created_at, due_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (key) DO NOTHING`,
      )
      .run(
        entry.key,
        entry.phone,
        entry.body,
        entry.kind,
        entry.orderId ?? null,
        entry.priority ?? 0,
        entry.createdAt,
        entry.dueAt ?? entry.createdAt,
      );
    return Number(result.changes) > 0;
  }

  get(key: string): OutboxEntry | undefined {
    const row = statement(this.db, 'SELECT * FROM outbox WHERE key = ?').get(key) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** The next entry to try: in-doubt sends first, then by priority, then oldest. */
  nextDue(now: number): OutboxEntry | undefined {
    const row = statement(this.db, 
        `SELECT * FROM outbox WHERE state IN ('pending', 'sending') AND due_at <= ?
         ORDER BY state = 'sending' DESC, priority DESC, created_at ASC, rowid ASC LIMIT 1`,
      )
      .get(now) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** When the earliest waiting entry becomes due, to sleep until then. */
  earliestDue(): number | undefined {
    const row = statement(this.db, `SELECT MIN(due_at) AS due FROM outbox WHERE state IN ('pending', 'sending')`)
      .get() as { due: number | null };
    return row.due ?? undefined;
  }

  /** Recorded before the send: a crash after this leaves the entry "in doubt", resent under the same key. */
  markSending(key: string): void {
    statement(this.db, `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE key = ?`).run(key);
  }

  markSent(key: string, at: number): void {
    statement(this.db, `UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE key = ?`).run(at, key);
  }

  markRetry(key: string, dueAt: number, error: string): void {
    statement(this.db, `UPDATE outbox SET state = 'pending', due_at = ?, last_error = ? WHERE key = ?`).run(dueAt, error, key);
  }

  /** Puts an attempt back without counting it (the engine was not connected). */
  markDeferred(key: string, dueAt: number): void {
    statement(this.db, `UPDATE outbox SET state = 'pending', due_at = ?, attempts = MAX(attempts - 1, 0) WHERE key = ?`)
      .run(dueAt, key);
  }

  markFailed(key: string, error: string): void {
    statement(this.db, `UPDATE outbox SET state = 'failed', last_error = ? WHERE key = ?`).run(error, key);
  }

  /** Withdraws messages not sent yet (an undone transition). Returns how many. */
  cancelPending(keys: readonly string[]): number {
    let n = 0;
    const stmt = statement(this.db, `UPDATE outbox SET state = 'cancelled' WHERE key = ? AND state = 'pending'`);
    for (const key of keys) n += Number(stmt.run(key).changes);
    return n;
  }

  keysWithPrefix(prefix: string): OutboxEntry[] {
    const rows = statement(this.db, `SELECT * FROM outbox WHERE key >= ? AND key < ? ORDER BY key`)
      .all(prefix, prefix + '\uffff') as unknown as Row[];
    return rows.map(toEntry);
  }

  counts(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
    const rows = statement(this.db, 'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as {
      state: OutboxState;
      n: number;
    }[];
    for (const r of rows) out[r.state] = r.n;
    return out;
  }
}
