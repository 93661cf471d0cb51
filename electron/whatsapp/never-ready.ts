// A session that authenticates and never becomes ready (WhatsApp Web changed under the library:
// "loading 99 %" for ever). Lives in the host above the engine port, so the simulator's never-ready
// fault exercises it exactly as the real engine does. A start that stays in authenticating or
// loading longer than whatsapp.readyTimeoutSeconds is stuck; recovery, in order, each step logged:
// restart the worker; clear the cached WhatsApp Web version and start again; start with the version
// the fleet pinned (if any); then `failed` with the problem never-ready, and a new try every 15
// minutes. Becoming ready ends it all.
import type { WhatsAppSettings } from '../../shared/settings.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import { PROBLEM_TEXT, type WhatsAppProblems } from '../host/whatsapp-problems.ts';
import type { StuckStartStep, WhatsAppEngine } from './engine.ts';

export interface NeverReadyOptions {
  engine: Pick<WhatsAppEngine, 'getStatus' | 'onStatus' | 'reconnect' | 'recoverStuckStart'>;
  clock: Clock;
  logger: Logger;
  /** Read at every use (PUT /api/settings). */
  settings: () => Pick<WhatsAppSettings, 'readyTimeoutSeconds'>;
  problems: WhatsAppProblems;
  /** The fleet's pinned WhatsApp Web version, if the vendor set one. */
  pinned: () => { webVersion: string; webVersionCacheUrl?: string } | undefined;
  retryMs?: number;
}

export const NEVER_READY_RETRY_MS = 15 * 60_000;
const STUCK_STATES = new Set<WhatsAppStatus['state']>(['authenticating', 'loading']);

export class NeverReady {
  private readonly o: NeverReadyOptions;
  private stuckTimer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  private off: (() => void) | undefined;
  /** Recovery steps taken since the session was last ready. */
  private step = 0;
  /** The state (and since) the stuck timer was set for. */
  private watching: string | undefined;
  readonly log: string[] = [];

  constructor(options: NeverReadyOptions) {
    this.o = options;
  }

  start(): void {
    this.off = this.o.engine.onStatus((status) => this.onStatus(status));
    this.onStatus(this.o.engine.getStatus());
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
    this.cancel('stuck');
    this.cancel('retry');
  }

  private onStatus(status: WhatsAppStatus): void {
    if (status.state === 'connected') {
      if (this.step > 0) this.o.logger.info('never-ready: the session became ready', { afterSteps: this.step });
      this.step = 0;
      this.watching = undefined;
      this.cancel('stuck');
      this.cancel('retry');
      this.o.problems.clear('never-ready', 'the session became ready');
      return;
    }
    if (!STUCK_STATES.has(status.state)) {
      // Restarting, offline, waiting for a link: not stuck in loading; the step count stays.
      this.watching = undefined;
      this.cancel('stuck');
      return;
    }
    // authenticating → loading is one start going on; the clock runs from the first of them.
    if (this.watching !== undefined) return;
    this.watching = status.state;
    const since = Date.parse(status.since);
    const elapsed = Number.isFinite(since) ? Math.max(0, this.o.clock.now() - since) : 0;
    const timeoutMs = this.o.settings().readyTimeoutSeconds * 1000;
    this.stuckTimer = this.o.clock.setTimeout(() => {
      this.stuckTimer = undefined;
      void this.recover();
    }, Math.max(0, timeoutMs - elapsed));
  }

  private async recover(): Promise<void> {
    this.watching = undefined;
    const pinned = this.o.pinned();
    this.step++;
    // Without a pinned version the third step is skipped.
    if (this.step === 3 && !pinned) this.step = 4;
    let step: StuckStartStep;
    if (this.step === 1) step = { kind: 'restart-worker' };
    else if (this.step === 2) step = { kind: 'clear-web-cache' };
    else if (this.step === 3 && pinned) step = { kind: 'pinned-version', ...pinned };
    else step = { kind: 'give-up', message: PROBLEM_TEXT['never-ready'].en };
    this.o.logger.warn('never-ready: the session did not become ready; recovering', {
      step: this.step,
      action: step.kind,
      readyTimeoutSeconds: this.o.settings().readyTimeoutSeconds,
      ...(step.kind === 'pinned-version' ? { webVersion: step.webVersion } : {}),
    });
    this.log.push(step.kind);
    if (step.kind === 'give-up') {
      this.o.problems.raise('never-ready', `not ready after ${this.step - 1} recovery steps`);
      this.scheduleRetry();
    }
    await this.run(step);
  }

  private scheduleRetry(): void {
    this.cancel('retry');
    this.retryTimer = this.o.clock.setTimeout(() => {
      this.retryTimer = undefined;
      const pinned = this.o.pinned();
      const step: StuckStartStep = pinned ? { kind: 'pinned-version', ...pinned } : { kind: 'restart-worker' };
      this.o.logger.info('never-ready: trying again', { action: step.kind });
      this.log.push(`retry:${step.kind}`);
      // Stuck again, the next timeout gives up again (and schedules the next try).
      this.step = 3;
      void this.run(step);
    }, this.o.retryMs ?? NEVER_READY_RETRY_MS);
  }

  private async run(step: StuckStartStep): Promise<void> {
    try {
      if (this.o.engine.recoverStuckStart) await this.o.engine.recoverStuckStart(step);
      else if (step.kind !== 'give-up') await this.o.engine.reconnect();
    } catch (error) {
      this.o.logger.warn('never-ready: recovery step failed', { action: step.kind, ...errorFields(error) });
    }
  }

  private cancel(which: 'stuck' | 'retry'): void {
    const timer = which === 'stuck' ? this.stuckTimer : this.retryTimer;
    if (timer !== undefined) this.o.clock.clearTimeout(timer);
    if (which === 'stuck') this.stuckTimer = undefined;
    else this.retryTimer = undefined;
  }
}
