// Delivers queued customer messages at least once and never twice. Each entry carries an
// idempotency key; it is marked "sending" before the engine is called, so after a crash between
// the send and the mark the entry is retried under the same key and the engine drops the repeat.
//
// On top of that it sends safely for the WhatsApp number: within per-chat and per-session rate
// limits (a held message waits, it is not failed), by priority then age (FIFO within a chat), at
// most once per text and number in 5 minutes, and not before an entry's scheduled time. All of
// that state lives in SQLite, so a restart picks up every wait where it was.
//
// Failures, decided:
//  - transient errors: the first try and 3 retries (4 attempts), 2 s, 4 s, 8 s apart, then the
//    entry is failed and the order card shows it;
//  - SendError.permanent (not on WhatsApp, …): failed at once;
//  - SendError.retryAfterMs (WhatsApp is rate limiting the number): the whole session pauses that
//    long and the entry waits without spending an attempt, since nothing is wrong with the message;
//  - NotConnectedError: waits for the connection without spending an attempt.
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { Store } from '../store/store.ts';
import type { OutboxEntry } from '../store/outbox-repo.ts';
import { NotConnectedError, SendError, type WhatsAppEngine } from '../whatsapp/engine.ts';
import { earlierDelivery } from './duplicate-suppression.ts';
import { chooseNextSend } from './next-send.ts';
import { DEFAULT_SEND_RATE_LIMITS, SEND_RATE_WINDOW_MS, SendRateWindow, type SendRateLimits } from './send-rate-limit.ts';

export interface OutboxBackoff {
  /** First retry after this long; doubles each attempt. */
  baseMs: number;
  maxMs: number;
  /** Transient failures give up (and show on the card) after this many attempts, the first try included. */
  maxAttempts: number;
}

const NOT_CONNECTED_RECHECK_MS = 5_000;
/** Bounds on WhatsApp's "retry after": never a busy loop, never a message parked for hours. */
const RETRY_AFTER_MIN_MS = 1_000;
const RETRY_AFTER_MAX_MS = 60 * 60_000;
/** After an unexpected error (the database), look again this much later rather than stop. */
const ERROR_RECHECK_MS = 5_000;

/** The first try and 3 retries, 2 s, 4 s and 8 s after the failures. */
export const DEFAULT_BACKOFF: OutboxBackoff = { baseMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 4 };

export interface OutboxOptions {
  store: Store;
  engine: Pick<WhatsAppEngine, 'send' | 'getStatus'>;
  clock: Clock;
  logger: Logger;
  backoff?: OutboxBackoff;
  /** Default DEFAULT_SEND_RATE_LIMITS; null: no limits (the simulator, where no number is at risk). A function is read on every look (settings change live). */
  rateLimits?: SendRateLimits | null | (() => SendRateLimits | null);
  /** Told after every state change of an entry (the order card shows its notices). */
  onEntryChange?: (entry: OutboxEntry) => void;
}

export function retryDelay(attempts: number, backoff: OutboxBackoff): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}

export class Outbox {
  private readonly options: OutboxOptions;
  private readonly backoff: OutboxBackoff;
  private readonly limits: SendRateLimits | null | (() => SendRateLimits | null);
  private timer: TimerHandle | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private running = false;
  /** When the last look found something that will be due; undefined: wait for a kick. */
  private wakeAt: number | undefined;

  constructor(options: OutboxOptions) {
    this.options = options;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.limits = options.rateLimits === undefined ? DEFAULT_SEND_RATE_LIMITS : options.rateLimits;
  }

