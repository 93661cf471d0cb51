// The host side of KdsApi: one implementation, served over HTTP + WebSocket and over Electron IPC.
import { KdsError, type Handoff, type KdsApi, type KdsEvent, type KdsSnapshot, type ListOrdersQuery, type SimIncoming, type SimMessage, type TransitionRequest } from '../../shared/kds-api.ts';
import { OPEN_STATUSES, type Order } from '../../shared/order.ts';
import { foldText, phoneDigits } from '../../shared/text.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './event-bus.ts';
import type { MenuSource } from './menu-source.ts';
import type { HostSettings } from './settings.ts';
import type { Store } from '../store/store.ts';
import type { OrderLifecycle } from '../orders/order-lifecycle.ts';
import { startOfLocalDay } from '../orders/local-day.ts';
import type { WhatsAppEngine } from '../whatsapp/engine.ts';
import type { SimulatorEngine } from '../whatsapp/simulator-engine.ts';

export interface KdsServiceOptions {
  store: Store;
  clock: Clock;
  bus: EventBus;
  lifecycle: OrderLifecycle;
  engine: WhatsAppEngine;
  simulator: SimulatorEngine | undefined;
  menu: MenuSource;
  settings: () => HostSettings;
  timezone: () => string;
  version: string;
}

export class KdsService implements KdsApi {
  private readonly o: KdsServiceOptions;

  constructor(options: KdsServiceOptions) {
    this.o = options;
  }

  async getSnapshot(): Promise<KdsSnapshot> {
    const { store, clock, menu, engine, version } = this.o;
    const settings = this.o.settings();
    const m = menu.current();
    return {
      orders: store.orders.listBoard(this.startOfToday(), OPEN_STATUSES),
      whatsapp: engine.getStatus(),
      handoffs: this.handoffs(),
      settings: {
        locale: settings.locale ?? m.locale,
        amberAfterMinutes: settings.amberAfterMinutes,
        redAfterMinutes: settings.redAfterMinutes,
        etaChoices: settings.etaChoices,
        undoSeconds: settings.undoSeconds,
      },
      menu: { restaurant: m.restaurant, currency: m.currency, locale: m.locale },
      version,
      serverTime: new Date(clock.now()).toISOString(),
    };
  }

  async listOrders(query: ListOrdersQuery = {}): Promise<Order[]> {
    const filter: Parameters<Store['orders']['list']>[0] = {};
    if (query.status?.length) filter.statuses = query.status;
    if (query.since !== undefined) {
      const since = Date.parse(query.since);
      if (Number.isNaN(since)) throw new KdsError('bad_request', `since must be an ISO date or time, got "${query.since}"`);
      filter.createdSince = since;
    }
    if (query.phone) filter.phone = phoneDigits(query.phone);
    const orders = this.o.store.orders.list(filter);
    const search = query.search?.trim();
    return search ? orders.filter((o) => matchesSearch(o, search)) : orders;
  }

  async transition(orderId: string, request: TransitionRequest): Promise<Order> {
    return this.o.lifecycle.transition(orderId, request);
  }

  async undo(orderId: string): Promise<Order> {
    return this.o.lifecycle.undo(orderId);
  }

  async acknowledge(orderId: string): Promise<Order> {
    return this.o.lifecycle.acknowledge(orderId);
  }

  async releaseHandoff(phone: string): Promise<Handoff[]> {
    const digits = phoneDigits(phone);
    if (!this.o.store.conversations.releaseHandoff(digits, this.o.clock.now())) {
      throw new KdsError('not_found', `no customer ${digits} is waiting for a person`);
    }
    const handoffs = this.handoffs();
    this.o.bus.emit({ type: 'handoffs', handoffs });
    return handoffs;
  }

  async simSend(message: SimIncoming): Promise<void> {
    this.requireSimulator().receive(message);
  }

  async simConversation(phone: string): Promise<SimMessage[]> {
    return this.requireSimulator().conversation(phone);
  }

  subscribe(listener: (event: KdsEvent) => void): () => void {
    return this.o.bus.subscribe(listener);
  }

  getOrder(orderId: string): Order {
    const order = this.o.store.orders.get(orderId);
    if (!order) throw new KdsError('not_found', `no order with id ${orderId}`);
    return order;
  }

  handoffs(): Handoff[] {
    const { store } = this.o;
    return store.conversations.listHandoffs().map((c) => {
      const handoff: Handoff = {
        phone: c.phone,
        name: store.conversations.rememberedName(c.phone) ?? c.profileName ?? c.phone,
        since: new Date(c.handoffSince ?? c.updatedAt).toISOString(),
      };
      if (c.handoffLast) handoff.lastMessage = c.handoffLast;
      return handoff;
    });
  }

  /** Orders created since the start of the restaurant's day. */
  ordersTodayCount(): number {
    return this.o.store.orders.countCreatedSince(this.startOfToday());
  }

  requireSimulator(): SimulatorEngine {
    if (!this.o.simulator) throw new KdsError('not_found', 'the simulator is only available with --engine simulator');
    return this.o.simulator;
  }

  private startOfToday(): number {
    return startOfLocalDay(this.o.clock.now(), this.o.timezone());
  }
}

function matchesSearch(order: Order, search: string): boolean {
  const needle = foldText(search);
  const haystack = foldText(
    [`#${order.number}`, String(order.number), order.customer.name, order.customer.phone, ...order.items.map((i) => i.name)].join(' '),
  );
  return haystack.includes(needle);
}
