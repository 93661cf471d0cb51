// "Pausar pedidos": new orders paused for some minutes or until resumed. Kept in the settings
// table so a restart keeps it, and ended by itself on the injected clock; every change (including
// the end) is announced so screens and the bot follow.
import type { OrdersPause } from '../../shared/owner-api.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';
import type { Clock, TimerHandle } from './clock.ts';

export const PAUSE_KEY = 'orders.pause';

interface StoredPause {
  since: number;
  /** Epoch ms; null: until resumed. */
  until: number | null;
}

export interface OrdersPauseOptions {
  repo: SettingsRepo;
  clock: Clock;
  onChange: (pause: OrdersPause) => void;
}

export class OrdersPauseControl {
  private readonly o: OrdersPauseOptions;
  private timer: TimerHandle | undefined;
  private running = false;

  constructor(options: OrdersPauseOptions) {
    this.o = options;
  }

  /** Arms the end of a pause that survived a restart (or ends one that ran out meanwhile). */
  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  state(): OrdersPause {
    const stored = this.active();
    if (!stored) return { paused: false };
    const pause: OrdersPause = { paused: true, since: new Date(stored.since).toISOString() };
    if (stored.until !== null) pause.until = new Date(stored.until).toISOString();
    return pause;
  }

  /** What the bot is told (bot-types.ts): undefined = open, null = until resumed, else epoch ms. */
  pausedUntil(): number | null | undefined {
    return this.active()?.until;
  }

  /** minutes: from now; null or absent: until resumed. A pause while paused replaces the end. */
  pause(minutes?: number | null): OrdersPause {
    const now = this.o.clock.now();
    const since = this.active()?.since ?? now;
    this.o.repo.set(PAUSE_KEY, { since, until: minutes == null ? null : now + minutes * 60_000 } satisfies StoredPause);
    this.schedule();
    return this.announce();
  }

  resume(): OrdersPause {
    this.o.repo.delete(PAUSE_KEY);
    this.clearTimer();
    return this.announce();
  }

  private active(): StoredPause | undefined {
    const stored = this.o.repo.get<StoredPause>(PAUSE_KEY);
    if (!stored || typeof stored.since !== 'number') return undefined;
    if (stored.until !== null && !(stored.until > this.o.clock.now())) return undefined;
    return stored;
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.running) return;
    const stored = this.o.repo.get<StoredPause>(PAUSE_KEY);
    if (!stored || stored.until === null) return;
    const wait = stored.until - this.o.clock.now();
    if (wait <= 0) {
      this.o.repo.delete(PAUSE_KEY);
      this.announce();
      return;
    }
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private announce(): OrdersPause {
    const pause = this.state();
    this.o.onChange(pause);
    return pause;
  }
}
