// An in-memory KdsApi for looking at and testing the kitchen screen without the host. It follows
// the contract's rules (legal transitions, reasons, undo window, acknowledge) closely enough for
// the UI; the real rules live in electron/orders and are tested there. Test support only: never
// part of the app bundle.
import { KdsError, type Handoff, type KdsApi, type KdsEvent, type KdsSettings, type KdsSnapshot, type ListOrdersQuery, type SimIncoming, type SimMessage, type TransitionRequest } from '../../shared/kds-api.ts';
import { canTransition, requiresReason, type Order } from '../../shared/order.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { foldText } from '../../shared/text.ts';

export interface FakeSeed {
  restaurant?: string;
  orders?: Order[];
  whatsapp?: WhatsAppStatus;
  handoffs?: Handoff[];
  settings?: Partial<KdsSettings>;
  sim?: SimMessage[];
}

const clone = <T>(value: T): T => structuredClone(value);

export class FakeKdsApi implements KdsApi {
  readonly orders = new Map<string, Order>();
  whatsapp: WhatsAppStatus;
  handoffs: Handoff[];
  settings: KdsSettings;
  restaurant: string;
  simMessages: SimMessage[];
  /** Every call, for assertions: [method, ...args]. */
  readonly calls: unknown[][] = [];
  private readonly listeners = new Set<(e: KdsEvent) => void>();
  private readonly now: () => number;

  constructor(seed: FakeSeed = {}, now: () => number = Date.now) {
    this.now = now;
    for (const o of seed.orders ?? []) this.orders.set(o.id, clone(o));
    this.whatsapp = seed.whatsapp ?? { state: 'connected', since: new Date(now()).toISOString(), engine: 'simulator' };
    this.handoffs = seed.handoffs ?? [];
    this.settings = { locale: 'es', amberAfterMinutes: 5, redAfterMinutes: 10, etaChoices: [10, 20, 30], undoSeconds: 5, ...seed.settings };
    this.restaurant = seed.restaurant ?? 'Casa Pepe';
    this.simMessages = seed.sim ?? [];
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  private emit(event: KdsEvent): void {
    for (const l of this.listeners) l(clone(event));
  }

  private find(orderId: string): Order {
    const order = this.orders.get(orderId);
    if (!order) throw new KdsError('not_found', `no order ${orderId}`);
    return order;
  }

  private save(order: Order): Order {
    this.orders.set(order.id, order);
    this.emit({ type: 'order', order });
    return clone(order);
  }

  async getSnapshot(): Promise<KdsSnapshot> {
    this.calls.push(['getSnapshot']);
    const orders = [...this.orders.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return clone({
      orders,
      whatsapp: this.whatsapp,
      handoffs: this.handoffs,
      settings: this.settings,
      menu: { restaurant: this.restaurant, currency: 'EUR', locale: this.settings.locale },
      version: '0.0.0-fake',
      serverTime: this.iso(),
    });
  }

  async listOrders(query: ListOrdersQuery = {}): Promise<Order[]> {
    this.calls.push(['listOrders', query]);
    const needle = foldText(query.search ?? '').trim();
    return clone(
      [...this.orders.values()]
        .filter((o) => !query.status || query.status.includes(o.status))
        .filter((o) => !query.since || o.createdAt >= query.since)
        .filter((o) => !needle || foldText(`${o.number} ${o.customer.name} ${o.customer.phone} ${o.items.map((i) => i.name).join(' ')}`).includes(needle))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    );
  }

  async transition(orderId: string, request: TransitionRequest): Promise<Order> {
    this.calls.push(['transition', orderId, request]);
    const order = clone(this.find(orderId));
    if (!canTransition(order.status, request.to)) throw new KdsError('conflict', `order #${order.number} cannot go from ${order.status} to ${request.to}`);
    if (requiresReason(request.to) && !request.reason) throw new KdsError('bad_request', 'a reason is required');
    if (request.to === 'accepted' && !request.etaMinutes) throw new KdsError('bad_request', 'etaMinutes is required to accept');
    const at = this.iso();
    order.events.push({ at, from: order.status, to: request.to, by: request.by ?? 'staff', ...(request.reason ? { reason: request.reason } : {}) });
    order.status = request.to;
    if (request.etaMinutes) order.etaMinutes = request.etaMinutes;
    order.acknowledged = true;
    order.updatedAt = at;
    return this.save(order);
  }

  async undo(orderId: string): Promise<Order> {
    this.calls.push(['undo', orderId]);
    const order = clone(this.find(orderId));
    const last = order.events.at(-1);
    if (!last || last.undo) throw new KdsError('conflict', `order #${order.number} has nothing to undo`);
    if (this.now() - Date.parse(last.at) > this.settings.undoSeconds * 1000) throw new KdsError('conflict', `the undo window for order #${order.number} has closed`);
    const at = this.iso();
    order.events.push({ at, from: last.to, to: last.from, by: 'staff', reason: 'undo', undo: true });
    order.status = last.from;
    order.updatedAt = at;
    return this.save(order);
  }

  async acknowledge(orderId: string): Promise<Order> {
    this.calls.push(['acknowledge', orderId]);
    const order = clone(this.find(orderId));
    if (order.acknowledged) return clone(order);
    order.acknowledged = true;
    order.updatedAt = this.iso();
    return this.save(order);
  }

  async releaseHandoff(phone: string): Promise<Handoff[]> {
    this.calls.push(['releaseHandoff', phone]);
    this.handoffs = this.handoffs.filter((h) => h.phone !== phone);
    this.emit({ type: 'handoffs', handoffs: this.handoffs });
    return clone(this.handoffs);
  }

  async simSend(message: SimIncoming): Promise<void> {
    this.calls.push(['simSend', message]);
    if (this.whatsapp.engine !== 'simulator') throw new KdsError('conflict', 'the simulator engine is not running');
    this.pushSim({ direction: 'in', phone: message.from, body: message.body ?? '', at: this.iso() });
    setTimeout(() => this.pushSim({ direction: 'out', phone: message.from, body: `¡Hola${message.name ? ` ${message.name}` : ''}! Soy el asistente de ${this.restaurant}. ¿Qué te apetece?`, at: this.iso() }), 50);
  }

  async simConversation(phone: string): Promise<SimMessage[]> {
    this.calls.push(['simConversation', phone]);
    return clone(this.simMessages.filter((m) => m.phone === phone));
  }

  subscribe(listener: (event: KdsEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ——— Controls for tests: what the host would do on its own ———

  addOrder(order: Order): void {
    this.save(clone(order));
  }

  setWhatsApp(status: WhatsAppStatus): void {
    this.whatsapp = clone(status);
    this.emit({ type: 'whatsapp', status: this.whatsapp });
  }

  setHandoffs(handoffs: Handoff[]): void {
    this.handoffs = clone(handoffs);
    this.emit({ type: 'handoffs', handoffs: this.handoffs });
  }

  pushSim(message: SimMessage): void {
    this.simMessages.push(message);
    this.emit({ type: 'sim', message });
  }
}