  private get rateLimits(): SendRateLimits | null {
    return typeof this.limits === 'function' ? this.limits() : this.limits;
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
    this.draining = this.drainSafely().finally(() => {
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

  private async drainSafely(): Promise<void> {
    try {
      this.wakeAt = await this.drain();
    } catch (error) {
      this.options.logger.error('outbox: could not look at waiting messages', errorFields(error));
      this.wakeAt = this.options.clock.now() + ERROR_RECHECK_MS;
    }
  }

  /** Sends what may go now; returns when to look again. */
  private async drain(): Promise<number | undefined> {
    const { store, engine, clock, logger } = this.options;
    if (this.rateLimits) store.outbox.pruneSends(clock.now() - SEND_RATE_WINDOW_MS);
    while (this.running) {
      if (engine.getStatus().state !== 'connected') return undefined; // a status change kicks us again
      const now = clock.now();
      const recent = this.rateLimits ? store.outbox.sendsSince(now - SEND_RATE_WINDOW_MS) : [];
      const next = chooseNextSend(
        store.outbox.active(),
        now,
        new SendRateWindow(this.rateLimits, recent),
        store.outbox.sessionPausedUntil(),
      );
      if (!next.entry) return next.wakeAt;
      const entry = next.entry;
      const original = earlierDelivery(store.outbox, entry, now);
      if (original) {
        store.outbox.markDuplicate(entry.key, original.key, now);
        logger.info('outbox: same text sent to this number moments ago, not sent again', {
          key: entry.key,
          kind: entry.kind,
          duplicateOf: original.key,
        });
        this.changed(entry.key);
        continue;
      }
      store.transaction(() => {
        store.outbox.markSending(entry.key);
        if (this.rateLimits) store.outbox.recordSend(entry.key, entry.phone, now);
      });
      await this.deliver(entry, now);
    }
    return undefined;
  }

  private async deliver(entry: OutboxEntry, attemptAt: number): Promise<void> {
    const { store, engine, clock, logger } = this.options;
    const log = logger.child({ key: entry.key, kind: entry.kind });
    try {
      const result = await engine.send({ to: entry.phone, body: entry.body, idempotencyKey: entry.key });
      store.outbox.markSent(entry.key, clock.now());
      if (result.duplicate) log.info('outbox: already delivered before a restart, not sent again');
    } catch (error) {
      const attempts = entry.attempts + 1;
      const now = clock.now();
      if (error instanceof NotConnectedError) {
        // The engine said connected a moment ago: look again shortly rather than spin on it. It
        // sent nothing, so the attempt and the rate-limit slot are given back.
        store.transaction(() => {
          store.outbox.markDeferred(entry.key, now + NOT_CONNECTED_RECHECK_MS);
          store.outbox.forgetSend(entry.key, attemptAt);
        });
        log.info('outbox: waiting for WhatsApp to connect');
      } else if (error instanceof SendError && error.permanent) {
        store.outbox.markFailed(entry.key, error.message);
        log.warn('outbox: permanent send failure', errorFields(error));
      } else if (error instanceof SendError && error.retryAfterMs !== undefined) {
        const waitMs = Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, error.retryAfterMs));
        store.transaction(() => {
          store.outbox.pauseSessionUntil(now + waitMs);
          store.outbox.markDeferred(entry.key, now + waitMs, error.message);
        });
        log.warn('outbox: WhatsApp asked to slow down; every send waits', { waitMs, ...errorFields(error) });
      } else if (attempts >= this.backoff.maxAttempts) {
        store.outbox.markFailed(entry.key, messageOf(error));
        log.error('outbox: giving up after retries', { attempts, ...errorFields(error) });
      } else {
        const delay = retryDelay(attempts, this.backoff);
        store.outbox.markRetry(entry.key, now + delay, messageOf(error));
        log.warn('outbox: send failed, will retry', { attempts, delayMs: delay, ...errorFields(error) });
      }
    }
    this.changed(entry.key);
  }

  private changed(key: string): void {
    const updated = this.options.store.outbox.get(key);
    if (updated) this.options.onEntryChange?.(updated);
  }

  private scheduleNext(): void {
    if (!this.running) return;
    const { clock, engine } = this.options;
    if (engine.getStatus().state !== 'connected') return;
    if (this.wakeAt === undefined) return;
    this.clearTimer();
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, Math.max(0, this.wakeAt - clock.now()));
  }

  private clearTimer(): void {
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
