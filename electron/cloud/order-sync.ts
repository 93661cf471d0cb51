// The durable order mirror: every local order change goes into a SQLite queue first (same
// database as the orders), then to restaurants/{rid}/orders/{orderId}. Doc id = local id, and the
// whole order is written (no merge), so a retry is idempotent and the kitchen's local state wins.
// Per order only the newest queued snapshot is sent and one write is in flight at a time, so an
// order's transitions arrive in order; rows are removed only after the server acknowledged them,
// so an outage or a restart loses nothing and doubles nothing.
import type { DatabaseSync } from 'node:sqlite';
import { doc, serverTimestamp, setDoc, type Firestore } from 'firebase/firestore';
import type { Order } from '../../shared/order.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';

export interface OrderSyncBackoff {
  baseMs: number;
  maxMs: number;
}

export interface OrderSyncOptions {
  db: DatabaseSync;
  firestore: Firestore;
  restaurantId: string;
  deviceId: string;
  clock: Clock;
  logger: Logger;
  backoff?: OrderSyncBackoff;
  /** Orders written at once (each order still has at most one write in flight). */
  concurrency?: number;
}

interface QueueRow {
  seq: number;
  order_id: string;
  payload: string;
}

/** Firestore refuses undefined; JSON drops it. */
export function orderDocument(order: Order): Record<string, unknown> {
  return JSON.parse(JSON.stringify(order)) as Record<string, unknown>;
}

export class OrderSync {
  private readonly options: OrderSyncOptions;
  private readonly backoff: OrderSyncBackoff;
  private readonly inFlight = new Set<string>();
  private failures = 0;
  private timer: TimerHandle | undefined;
  private running = false;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  sent = 0;

  constructor(options: OrderSyncOptions) {
    this.options = options;
    this.backoff = options.backoff ?? { baseMs: 1_000, maxMs: 5 * 60_000 };
  }

  /** Queues the order's current state; call it inside the store transaction that changed it. */
  enqueue(order: Order): void {
    this.options.db
      .prepare('INSERT INTO cloud_sync_queue (order_id, payload, created_at) VALUES (?, ?, ?)')
      .run(order.id, JSON.stringify(orderDocument(order)), this.options.clock.now());
    this.kick();
  }

  pending(): number {
    return (this.options.db.prepare('SELECT COUNT(DISTINCT order_id) AS n FROM cloud_sync_queue').get() as { n: number }).n;
  }

  start(): void {
    this.running = true;
    this.kick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  kick(): void {
    if (!this.running || this.timer) return;
    queueMicrotask(() => this.pump());
  }

  /** Resolves when the queue is empty (for tests and a clean stop). */
  idle(): Promise<void> {
    if (this.pending() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (!this.running || this.pumping) return;
    this.pumping = true;
    try {
      const limit = this.options.concurrency ?? 20;
      const rows = this.options.db
        .prepare(
          `SELECT q.seq, q.order_id, q.payload FROM cloud_sync_queue q
           JOIN (SELECT order_id, MAX(seq) AS seq, MIN(seq) AS first FROM cloud_sync_queue GROUP BY order_id) last
             ON q.seq = last.seq ORDER BY last.first`,
        )
        .all() as unknown as QueueRow[];
      for (const row of rows) {
        if (this.inFlight.size >= limit) break;
        if (this.inFlight.has(row.order_id)) continue;
        this.send(row);
      }
      if (rows.length === 0 && this.inFlight.size === 0) {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    } finally {
      this.pumping = false;
    }
  }

  private send(row: QueueRow): void {
    const { firestore, restaurantId, deviceId, db, logger } = this.options;
    this.inFlight.add(row.order_id);
    const data = { ...(JSON.parse(row.payload) as Record<string, unknown>), deviceId, syncedAt: serverTimestamp() };
    Promise.resolve()
      .then(() => setDoc(doc(firestore, 'restaurants', restaurantId, 'orders', row.order_id), data))
      .then(
      () => {
        this.inFlight.delete(row.order_id);
        if (!this.running) return;
        db.prepare('DELETE FROM cloud_sync_queue WHERE order_id = ? AND seq <= ?').run(row.order_id, row.seq);
        this.sent++;
        this.failures = 0;
        this.pump();
      },
      (error: unknown) => {
        this.inFlight.delete(row.order_id);
        this.failures++;
        const delay = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** Math.min(this.failures - 1, 20));
        logger.warn('order sync failed, retrying', { orderId: row.order_id, delayMs: delay, ...errorFields(error) });
        if (!this.running || this.timer) return;
        this.timer = this.options.clock.setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, delay);
      },
    );
  }
}
