// The catch-up: reads from the phone what no event delivered. On every `ready` (start, reconnect,
// worker restart, planned restart) and every whatsapp.sweepSeconds while connected, it asks the
// engine for recent customer messages per chat (only chats with unread messages or activity after
// the chat's cursor) and feeds each chat through the normal incoming path in one transaction with
// its cursor, oldest chat first. A sweep never overlaps another (a request during one runs once
// after it), never blocks the kitchen (it yields between chats), and a chat that fails is retried
// at the next sweep without holding the others back.
import type { Menu } from '../../shared/menu.ts';
import type { WhatsAppSettings } from '../../shared/settings.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { WhatsAppProblems } from '../host/whatsapp-problems.ts';
import type { Store } from '../store/store.ts';
import type { ChatBacklog, IncomingMessage, WhatsAppEngine } from '../whatsapp/engine.ts';
import { catchUpTexts } from './catch-up-texts.ts';
import type { IncomingMessages } from './incoming-messages.ts';

export interface CatchUpOptions {
  engine: Pick<WhatsAppEngine, 'listRecentIncoming' | 'getStatus' | 'onStatus' | 'reconnect'>;
  store: Store;
  clock: Clock;
  logger: Logger;
  incoming: Pick<IncomingMessages, 'handleCaughtUp'>;
  /** Read at every use: the owner may change them while the host runs. */
  settings: () => Pick<WhatsAppSettings, 'sweepSeconds' | 'catchUpHours'>;
  menu: () => Menu;
  problems: WhatsAppProblems;
  /** Nothing waiting to be sent and no customer mid-conversation: a restart would interrupt nobody. */
  isQuiet?: () => boolean;
  /** Newest messages read per opened chat. */
  perChatLimit?: number;
  /** Called after a sweep handled messages (the host counts them and wakes the outbox). */
  onHandled?: (messages: IncomingMessage[]) => void;
  /** Lets the event loop breathe between chats (tests pass an immediate one). */
  yieldToLoop?: () => Promise<void>;
}

export interface SweepReport {
  reason: string;
  chatsOpened: number;
  /** Messages handled now that no event had delivered. */
  recovered: number;
  failedChats: number;
  durationMs: number;
}

export const CATCH_UP_DEFAULTS = {
  perChatLimit: 50,
  /** While events are silent, sweep this often. */
  silentSweepMs: 20_000,
  /** Waited longer than this: the answer starts with an apology. */
  apologyAfterMs: 5 * 60_000,
  /** The phone's and the PC's clocks differ: the floor for new chats stays this far behind. */
  clockSkewMs: 5 * 60_000,
  /** A message found by a sweep this soon after it arrived may still have its event on the way. */
  eventGraceMs: 30_000,
  /** Events silent this long: restart the session at the next quiet moment. */
  restartAfterSilentMs: 10 * 60_000,
};

const FLOOR = 'floor';

export class CatchUp {
  private readonly o: CatchUpOptions;
  private readonly perChatLimit: number;
  private timer: TimerHandle | undefined;
  private running: Promise<SweepReport | undefined> | undefined;
  private again: string | undefined;
  private offStatus: (() => void) | undefined;
  private connectedSince: number | undefined;
  /** The first sweep after a ready finds what the gap left: that is not a sign of silent events. */
  private afterReady = false;
  private silentSince: number | undefined;
  private restartTried = false;
  /** What raised events-silent: a sweep's find, or a send's echo that never came. */
  private silentBy: 'sweep' | 'echo' | undefined;
  private lastSweepAt: number | undefined;
  /** Found by a sweep so soon after arriving that its event may still come: id → when found. */
  private readonly suspects = new Map<string, number>();
  private recoveredTotal = 0;
  private stopped = true;
  sweeps = 0;
  /** The last sweep's figures (health panel, bench). */
  lastReport: SweepReport | undefined;

  constructor(options: CatchUpOptions) {
    this.o = options;
    this.perChatLimit = options.perChatLimit ?? CATCH_UP_DEFAULTS.perChatLimit;
  }

