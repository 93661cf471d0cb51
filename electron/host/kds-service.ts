// The host side of KdsApi: one implementation, served over HTTP + WebSocket and over Electron IPC.
import {
  KdsError,
  type CloudStatus,
  type DiagnosticsExport,
  type Handoff,
  type KdsApi,
  type KdsEvent,
  type KdsSnapshot,
  type LinkRequest,
  type HandoffMedia,
  type MediaFile,
  type ListOrdersQuery,
  type SimIncoming,
  type SimMessage,
  type TransitionRequest,
  type WhatsAppHealth,
  type CatchUpHealth,
} from '../../shared/kds-api.ts';
import type { WhatsAppProblems } from './whatsapp-problems.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { languageOf, type Menu, type MenuInput, type MenuItem } from '../../shared/menu.ts';
import type {
  CloudSignIn,
  EngineKind,
  NetworkAccess,
  OrdersPause,
  OwnerStatus,
  OwnerUnlock,
  PauseRequest,
  SetPinRequest,
  SetupState,
  SetupUpdate,
} from '../../shared/owner-api.ts';
import type { SettingsPatch } from '../../shared/settings.ts';
import { OPEN_STATUSES, type Order } from '../../shared/order.ts';
import { foldText, phoneDigits } from '../../shared/text.ts';
import type { Clock } from './clock.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { HostStats } from './host-stats.ts';
import type { EventBus } from './event-bus.ts';
import type { MenuSource } from './menu-source.ts';
import type { HostSettings } from './settings.ts';
import type { OwnerService } from './owner-service.ts';
import type { Store } from '../store/store.ts';
import type { OrderLifecycle } from '../orders/order-lifecycle.ts';
import { startOfLocalDay } from '../orders/local-day.ts';
import type { LinkOptions, WhatsAppEngine } from '../whatsapp/engine.ts';
import type { SimulatorEngine } from '../whatsapp/simulator-engine.ts';
import type { MediaStore } from '../messaging/media-store.ts';
import { IDLE_RESET_MS } from '../bot/bot-types.ts';
import type { PrintingService } from '../printing/printing-service.ts';
import type { PrintCopy, PrintingStatus, PrintJobAnswer } from '../../shared/printing.ts';
import { isCalendarDate, type DayReport } from '../../shared/day-report.ts';
import { dayReport } from '../reports/day-report.ts';
import { dayReportCsv } from '../reports/day-report-csv.ts';
import { dayReportTicket } from '../reports/day-report-ticket.ts';
import { localDay } from '../orders/local-day.ts';

export interface KdsServiceOptions {
  store: Store;
  clock: Clock;
  bus: EventBus;
  lifecycle: OrderLifecycle;
  engine: WhatsAppEngine;
  simulator: SimulatorEngine | undefined;
  /** Message counters since start, shown in the health panel. */
  stats: HostStats;
  diagnostics: Diagnostics;
  menu: MenuSource;
  settings: () => HostSettings;
  timezone: () => string;
  version: string;
  /** The owner area, out of stock and pause (owner-service.ts); it also guards the owner operations here. */
  owner: OwnerService;
  /** Voice notes and photos customers sent; without it handoffs list no files. */
  media?: MediaStore;
  /** The print queue (tickets, test pages, the day's close on paper). */
  printing?: PrintingService;
  /** The PC's printer names (desktop app); absent headless. */
  systemPrinterNames?: () => Promise<string[]>;
  /** never-ready / events-silent, put on every status the screens see. */
  problems?: WhatsAppProblems;
  /** The catch-up's last sweep and recovered count (messaging/catch-up.ts). */
  catchUpHealth?: () => CatchUpHealth;
}

/** The cloud as the screen sees it (electron/cloud/cloud-status.ts); the host has none until the cloud starts. */
export interface CloudStatusProvider {
  status(): CloudStatus;
  takeOver(): Promise<CloudStatus>;
  acknowledgeRecoveryCode(): CloudStatus;
  enterRecoveryCode(code: string): Promise<CloudStatus>;
  onChange(listener: (status: CloudStatus) => void): () => void;
}

export class KdsService implements KdsApi {
  private readonly o: KdsServiceOptions;
  private readonly unlinkListeners = new Set<() => void>();
  private cloud: CloudStatusProvider | undefined;
  private offCloud: (() => void) | undefined;

