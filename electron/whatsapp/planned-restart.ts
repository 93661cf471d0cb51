// Planned restarts: a fresh worker and browser once a day at a quiet hour (Chrome and WhatsApp Web
// leak memory over weeks), and earlier when the browser's memory passes the limit.
// - PlannedRestart: daily at plannedRestartAt on the restaurant's wall clock (IANA zone, default the
//   computer's). The next slot is computed from the zone each time, so DST never moves it. When the
//   session is not connected or orders are being sent (busy), it tries again every 15 min for up to
//   2 h after the slot, then leaves it until tomorrow.
// - MemoryGuard: every 5 min reads the browser's resident memory; past the limit it restarts the
//   worker (deferred while busy, for at most three looks) and alerts the owner at most once a day.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import { isConnected } from '../../shared/whatsapp-status.ts';
import { CadenceLoop, LayerLoop, liveNumber, type LiveNumber } from './layer-loop.ts';
import { checkTimeZone, nextLocalTime, parseHourMinute, systemTimeZone } from './local-time.ts';
import type { SessionControl } from './session-control.ts';
import { ownerAlertTexts, type OwnerLanguage } from './owner-alert-texts.ts';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

export const PLANNED_RESTART_DEFAULTS = {
  at: '04:00',
  retryMs: 15 * MINUTE,
  windowMs: 2 * 60 * MINUTE,
  /** Longest single wait: a PC that slept or had its clock changed is re-aimed at least this often. */
  maxWaitMs: 30 * MINUTE,
  restartTimeoutMs: 120_000,
};

export interface PlannedRestartOptions {
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** "HH:MM" local; null: no daily restart. */
  at: string | null;
  /** IANA zone; default: the computer's. */
  timeZone?: string;
  /** True while orders are being sent: a restart then would cut a send in half. */
  busy?: () => boolean;
  retryMs?: number;
  windowMs?: number;
  restartTimeoutMs?: number;
}

export class PlannedRestart extends LayerLoop {
  private readonly control: SessionControl;
  private readonly time: { hour: number; minute: number } | null;
  readonly timeZone: string;
  private readonly busy: () => boolean;
  private readonly retryMs: number;
  private readonly windowMs: number;
  private readonly restartTimeoutMs: number;
  /** The slot being aimed at (epoch ms). */
  target = 0;
  restarts = 0;
  skippedDays = 0;

  constructor(options: PlannedRestartOptions) {
    super(options.clock, options.logger.child({ layer: 'planned-restart' }));
    this.control = options.control;
    this.time = options.at === null ? null : parseHourMinute(options.at);
    this.timeZone = checkTimeZone(options.timeZone ?? systemTimeZone());
    this.busy = options.busy ?? (() => false);
    this.retryMs = options.retryMs ?? PLANNED_RESTART_DEFAULTS.retryMs;
    this.windowMs = options.windowMs ?? PLANNED_RESTART_DEFAULTS.windowMs;
    this.restartTimeoutMs = options.restartTimeoutMs ?? PLANNED_RESTART_DEFAULTS.restartTimeoutMs;
  }

  protected override firstDelayMs(): number | null {
    if (!this.time) return null;
    const now = this.clock.now();
    this.target = nextLocalTime(now, this.time, this.timeZone);
    this.logger.info('daily restart planned', { at: new Date(this.target).toISOString(), timeZone: this.timeZone });
    return this.waitFor(this.target, now);
  }

  protected override retryAfterErrorMs(): number {
    return this.retryMs;
  }

  private waitFor(at: number, now: number): number {
    return Math.min(Math.max(0, at - now), PLANNED_RESTART_DEFAULTS.maxWaitMs);
  }

  private aimAtNextDay(from: number, now: number): number {
    this.target = nextLocalTime(from, this.time!, this.timeZone);
    return this.waitFor(this.target, now);
  }

  protected override async tick(live: () => boolean): Promise<number> {
    const now = this.clock.now();
    if (now < this.target) return this.waitFor(this.target, now);
    if (now > this.target + this.windowMs) {
      // Woke long after the slot (the PC slept through it): not a quiet hour any more.
      this.skippedDays++;
      this.logger.warn('daily restart missed its window; next one tomorrow', { slot: new Date(this.target).toISOString() });
      return this.aimAtNextDay(now, now);
    }
    const connected = isConnected(this.control.status());
    const busy = connected && this.busy();
    if (!connected || busy) {
      if (now + this.retryMs <= this.target + this.windowMs) {
        this.logger.info('daily restart put off', { reason: connected ? 'busy' : 'not connected', retryInMs: this.retryMs });
        return this.retryMs;
      }
      this.skippedDays++;
      this.logger.warn('daily restart skipped today', { reason: connected ? 'busy' : 'not connected' });
      return this.aimAtNextDay(now, now);
    }
    this.restarts++;
    this.logger.info('daily restart');
    try {
      await this.timers.deadline(() => this.control.restartWorker('planned'), this.restartTimeoutMs, 'restartWorker');
    } catch (error) {
      if (live()) this.logger.error('daily restart failed', errorFields(error));
    }
    const after = this.clock.now();
    return this.aimAtNextDay(Math.max(after, this.target), after);
  }
}

