// Orders and their event log in SQLite. Rows in, Order objects out; no business rules here.
import { statement, type Database } from './database.ts';
import type {
  Fulfilment,
  Order,
  OrderEvent,
  OrderItem,
  OrderLocation,
  OrderNotification,
  OrderStatus,
  PaymentMethod,
} from '../../shared/order.ts';

interface OrderRow {
  id: string;
  number: number;
  day: string;
  status: string;
  customer_phone: string;
  customer_name: string;
  fulfilment: string;
  address: string | null;
  payment: string | null;
  items_json: string;
  total: number;
  currency: string;
  created_at: number;
  updated_at: number;
  eta_minutes: number | null;
  acknowledged: number;
  requested_time: string | null;
  order_note: string | null;
  delivery_fee: number | null;
  location_json: string | null;
}

interface EventRow {
  order_id: string;
  seq: number;
  at: number;
  from_status: string;
  to_status: string;
  by: string;
  reason: string | null;
  undo: number;
}

interface NotificationRow {
  key: string;
  order_id: string;
  kind: string;
  state: string;
  attempts: number;
  last_error: string | null;
}

export interface NewOrderRecord {
  id: string;
  number: number;
  day: string;
  customer: { phone: string; name: string };
  fulfilment: Fulfilment;
  address?: string;
  payment?: PaymentMethod;
  items: OrderItem[];
  total: number;
  currency: string;
  createdAt: number;
  requestedTime?: string;
  orderNote?: string;
  deliveryFee?: number;
  location?: OrderLocation;
}

