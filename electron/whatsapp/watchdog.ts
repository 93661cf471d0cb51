// Watchdog: every minute, make sure a session that claims to be up really answers. getState() and a
// trivial evaluate run together under a short deadline; when the page is silent or the socket is not
// CONNECTED the cheap fix comes first (resetState, then look again), and only then a worker restart.
// Restarts back off exponentially; after maxAttempts the owner is alerted once and the watchdog keeps
// trying, slowly. Message traffic plays no part: an idle chat is not a dead session.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { LayerLoop, liveNumber, type LiveNumber } from './layer-loop.ts';
import { probeSession } from './session-probe.ts';
import type { SessionControl } from './session-control.ts';
import { ownerAlertTexts, type OwnerLanguage } from './owner-alert-texts.ts';

export const WATCHDOG_DEFAULTS = {
  intervalMs: 60_000,
  /** getState / ping deadline. Small, because it bounds how long a silent stall goes unseen. */
  checkTimeoutMs: 5_000,
  resetTimeoutMs: 10_000,
  /** Time the socket gets to come back after resetState before the second look. */
  resetSettleMs: 10_000,
  restartTimeoutMs: 120_000,
  maxAttempts: 3,
  /** After the gave-up alert, one restart per this long until the session answers again. */
  gaveUpRetryMs: 15 * 60_000,
  /** How long loading / reconnecting may last before the watchdog treats it as stuck. */
  stallGraceMs: 5 * 60_000,
};

/**
 * The statuses the watchdog checks, and why only these:
 * - connected: the status claims a live session, and a silent stall (hung page, dead socket that
 *   never emitted a disconnect) hides exactly here. Always checked.
 * - loading / reconnecting: normally over in seconds (WhatsApp's own sync and socket reconnects);
 *   checked only once stuck for stallGraceMs. A reconnecting status that carries the engine's own
 *   retry schedule (nextTryAt still ahead) is left to the engine.
 * Skipped, because someone else owns them or a restart cannot help:
 * - starting: the supervisor is spawning the worker and times that itself;
 * - needs-link / authenticating: a person is linking; a restart would swap the QR under their phone;
 * - offline: no internet; the engine retries and a new browser would not find the internet either;
 * - logged-out / failed: need a person (re-link, install a browser); restart loops would hide that.
 */
export function watchdogActsOn(status: WhatsAppStatus, now: number, stallGraceMs: number): boolean {
  switch (status.state) {
    case 'connected':
      return true;
    case 'reconnecting':
      if (status.nextTryAt !== undefined && Date.parse(status.nextTryAt) > now) return false;
      return stuckFor(status, now, stallGraceMs);
    case 'loading':
      return stuckFor(status, now, stallGraceMs);
    default:
      return false;
  }
}

function stuckFor(status: WhatsAppStatus, now: number, stallGraceMs: number): boolean {
  const since = Date.parse(status.since);
  return Number.isFinite(since) && now - since >= stallGraceMs;
}

export interface WatchdogOptions {
  /** The owner's language for alert texts (the host's menu language); default English. */
  language?: () => OwnerLanguage;
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** Read at each tick: a getter follows the owner's settings live. */
  intervalMs?: LiveNumber;
  checkTimeoutMs?: number;
  resetTimeoutMs?: number;
  resetSettleMs?: number;
  restartTimeoutMs?: number;
  maxAttempts?: number;
  /** Wait after restart n is backoffBaseMs * 2^(n-1); default: intervalMs. */
  backoffBaseMs?: number;
  gaveUpRetryMs?: number;
  stallGraceMs?: number;
}

export type WatchdogOutcome = 'skipped' | 'healthy' | 'recovered-by-reset' | 'restarted' | 'handed-over';

export class Watchdog extends LayerLoop {
  private readonly control: SessionControl;
  private readonly language: (() => OwnerLanguage) | undefined;
  private readonly interval: () => number;
  private readonly config: Required<Omit<WatchdogOptions, 'control' | 'clock' | 'logger' | 'language' | 'intervalMs' | 'backoffBaseMs'>> & { backoffBaseMs: number | undefined };
  /** Failed checks in a row (each one ended in a restart); a healthy check resets it. */
  consecutiveFailures = 0;
  gaveUp = false;
  resets = 0;
  restarts = 0;
  lastOutcome: WatchdogOutcome | undefined;

