// Composition of the host: store, WhatsApp engine, bot, order lifecycle, outbox and server. Runs
// the same inside Electron's main process and headless under Node. Never imports electron.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languageOf, type Menu } from '../../shared/menu.ts';
import type { KdsEvent } from '../../shared/kds-api.ts';
import { createSystemClock, type Clock } from './clock.ts';
import { createJsonLogger, errorFields, type Logger } from './logger.ts';
import { EventBus } from './event-bus.ts';
import { HostStats } from './host-stats.ts';
import { KdsService } from './kds-service.ts';
import { Diagnostics } from './diagnostics.ts';
import { MenuSource } from './menu-source.ts';
import { isValidTimezone, type HostSettings } from './settings.ts';
import { SettingsStore } from './settings-store.ts';
import { OrdersPauseControl } from './orders-pause.ts';
import { SetupStore } from './setup-store.ts';
import { OwnerPin } from './owner-pin.ts';
import { OwnerTokens } from './owner-tokens.ts';
import { OwnerService } from './owner-service.ts';
import type { DeviceControl } from './device-control.ts';
import type { NetworkAccess } from '../../shared/owner-api.ts';
import { Store } from '../store/store.ts';
import { OrderLifecycle } from '../orders/order-lifecycle.ts';
import { IncomingMessages } from '../messaging/incoming-messages.ts';
import { IncomingRateLimit } from '../messaging/incoming-rate-limit.ts';
import { MediaStore } from '../messaging/media-store.ts';
import { CatchUp } from '../messaging/catch-up.ts';
import { WhatsAppProblems } from './whatsapp-problems.ts';
import { FleetPin } from './fleet-pin.ts';
import { NeverReady } from '../whatsapp/never-ready.ts';
import { Outbox, type OutboxBackoff } from '../messaging/outbox.ts';
import type { WhatsAppEngine } from '../whatsapp/engine.ts';
import type { WhatsAppWorkerEngine } from '../whatsapp/whatsapp-engine.ts';
import { SimulatorEngine } from '../whatsapp/simulator-engine.ts';
import { loadOrCreateAccessToken, rotateAccessToken } from '../server/access-token.ts';
import { KdsServer } from '../server/http-server.ts';
import type { BotHandler } from '../bot/bot-types.ts';
import { handleMessage } from '../bot/ordering-bot.ts';
import { PrintingService } from '../printing/printing-service.ts';
import type { SystemPrinter } from '../printing/printer-drivers.ts';
import type { PrintBackoff } from '../printing/print-queue.ts';
import type { SocketFactory, TcpPrinterTimeouts } from '../printing/tcp-printer.ts';

export interface EngineContext {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** The host's settings when the engine is made (the engine reads its `whatsapp` section). */
  settings: HostSettings;
  /** The settings as they are now: PUT /api/settings changes them while the engine runs. */
  currentSettings?: () => HostSettings;
  /** The restaurant's IANA zone (menu, then settings, then the computer's). */
  timezone: () => string;
  /** The owner's language for alerts (the screen's language if set, else the menu's), asked each time. */
  ownerLanguage?: () => 'es' | 'en';
  /** The WhatsApp Web version the fleet pinned (fleet/whatsapp), as last heard. */
  fleetPin?: () => { webVersion: string; webVersionCacheUrl?: string } | undefined;
}

