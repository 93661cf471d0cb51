// Heartbeat: every 2 minutes, while the session is connected, confirm the socket is CONNECTED, tell
// WhatsApp this device is available (so it keeps pushing messages to it promptly), and record the
// beat for the health panel and the cloud status. It never restarts anything: that is the watchdog's.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import { isConnected } from '../../shared/whatsapp-status.ts';
import { CadenceLoop, liveNumber, type LiveNumber } from './layer-loop.ts';
import { probeSession } from './session-probe.ts';
import type { SessionControl } from './session-control.ts';

export const HEARTBEAT_DEFAULTS = { intervalMs: 120_000, timeoutMs: 10_000 };

export interface HeartbeatOptions {
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** Read at each tick: a getter follows the owner's settings live. */
  intervalMs?: LiveNumber;
  timeoutMs?: number;
}

export class Heartbeat extends CadenceLoop {
  private readonly control: SessionControl;
  private readonly interval: () => number;
  private readonly timeoutMs: number;
  beats = 0;
  /** Beats missed in a row while the status said connected (logged at the first and every tenth). */
  missed = 0;

  constructor(options: HeartbeatOptions) {
    super(options.clock, options.logger.child({ layer: 'heartbeat' }));
    this.control = options.control;
    this.interval = liveNumber(options.intervalMs, HEARTBEAT_DEFAULTS.intervalMs);
    this.timeoutMs = options.timeoutMs ?? HEARTBEAT_DEFAULTS.timeoutMs;
  }


  protected get intervalMs(): number {
    return this.interval();
  }

  protected override async tick(live: () => boolean): Promise<number> {
    if (!isConnected(this.control.status())) return this.intervalMs;
    const probe = await probeSession(this.control, this.timers, this.timeoutMs);
    if (!live()) return this.intervalMs;
    if (!probe.ok) return this.miss(probe.reason);
    try {
      await this.timers.deadline(() => this.control.sendPresenceAvailable(), this.timeoutMs, 'sendPresenceAvailable');
    } catch (error) {
      if (!live()) return this.intervalMs;
      return this.miss(`sendPresenceAvailable failed: ${String(errorFields(error).error)}`);
    }
    if (!live()) return this.intervalMs;
    this.missed = 0;
    this.beats++;
    this.control.recordHeartbeat(this.clock.now());
    return this.intervalMs;
  }

  private miss(reason: string): number {
    this.missed++;
    if (this.missed === 1 || this.missed % 10 === 0) this.logger.warn('heartbeat missed', { reason, missed: this.missed });
    return this.intervalMs;
  }
}
