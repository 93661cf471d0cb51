// The order state machine: every change is validated, logged with who and when, and enqueues the
// customer's WhatsApp message in the same database transaction, so no state change can exist
// without its notification or the other way round.
import type { MenuLocale } from '../../shared/menu.ts';
import { randomBytes } from 'node:crypto';
import {
  canTransition,
  isClockTime,
  MAX_ORDER_NOTE_CHARS,
  orderTotal,
  requiresReason,
  type Order,
} from '../../shared/order.ts';
import { KdsError, type TransitionRequest } from '../../shared/kds-api.ts';
import type { Clock } from '../host/clock.ts';
import type { Store } from '../store/store.ts';
import type { OrderDraft } from '../bot/bot-types.ts';
import { notificationFor } from './customer-notifications.ts';
import { localDay } from './local-day.ts';

export interface OrderLifecycleOptions {
  store: Store;
  clock: Clock;
  /** Called after commit with every changed order. */
  onChange: (order: Order) => void;
  /** Called after commit when new customer messages are waiting. */
  onOutboxChange: () => void;
  /** The menu's locale: the customer notifications' regional voice. */
  locale: () => MenuLocale | 'es';
  timezone: () => string;
  /** How long the KDS's undo stays open, and how long an undoable notice is held back (a function: settings change live). */
  undoMs: number | (() => number);
}

/** Outbox priority of status notices (bot replies to a waiting customer go first). */
export const NOTIFICATION_PRIORITY = 5;

export class OrderLifecycle {
  private readonly options: OrderLifecycleOptions;

  private undoMs(): number {
    const { undoMs } = this.options;
    return typeof undoMs === 'function' ? undoMs() : undoMs;
  }

  constructor(options: OrderLifecycleOptions) {
    this.options = options;
  }

  create(draft: OrderDraft): Order {
    const { store, clock } = this.options;
    if (draft.items.length === 0) throw new KdsError('bad_request', 'an order needs at least one item');
    if (draft.requestedTime !== undefined && !isClockTime(draft.requestedTime)) {
      throw new KdsError('bad_request', 'requestedTime must be written as HH:MM, for example "21:30"');
    }
    return store.transaction(() => {
      const now = clock.now();
      const day = localDay(now, this.options.timezone());
      const id = newOrderId(now);
      const fee = draft.fulfilment === 'delivery' && draft.deliveryFee ? draft.deliveryFee : 0;
      const items = draft.items.map((i) => {
        const item: Order['items'][number] = { itemId: i.itemId, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice };
        if (i.note) item.note = i.note;
        if (i.options?.length) item.options = i.options.map((o) => ({ ...o }));
        return item;
      });
      const record: Parameters<typeof store.orders.insert>[0] = {
        id,
        number: store.orders.nextNumber(day),
        day,
        customer: draft.customer,
        fulfilment: draft.fulfilment,
        payment: draft.payment,
        items,
        total: orderTotal(items, fee),
        currency: draft.currency,
        createdAt: now,
      };
      // Stryker disable next-line ConditionalExpression: an absent address is stored as NULL either way
      if (draft.address) record.address = draft.address;
      if (draft.location) record.location = { ...draft.location };
      if (fee > 0) record.deliveryFee = fee;
      // Stryker disable next-line ConditionalExpression: an absent time is stored as NULL either way
      if (draft.requestedTime) record.requestedTime = draft.requestedTime;
      const note = draft.orderNote?.trim().slice(0, MAX_ORDER_NOTE_CHARS);
      if (note) record.orderNote = note;
      store.orders.insert(record);
      return this.changed(id);
    });
  }