  constructor(options: KdsServiceOptions) {
    this.o = options;
  }

  async getSnapshot(): Promise<KdsSnapshot> {
    const { store, clock, menu, version } = this.o;
    const settings = this.o.settings();
    const m = menu.current();
    return {
      orders: store.orders.listBoard(this.startOfToday(), OPEN_STATUSES),
      whatsapp: this.whatsappStatus(),
      handoffs: this.handoffs(),
      settings: {
        locale: settings.locale ?? languageOf(m.locale),
        amberAfterMinutes: settings.amberAfterMinutes,
        redAfterMinutes: settings.redAfterMinutes,
        etaChoices: settings.etaChoices,
        undoSeconds: settings.undoSeconds,
      },
      menu: { restaurant: m.restaurant, currency: m.currency, locale: m.locale },
      pause: this.o.owner.currentPause(),
      version,
      serverTime: new Date(clock.now()).toISOString(),
      ...(this.o.printing ? { printing: this.o.printing.status() } : {}),
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
    const released = this.o.store.transaction(() => {
      const now = this.o.clock.now();
      if (!this.o.store.conversations.releaseHandoff(digits, now)) return false;
      this.o.store.media.release(digits, now);
      return true;
    });
    if (!released) throw new KdsError('not_found', `no customer ${digits} is waiting for a person`);
    const handoffs = this.handoffs();
    this.o.bus.emit({ type: 'handoffs', handoffs });
    return handoffs;
  }

  async getMedia(id: string): Promise<MediaFile> {
    const file = this.readMedia(id);
    return { id, mimetype: file.mimetype, dataBase64: file.data.toString('base64') };
  }

  /** A kept file's bytes (the HTTP route serves them as they are). */
  readMedia(id: string): { mimetype: string; data: Buffer } {
    const file = this.o.media?.read(id);
    if (!file) throw new KdsError('not_found', 'no such file (it was not kept, or it is too old)');
    return file;
  }

  async simSend(message: SimIncoming): Promise<void> {
    this.requireSimulator().receive(message);
  }

  async simConversation(phone: string): Promise<SimMessage[]> {
    return this.requireSimulator().conversation(phone);
  }

  async getHealth(): Promise<WhatsAppHealth> {
    const { engine, stats } = this.o;
    const e = engine.health();
    const health: WhatsAppHealth = {
      status: this.whatsappStatus(),
      reconnects: e.reconnects,
      restarts: e.restarts,
      messagesIn: stats.counts.messagesIn,
      messagesOut: stats.counts.messagesOut,
      sendFailures: stats.counts.sendFailures,
      catchUp: this.o.catchUpHealth?.() ?? { recovered: 0 },
      problems: this.o.problems?.list() ?? [],
    };
    if (e.lastHeartbeatAt !== undefined) health.lastHeartbeatAt = new Date(e.lastHeartbeatAt).toISOString();
    if (e.browserPath !== undefined) health.browserPath = e.browserPath;
    if (e.browserSearched?.length) health.browserSearched = [...e.browserSearched];
    if (e.browserRssBytes !== undefined) health.browserMemoryMb = Math.round(e.browserRssBytes / (1024 * 1024));
    if (e.webVersion !== undefined) health.webVersion = e.webVersion;
    return health;
  }

  async linkWhatsApp(request: LinkRequest): Promise<WhatsAppStatus> {
    this.o.owner.requireOwner();
    const options: LinkOptions = { method: request.method };
    if (request.method === 'code') {
      const phone = phoneDigits(request.phone ?? '');
      if (phone.length < 8) throw new KdsError('bad_request', 'a pairing code needs the phone number with its country code');
      options.phone = phone;
    }
    return this.engineAction(() => this.o.engine.link(options));
  }

  async unlinkWhatsApp(): Promise<WhatsAppStatus> {
    this.o.owner.requireOwner();
    const status = await this.engineAction(() => this.o.engine.unlink());
    for (const listener of this.unlinkListeners) {
      try {
        listener();
      } catch {
        /* a listener's failure never undoes the unlink */
      }
    }
    return status;
  }

  /** The owner unlinked WhatsApp on purpose: the cloud deletes the session backups then. */
  onUnlinked(listener: () => void): () => void {
    this.unlinkListeners.add(listener);
    return () => this.unlinkListeners.delete(listener);
  }

  async reconnectWhatsApp(): Promise<WhatsAppStatus> {
    this.o.owner.requireOwner();
    return this.engineAction(() => this.o.engine.reconnect());
  }

  /** Plugs the cloud in (startHostCloud) or out (its stop); every change reaches the screens as a 'cloud' event. */
  setCloud(provider: CloudStatusProvider | undefined): void {
    this.offCloud?.();
    this.offCloud = undefined;
    this.cloud = provider;
    if (provider) this.offCloud = provider.onChange((status) => this.o.bus.emit({ type: 'cloud', status: this.forEveryScreen(status) }));
    this.o.bus.emit({ type: 'cloud', status: this.forEveryScreen(provider?.status() ?? { state: 'off' }) });
  }

  /**
   * Events reach every screen, staff ones on the network too: once an owner PIN exists they carry
   * no recovery code (an unlocked owner screen reads it through getCloudStatus with its token).
   */
  private forEveryScreen(status: CloudStatus): CloudStatus {
    return this.o.owner.pinSet() ? withoutRecoveryCode(status) : status;
  }

  async getCloudStatus(): Promise<CloudStatus> {
    const status = this.cloud?.status() ?? { state: 'off' };
    // The recovery code unlocks the restaurant's WhatsApp backups: only the owner sees it.
    return this.o.owner.isOwner() ? status : withoutRecoveryCode(status);
  }

  async takeOverSession(): Promise<CloudStatus> {
    this.o.owner.requireOwner();
    if (!this.cloud) throw new KdsError('conflict', 'the cloud is not set up on this PC');
    return this.cloud.takeOver();
  }

  async acknowledgeRecoveryCode(): Promise<CloudStatus> {
    this.o.owner.requireOwner();
    return this.cloud?.acknowledgeRecoveryCode() ?? { state: 'off' };
  }

  async enterRecoveryCode(code: string): Promise<CloudStatus> {
    this.o.owner.requireOwner();
    if (!this.cloud) throw new KdsError('conflict', 'the cloud is not set up on this PC, so a recovery code has nothing to unlock');
    return this.cloud.enterRecoveryCode(code);
  }

  async exportDiagnostics(): Promise<DiagnosticsExport> {
    const { engine, store, version } = this.o;
    return this.o.diagnostics.export({
      version,
      engine: engine.kind,
      whatsapp: await this.getHealth(),
      orders: { total: store.orders.count(), today: this.ordersTodayCount() },
      // The restaurant's settings (intervals, limits); anything secret-looking is blanked on the way.
      settings: this.o.settings(),
    });
  }

  /** A diagnostics zip written by exportDiagnostics, by file name (the download route). */
  readDiagnostics(fileName: string): Promise<Buffer> {
    return this.o.diagnostics.read(fileName);
  }

  // The owner area (shared/owner-api.ts), implemented in owner-service.ts.
  getMenu(): Promise<Menu> {
    return this.o.owner.getMenu();
  }
  saveMenu(menu: MenuInput): Promise<Menu> {
    return this.o.owner.saveMenu(menu);
  }
  setItemAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    return this.o.owner.setItemAvailability(itemId, available);
  }
  pauseOrders(request: PauseRequest): Promise<OrdersPause> {
    return this.o.owner.pauseOrders(request);
  }
  resumeOrders(): Promise<OrdersPause> {
    return this.o.owner.resumeOrders();
  }
  getSettings(): Promise<HostSettings> {
    return this.o.owner.getSettings();
  }
  updateSettings(patch: SettingsPatch): Promise<HostSettings> {
    return this.o.owner.updateSettings(patch);
  }
  getOwnerStatus(): Promise<OwnerStatus> {
    return this.o.owner.getOwnerStatus();
  }
  setOwnerPin(request: SetPinRequest): Promise<OwnerStatus> {
    return this.o.owner.setOwnerPin(request);
  }
  unlockOwner(pin: string): Promise<OwnerUnlock> {
    return this.o.owner.unlockOwner(pin);
  }
  getSetup(): Promise<SetupState> {
    return this.o.owner.getSetup();
  }
  updateSetup(update: SetupUpdate): Promise<SetupState> {
    return this.o.owner.updateSetup(update);
  }
  getEngine(): Promise<EngineKind> {
    return this.o.owner.getEngine();
  }
  setEngine(kind: EngineKind): Promise<EngineKind> {
    return this.o.owner.setEngine(kind);
  }
  getNetworkAccess(): Promise<NetworkAccess> {
    return this.o.owner.getNetworkAccess();
  }
  setNetworkAccess(enabled: boolean): Promise<NetworkAccess> {
    return this.o.owner.setNetworkAccess(enabled);
  }
  rotateAccessToken(): Promise<NetworkAccess> {
    return this.o.owner.rotateAccessToken();
  }
  cloudSignIn(request: CloudSignIn): Promise<void> {
    return this.o.owner.cloudSignIn(request);
  }
  cloudSignOut(): Promise<void> {
    return this.o.owner.cloudSignOut();
  }