  start(): void {
    this.stopped = false;
    this.offStatus = this.o.engine.onStatus((status) => this.onStatus(status));
    this.onStatus(this.o.engine.getStatus());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.offStatus?.();
    this.offStatus = undefined;
    this.cancelTimer();
    await this.running?.catch(() => undefined);
  }

  health(): { lastSweepAt?: string; recovered: number } {
    return {
      ...(this.lastSweepAt !== undefined ? { lastSweepAt: new Date(this.lastSweepAt).toISOString() } : {}),
      recovered: this.recoveredTotal,
    };
  }

  /**
   * The event path saw a message: events flow. `firstTime` false: a sweep had handled it already,
   * so it only proves its event was late, not missing.
   */
  noteEvent(messageId: string, firstTime: boolean): void {
    this.suspects.delete(messageId);
    if (firstTime && this.o.problems.has('events-silent')) {
      this.o.problems.clear('events-silent', 'a message arrived by its event');
      this.silentSince = undefined;
      this.silentBy = undefined;
      this.restartTried = false;
      this.schedule();
    }
  }

  /** A send's own echo (message_create/ack, the real engine) came back or never did. */
  noteSendEcho(missing: boolean): void {
    if (missing) {
      this.eventsSilent('a message we sent never came back as an event');
      return;
    }
    if (this.o.problems.has('events-silent') && this.silentBy === 'echo') {
      this.o.problems.clear('events-silent', 'our own messages come back as events again');
      this.silentSince = undefined;
      this.silentBy = undefined;
      this.restartTried = false;
      this.schedule();
    }
  }

  /** Runs a sweep now, or once more right after the one running. */
  sweep(reason: string): Promise<SweepReport | undefined> {
    if (this.running) {
      this.again ??= reason;
      return this.running;
    }
    this.cancelTimer();
    const run = this.sweepOnce(reason)
      .catch((error: unknown) => {
        this.o.logger.warn('catch-up sweep failed', { reason, ...errorFields(error) });
        return undefined;
      })
      .finally(() => {
        this.running = undefined;
        const next = this.again;
        this.again = undefined;
        if (this.stopped) return;
        if (next !== undefined && this.isConnected()) void this.sweep(next);
        else this.schedule();
      });
    this.running = run;
    return run;
  }

  private onStatus(status: WhatsAppStatus): void {
    if (this.stopped) return;
    if (status.state === 'connected') {
      if (this.connectedSince !== undefined) return;
      const since = Date.parse(status.since);
      this.connectedSince = Number.isFinite(since) ? since : this.o.clock.now();
      this.afterReady = true;
      void this.sweep('ready');
      return;
    }
    this.connectedSince = undefined;
    // A gap began: events of messages found just before it may never come, and that is not silence.
    this.suspects.clear();
    this.cancelTimer();
  }

  private isConnected(): boolean {
    return this.o.engine.getStatus().state === 'connected';
  }

  private intervalMs(): number {
    if (this.o.problems.has('events-silent')) return CATCH_UP_DEFAULTS.silentSweepMs;
    return this.o.settings().sweepSeconds * 1000;
  }

