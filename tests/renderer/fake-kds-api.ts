// An in-memory KdsApi for looking at and testing the kitchen screen without the host. It follows
// the contract's rules (legal transitions, reasons, undo window, acknowledge) closely enough for
// the UI; the real rules live in electron/orders and are tested there. Test support only: never
// part of the app bundle.
import {
  KdsError,
  type CloudStatus,
  type RecoveryRestore,
  type DiagnosticsExport,
  type Handoff,
  type MediaFile,
  type KdsApi,
  type KdsEvent,
  type KdsSettings,
  type KdsSnapshot,
  type LinkRequest,
  type ListOrdersQuery,
  type SimIncoming,
  type SimMessage,
  type TransitionRequest,
  type WhatsAppHealth,
} from '../../shared/kds-api.ts';
import { canTransition, requiresReason, type Order } from '../../shared/order.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { foldText } from '../../shared/text.ts';
import { FakeOwnerApi, type FakeOwnerSeed } from './fake-owner-api.ts';
import type { PrintCopy, PrintingStatus, PrintJobAnswer } from '../../shared/printing.ts';
import { isCalendarDate, type DayReport } from '../../shared/day-report.ts';

export interface FakeSeed extends FakeOwnerSeed {
  restaurant?: string;
  orders?: Order[];
  whatsapp?: WhatsAppStatus;
  handoffs?: Handoff[];
  settings?: Partial<KdsSettings>;
  sim?: SimMessage[];
  /** Health figures besides the status (which is `whatsapp`). */
  health?: Partial<Omit<WhatsAppHealth, 'status'>>;
  /** The cloud; {state:'off'} when left out. */
  cloud?: CloudStatus;
  /** The owner side grouped (the same keys as at the top level, plus which engine runs). */
  owner?: FakeOwnerSeed & { engine?: 'simulator' | 'whatsapp' };
  /** The printers' state; no printers when left out. */
  printing?: PrintingStatus;
  /** What getDayReport answers (its date is set to the one asked for). */
  dayReport?: DayReport;
  /** Voice notes and photos getMedia serves (Handoff.media[].id). */
  mediaFiles?: MediaFile[];
}

/** The one recovery code the fake host takes (spaces, dashes and case do not matter, like the host's). */
export const FAKE_RECOVERY_CODE = 'K3F9-2QXM-7TPA-88RD-ZW4N-6HJC';
const plainCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** The pairing code the fake host hands out for any number. */
export const FAKE_PAIRING_CODE = 'K7Q2M9XA';

const clone = <T>(value: T): T => structuredClone(value);

export class FakeKdsApi extends FakeOwnerApi implements KdsApi {
  readonly orders = new Map<string, Order>();
  whatsapp: WhatsAppStatus;
  handoffs: Handoff[];
  settings: KdsSettings;
  restaurant: string;
  simMessages: SimMessage[];
  health: Omit<WhatsAppHealth, 'status'>;
  cloud: CloudStatus;
  /** Set once the right recovery code was typed. */
  recoveryCodeEntered = false;
  /** What the next right recovery code answers about the session (default: from the WhatsApp status). */
  nextRecoveryRestore: RecoveryRestore | undefined;
  /** How many QR payloads were handed out: each new one differs. */
  private qrCount = 0;
  /** Every call, for assertions: [method, ...args]. */
  readonly calls: unknown[][] = [];
  private readonly listeners = new Set<(e: KdsEvent) => void>();
  private readonly now: () => number;
  protected readonly nowMs: () => number;

  constructor(seed: FakeSeed = {}, now: () => number = Date.now) {
    super({ ...seed, ...seed.owner });
    this.nowMs = now;
    if (seed.restaurant) this.menu.restaurant = seed.restaurant;
    this.now = now;
    for (const o of seed.orders ?? []) this.orders.set(o.id, clone(o));
    this.whatsapp = seed.whatsapp ?? { state: 'connected', since: new Date(now()).toISOString(), engine: seed.owner?.engine ?? 'simulator' };
    this.handoffs = seed.handoffs ?? [];
    this.settings = { locale: 'es', amberAfterMinutes: 5, redAfterMinutes: 10, etaChoices: [10, 20, 30], undoSeconds: 5, ...seed.settings };
    this.restaurant = seed.restaurant ?? 'Casa Pepe';
    this.simMessages = seed.sim ?? [];
    this.health = { reconnects: 0, restarts: 0, messagesIn: 0, messagesOut: 0, sendFailures: 0, catchUp: { recovered: 0 }, problems: [], ...seed.health };
    this.cloud = seed.cloud ?? { state: 'off' };
    this.printing = seed.printing ?? { ok: true, printers: [], pending: [], failed: 0, systemPrinters: false };
    this.dayReport = seed.dayReport;
    for (const file of seed.mediaFiles ?? []) this.mediaFiles.set(file.id, clone(file));
  }