  /** Owner-only routes that are not KdsApi methods (the day report): 403 without the owner token. */
  requireOwner(): void {
    this.o.owner.requireOwner();
  }

  async printOrder(orderId: string, copy: PrintCopy): Promise<PrintJobAnswer> {
    return this.requirePrinting().printOrder(this.getOrder(orderId), copy);
  }

  async testPrinter(printerId: string): Promise<PrintJobAnswer> {
    return this.requirePrinting().testPrinter(printerId);
  }

  async getPrintingStatus(): Promise<PrintingStatus> {
    return this.requirePrinting().status();
  }

  async listSystemPrinters(): Promise<string[]> {
    return (await this.o.systemPrinterNames?.()) ?? [];
  }

  /** Owner only (the takings): the same guard on HTTP and IPC. */
  async getDayReport(date?: string): Promise<DayReport> {
    this.o.owner.requireOwner();
    const { store, clock, menu } = this.o;
    const day = date ?? localDay(clock.now(), this.o.timezone());
    if (!isCalendarDate(day)) throw new KdsError('bad_request', `date must be a real day written YYYY-MM-DD, got "${day}"`);
    return dayReport(store, { date: day, timezone: this.o.timezone(), currency: menu.current().currency, now: clock.now() });
  }

  async getDayReportCsv(date?: string): Promise<string> {
    return dayReportCsv(await this.getDayReport(date), this.kitchenLocale());
  }