export interface HostOptions {
  dataDir: string;
  /** 'simulator', or a factory for another engine (the real one is injected by its own module). */
  engine: 'simulator' | ((context: EngineContext) => WhatsAppEngine);
  /**
   * A menu file (--menu) imported at start, replacing the menu stored in the database. Without it
   * (and without `menu`) the stored menu is used; the sample only on a fresh data directory.
   */
  menuPath?: string;
  /** A menu object imported at start like menuPath (tests). */
  menu?: Menu;
  /** HTTP port; 0 picks a free one; null serves no HTTP (an Electron window alone). */
  port?: number | null;
  hostname?: string;
  clock?: Clock;
  logger?: Logger;
  /**
   * Settings for a database that holds none yet (tests; the desktop app's older values). Once
   * stored, the database's settings win. Without it the first start imports DATA_DIR/settings.json.
   */
  settings?: HostSettings;
  /** The shell's device controls (engine switch, network, cloud sign-in); absent: those routes answer 409. */
  device?: DeviceControl;
  /** Owner unlocks shared by the hosts of one process, so an engine switch does not ask for the PIN again. */
  ownerTokens?: OwnerTokens;
  /** The built renderer to serve; default dist/renderer next to the app. */
  rendererDir?: string;
  bot?: BotHandler;
  outboxBackoff?: OutboxBackoff;
  /** FULL (default) survives power loss; NORMAL only a killed process (benchmarks). */
  databaseSync?: 'FULL' | 'NORMAL';
  /** Longest an API call waits for due customer messages to go out. */
  settleMs?: number;
  /** The log folder the diagnostics export reads: default DATA_DIR/logs (Electron: electron-log's). */
  logDir?: string;
  /** The desktop app's PC printers (electron/shell/system-printer.ts); headless has none. */
  systemPrinter?: SystemPrinter;
  /** Tests: the print queue's sockets, deadlines and backoff. */
  printing?: { connect?: SocketFactory; tcpTimeouts?: Partial<TcpPrinterTimeouts>; backoff?: PrintBackoff };
}

export interface StartedHost {
  url: string;
  port: number | null;
  token: string;
  /** The address the server listens on (null port: no server). */
  hostname: string;
}

export interface Host {
  readonly service: KdsService;
  readonly store: Store;
  readonly engine: WhatsAppEngine;
  readonly simulator: SimulatorEngine | undefined;
  readonly outbox: Outbox;
  readonly menu: MenuSource;
  /** The kitchen's and device's settings (live; PUT /api/settings). */
  readonly settings: SettingsStore;
  readonly bus: EventBus;
  readonly stats: HostStats;
  readonly printing: PrintingService;
  readonly catchUp: CatchUp;
  readonly problems: WhatsAppProblems;
  /** fleet/whatsapp as last heard (the cloud writes it). */
  readonly fleet: FleetPin;
  readonly neverReady: NeverReady;
  readonly version: string;
  start(): Promise<StartedHost>;
  stop(): Promise<void>;
  /** Forgets the owner PIN (headless flag, tray menu): from the PC itself, never over the network. */
  resetOwnerPin(): void;
  /** Plugs the shell's device controls in after creation (or out). */
  setDevice(device: DeviceControl | undefined): void;
  /** Where the started host listens and with which token (undefined before start). */
  listening(): StartedHost | undefined;
  /**
   * Listens on another address, same port (screens on the network on or off). Open HTTP
   * connections and screens are dropped; screens reconnect by themselves.
   */
  relisten(hostname: string): Promise<StartedHost>;
  /** Writes a new access token (DATA_DIR/access-token); screens holding the old one are disconnected. */
  rotateAccessToken(): StartedHost;
}

