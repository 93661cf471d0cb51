// The clock plumbing every protection layer shares: timers a layer can cancel all at once (so stop()
// leaves nothing behind), deadlines on calls into the worker (a hung page must not hang the layer),
// and a loop whose tick says how long to wait before the next one.
import type { Clock, TimerHandle } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';

/** A call into the session did not answer in time. */
export class LayerTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer in ${ms} ms`);
    this.name = 'LayerTimeoutError';
  }
}

/** The timers one layer owns; cancelAll() is what makes stop() complete. */
export class LayerTimers {
  private readonly clock: Clock;
  private readonly handles = new Set<TimerHandle>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  get size(): number {
    return this.handles.size;
  }

  after(ms: number, callback: () => void): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      this.handles.delete(handle);
      callback();
    }, ms);
    this.handles.add(handle);
    return handle;
  }

  cancel(handle: TimerHandle): void {
    if (!this.handles.delete(handle)) return;
    this.clock.clearTimeout(handle);
  }

  cancelAll(): void {
    for (const handle of this.handles) this.clock.clearTimeout(handle);
    this.handles.clear();
  }

  /**
   * Runs work and rejects with LayerTimeoutError when it takes longer than ms. The session's own
   * methods take a timeout too; this guard is what keeps the layer alive if one of them never settles.
   */
  deadline<T>(work: () => Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const handle = this.after(ms, () => reject(new LayerTimeoutError(what, ms)));
      let running: Promise<T>;
      try {
        running = work();
      } catch (error) {
        this.cancel(handle);
        reject(error);
        return;
      }
      running.then(
        (value) => {
          this.cancel(handle);
          resolve(value);
        },
        (error: unknown) => {
          this.cancel(handle);
          reject(error);
        },
      );
    });
  }
}

/**
 * A layer that wakes up, does its check, and says when to wake up next. `live()` turns false the
 * moment stop() is called, so a tick still awaiting the worker never acts (restarts, alerts, sends)
 * after its layer was stopped.
 */
export abstract class LayerLoop {
  protected readonly clock: Clock;
  protected readonly logger: Logger;
  protected readonly timers: LayerTimers;
  private generation = 0;
  private active = false;

  constructor(clock: Clock, logger: Logger) {
    this.clock = clock;
    this.logger = logger;
    this.timers = new LayerTimers(clock);
  }

  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    const generation = ++this.generation;
    this.onStart();
    const first = this.firstDelayMs();
    if (first !== null) this.queue(first, generation);
  }

  stop(): void {
    this.active = false;
    this.generation++;
    this.timers.cancelAll();
  }

  /** Called by start() before the first tick is queued (e.g. to reset per-run state). */
  protected onStart(): void {}

  /** Delay before the first tick; null: the layer is off and queues nothing. */
  protected abstract firstDelayMs(): number | null;

  /** Does one round and resolves with the delay until the next one. */
  protected abstract tick(live: () => boolean): Promise<number>;

  /** Delay after a tick that threw (a defect in the layer, not a session failure). */
  protected abstract retryAfterErrorMs(): number;

  private queue(ms: number, generation: number): void {
    this.timers.after(ms, () => void this.run(generation));
  }

  private async run(generation: number): Promise<void> {
    const live = () => this.active && this.generation === generation;
    let next: number;
    try {
      next = await this.tick(live);
    } catch (error) {
      this.logger.error('protection layer tick failed', errorFields(error));
      next = this.retryAfterErrorMs();
    }
    if (live()) this.queue(next, generation);
  }
}

/** A setting a layer reads at each tick (PUT /api/settings changes it while WhatsApp runs), or a fixed value. */
export type LiveNumber = number | (() => number);

/** The getter for a live or fixed number, with the default when none was given. */
export function liveNumber(value: LiveNumber | undefined, fallback: number): () => number {
  if (typeof value === 'function') return value;
  const fixed = value ?? fallback;
  return () => fixed;
}

/**
 * A layer on one steady cadence: the first check and the one after an error are an interval away.
 * The interval is read at each tick, so a changed setting applies from the next wait on.
 */
export abstract class CadenceLoop extends LayerLoop {
  protected abstract readonly intervalMs: number;

  protected override firstDelayMs(): number {
    return this.intervalMs;
  }

  protected override retryAfterErrorMs(): number {
    return this.intervalMs;
  }
}
