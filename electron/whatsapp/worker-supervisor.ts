// Runs the engine worker process: spawns it through the injected SpawnWorker (child_process.fork
// headless, Electron's utilityProcess in the app), matches requests to replies with deadlines, and
// ends it cleanly — or by force, with its browser, when it does not go. It never decides whether
// to restart: the engine does, and tells it when (spawnAfter).
import type { Clock, TimerHandle } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { IncomingMessage } from './engine.ts';
import type { SpawnWorker, WaEvent, WorkerConfig, WorkerHandle, WorkerReplyValue, WorkerRequest, WorkerToParent } from './protocol.ts';

export type SupervisorEvent =
  | { type: 'spawned'; pid: number | undefined }
  | { type: 'wa'; payload: WaEvent }
  | { type: 'message'; message: IncomingMessage }
  | { type: 'browser'; pid: number | null }
  | { type: 'error'; error: string; fatal: boolean }
  /** `expected`: the exit followed stop(); otherwise the worker died on its own. */
  | { type: 'exit'; code: number | null; signal: string | null; expected: boolean };

/** A request that could not be answered because the worker is gone (or was never there). */
export class WorkerGoneError extends Error {
  constructor(message = 'the WhatsApp worker is not running') {
    super(message);
    this.name = 'WorkerGoneError';
  }
}

/** A request the worker did not answer in time (a hung page). */
export class WorkerTimeoutError extends Error {
  constructor(op: string, ms: number) {
    super(`the WhatsApp worker did not answer ${op} within ${ms} ms`);
    this.name = 'WorkerTimeoutError';
  }
}

export interface WorkerSupervisorOptions {
  spawn: SpawnWorker;
  clock: Clock;
  logger: Logger;
  /** Ends the browser a dead worker left behind (checks the pid is still that browser). */
  killBrowser: (pid: number) => void;
  /** How long a worker may take to close its browser and exit after 'stop'. */
  stopTimeoutMs?: number;
}

interface Pending {
  resolve: (value: WorkerReplyValue) => void;
  reject: (error: Error) => void;
  timer: TimerHandle;
}

interface Running {
  handle: WorkerHandle;
  exited: Promise<void>;
  stopping: boolean;
  browserPid: number | undefined;
}

export class WorkerSupervisor {
  private readonly options: WorkerSupervisorOptions;
  private readonly listeners = new Set<(event: SupervisorEvent) => void>();
  private readonly pending = new Map<number, Pending>();
  private current: Running | undefined;
  private spawnTimer: TimerHandle | undefined;
  private nextRequestId = 1;
  private spawnCount = 0;
  private lastBrowserPid: number | undefined;

  constructor(options: WorkerSupervisorOptions) {
    this.options = options;
  }

