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
  /** Scheduled time: not sent before it (undo window, scheduled sends). */
  notBefore: number;
  /** The next attempt's time: notBefore at first, later moved by retries and waits. */
  dueAt: number;
  sentAt: number | null;
  lastError: string | null;
  /** Marked sent without sending: the same text went to the same number moments before (that entry's key). */
  duplicateOf: string | null;
}

export interface NewOutboxEntry {
  key: string;
  phone: string;
  body: string;
  kind: string;
  orderId?: string;
  /**
   * Higher goes first: bot replies to a customer chatting now (10) before order notices (5) before
   * low-priority messages such as bulk ones (0, the default).
   */
  priority?: number;
  createdAt: number;
  /** Scheduled send: not before this time (the undo window holds order notices this way). */
  notBefore?: number;
}

/** One call to the engine's send(), kept a minute for the rate limits. */
export interface RecentSend {
  phone: string;
  at: number;
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
  not_before: number;
  due_at: number;
  sent_at: number | null;
  last_error: string | null;
  duplicate_of: string | null;
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
  notBefore: r.not_before,
  dueAt: r.due_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
  duplicateOf: r.duplicate_of,
});

const SESSION_PAUSE = 'session';

export class OutboxRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Inserting the same key twice is a no-op: the key is the idempotency key. */
  enqueue(entry: NewOutboxEntry): boolean {
    const result = statement(this.db, 
        `INSERT INTO outbox (key, phone, body, kind, order_id, priority, state, attempts, created_at, not_before, due_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      )
      .run(
        entry.key,
        entry.phone,
        entry.body,
        entry.kind,
        entry.orderId ?? null,
        entry.priority ?? 0,
        entry.createdAt,
        entry.notBefore ?? entry.createdAt,
        entry.notBefore ?? entry.createdAt,
      );
    return Number(result.changes) > 0;
  }

  get(key: string): OutboxEntry | undefined {
    const row = statement(this.db, 'SELECT * FROM outbox WHERE key = ?').get(key) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /**
   * Every entry still to go, in sending order: in-doubt sends first, then by priority, then oldest
   * (insertion order breaks ties). Includes entries not due yet: they hold their chat's queue.
   */
  active(): OutboxEntry[] {
    const rows = statement(this.db,
        `SELECT * FROM outbox WHERE state IN ('pending', 'sending')
         ORDER BY state = 'sending' DESC, priority DESC, created_at ASC, rowid ASC`,
      )
      .all() as unknown as Row[];
    return rows.map(toEntry);
  }

  /** Recorded before the send: a crash after this leaves the entry "in doubt", resent under the same key. */
  markSending(key: string): void {
    statement(this.db, `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE key = ?`).run(key);
  }

  markSent(key: string, at: number): void {
    statement(this.db, `UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE key = ?`).run(at, key);
  }

  /** Sent without sending: `originalKey` carried the same text to the same number moments ago. */
  markDuplicate(key: string, originalKey: string, at: number): void {
    statement(this.db,
      `UPDATE outbox SET state = 'sent', sent_at = ?, duplicate_of = ?, last_error = NULL WHERE key = ?`,
    ).run(at, originalKey, key);
  }

  markRetry(key: string, dueAt: number, error: string): void {
    statement(this.db, `UPDATE outbox SET state = 'pending', due_at = ?, last_error = ? WHERE key = ?`).run(dueAt, error, key);
  }

  /**
   * Puts an attempt back without counting it (not connected, or WhatsApp asked us to wait). The
   * last error is kept unless a new one is given.
   */
  markDeferred(key: string, dueAt: number, error?: string): void {
    statement(this.db,
      `UPDATE outbox SET state = 'pending', due_at = ?, attempts = MAX(attempts - 1, 0),
         last_error = COALESCE(?, last_error) WHERE key = ?`,
    ).run(dueAt, error ?? null, key);
  }

  /**
   * The latest real send (not itself a duplicate) of exactly this text to this number after `since`,
   * other than `exceptKey`.
   */
  lastSentSameBody(phone: string, body: string, since: number, exceptKey: string): OutboxEntry | undefined {
    const row = statement(this.db,
        `SELECT * FROM outbox WHERE phone = ? AND sent_at > ? AND state = 'sent' AND duplicate_of IS NULL
           AND body = ? AND key <> ?
         ORDER BY sent_at DESC LIMIT 1`,
      )
      .get(phone, since, body, exceptKey) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Notes a call to the engine's send() for the rate limits. */
  recordSend(key: string, phone: string, at: number): void {
    statement(this.db, 'INSERT INTO outbox_sends (key, phone, at) VALUES (?, ?, ?)').run(key, phone, at);
  }

  /** Takes back a send the engine refused before doing anything (not connected): it used no slot. */
  forgetSend(key: string, at: number): void {
    statement(this.db, 'DELETE FROM outbox_sends WHERE key = ? AND at = ?').run(key, at);
  }

  /** Sends after `since`, oldest first. */
  sendsSince(since: number): RecentSend[] {
    return statement(this.db, 'SELECT phone, at FROM outbox_sends WHERE at > ? ORDER BY at, rowid')
      .all(since) as unknown as RecentSend[];
  }

  /** Forgets sends at or before `before`: the limits never look that far back. */
  pruneSends(before: number): void {
    statement(this.db, 'DELETE FROM outbox_sends WHERE at <= ?').run(before);
  }

  /** Holds every send until `until` (WhatsApp said to slow down); a later hold wins over an earlier one. */
  pauseSessionUntil(until: number): void {
    statement(this.db,
      `INSERT INTO outbox_pause (scope, until) VALUES (?, ?)
       ON CONFLICT (scope) DO UPDATE SET until = MAX(until, excluded.until)`,
    ).run(SESSION_PAUSE, until);
  }

  /** Until when sends are held; 0 when they never were. */
  sessionPausedUntil(): number {
    const row = statement(this.db, 'SELECT until FROM outbox_pause WHERE scope = ?').get(SESSION_PAUSE) as
      | { until: number }
      | undefined;
    return row?.until ?? 0;
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