const INBOX_RETENTION_MS = 30 * 24 * 3600_000;

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function createHost(options: HostOptions): Host {
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? createJsonLogger();
  const version = appVersion();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });

  const store = Store.open(join(options.dataDir, 'comanda.sqlite'), { synchronous: options.databaseSync ?? 'FULL' });
  const hadOrders = store.orders.count() > 0;
  const { store: settingsStore, report: settingsReport } = SettingsStore.open({
    repo: store.settings,
    logger,
    legacyFilePath: join(options.dataDir, 'settings.json'),
    ...(options.settings ? { seed: options.settings } : {}),
  });
  const settings = () => settingsStore.current();
  let menu: MenuSource;
  try {
    menu = MenuSource.open({
      repo: store.menu,
      clock,
      logger,
      ...(options.menu ? { importMenu: options.menu } : options.menuPath ? { importPath: options.menuPath } : {}),
    });
  } catch (error) {
    store.close();
    throw error;
  }
  // An install that ran before first-run existed is set up already.
  const setup = SetupStore.open(store.settings, () => hadOrders || settingsReport.legacyFileExisted);
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const timezone = () => {
    const zone = menu.current().timezone ?? settings().timezone;
    return zone && isValidTimezone(zone) ? zone : systemZone;
  };

  const bus = new EventBus(logger);
  const stats = new HostStats();
  const pause = new OrdersPauseControl({ repo: store.settings, clock, onChange: (p) => bus.emit({ type: 'pause', pause: p }) });
  menu.onChange((m) => bus.emit({ type: 'menu', menu: m }));
  settingsStore.onChange((s) => bus.emit({ type: 'settings', settings: s }));
  setup.onChange((s) => bus.emit({ type: 'setup', setup: s }));
  const problems = new WhatsAppProblems(logger.child({ part: 'whatsapp-problems' }));
  const fleet = new FleetPin(store.settings, logger.child({ part: 'fleet' }));
  const simulator =
    options.engine === 'simulator'
      ? new SimulatorEngine({ databasePath: join(options.dataDir, 'simulator-chats.sqlite'), clock })
      : undefined;
  const engine: WhatsAppEngine =
    simulator ?? (options.engine as (c: EngineContext) => WhatsAppEngine)({
      dataDir: options.dataDir,
      clock,
      logger,
      settings: settings(),
      currentSettings: settings,
      timezone,
      ownerLanguage: () => settings().locale ?? languageOf(menu.current().locale),
      fleetPin: () => fleet.webVersion(),
    });

  const emitOrder = (orderId: string) => {
    const order = store.orders.get(orderId);
    if (order) bus.emit({ type: 'order', order });
  };
  const outbox = new Outbox({
    store,
    engine,
    clock,
    logger: logger.child({ part: 'outbox' }),
    // The limits protect a real number from WhatsApp's spam checks; the simulator answers at once.
    rateLimits:
      engine.kind === 'whatsapp'
        ? () => ({ perChatPerMinute: settings().whatsapp.perChatPerMinute, sessionPerMinute: settings().whatsapp.sessionPerMinute })
        : null,
    onEntryChange: (entry) => {
      if (entry.state === 'sent' && !entry.duplicateOf) stats.count('messagesOut');
      if (entry.state === 'failed') stats.count('sendFailures');
      if (entry.orderId) emitOrder(entry.orderId);
    },
    ...(options.outboxBackoff ? { backoff: options.outboxBackoff } : {}),
  });
  const lifecycle = new OrderLifecycle({
    store,
    clock,
    onChange: (order) => bus.emit({ type: 'order', order }),
    onOutboxChange: () => outbox.kick(),
    locale: () => menu.current().locale,
    timezone,
    undoMs: () => settings().undoSeconds * 1000,
  });
  const media = new MediaStore({ dir: join(options.dataDir, 'media'), store, clock, logger: logger.child({ part: 'media' }) });
  const printingOptions: ConstructorParameters<typeof PrintingService>[0] = {
    store,
    clock,
    logger: logger.child({ part: 'printing' }),
    settings: () => settings().printing,
    context: () => {
      const m = menu.current();
      return { locale: settings().locale ?? languageOf(m.locale), moneyLocale: m.locale, timezone: timezone(), restaurant: m.restaurant };
    },
    onStatus: (status) => bus.emit({ type: 'printing', status }),
    ...options.printing,
  };
  if (options.systemPrinter) printingOptions.systemPrinter = options.systemPrinter;
  const printing = new PrintingService(printingOptions);
  // New printers or a fixed address: forget the old retry waits and try the queue now.
  settingsStore.onChange(() => printing.settingsChanged());
  let accessToken: string | undefined;
  let device = options.device;
  let listeningUrl = '';
  let listeningHost = options.hostname ?? '127.0.0.1';
  const owner = new OwnerService({
    menu,
    settings: settingsStore,
    pause,
    setup,
    pin: new OwnerPin({ repo: store.settings, clock, logger: logger.child({ part: 'owner' }) }),
    tokens: options.ownerTokens ?? new OwnerTokens(clock),
    engineKind: () => engine.kind,
    device: () => device,
    listening: (): NetworkAccess => ({
      enabled: !isLoopback(listeningHost),
      urls: listeningUrl && !isLoopback(listeningHost) ? [listeningUrl] : [],
      blockedReason: 'not-supported',
    }),
  });
  const diagnostics = new Diagnostics({
    outDir: join(options.dataDir, 'diagnostics'),
    logDir: options.logDir ?? join(options.dataDir, 'logs'),
    clock,
    secrets: () => (accessToken ? [accessToken] : []),
  });
  const service = new KdsService({
    store,
    clock,
    bus,
    lifecycle,
    engine,
    simulator,
    stats,
    diagnostics,
    menu,
    settings,
    timezone,
    version,
    owner,
    media,
    printing,
    ...(options.systemPrinter ? { systemPrinterNames: () => options.systemPrinter!.list() } : {}),
    problems,
    catchUpHealth: () => catchUp.health(),
  });
  const incoming = new IncomingMessages({
    store,
    clock,
    logger: logger.child({ part: 'incoming' }),
    lifecycle,
    bot: options.bot ?? handleMessage,
    menu: () => menu.current(),
    timezone,
    pausedUntil: () => pause.pausedUntil(),
    onOutboxChange: () => outbox.kick(),
    onHandoffsChange: () => bus.emit({ type: 'handoffs', handoffs: service.handoffs() }),
    rateLimit: new IncomingRateLimit({ clock }),
    media,
  });

  const catchUp = new CatchUp({
    engine,
    store,
    clock,
    logger: logger.child({ part: 'catch-up' }),
    incoming,
    settings: () => settings().whatsapp,
    menu: () => menu.current(),
    problems,
    isQuiet: () => store.outbox.active().length === 0,
    onHandled: (messages) => {
      for (let i = 0; i < messages.length; i++) stats.count('messagesIn');
      outbox.kick();
    },
  });

  const neverReady = new NeverReady({
    engine,
    clock,
    logger: logger.child({ part: 'never-ready' }),
    settings: () => settings().whatsapp,
    problems,
    pinned: () => fleet.webVersion(),
  });

  const settleMs = options.settleMs ?? 2_000;
  const settle = () =>
    new Promise<void>((resolve) => {
      const timer = clock.setTimeout(resolve, settleMs);
      void outbox.idle().then(() => {
        clock.clearTimeout(timer);
        resolve();
      });
    });

  let server: KdsServer | undefined;
  let listening: StartedHost | undefined;
  const unsubscribers: (() => void)[] = [];
  let started = false;

  const kitchenUrl = (hostname: string, port: number | null, token: string) => {
    if (port === null) return '';
    const shown = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
    return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/#token=${token}`;
  };
  const newServer = () =>
    new KdsServer({
      service,
      // Read per request: a rotated token takes effect at once.
      token: () => accessToken ?? '',
      logger: logger.child({ part: 'server' }),
      clock,
      version,
      whatsappStatus: () => problems.decorate(engine.getStatus()),
      stats: () => ({ ...stats.counts, ordersTotal: store.orders.count() }),
      pause: () => pause.state(),
      staticDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      settle,
      printingStatus: () => printing.status(),
    });
  /** What the owner area shows without a DeviceControl (tests); the device reads listening() instead. */
  const noteListening = (now: StartedHost) => {
    listeningHost = now.hostname;
    listeningUrl = now.port === null ? '' : now.url;
  };

  return {
    service,
    store,
    engine,
    simulator,
    outbox,
    menu,
    settings: settingsStore,
    bus,
    stats,
    printing,
    catchUp,
    problems,
    fleet,
    neverReady,
    version,
    resetOwnerPin: () => owner.resetPin(),
    setDevice(next) {
      device = next;
    },
    async start() {
      if (started) throw new Error('host already started');
      started = true;
      const token = loadOrCreateAccessToken(options.dataDir);
      accessToken = token;
      // Message ids are kept long enough to drop WhatsApp's redeliveries, not forever.
      store.conversations.pruneIncoming(clock.now() - INBOX_RETENTION_MS);
      media.pruneNow();
      unsubscribers.push(
        engine.onMessage((message) => {
          try {
            const outcome = incoming.handle(message);
            if (outcome !== 'ignored') stats.count('messagesIn');
            if (outcome !== 'ignored') catchUp.noteEvent(message.id, outcome !== 'duplicate');
          } catch (error) {
            logger.error('incoming message could not be stored', { messageId: message.id, ...errorFields(error) });
            throw error;
          }
        }),
        engine.onStatus((status) => {
          bus.emit({ type: 'whatsapp', status: problems.decorate(status) });
          if (status.state === 'connected') outbox.kick();
        }),
        problems.onChange(() => bus.emit({ type: 'whatsapp', status: problems.decorate(engine.getStatus()) })),
        // The real engine tells when a send's own message_create/ack never came back.
        (engine as Partial<Pick<WhatsAppWorkerEngine, 'onEcho'>>).onEcho?.call(engine, (echo) => catchUp.noteSendEcho(echo.missing)) ??
          (() => undefined),
      );
      if (simulator) {
        unsubscribers.push(simulator.onChatMessage((message) => bus.emit({ type: 'sim', message } satisfies KdsEvent)));
      }
      pause.start();
      // Auto-print follows the orders' changes; the queue prints in its own workers.
      unsubscribers.push(
        bus.subscribe((event) => {
          if (event.type === 'order') printing.onOrderChanged(event.order);
        }),
      );
      catchUp.start();
      neverReady.start();
      await engine.start();
      outbox.start();
      printing.start();
      let port: number | null = null;
      const hostname = options.hostname ?? '127.0.0.1';
      if (options.port !== null) {
        server = newServer();
        port = await server.listen(options.port ?? 4747, hostname);
      }
      listening = { url: kitchenUrl(hostname, port, token), port, token, hostname };
      noteListening(listening);
      logger.info('host started', { engine: engine.kind, port, version, orders: store.orders.count() });
      return { ...listening };
    },
    listening: () => (listening ? { ...listening } : undefined),
    async relisten(hostname) {
      if (!listening || !server || listening.port === null) throw new Error('the host serves no HTTP to move');
      const port = listening.port;
      await server.close();
      server = newServer();
      try {
        await server.listen(port, hostname);
      } catch (error) {
        // The new address is refused (taken, not on this PC): keep serving where it was.
        logger.warn('could not listen on the new address; staying', { hostname, port, ...errorFields(error) });
        server = newServer();
        await server.listen(port, listening.hostname);
        throw error;
      }
      listening = { ...listening, hostname, url: kitchenUrl(hostname, port, listening.token) };
      noteListening(listening);
      logger.info('listening', { hostname, port });
      return { ...listening };
    },
    rotateAccessToken() {
      if (!listening) throw new Error('the host is not started');
      const token = rotateAccessToken(options.dataDir);
      accessToken = token;
      listening = { ...listening, token, url: kitchenUrl(listening.hostname, listening.port, token) };
      noteListening(listening);
      const dropped = server?.events.disconnectAll() ?? 0;
      logger.info('access token rotated', { screensDisconnected: dropped });
      return { ...listening };
    },
    async stop() {
      await server?.close();
      server = undefined;
      listening = undefined;
      neverReady.stop();
      await catchUp.stop();
      await outbox.stop();
      pause.stop();
      await printing.stop();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await engine.stop();
      store.close();
      logger.info('host stopped');
    },
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || hostname.startsWith('127.');
}