  printing: PrintingStatus;
  dayReport: DayReport | undefined;

  setPrinting(status: PrintingStatus): void {
    this.printing = clone(status);
    this.emit({ type: 'printing', status });
  }

  async printOrder(orderId: string, copy: PrintCopy): Promise<PrintJobAnswer> {
    this.calls.push(['printOrder', orderId, copy]);
    this.find(orderId);
    if (!this.printing.printers.length) throw new KdsError('conflict', 'no printer is set up');
    return { state: 'queued', jobs: this.printing.printers.map((p) => ({ key: `order:${orderId}:${copy}:${p.id}`, printerId: p.id, state: 'pending' })) };
  }

  async testPrinter(printerId: string): Promise<PrintJobAnswer> {
    this.calls.push(['testPrinter', printerId]);
    if (!this.printing.printers.some((p) => p.id === printerId)) throw new KdsError('not_found', `no printer with id ${printerId}`);
    return { state: 'queued', jobs: [{ key: `test:${printerId}`, printerId, state: 'pending' }] };
  }

  async getPrintingStatus(): Promise<PrintingStatus> {
    return clone(this.printing);
  }

  async listSystemPrinters(): Promise<string[]> {
    return [];
  }

  async getDayReport(date?: string): Promise<DayReport> {
    this.calls.push(['getDayReport', date]);
    const day = date ?? new Date(this.now()).toISOString().slice(0, 10);
    if (!isCalendarDate(day)) throw new KdsError('bad_request', `date must be YYYY-MM-DD, got "${day}"`);
    if (!this.dayReport) throw new KdsError('not_found', 'the fake host has no day report');
    return { ...clone(this.dayReport), date: day };
  }

  async getDayReportCsv(date?: string): Promise<string> {
    const report = await this.getDayReport(date);
    return `section,key\r\nsummary,${report.date}\r\n`;
  }

  async printDayReport(date?: string): Promise<PrintJobAnswer> {
    this.calls.push(['printDayReport', date]);
    return { state: 'queued', jobs: [] };
  }

