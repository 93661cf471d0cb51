// Session monitor: the slow, independent second opinion. Every hour:
// - a status of connected whose socket is not CONNECTED, or whose page does not answer, is a
//   connected-but-not-really session: it is marked suspect (the kitchen sees it) and the worker is
//   restarted;
// - no message in or out for idleWarnDays warns the owner (at most once per 24 h) so they can look
//   at the phone. Idleness alone never restarts anything: a quiet restaurant is not a dead session.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import { isConnected } from '../../shared/whatsapp-status.ts';
import { CadenceLoop, liveNumber, type LiveNumber } from './layer-loop.ts';
import { probeSession } from './session-probe.ts';
import type { SessionControl } from './session-control.ts';
import { ownerAlertTexts, type OwnerLanguage } from './owner-alert-texts.ts';

const DAY_MS = 86_400_000;

export const SESSION_MONITOR_DEFAULTS = {
  intervalMs: 3_600_000,
  idleWarnDays: 5,
  /** Longer than the watchdog's: this check is about a dead session, not a slow one. */
  checkTimeoutMs: 20_000,
  restartTimeoutMs: 120_000,
  idleWarnEveryMs: DAY_MS,
};

export interface SessionMonitorOptions {
  /** The owner's language for alert texts (the host's menu language); default English. */
  language?: () => OwnerLanguage;
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** Read at each tick: a getter follows the owner's settings live. */
  intervalMs?: LiveNumber;
  idleWarnDays?: number;
  checkTimeoutMs?: number;
  restartTimeoutMs?: number;
}

export class SessionMonitor extends CadenceLoop {
  private readonly control: SessionControl;
  private readonly language: (() => OwnerLanguage) | undefined;
  private readonly interval: () => number;
  private readonly idleWarnMs: number;
  private readonly checkTimeoutMs: number;
  private readonly restartTimeoutMs: number;
  /** First time this monitor saw the session connected: the idle reference when no message exists. */
  private firstConnectedAt: number | undefined;
  private lastIdleWarningAt: number | undefined;
  suspects = 0;
  idleWarnings = 0;

  constructor(options: SessionMonitorOptions) {
    super(options.clock, options.logger.child({ layer: 'session-monitor' }));
    this.control = options.control;
    this.language = options.language;
    this.interval = liveNumber(options.intervalMs, SESSION_MONITOR_DEFAULTS.intervalMs);
    const days = options.idleWarnDays ?? SESSION_MONITOR_DEFAULTS.idleWarnDays;
    if (!(days > 0)) throw new Error(`session monitor: idleWarnDays must be positive, got ${days}`);
    this.idleWarnMs = days * DAY_MS;
    this.checkTimeoutMs = options.checkTimeoutMs ?? SESSION_MONITOR_DEFAULTS.checkTimeoutMs;
    this.restartTimeoutMs = options.restartTimeoutMs ?? SESSION_MONITOR_DEFAULTS.restartTimeoutMs;
  }


  protected get intervalMs(): number {
    return this.interval();
  }

  protected override async tick(live: () => boolean): Promise<number> {
    if (!isConnected(this.control.status())) return this.intervalMs;
    const now = this.clock.now();
    this.firstConnectedAt ??= now;
    const probe = await probeSession(this.control, this.timers, this.checkTimeoutMs);
    if (!live()) return this.intervalMs;
    if (!probe.ok) {
      if (!isConnected(this.control.status())) return this.intervalMs; // the engine saw it meanwhile
      await this.restartSuspect(probe.reason, live);
      return this.intervalMs;
    }
    this.checkIdle(now);
    return this.intervalMs;
  }

  private async restartSuspect(reason: string, live: () => boolean): Promise<void> {
    this.suspects++;
    this.logger.warn('connected but not answering: marking suspect and restarting', { reason });
    this.control.markSuspect(reason);
    try {
      await this.timers.deadline(() => this.control.restartWorker(`session-monitor: ${reason}`), this.restartTimeoutMs, 'restartWorker');
    } catch (error) {
      if (live()) this.logger.error('worker restart failed', errorFields(error));
    }
  }

  private checkIdle(now: number): void {
    const last = this.control.lastActivityAt() ?? this.firstConnectedAt ?? now;
    const idleMs = now - last;
    if (idleMs < this.idleWarnMs) return;
    if (this.lastIdleWarningAt !== undefined && now - this.lastIdleWarningAt < SESSION_MONITOR_DEFAULTS.idleWarnEveryMs) return;
    this.lastIdleWarningAt = now;
    this.idleWarnings++;
    const days = Math.floor(idleMs / DAY_MS);
    this.logger.warn('no WhatsApp messages for days', { idleDays: days });
    this.control.alert({
      kind: 'session-idle',
      message: ownerAlertTexts(this.language).sessionIdle(days),
    });
  }
}
