// When to look for updates and when an update may restart the app. Pure timing over the injected
// clock: the kitchen is never restarted by itself while an order is open. A downloaded update is
// installed when someone asks (with a confirmation if orders are open) or by itself only in the
// quiet hours (default 03:00–05:00 local) with no open orders.
import type { Clock, TimerHandle } from '../host/clock.ts';

export interface QuietHours {
  /** Local hour the window opens (inclusive, 0–23). */
  startHour: number;
  /** Local hour it closes (exclusive, 1–24; may be below startHour to span midnight). */
  endHour: number;
}

export interface UpdatePolicyOptions {
  clock: Clock;
  /** Orders the kitchen still has open (new, accepted, preparing, ready). */
  openOrders: () => number;
  /** IANA zone for the quiet hours; default the computer's. */
  timeZone?: () => string | undefined;
  firstCheckDelayMs?: number;
  checkIntervalMs?: number;
  quietHours?: QuietHours;
  /** How often a waiting update looks whether the quiet hours have come. */
  quietPollMs?: number;
  /**
   * WhatsApp fails with never-ready or events-silent: the fix is most likely in a new release, and
   * no WhatsApp order can arrive anyway, so check at once and install without waiting for the quiet
   * hours (the orders on the board are kept; the window is back in seconds).
   */
  whatsappBroken?: () => boolean;
}

export interface UpdateActions {
  check(): void;
  install(): void;
}

export type InstallDecision = 'install' | 'confirm-open-orders';

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 4 * 3600_000;
export const DEFAULT_QUIET_HOURS: QuietHours = { startHour: 3, endHour: 5 };
const QUIET_POLL_MS = 10 * 60_000;

export function localHour(ms: number, timeZone?: string): number {
  const text = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(ms));
  return Number(text) % 24;
}

export function inQuietHours(hour: number, quiet: QuietHours): boolean {
  if (quiet.startHour === quiet.endHour) return false;
  return quiet.startHour < quiet.endHour ? hour >= quiet.startHour && hour < quiet.endHour : hour >= quiet.startHour || hour < quiet.endHour;
}

export class UpdatePolicy {
  private checkTimer: TimerHandle | undefined;
  private quietTimer: TimerHandle | undefined;
  private actions: UpdateActions | undefined;
  private ready = false;

  private readonly o: UpdatePolicyOptions;


  constructor(o: UpdatePolicyOptions) {

    this.o = o;

  }

  get updateReady(): boolean {
    return this.ready;
  }

  /** First check 30 s after start (the kitchen comes up first), then every 4 hours. */
  start(actions: UpdateActions): void {
    this.actions = actions;
    this.checkTimer = this.o.clock.setTimeout(() => this.checkAndReschedule(), this.o.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS);
  }

  stop(): void {
    if (this.checkTimer) this.o.clock.clearTimeout(this.checkTimer);
    if (this.quietTimer) this.o.clock.clearTimeout(this.quietTimer);
    this.checkTimer = this.quietTimer = undefined;
    this.actions = undefined;
  }

  /** The update is downloaded: wait for a person or for the quiet hours. */
  updateDownloaded(): void {
    this.ready = true;
    if (!this.quietTimer) this.pollQuietHours();
  }

  /** Someone chose "restart and update": fine at once unless orders are open, then ask first. */
  installRequested(): InstallDecision {
    return this.o.openOrders() > 0 ? 'confirm-open-orders' : 'install';
  }

  /** The host's WhatsApp problems changed: while broken, look for a release now and take it at once. */
  whatsappProblemsChanged(): void {
    if (!this.actions || !this.o.whatsappBroken?.()) return;
    if (this.ready) {
      if (this.quietTimer) this.o.clock.clearTimeout(this.quietTimer);
      this.pollQuietHours();
    } else {
      this.actions.check();
    }
  }

  /** Quiet hours and an empty board (or WhatsApp broken): the only times the app restarts without being asked. */
  mayInstallUnattended(): boolean {
    if (!this.ready) return false;
    if (this.o.whatsappBroken?.()) return true;
    const hour = localHour(this.o.clock.now(), this.o.timeZone?.());
    return inQuietHours(hour, this.o.quietHours ?? DEFAULT_QUIET_HOURS) && this.o.openOrders() === 0;
  }

  private checkAndReschedule(): void {
    this.checkTimer = this.o.clock.setTimeout(() => this.checkAndReschedule(), this.o.checkIntervalMs ?? CHECK_INTERVAL_MS);
    // A downloaded update needs no new check: the next one would download the same again.
    if (!this.ready) this.actions?.check();
  }

  private pollQuietHours(): void {
    this.quietTimer = undefined;
    if (!this.actions) return;
    if (this.mayInstallUnattended()) {
      this.actions.install();
      return;
    }
    this.quietTimer = this.o.clock.setTimeout(() => this.pollQuietHours(), this.o.quietPollMs ?? QUIET_POLL_MS);
  }
}
