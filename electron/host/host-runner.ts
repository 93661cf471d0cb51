// Keeps one host running for a shell (headless or the desktop app) and replaces it when the owner
// switches WhatsApp engines: the old host stops (the cloud first, it reads the store), a new one
// starts on the same database, port, address and token, and the cloud follows. Orders live in
// SQLite, so nothing is lost. Screens and the app's window reach the host through this runner,
// so they keep working across a switch.
import type { KdsEvent } from '../../shared/kds-api.ts';
import type { EngineKind } from '../../shared/owner-api.ts';
import type { Host, StartedHost } from './create-host.ts';
import { errorFields, type Logger } from './logger.ts';
import type { KdsService } from './kds-service.ts';

export interface HostParams {
  engine: EngineKind;
  port: number | null;
  hostname: string;
}

export interface HostRunnerOptions extends HostParams {
  /** Builds a host with the shell's own options (logger, settings, device control…). */
  create: (params: HostParams) => Host;
  /** The first start; the desktop app falls back to a free port here. Default: create and start. */
  firstStart?: (create: (port: number | null) => Host, port: number | null) => Promise<{ host: Host; started: StartedHost }>;
  /** After every start (the first and each switch): the cloud follows the host. */
  afterStart?: (host: Host) => Promise<void>;
  /** Before every stop: the cloud reads the store, so it goes first. */
  beforeStop?: (host: Host) => Promise<void>;
  logger: Logger;
}

export class HostRunner {
  private readonly o: HostRunnerOptions;
  private current: Host | undefined;
  private params: HostParams;
  /** One change at a time: a switch, a new address or a new token never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly eventListeners = new Set<(event: KdsEvent) => void>();
  private readonly changeListeners = new Set<(host: Host) => void>();
  private offBus: (() => void) | undefined;
  private stopped = false;

  constructor(options: HostRunnerOptions) {
    this.o = options;
    this.params = { engine: options.engine, port: options.port, hostname: options.hostname };
  }

  /** The running host (the last one started). */
  get host(): Host {
    if (!this.current) throw new Error('the host is not started');
    return this.current;
  }

  /** The running host, or undefined before the first start. */
  get running(): Host | undefined {
    return this.current;
  }

  get engine(): EngineKind {
    return this.params.engine;
  }

  /** Where the host listens now, with its token. */
  listening(): StartedHost | undefined {
    return this.current?.listening();
  }

  async start(): Promise<StartedHost> {
    const create = (port: number | null) => this.o.create({ ...this.params, port });
    const { host, started } = this.o.firstStart ? await this.o.firstStart(create, this.params.port) : await this.startOne(create(this.params.port));
    // A free port picked at start (0, or the desktop's fallback) is kept for every later switch.
    this.params.port = started.port;
    this.adopt(host);
    await this.o.afterStart?.(host);
    return started;
  }

  /** Restarts the host with the other engine; resolves once the new one runs. */
  switchEngine(engine: EngineKind): Promise<StartedHost> {
    return this.serial(async () => {
      const old = this.host;
      if (engine === this.params.engine) return old.listening()!;
      const previous = this.params.engine;
      this.o.logger.info('switching WhatsApp engine', { from: previous, to: engine });
      await this.o.beforeStop?.(old).catch((error) => this.o.logger.error('cloud stop before the switch failed', errorFields(error)));
      await old.stop();
      let next: Host;
      let started: StartedHost;
      try {
        ({ host: next, started } = await this.startOne(this.o.create({ ...this.params, engine })));
        this.params.engine = engine;
      } catch (error) {
        // The kitchen must not stay dark: back to the engine that ran before.
        this.o.logger.error('the new engine did not start; starting the previous one again', { engine, ...errorFields(error) });
        ({ host: next, started } = await this.startOne(this.o.create({ ...this.params, engine: previous })));
        this.adopt(next);
        await this.o.afterStart?.(next);
        throw error;
      }
      this.adopt(next);
      await this.o.afterStart?.(next);
      return started;
    });
  }

  /** Listens on another address (same port); later switches keep it. */
  relisten(hostname: string): Promise<StartedHost> {
    return this.serial(async () => {
      if (this.listening()?.hostname === hostname) return this.listening()!;
      const started = await this.host.relisten(hostname);
      this.params.hostname = hostname;
      return started;
    });
  }

  rotateAccessToken(): Promise<StartedHost> {
    return this.serial(async () => this.host.rotateAccessToken());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue.catch(() => undefined);
    const host = this.current;
    if (!host) return;
    this.offBus?.();
    await this.o.beforeStop?.(host).catch((error) => this.o.logger.error('cloud stop failed', errorFields(error)));
    await host.stop();
  }

  /** Every host event, from whichever host runs now. */
  subscribe(listener: (event: KdsEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** After a switch: the window, the tray and the alerts look at the new host. */
  onHostChanged(listener: (host: Host) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * The running host's KdsService, looked up at each call: what the app's IPC serves, so the
   * window keeps working after a switch. subscribe follows the switches too.
   */
  readonly service: KdsService = new Proxy({} as KdsService, {
    get: (_target, name) => {
      if (name === 'subscribe') return (listener: (event: KdsEvent) => void) => this.subscribe(listener);
      const service = this.host.service;
      const value = Reflect.get(service, name, service) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(service) : value;
    },
  });

  private async startOne(host: Host): Promise<{ host: Host; started: StartedHost }> {
    try {
      return { host, started: await host.start() };
    } catch (error) {
      await host.stop().catch(() => undefined);
      throw error;
    }
  }

  private adopt(host: Host): void {
    this.offBus?.();
    this.current = host;
    this.offBus = host.service.subscribe((event) => {
      for (const listener of this.eventListeners) listener(event);
    });
    for (const listener of this.changeListeners) {
      try {
        listener(host);
      } catch (error) {
        this.o.logger.warn('host change listener failed', errorFields(error));
      }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new Error('the host is stopping'));
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