export const MEMORY_GUARD_DEFAULTS = {
  intervalMs: 5 * MINUTE,
  limitMb: 1_500,
  timeoutMs: 10_000,
  /** A browser that is over the limit again within this long after a restart is not restarted again. */
  restartCooldownMs: 60 * MINUTE,
  maxBusyDeferrals: 3,
  alertEveryMs: DAY_MS,
  restartTimeoutMs: 120_000,
};

export interface MemoryGuardOptions {
  /** The owner's language for alert texts (the host's menu language); default English. */
  language?: () => OwnerLanguage;
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** Both read at each tick: getters follow the owner's settings live. */
  limitMb?: LiveNumber;
  intervalMs?: LiveNumber;
  busy?: () => boolean;
  timeoutMs?: number;
  restartCooldownMs?: number;
}

export class MemoryGuard extends CadenceLoop {
  private readonly control: SessionControl;
  private readonly language: (() => OwnerLanguage) | undefined;
  private readonly limit: () => number;
  private readonly interval: () => number;
  private readonly busy: () => boolean;
  private readonly timeoutMs: number;
  private readonly restartCooldownMs: number;
  private lastRestartAt: number | undefined;
  private lastAlertAt: number | undefined;
  private busyDeferrals = 0;
  restarts = 0;
  alerts = 0;

  constructor(options: MemoryGuardOptions) {
    super(options.clock, options.logger.child({ layer: 'memory-guard' }));
    this.control = options.control;
    this.language = options.language;
    this.limit = liveNumber(options.limitMb, MEMORY_GUARD_DEFAULTS.limitMb);
    if (!(this.limitMb > 0)) throw new Error(`memory guard: the limit must be a positive number of MB, got ${this.limitMb}`);
    this.interval = liveNumber(options.intervalMs, MEMORY_GUARD_DEFAULTS.intervalMs);
    this.busy = options.busy ?? (() => false);
    this.timeoutMs = options.timeoutMs ?? MEMORY_GUARD_DEFAULTS.timeoutMs;
    this.restartCooldownMs = options.restartCooldownMs ?? MEMORY_GUARD_DEFAULTS.restartCooldownMs;
  }


  protected get intervalMs(): number {
    return this.interval();
  }

  private get limitMb(): number {
    return this.limit();
  }

  protected override async tick(live: () => boolean): Promise<number> {
    let rss: number | undefined;
    try {
      rss = (await this.timers.deadline(() => this.control.memory(), this.timeoutMs, 'memory')).browserRssBytes;
    } catch (error) {
      this.logger.debug('memory reading failed', errorFields(error)); // no worker right now, most likely
      return this.intervalMs;
    }
    if (!live()) return this.intervalMs;
    if (rss === undefined || rss <= this.limitMb * 1024 * 1024) {
      this.busyDeferrals = 0;
      return this.intervalMs;
    }
    const now = this.clock.now();
    const rssMb = Math.round(rss / 1024 / 1024);
    if (this.lastRestartAt !== undefined && now - this.lastRestartAt < this.restartCooldownMs) {
      this.logger.warn('browser over its memory limit again soon after a restart; not restarting yet', { rssMb, limitMb: this.limitMb });
      return this.intervalMs;
    }
    if (this.busy() && this.busyDeferrals < MEMORY_GUARD_DEFAULTS.maxBusyDeferrals) {
      this.busyDeferrals++;
      this.logger.info('memory restart put off: orders are being sent', { rssMb, deferrals: this.busyDeferrals });
      return this.intervalMs;
    }
    this.busyDeferrals = 0;
    this.lastRestartAt = now;
    this.restarts++;
    this.logger.warn('browser over its memory limit: restarting the worker', { rssMb, limitMb: this.limitMb });
    if (this.lastAlertAt === undefined || now - this.lastAlertAt >= MEMORY_GUARD_DEFAULTS.alertEveryMs) {
      this.lastAlertAt = now;
      this.alerts++;
      this.control.alert({
        kind: 'browser-memory',
        message: ownerAlertTexts(this.language).browserMemory(rssMb, this.limitMb),
      });
    }
    try {
      await this.timers.deadline(() => this.control.restartWorker('memory'), MEMORY_GUARD_DEFAULTS.restartTimeoutMs, 'restartWorker');
    } catch (error) {
      if (live()) this.logger.error('memory restart failed', errorFields(error));
    }
    return this.intervalMs;
  }
}
