// When to back the session up: once after the session becomes ready, daily at 02:00 local time,
// on demand and before a planned restart (the last two are calls). Retention runs after each.
import type { Clock, TimerHandle } from '../../host/clock.ts';

/** Milliseconds from now to the next local hh:00 (02:00 by default), in the given time zone. */
export function msUntilNextLocalHour(now: number, hour = 2, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(now));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const secondsIntoDay = get('hour') * 3600 + get('minute') * 60 + get('second');
  let wait = hour * 3600 - secondsIntoDay;
  if (wait <= 0) wait += 24 * 3600;
  return wait * 1000 - (now % 1000);
}

export class BackupSchedule {
  private readonly clock: Clock;
  private readonly run: (reason: 'ready' | 'daily') => void;
  private readonly timeZone: () => string | undefined;
  private timer: TimerHandle | undefined;
  private readyDone = false;

  constructor(options: { clock: Clock; run: (reason: 'ready' | 'daily') => void; timeZone?: () => string | undefined }) {
    this.clock = options.clock;
    this.run = options.run;
    this.timeZone = options.timeZone ?? (() => undefined);
  }

  start(): void {
    const wait = msUntilNextLocalHour(this.clock.now(), 2, this.timeZone());
    this.timer = this.clock.setTimeout(() => {
      this.run('daily');
      this.start();
    }, wait);
  }

  /** The WhatsApp session is connected: the first time, back it up. */
  sessionReady(): void {
    if (this.readyDone) return;
    this.readyDone = true;
    this.run('ready');
  }

  stop(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