export interface OrderFilter {
  statuses?: readonly OrderStatus[];
  createdSince?: number;
  /** Created strictly before this (epoch ms). */
  createdBefore?: number;
  phone?: string;
  limit?: number;
  newestFirst?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class OrdersRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  insert(order: NewOrderRecord): void {
    statement(this.db, 
        `INSERT INTO orders (id, number, day, status, customer_phone, customer_name, fulfilment, address,
           payment, items_json, total, currency, created_at, updated_at, acknowledged, requested_time, order_note,
           delivery_fee, location_json)
         VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      )
      .run(
        order.id,
        order.number,
        order.day,
        order.customer.phone,
        order.customer.name,
        order.fulfilment,
        order.address ?? null,
        order.payment ?? null,
        JSON.stringify(order.items),
        order.total,
        order.currency,
        order.createdAt,
        order.createdAt,
        order.requestedTime ?? null,
        order.orderNote ?? null,
        order.deliveryFee ?? null,
        order.location ? JSON.stringify(order.location) : null,
      );
  }

  /** Next order number of the day: numbers restart every day, as kitchen tickets do. */
  nextNumber(day: string): number {
    const row = statement(this.db, 
        `INSERT INTO counters (name, value) VALUES (?, 1)
         ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .get(`order-number:${day}`) as { value: number };
    return row.value;
  }

  setStatus(id: string, status: OrderStatus, at: number, etaMinutes?: number | null): void {
    if (etaMinutes === undefined) {
      statement(this.db, 'UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
    } else {
      statement(this.db, 'UPDATE orders SET status = ?, updated_at = ?, eta_minutes = ? WHERE id = ?')
        .run(status, at, etaMinutes, id);
    }
  }

  setAcknowledged(id: string, at: number): void {
    statement(this.db, 'UPDATE orders SET acknowledged = 1, updated_at = ? WHERE id = ?').run(at, id);
  }

  addEvent(orderId: string, event: { at: number; from: OrderStatus; to: OrderStatus; by: string; reason?: string; undo?: boolean }): number {
    const row = statement(this.db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM order_events WHERE order_id = ?')
      .get(orderId) as { seq: number };
    statement(this.db, 
        `INSERT INTO order_events (order_id, seq, at, from_status, to_status, by, reason, undo)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(orderId, row.seq, event.at, event.from, event.to, event.by, event.reason ?? null, event.undo ? 1 : 0);
    return row.seq;
  }

  lastEvent(orderId: string): (OrderEvent & { seq: number; atMs: number }) | undefined {
    const row = statement(this.db, 'SELECT * FROM order_events WHERE order_id = ? ORDER BY seq DESC LIMIT 1')
      .get(orderId) as EventRow | undefined;
    return row ? { ...toEvent(row), seq: row.seq, atMs: row.at } : undefined;
  }

  get(id: string): Order | undefined {
    const row = statement(this.db, 'SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    return row ? this.hydrate([row])[0] : undefined;
  }

  list(filter: OrderFilter = {}): Order[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.statuses?.length) {
      where.push(`status IN (${filter.statuses.map(() => '?').join(',')})`);
      params.push(...filter.statuses);
    }
    if (filter.createdSince !== undefined) {
      where.push('created_at >= ?');
      params.push(filter.createdSince);
    }
    if (filter.createdBefore !== undefined) {
      where.push('created_at < ?');
      params.push(filter.createdBefore);
    }
    if (filter.phone !== undefined) {
      where.push('customer_phone = ?');
      params.push(filter.phone);
    }
    const sql =
      'SELECT * FROM orders' +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY created_at ${filter.newestFirst ? 'DESC' : 'ASC'}, rowid ${filter.newestFirst ? 'DESC' : 'ASC'}` +
      (filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : '');
    const rows = statement(this.db, sql).all(...params) as unknown as OrderRow[];
    return this.hydrate(rows);
  }

  /** Open orders plus everything created since `since`: what a screen needs on connect. */
  listBoard(since: number, openStatuses: readonly OrderStatus[]): Order[] {
    const rows = statement(this.db, 
        `SELECT * FROM orders WHERE created_at >= ? OR status IN (${openStatuses.map(() => '?').join(',')})
         ORDER BY created_at ASC, rowid ASC`,
      )
      .all(since, ...openStatuses) as unknown as OrderRow[];
    return this.hydrate(rows);
  }

  countCreatedSince(since: number): number {
    return (statement(this.db, 'SELECT COUNT(*) AS n FROM orders WHERE created_at >= ?').get(since) as { n: number }).n;
  }

  count(): number {
    return (statement(this.db, 'SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
  }

  private hydrate(rows: OrderRow[]): Order[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const events = new Map<string, OrderEvent[]>();
    const notifications = new Map<string, OrderNotification[]>();
    // Chunked IN lists keep us under SQLite's variable limit for big exports.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(',');
      const eventRows = statement(this.db, `SELECT * FROM order_events WHERE order_id IN (${marks}) ORDER BY order_id, seq`)
        .all(...chunk) as unknown as EventRow[];
      for (const e of eventRows) push(events, e.order_id, toEvent(e));
      const noteRows = statement(this.db, 
          `SELECT key, order_id, kind, state, attempts, last_error FROM outbox
           WHERE order_id IN (${marks}) ORDER BY created_at, key`,
        )
        .all(...chunk) as unknown as NotificationRow[];
      for (const n of noteRows) {
        const notification: OrderNotification = {
          key: n.key,
          kind: n.kind,
          state: n.state === 'sending' ? 'pending' : (n.state as OrderNotification['state']),
          attempts: n.attempts,
        };
        if (n.last_error) notification.error = n.last_error;
        push(notifications, n.order_id, notification);
      }
    }
    return rows.map((r) => {
      const order: Order = {
        id: r.id,
        number: r.number,
        status: r.status as OrderStatus,
        customer: { phone: r.customer_phone, name: r.customer_name },
        fulfilment: r.fulfilment as Fulfilment,
        items: JSON.parse(r.items_json) as OrderItem[],
        total: r.total,
        currency: r.currency,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
        events: events.get(r.id) ?? [],
        acknowledged: r.acknowledged === 1,
        notifications: notifications.get(r.id) ?? [],
      };
      if (r.address !== null) order.address = r.address;
      if (r.payment !== null) order.payment = r.payment as PaymentMethod;
      if (r.eta_minutes !== null) order.etaMinutes = r.eta_minutes;
      if (r.requested_time !== null) order.requestedTime = r.requested_time;
      if (r.order_note !== null) order.orderNote = r.order_note;
      if (r.delivery_fee !== null) order.deliveryFee = r.delivery_fee;
      if (r.location_json !== null) order.location = JSON.parse(r.location_json) as OrderLocation;
      return order;
    });
  }
}

function toEvent(row: EventRow): OrderEvent {
  const event: OrderEvent = {
    at: iso(row.at),
    from: row.from_status as OrderStatus,
    to: row.to_status as OrderStatus,
    by: row.by,
  };
  if (row.reason !== null) event.reason = row.reason;
  if (row.undo) event.undo = true;
  return event;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