  onEvent(listener: (event: SupervisorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** A spawn is scheduled (spawnAfter) and has not happened yet. */
  get spawnPending(): boolean {
    return this.spawnTimer !== undefined;
  }

  get pid(): number | undefined {
    return this.current?.handle.pid;
  }

  get browserPid(): number | undefined {
    return this.current?.browserPid ?? this.lastBrowserPid;
  }

  /** Workers spawned after the first one. */
  get restarts(): number {
    return Math.max(0, this.spawnCount - 1);
  }

  /** Spawns a worker now (the previous one must be stopped). */
  spawn(config: WorkerConfig): void {
    this.cancelScheduledSpawn();
    if (this.current) throw new Error('a WhatsApp worker is already running');
    const handle = this.options.spawn();
    this.spawnCount++;
    let markExited!: () => void;
    const running: Running = {
      handle,
      exited: new Promise<void>((resolve) => (markExited = resolve)),
      stopping: false,
      browserPid: undefined,
    };
    this.current = running;
    handle.onMessage((message) => {
      if (this.current === running) this.receive(running, message);
    });
    handle.onExit((code, signal) => {
      markExited();
      if (this.current !== running) return;
      this.current = undefined;
      this.failPending(new WorkerGoneError(`the WhatsApp worker exited (${signal ?? `code ${code}`})`));
      // A worker that dies (or is killed) leaves its browser running: puppeteer starts it detached.
      if (running.browserPid !== undefined) this.killBrowserQuietly(running.browserPid);
      if (!running.stopping) this.options.logger.warn('whatsapp worker exited', { code, signal });
      this.emit({ type: 'exit', code, signal, expected: running.stopping });
    });
    this.options.logger.info('whatsapp worker spawned', { pid: handle.pid, spawns: this.spawnCount });
    this.emit({ type: 'spawned', pid: handle.pid });
    handle.send({ type: 'start', config });
  }

  /** Spawns a worker after delayMs (the engine's backoff); a later spawn/stop cancels it. */
  spawnAfter(delayMs: number, config: () => WorkerConfig | Promise<WorkerConfig>, onError: (error: unknown) => void): void {
    this.cancelScheduledSpawn();
    this.spawnTimer = this.options.clock.setTimeout(() => {
      this.spawnTimer = undefined;
      void (async () => {
        try {
          const cfg = await config();
          if (this.current) return;
          this.spawn(cfg);
        } catch (error) {
          onError(error);
        }
      })();
    }, delayMs);
  }

  cancelScheduledSpawn(): void {
    if (this.spawnTimer !== undefined) this.options.clock.clearTimeout(this.spawnTimer);
    this.spawnTimer = undefined;
  }

  /** Asks the worker to close its browser and exit; kills both when it does not in time. */
  async stop(): Promise<void> {
    this.cancelScheduledSpawn();
    const running = this.current;
    if (!running) return;
    if (!running.stopping) {
      running.stopping = true;
      try {
        running.handle.send({ type: 'stop' });
      } catch {
        /* the channel is already closed: the exit follows */
      }
    }
    const timeoutMs = this.options.stopTimeoutMs ?? 8_000;
    let timer: TimerHandle | undefined;
    const timedOut = await Promise.race([
      running.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = this.options.clock.setTimeout(() => resolve(true), timeoutMs))),
    ]);
    if (timer !== undefined) this.options.clock.clearTimeout(timer);
    if (timedOut) {
      this.options.logger.warn('whatsapp worker did not stop in time; killing it', { pid: running.handle.pid, timeoutMs });
      running.handle.kill('SIGKILL');
      if (running.browserPid !== undefined) this.killBrowserQuietly(running.browserPid);
      await running.exited;
    }
  }

  request(request: WorkerRequest, timeoutMs: number): Promise<WorkerReplyValue> {
    const running = this.current;
    if (!running || running.stopping) return Promise.reject(new WorkerGoneError());
    const id = this.nextRequestId++;
    return new Promise<WorkerReplyValue>((resolve, reject) => {
      const timer = this.options.clock.setTimeout(() => {
        this.pending.delete(id);
        reject(new WorkerTimeoutError(request.op, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      try {
        running.handle.send({ type: 'request', id, request });
      } catch (error) {
        this.options.clock.clearTimeout(timer);
        this.pending.delete(id);
        reject(new WorkerGoneError(`the WhatsApp worker could not be reached: ${(error as Error).message}`));
      }
    });
  }

  private receive(running: Running, message: WorkerToParent): void {
    switch (message.type) {
      case 'hello':
        return;
      case 'log': {
        const log = this.options.logger;
        log[message.level](message.msg, { ...message.fields, worker: running.handle.pid });
        return;
      }
      case 'reply': {
        const pending = this.pending.get(message.id);
        if (!pending) return; // answered after its deadline
        this.pending.delete(message.id);
        this.options.clock.clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new Error(message.error));
        return;
      }
      case 'browser':
        if (message.pid !== null) {
          running.browserPid = message.pid;
          this.lastBrowserPid = message.pid;
        }
        this.emit({ type: 'browser', pid: message.pid });
        return;
      case 'wa':
        this.emit({ type: 'wa', payload: message.payload });
        return;
      case 'message':
        this.emit({ type: 'message', message: message.message });
        return;
      case 'error':
        this.options.logger.error('error inside the whatsapp worker', { error: message.error, fatal: message.fatal });
        this.emit({ type: 'error', error: message.error, fatal: message.fatal });
        return;
    }
  }

  private failPending(error: Error): void {
    for (const [id, pending] of this.pending) {
      this.options.clock.clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  private killBrowserQuietly(pid: number): void {
    try {
      this.options.killBrowser(pid);
    } catch (error) {
      this.options.logger.debug('browser already gone', { pid, error: (error as Error).message });
    }
  }

  private emit(event: SupervisorEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error('whatsapp supervisor listener failed', { error: (error as Error).message, event: event.type });
      }
    }
  }
}
