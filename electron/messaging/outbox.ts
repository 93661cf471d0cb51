// Delivers queued customer messages at least once and never twice. Each entry carries an
// idempotency key; it is marked "sending" before the engine is called, so after a crash between
// the send and the mark the entry is retried under the same key and the engine drops the repeat.
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { Store } from '../store/store.ts';
import type { OutboxEntry } from '../store/outbox-repo.ts';
import { NotConnectedError, SendError, type WhatsAppEngine } from '../whatsapp/engine.ts';

export interface OutboxBackoff {
  /** First retry after this long; doubles each attempt. */
  baseMs: number;
  maxMs: number;
  /** Transient failures give up (and show on the card) after this many attempts. */
  maxAttempts: number;
}

const NOT_CONNECTED_RECHECK_MS = 5_000;

export const DEFAULT_BACKOFF: OutboxBackoff = { baseMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 8 };

export interface OutboxOptions {
  store: Store;
  engine: Pick<WhatsAppEngine, 'send' | 'getStatus'>;
  clock: Clock;
  logger: Logger;
  backoff?: OutboxBackoff;
  /** Told after every state change of an entry (the order card shows its notices). */
  onEntryChange?: (entry: OutboxEntry) => void;
}

export function retryDelay(attempts: number, backoff: OutboxBackoff): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}

export class Outbox {
  private readonly options: OutboxOptions;
  private readonly backoff: OutboxBackoff;
  private timer: TimerHandle | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private running = false;

  constructor(options: OutboxOptions) {
    this.options = options;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(): void {
    this.running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    await this.draining;
  }

  /** Something changed (new entry, engine connected): look for due work now. */
  kick(): void {
    if (!this.running) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.scheduleNext();
      }
    });
  }

  /** Resolves when nothing is due right now (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    const { store, engine, clock } = this.options;
    while (this.running) {
      if (engine.getStatus().state !== 'connected') return; // a status change kicks us again
      const entry = store.outbox.nextDue(clock.now());
      if (!entry) return;
      store.outbox.markSending(entry.key);
      await this.deliver(entry);
    }
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const { store, engine, clock, logger } = this.options;
    const log = logger.child({ key: entry.key, kind: entry.kind });
    try {
      const result = await engine.send({ to: entry.phone, body: entry.body, idempotencyKey: entry.key });
      store.outbox.markSent(entry.key, clock.now());
      if (result.duplicate) log.info('outbox: already delivered before a restart, not sent again');
    } catch (error) {
      const attempts = entry.attempts + 1;
      if (error instanceof NotConnectedError) {
        // The engine said connected a moment ago: look again shortly rather than spin on it.
        store.outbox.markDeferred(entry.key, clock.now() + NOT_CONNECTED_RECHECK_MS);
        log.info('outbox: waiting for WhatsApp to connect');
      } else if (error instanceof SendError && error.permanent) {
        store.outbox.markFailed(entry.key, error.message);
        log.warn('outbox: permanent send failure', errorFields(error));
      } else if (attempts >= this.backoff.maxAttempts) {
        store.outbox.markFailed(entry.key, messageOf(error));
        log.error('outbox: giving up after retries', { attempts, ...errorFields(error) });
      } else {
        const delay =
          error instanceof SendError && error.retryAfterMs !== undefined
            ? error.retryAfterMs
            : retryDelay(attempts, this.backoff);
        store.outbox.markRetry(entry.key, clock.now() + delay, messageOf(error));
        log.warn('outbox: send failed, will retry', { attempts, delayMs: delay, ...errorFields(error) });
      }
    }
    const updated = store.outbox.get(entry.key);
    if (updated) this.options.onEntryChange?.(updated);
  }

  private scheduleNext(): void {
    if (!this.running) return;
    const { store, clock, engine } = this.options;
    if (engine.getStatus().state !== 'connected') return;
    const due = store.outbox.earliestDue();
    if (due === undefined) return;
    this.clearTimer();
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, Math.max(0, due - clock.now()));
  }

  private clearTimer(): void {
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