  /** The owner side's state (menu, pin, pause, setup…), for tests to look at and change. */
  get owner(): this {
    return this;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  protected emit(event: KdsEvent): void {
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
      menu: { restaurant: this.menu.restaurant, currency: this.menu.currency, locale: this.settings.locale === 'en' ? 'en' : 'es-ES' },
      version: '0.0.0-fake',
      pause: this.currentPause(),
      serverTime: this.iso(),
      printing: this.printing,
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

  /** Files the fake host serves to getMedia, by id. */
  readonly mediaFiles = new Map<string, MediaFile>();

  async getMedia(id: string): Promise<MediaFile> {
    this.calls.push(['getMedia', id]);
    const file = this.mediaFiles.get(id);
    if (!file) throw new KdsError('not_found', 'no such file');
    return clone(file);
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

  async getHealth(): Promise<WhatsAppHealth> {
    this.calls.push(['getHealth']);
    return clone({ status: this.whatsapp, ...this.health });
  }

  async linkWhatsApp(request: LinkRequest): Promise<WhatsAppStatus> {
    this.calls.push(['linkWhatsApp', request]);
    if (request.method === 'code') this.setWhatsApp({ state: 'needs-link', since: this.iso(), engine: this.whatsapp.engine, pairingCode: FAKE_PAIRING_CODE });
    else this.showQr();
    return clone(this.whatsapp);
  }

  async unlinkWhatsApp(): Promise<WhatsAppStatus> {
    this.calls.push(['unlinkWhatsApp']);
    this.showQr();
    return clone(this.whatsapp);
  }

  async reconnectWhatsApp(): Promise<WhatsAppStatus> {
    this.calls.push(['reconnectWhatsApp']);
    const engine = this.whatsapp.engine;
    this.setWhatsApp({ state: 'reconnecting', since: this.iso(), engine, attempt: 1, nextTryAt: new Date(this.now() + 300).toISOString() });
    setTimeout(() => {
      this.health.reconnects++;
      this.setWhatsApp({ state: 'connected', since: this.iso(), engine });
    }, 300);
    return clone(this.whatsapp);
  }

  async exportDiagnostics(): Promise<DiagnosticsExport> {
    this.calls.push(['exportDiagnostics']);
    const fileName = 'comanda-diagnostics-20261120-120000.zip';
    return { path: `/var/lib/comanda/diagnostics/${fileName}`, fileName, bytes: 48_213 };
  }

  async getCloudStatus(): Promise<CloudStatus> {
    this.calls.push(['getCloudStatus']);
    // Like the host: the recovery code only for the owner (anyone while no PIN exists).
    try {
      this.requireOwner();
      return clone(this.cloud);
    } catch {
      return withoutCode(this.cloud);
    }
  }

  /** Like the host: only a running cloud has a session to take; WhatsApp restarts here after it. */
  async takeOverSession(): Promise<CloudStatus> {
    this.calls.push(['takeOverSession']);
    if (this.cloud.state !== 'running') throw new KdsError('conflict', 'the cloud is not running on this PC, so there is no session to take over');
    this.setCloud({ ...this.cloud, lease: { held: true } });
    return clone(this.cloud);
  }

  /** Like the host: a running cloud only; a wrong code changes nothing; a right one restores when WhatsApp is not linked. */
  async enterRecoveryCode(code: string): Promise<CloudStatus> {
    this.calls.push(['enterRecoveryCode', code]);
    if (this.cloud.state !== 'running') throw new KdsError('conflict', 'the cloud is not running on this PC yet: the recovery code can be typed once it has signed in');
    if (plainCode(code) !== plainCode(FAKE_RECOVERY_CODE)) {
      throw new KdsError('bad_request', 'That recovery code is not right: the recovery code is not right (a character is mistyped). Nothing was changed.');
    }
    this.recoveryCodeEntered = true;
    let restore: RecoveryRestore;
    if (this.nextRecoveryRestore) restore = this.nextRecoveryRestore;
    else if (this.whatsapp.engine === 'simulator') restore = { skipped: 'simulator' };
    else if (this.whatsapp.state === 'connected') restore = { skipped: 'session-connected' };
    else if (!['needs-link', 'logged-out', 'failed'].includes(this.whatsapp.state)) restore = { skipped: 'session-busy' };
    else {
      restore = { restoredAt: this.iso(), backupMadeAt: new Date(this.now() - 3_600_000).toISOString() };
      this.setWhatsApp({ state: 'starting', since: this.iso(), engine: this.whatsapp.engine });
    }
    return { ...clone(this.cloud), recoveryRestore: restore };
  }

  async acknowledgeRecoveryCode(): Promise<CloudStatus> {
    this.calls.push(['acknowledgeRecoveryCode']);
    const { recoveryCode: _forgotten, ...rest } = this.cloud;
    this.setCloud(rest);
    return clone(this.cloud);
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

  setCloud(status: CloudStatus): void {
    this.cloud = clone(status);
    // Like the host: events reach every screen, so once a PIN exists they carry no recovery code.
    this.emit({ type: 'cloud', status: this.pin === undefined ? this.cloud : withoutCode(this.cloud) });
  }

  setHandoffs(handoffs: Handoff[]): void {
    this.handoffs = clone(handoffs);
    this.emit({ type: 'handoffs', handoffs: this.handoffs });
  }

  /** A new QR payload, shaped like WhatsApp's, different each time. */
  showQr(): void {
    this.qrCount++;
    const qr = `2@fake${this.qrCount}${'Qm9va2luZ1Rlc3Q'.repeat(4)},${'a'.repeat(43)}=,${'b'.repeat(43)}=,${'c'.repeat(43)}=`;
    this.setWhatsApp({ state: 'needs-link', since: this.iso(), engine: this.whatsapp.engine, qr });
  }

  pushSim(message: SimMessage): void {
    this.simMessages.push(message);
    this.emit({ type: 'sim', message });
  }
}

function withoutCode(status: CloudStatus): CloudStatus {
  const { recoveryCode: _hidden, ...rest } = status;
  return clone(rest);
}