  transition(orderId: string, request: TransitionRequest): Order {
    const { store, clock } = this.options;
    return store.transaction(() => {
      const order = this.require(orderId);
      const from = order.status;
      const to = request.to;
      if (from === to) throw new KdsError('conflict', `order #${order.number} is already ${to}`);
      if (!canTransition(from, to)) {
        throw new KdsError('conflict', `order #${order.number} cannot go from ${from} to ${to}`);
      }
      const reason = request.reason?.trim();
      if (requiresReason(to) && !reason) {
        throw new KdsError('bad_request', `a reason is required to mark an order ${to}`);
      }
      const now = clock.now();
      store.orders.setStatus(orderId, to, now, request.etaMinutes);
      const event: Parameters<typeof store.orders.addEvent>[1] = { at: now, from, to, by: request.by ?? 'staff' };
      // Stryker disable next-line ConditionalExpression: an absent reason is stored as NULL either way
      if (reason) event.reason = reason;
      const seq = store.orders.addEvent(orderId, event);
      // Any action on a card means someone has seen it.
      // Stryker disable next-line ConditionalExpression: acknowledging again stamps the time setStatus just stamped
      if (!order.acknowledged) store.orders.setAcknowledged(orderId, now);
      const updated = this.require(orderId);
      const notice = notificationFor(updated, from, to, reason, this.options.locale());
      if (notice) {
        store.outbox.enqueue({
          key: `order:${orderId}:${seq}:${notice.kind}`,
          phone: updated.customer.phone,
          body: notice.body,
          kind: notice.kind,
          orderId,
          priority: NOTIFICATION_PRIORITY,
          createdAt: now,
          // A scheduled send: the undo window holds the notice in the outbox, where undo() cancels it.
          notBefore: request.undoable ? now + this.undoMs() : now,
        });
        store.afterCommit(this.options.onOutboxChange);
      }
      return this.changed(orderId);
    });
  }

  /** Reverts the last transition while the undo window is open and the customer was not told yet. */
  undo(orderId: string, by = 'staff'): Order {
    const { store, clock } = this.options;
    return store.transaction(() => {
      const order = this.require(orderId);
      const last = store.orders.lastEvent(orderId);
      const now = clock.now();
      if (!last || last.undo) throw new KdsError('conflict', `order #${order.number} has nothing to undo`);
      if (now - last.atMs > this.undoMs()) {
        throw new KdsError('conflict', `the undo window for order #${order.number} has closed`);
      }
      const notices = store.outbox.keysWithPrefix(`order:${orderId}:${last.seq}:`);
      if (notices.some((n) => n.state === 'sent' || n.state === 'sending')) {
        throw new KdsError('conflict', `the customer of order #${order.number} has already been told`);
      }
      store.outbox.cancelPending(notices.map((n) => n.key));
      store.orders.setStatus(orderId, last.from, now, last.from === 'new' ? null : undefined);
      store.orders.addEvent(orderId, { at: now, from: last.to, to: last.from, by, reason: 'undo', undo: true });
      return this.changed(orderId);
    });
  }

  acknowledge(orderId: string): Order {
    const { store, clock } = this.options;
    return store.transaction(() => {
      const order = this.require(orderId);
      if (order.acknowledged) return order;
      store.orders.setAcknowledged(orderId, clock.now());
      return this.changed(orderId);
    });
  }

  /** The customer cancels from the chat: only while the kitchen has not accepted it. */
  cancelByCustomer(orderId: string, reason: string): boolean {
    return this.options.store.transaction(() => {
      const order = this.options.store.orders.get(orderId);
      if (!order || order.status !== 'new') return false;
      this.transition(orderId, { to: 'cancelled', reason, by: 'customer' });
      return true;
    });
  }

  private require(orderId: string): Order {
    const order = this.options.store.orders.get(orderId);
    if (!order) throw new KdsError('not_found', `no order with id ${orderId}`);
    return order;
  }

  private changed(orderId: string): Order {
    const order = this.require(orderId);
    this.options.store.afterCommit(() => this.options.onChange(this.options.store.orders.get(orderId) ?? order));
    return order;
  }
}

/** Time-ordered and unique: sorts like creation time, safe to use as the cloud document id. */
function newOrderId(now: number): string {
  // Stryker disable next-line StringLiteral: the '0' fill first matters in 2059, when epoch ms in base 36 grow to 9 digits
  return `${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
