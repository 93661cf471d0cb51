// Activity layer: every 30 s the WhatsApp page sees a person-like presence (a mouse move, a Shift
// keydown/keyup, focus and visibility, a small scroll) and asks for a screen wake lock, so WhatsApp
// Web never treats the kitchen PC as an idle, backgrounded tab. The loop lives in the host and asks
// through SessionControl.activity(); the worker runs activityInPage (below) in the page.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import { isConnected } from '../../shared/whatsapp-status.ts';
import { CadenceLoop, liveNumber, type LiveNumber } from './layer-loop.ts';
import type { SessionControl } from './session-control.ts';

export const ACTIVITY_DEFAULTS = { intervalMs: 30_000, timeoutMs: 10_000 };

export interface ActivityResult {
  dispatched: string[];
  wakeLock: 'held' | 'acquired' | 'unsupported' | 'refused';
}

/** Runs inside the page (serialised by puppeteer): no closures over Node values. */
export async function activityInPage(): Promise<ActivityResult> {
  const dispatched: string[] = [];
  const w = window as unknown as { __comandaWakeLock?: { released: boolean } };
  const x = 100 + Math.floor(Math.random() * 400);
  const y = 100 + Math.floor(Math.random() * 300);
  const target = document.elementFromPoint(x, y) ?? document.body ?? document.documentElement;
  target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
  dispatched.push('mousemove');
  for (const type of ['keydown', 'keyup'] as const) {
    document.dispatchEvent(new KeyboardEvent(type, { bubbles: true, key: 'Shift', code: 'ShiftLeft', shiftKey: type === 'keydown' }));
  }
  dispatched.push('keydown');
  window.dispatchEvent(new FocusEvent('focus'));
  dispatched.push('focus');
  document.dispatchEvent(new Event('visibilitychange'));
  dispatched.push('visibilitychange');
  const scroller = document.scrollingElement ?? document.documentElement;
  const before = scroller.scrollTop;
  scroller.scrollTop = before + 1;
  scroller.scrollTop = before;
  window.dispatchEvent(new Event('scroll'));
  dispatched.push('scroll');
  let wakeLock: ActivityResult['wakeLock'] = 'unsupported';
  const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ released: boolean }> } };
  if (w.__comandaWakeLock && !w.__comandaWakeLock.released) wakeLock = 'held';
  else if (nav.wakeLock) {
    try {
      w.__comandaWakeLock = await nav.wakeLock.request('screen');
      wakeLock = 'acquired';
    } catch {
      wakeLock = 'refused';
    }
  }
  return { dispatched, wakeLock };
}

export interface ActivityOptions {
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** Read at each tick: a getter follows the owner's settings live. */
  intervalMs?: LiveNumber;
  timeoutMs?: number;
}

/** Every intervalMs, while connected, has the worker run activityInPage in the WhatsApp page. */
export class ActivityLoop extends CadenceLoop {
  private readonly control: SessionControl;
  private readonly interval: () => number;
  private readonly timeoutMs: number;
  runs = 0;
  failures = 0;

  constructor(options: ActivityOptions) {
    super(options.clock, options.logger.child({ layer: 'activity' }));
    this.control = options.control;
    this.interval = liveNumber(options.intervalMs, ACTIVITY_DEFAULTS.intervalMs);
    this.timeoutMs = options.timeoutMs ?? ACTIVITY_DEFAULTS.timeoutMs;
  }


  protected get intervalMs(): number {
    return this.interval();
  }

  protected override async tick(live: () => boolean): Promise<number> {
    if (!isConnected(this.control.status())) return this.intervalMs;
    try {
      await this.timers.deadline(() => this.control.activity(), this.timeoutMs, 'activity');
      if (live()) this.runs++;
    } catch (error) {
      if (!live()) return this.intervalMs;
      this.failures++;
      // A hung page is the watchdog's to judge; here it is only worth a quiet line.
      this.logger.debug('activity round failed', { ...errorFields(error), failures: this.failures });
    }
    return this.intervalMs;
  }
}