  private schedule(): void {
    this.cancelTimer();
    if (this.stopped || !this.isConnected() || this.running) return;
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      void this.sweep(this.o.problems.has('events-silent') ? 'silent-events' : 'interval');
    }, this.intervalMs());
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async sweepOnce(reason: string): Promise<SweepReport | undefined> {
    const { store, clock, logger } = this.o;
    if (!this.isConnected()) return undefined;
    const afterReady = this.afterReady;
    this.afterReady = false;
    const startedAt = clock.now();
    const settings = this.o.settings();
    const catchUpMs = settings.catchUpHours * 3_600_000;
    const floor = store.catchUp.value(FLOOR) ?? startedAt - catchUpMs;
    const backlogs = await this.o.engine.listRecentIncoming({
      cursors: store.catchUp.cursors(),
      since: floor,
      perChatLimit: this.perChatLimit,
    });
    // Oldest waiting customer first.
    backlogs.sort((a, b) => firstAt(a) - firstAt(b));
    const texts = catchUpTexts(this.o.menu().locale);
    const handled: IncomingMessage[] = [];
    let missedByEvents = 0;
    let failedChats = 0;
    // Suspects from earlier sweeps whose event never came.
    for (const [id, foundAt] of this.suspects) {
      if (startedAt - foundAt < CATCH_UP_DEFAULTS.eventGraceMs) continue;
      this.suspects.delete(id);
      if (!afterReady) missedByEvents++;
    }
    const yieldToLoop = this.o.yieldToLoop ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
    for (const backlog of backlogs) {
      if (this.stopped) break;
      if (backlog.error !== undefined) {
        failedChats++;
        logger.warn('catch-up: a chat could not be opened; trying again next sweep', { chatId: backlog.chatId, error: backlog.error });
        continue;
      }
      try {
        const now = clock.now();
        const result = store.transaction(() => {
          const r = this.o.incoming.handleCaughtUp({
            messages: backlog.messages,
            tooOldBefore: now - catchUpMs,
            apologizeBefore: now - CATCH_UP_DEFAULTS.apologyAfterMs,
            truncated: backlog.truncated,
            texts,
          });
          const newest = Math.max(backlog.lastActivityAt, ...backlog.messages.map((m) => m.at));
          store.catchUp.advance(backlog.chatId, newest);
          return r;
        });
        if (backlog.truncated && result.fresh.length) {
          logger.warn('catch-up: chat cut short by the limit; handed to staff', { chatId: backlog.chatId, read: backlog.messages.length });
        }
        handled.push(...result.fresh);
        for (const m of result.fresh) {
          // Arrived while connected (not during a gap): its event should have brought it.
          if (afterReady || this.connectedSince === undefined || m.at <= this.connectedSince) continue;
          if (m.at < startedAt - CATCH_UP_DEFAULTS.eventGraceMs) missedByEvents++;
          else this.suspects.set(m.id, startedAt);
        }
      } catch (error) {
        failedChats++;
        logger.error('catch-up: a chat could not be handled; trying again next sweep', { chatId: backlog.chatId, ...errorFields(error) });
      }
      await yieldToLoop();
    }
    // New chats are looked for from here on; a failed chat keeps the floor so it is not skipped.
    if (failedChats === 0 && !this.stopped) store.catchUp.setValue(FLOOR, startedAt - CATCH_UP_DEFAULTS.clockSkewMs);
    this.lastSweepAt = clock.now();
    this.sweeps++;
    this.recoveredTotal += handled.length;
    if (handled.length) this.o.onHandled?.(handled);
    const report: SweepReport = {
      reason,
      chatsOpened: backlogs.length,
      recovered: handled.length,
      failedChats,
      durationMs: this.lastSweepAt - startedAt,
    };
    this.lastReport = report;
    if (handled.length || failedChats) logger.info('catch-up sweep', { ...report });
    if (missedByEvents) this.eventsSilent(`a sweep found ${missedByEvents} message(s) no event delivered`);
    this.maybeRestartQuietly();
    return report;
  }

  private eventsSilent(reason: string): void {
    this.silentBy ??= reason.startsWith('a message we sent') ? 'echo' : 'sweep';
    this.silentSince ??= this.o.clock.now();
    this.o.problems.raise('events-silent', reason);
  }

  /** Silent for a while: a fresh session usually brings the events back; only when nobody is mid-order. */
  private maybeRestartQuietly(): void {
    if (this.silentSince === undefined || this.restartTried) return;
    if (this.o.clock.now() - this.silentSince < CATCH_UP_DEFAULTS.restartAfterSilentMs) return;
    if (!(this.o.isQuiet?.() ?? true)) return;
    this.restartTried = true;
    this.o.logger.warn('events still silent: restarting the session in a quiet moment');
    void this.o.engine.reconnect().catch((error: unknown) => this.o.logger.warn('quiet restart failed', errorFields(error)));
  }
}

function firstAt(backlog: ChatBacklog): number {
  return backlog.messages[0]?.at ?? Number.MAX_SAFE_INTEGER;
}
