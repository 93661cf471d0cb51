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
import { MenuSource, SAMPLE_MENU_PATH, loadMenuFile } from './menu-source.ts';
import { isValidTimezone, loadSettingsFile, type HostSettings } from './settings.ts';
import { Store } from '../store/store.ts';
import { OrderLifecycle } from '../orders/order-lifecycle.ts';
import { IncomingMessages } from '../messaging/incoming-messages.ts';
import { IncomingRateLimit } from '../messaging/incoming-rate-limit.ts';
import { Outbox, type OutboxBackoff } from '../messaging/outbox.ts';
import type { WhatsAppEngine } from '../whatsapp/engine.ts';
import { SimulatorEngine } from '../whatsapp/simulator-engine.ts';
import { loadOrCreateAccessToken } from '../server/access-token.ts';
import { KdsServer } from '../server/http-server.ts';
import type { BotHandler } from '../bot/bot-types.ts';
import { handleMessage } from '../bot/ordering-bot.ts';

export interface EngineContext {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** The host's settings, as loaded once (the engine reads its `whatsapp` section). */
  settings: HostSettings;
  /** The restaurant's IANA zone (menu, then settings, then the computer's). */
  timezone: () => string;
}

export interface HostOptions {
  dataDir: string;
  /** 'simulator', or a factory for another engine (the real one is injected by its own module). */
  engine: 'simulator' | ((context: EngineContext) => WhatsAppEngine);
  /** The menu file; default: the sample menu that ships with the app. */
  menuPath?: string;
  menu?: Menu;
  /** HTTP port; 0 picks a free one; null serves no HTTP (an Electron window alone). */
  port?: number | null;
  hostname?: string;
  clock?: Clock;
  logger?: Logger;
  /** Default: DATA_DIR/settings.json, else the defaults. */
  settings?: HostSettings;
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
}

export interface StartedHost {
  url: string;
  port: number | null;
  token: string;
}

export interface Host {
  readonly service: KdsService;
  readonly store: Store;
  readonly engine: WhatsAppEngine;
  readonly simulator: SimulatorEngine | undefined;
  readonly outbox: Outbox;
  readonly menu: MenuSource;
  readonly bus: EventBus;
  readonly stats: HostStats;
  readonly version: string;
  start(): Promise<StartedHost>;
  stop(): Promise<void>;
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

  const settings = options.settings ?? loadSettingsFile(join(options.dataDir, 'settings.json'), logger);
  const menu = new MenuSource(options.menu ?? loadMenuFile(options.menuPath ?? SAMPLE_MENU_PATH));
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const timezone = () => {
    const zone = menu.current().timezone ?? settings.timezone;
    return zone && isValidTimezone(zone) ? zone : systemZone;
  };

  const store = Store.open(join(options.dataDir, 'comanda.sqlite'), { synchronous: options.databaseSync ?? 'FULL' });
  const bus = new EventBus(logger);
  const stats = new HostStats();
  const simulator =
    options.engine === 'simulator'
      ? new SimulatorEngine({ databasePath: join(options.dataDir, 'simulator-chats.sqlite'), clock })
      : undefined;
  const engine: WhatsAppEngine =
    simulator ?? (options.engine as (c: EngineContext) => WhatsAppEngine)({ dataDir: options.dataDir, clock, logger, settings, timezone });

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
        ? { perChatPerMinute: settings.whatsapp.perChatPerMinute, sessionPerMinute: settings.whatsapp.sessionPerMinute }
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
    locale: () => languageOf(menu.current().locale),
    timezone,
    undoMs: settings.undoSeconds * 1000,
  });
  let accessToken: string | undefined;
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
    settings: () => settings,
    timezone,
    version,
  });
  const incoming = new IncomingMessages({
    store,
    clock,
    logger: logger.child({ part: 'incoming' }),
    lifecycle,
    bot: options.bot ?? handleMessage,
    menu: () => menu.current(),
    timezone,
    onOutboxChange: () => outbox.kick(),
    onHandoffsChange: () => bus.emit({ type: 'handoffs', handoffs: service.handoffs() }),
    rateLimit: new IncomingRateLimit({ clock }),
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
  const unsubscribers: (() => void)[] = [];
  let started = false;

  return {
    service,
    store,
    engine,
    simulator,
    outbox,
    menu,
    bus,
    stats,
    version,
    async start() {
      if (started) throw new Error('host already started');
      started = true;
      const token = loadOrCreateAccessToken(options.dataDir);
      accessToken = token;
      // Message ids are kept long enough to drop WhatsApp's redeliveries, not forever.
      store.conversations.pruneIncoming(clock.now() - INBOX_RETENTION_MS);
      unsubscribers.push(
        engine.onMessage((message) => {
          try {
            if (incoming.handle(message) !== 'ignored') stats.count('messagesIn');
          } catch (error) {
            logger.error('incoming message could not be stored', { messageId: message.id, ...errorFields(error) });
            throw error;
          }
        }),
        engine.onStatus((status) => {
          bus.emit({ type: 'whatsapp', status });
          if (status.state === 'connected') outbox.kick();
        }),
      );
      if (simulator) {
        unsubscribers.push(simulator.onChatMessage((message) => bus.emit({ type: 'sim', message } satisfies KdsEvent)));
      }
      await engine.start();
      outbox.start();
      let port: number | null = null;
      let url = '';
      if (options.port !== null) {
        server = new KdsServer({
          service,
          token: () => token,
          logger: logger.child({ part: 'server' }),
          clock,
          version,
          whatsappStatus: () => engine.getStatus(),
          stats: () => ({ ...stats.counts, ordersTotal: store.orders.count() }),
          menu: () => menu.current(),
          staticDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
          settle,
        });
        const hostname = options.hostname ?? '127.0.0.1';
        port = await server.listen(options.port ?? 4747, hostname);
        const shown = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
        url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/#token=${token}`;
      }
      logger.info('host started', { engine: engine.kind, port, version, orders: store.orders.count() });
      return { url, port, token };
    },
    async stop() {
      await server?.close();
      server = undefined;
      await outbox.stop();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await engine.stop();
      store.close();
      logger.info('host stopped');
    },
  };
}