  constructor(options: WatchdogOptions) {
    super(options.clock, options.logger.child({ layer: 'watchdog' }));
    this.control = options.control;
    this.language = options.language;
    this.interval = liveNumber(options.intervalMs, WATCHDOG_DEFAULTS.intervalMs);
    this.config = {
      checkTimeoutMs: options.checkTimeoutMs ?? WATCHDOG_DEFAULTS.checkTimeoutMs,
      resetTimeoutMs: options.resetTimeoutMs ?? WATCHDOG_DEFAULTS.resetTimeoutMs,
      resetSettleMs: options.resetSettleMs ?? WATCHDOG_DEFAULTS.resetSettleMs,
      restartTimeoutMs: options.restartTimeoutMs ?? WATCHDOG_DEFAULTS.restartTimeoutMs,
      maxAttempts: options.maxAttempts ?? WATCHDOG_DEFAULTS.maxAttempts,
      backoffBaseMs: options.backoffBaseMs,
      gaveUpRetryMs: options.gaveUpRetryMs ?? WATCHDOG_DEFAULTS.gaveUpRetryMs,
      stallGraceMs: options.stallGraceMs ?? WATCHDOG_DEFAULTS.stallGraceMs,
    };
  }

  /** Wait after the restart that followed failure number `attempt`. */
  delayAfterRestart(attempt: number): number {
    if (attempt > this.config.maxAttempts) return this.config.gaveUpRetryMs;
    return (this.config.backoffBaseMs ?? this.interval()) * 2 ** (attempt - 1);
  }

  protected override firstDelayMs(): number {
    return this.interval();
  }

  protected override retryAfterErrorMs(): number {
    return this.interval();
  }

  protected override async tick(live: () => boolean): Promise<number> {
    const { checkTimeoutMs, stallGraceMs } = this.config;
    const intervalMs = this.interval();
    if (!watchdogActsOn(this.control.status(), this.clock.now(), stallGraceMs)) {
      this.lastOutcome = 'skipped';
      return intervalMs;
    }
    const first = await probeSession(this.control, this.timers, checkTimeoutMs);
    if (!live()) return intervalMs;
    if (first.ok) return this.healthy('healthy');

    // Stryker disable next-line all: log line
    this.logger.warn('session not answering; resetting its state', { reason: first.reason, failures: this.consecutiveFailures });
    this.resets++;
    try {
      // Stryker disable next-line StringLiteral: names the call in a timeout error that is only logged
      await this.timers.deadline(() => this.control.resetState(), this.config.resetTimeoutMs, 'resetState');
    } catch (error) {
      this.logger.warn('resetState failed', errorFields(error));
    }
    if (!live()) return intervalMs;
    await new Promise<void>((resolve) => this.timers.after(this.config.resetSettleMs, resolve));
    // Stryker disable next-line ConditionalExpression: defensive; the wait ends only by a layer timer, which stop() cancels
    if (!live()) return intervalMs;
    const second = await probeSession(this.control, this.timers, checkTimeoutMs);
    if (!live()) return intervalMs;
    if (second.ok) return this.healthy('recovered-by-reset');
    if (!watchdogActsOn(this.control.status(), this.clock.now(), stallGraceMs)) {
      // The engine noticed by itself (offline, logged out, reconnecting on its schedule): its turn.
      this.lastOutcome = 'handed-over';
      return intervalMs;
    }
    return this.restart(second.reason, live);
  }

  private healthy(outcome: 'healthy' | 'recovered-by-reset'): number {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement,StringLiteral,ObjectLiteral: decides a log line only
    if (this.consecutiveFailures > 0 || outcome === 'recovered-by-reset') {
      // Stryker disable next-line all: log line
      this.logger.info('session answers again', { outcome, afterFailures: this.consecutiveFailures });
    }
    this.consecutiveFailures = 0;
    this.gaveUp = false;
    this.lastOutcome = outcome;
    return this.interval();
  }

  private async restart(reason: string, live: () => boolean): Promise<number> {
    this.consecutiveFailures++;
    const attempt = this.consecutiveFailures;
    if (attempt > this.config.maxAttempts && !this.gaveUp) {
      this.gaveUp = true;
      this.logger.error('watchdog gave up on quick recovery', { attempts: this.config.maxAttempts, reason });
      this.control.alert({
        kind: 'watchdog-gave-up',
        message: ownerAlertTexts(this.language).watchdogGaveUp(this.config.maxAttempts, reason, Math.round(this.config.gaveUpRetryMs / 60_000)),
      });
    }
    // Stryker disable next-line all: log line
    this.logger.warn('restarting the WhatsApp worker', { attempt, reason });
    this.restarts++;
    this.lastOutcome = 'restarted';
    try {
      // Stryker disable next-line StringLiteral: names the call in a timeout error that is only logged
      await this.timers.deadline(() => this.control.restartWorker(`watchdog: ${reason}`), this.config.restartTimeoutMs, 'restartWorker');
    } catch (error) {
      if (live()) this.logger.error('worker restart failed', errorFields(error));
    }
    return this.delayAfterRestart(attempt);
  }
}