  async printDayReport(date?: string): Promise<PrintJobAnswer> {
    const report = await this.getDayReport(date);
    const m = this.o.menu.current();
    const ticket = dayReportTicket(report, { locale: this.kitchenLocale(), moneyLocale: m.locale, restaurant: m.restaurant });
    return this.requirePrinting().printDocument(ticket, 'report', `report:${report.date}`);
  }

  /** The kitchen's language: the settings' override, else the menu's. */
  kitchenLocale(): 'es' | 'en' {
    return this.o.settings().locale ?? languageOf(this.o.menu.current().locale);
  }

  private requirePrinting(): PrintingService {
    if (!this.o.printing) throw new KdsError('conflict', 'printing is not available on this host');
    return this.o.printing;
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
      // Files from the conversation that led here too (photos before the bot gave up, say).
      const media = store.media.forHandoff(c.phone, (c.handoffSince ?? c.updatedAt) - IDLE_RESET_MS).map((m) => {
        const entry: HandoffMedia = { kind: m.kind, at: new Date(m.at).toISOString() };
        if (m.mimetype) {
          entry.id = m.id;
          entry.url = `/api/media/${m.id}`;
          entry.mimetype = m.mimetype;
        }
        if (m.bytes !== undefined) entry.bytes = m.bytes;
        if (m.missing) entry.missing = m.missing;
        return entry;
      });
      if (media.length) handoff.media = media;
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

  /**
   * Runs a link / unlink / reconnect and answers the status right after; the rest follows as
   * 'whatsapp' events. An engine that refuses (wrong state, worker down) is a conflict the screen
   * shows in words, not a server error.
   */
  private async engineAction(action: () => Promise<void>): Promise<WhatsAppStatus> {
    try {
      await action();
    } catch (error) {
      if (error instanceof KdsError) throw error;
      throw new KdsError('conflict', error instanceof Error ? error.message : String(error));
    }
    return this.whatsappStatus();
  }

  /** The engine's status with the host's problems on it. */
  whatsappStatus(): WhatsAppStatus {
    const status = this.o.engine.getStatus();
    return this.o.problems ? this.o.problems.decorate(status) : status;
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

function withoutRecoveryCode(status: CloudStatus): CloudStatus {
  if (status.recoveryCode === undefined) return status;
  const { recoveryCode: _hidden, ...rest } = status;
  return rest;
}
