// Desktop notifications for what the kitchen must not miss while the window is hidden: WhatsApp
// lost (after a short grace, so a quick reconnect stays quiet), WhatsApp needs linking, a customer
// asked for a person. One kind is not repeated within minGapMs.
import type { Handoff } from '../../shared/kds-api.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { WhatsAppProblem, WhatsAppState, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { WHATSAPP_PROBLEM_TEXT } from '../../shared/i18n-whatsapp-problems.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { SHELL_TEXTS } from './shell-texts.ts';

export type AlertKind = 'disconnected' | 'needs-link' | 'handoff' | 'whatsapp-problem';

export interface DesktopAlertsOptions {
  notify: (kind: AlertKind, title: string, body: string) => void;
  locale: () => Locale;
  clock: Clock;
  /** Not connected for this long before "disconnected" is shown. */
  disconnectGraceMs?: number;
  minGapMs?: number;
}

const LOST: readonly WhatsAppState[] = ['reconnecting', 'offline', 'failed'];
const UNLINKED: readonly WhatsAppState[] = ['needs-link', 'logged-out'];

export class DesktopAlerts {
  private lastState: WhatsAppState | undefined;
  private graceTimer: TimerHandle | undefined;
  private readonly lastShown = new Map<AlertKind, number>();
  private knownHandoffs: Set<string> | undefined;
  /** Problems already told (the host raises each once per episode; a status repeats it). */
  private knownProblems = new Set<WhatsAppProblem>();

  private readonly o: DesktopAlertsOptions;


  constructor(o: DesktopAlertsOptions) {

    this.o = o;

  }

  onStatus(status: WhatsAppStatus): void {
    const problems = new Set(status.problems ?? []);
    for (const problem of problems) {
      if (this.knownProblems.has(problem)) continue;
      const text = WHATSAPP_PROBLEM_TEXT[problem][this.o.locale()];
      this.o.notify('whatsapp-problem', text.title, text.body);
    }
    this.knownProblems = problems;
    const previous = this.lastState;
    this.lastState = status.state;
    if (status.state === previous) return;
    const t = SHELL_TEXTS[this.o.locale()].notify;
    if (UNLINKED.includes(status.state)) {
      this.cancelGrace();
      this.show('needs-link', t.needsLinkTitle, t.needsLinkBody);
    } else if (LOST.includes(status.state)) {
      // Only a session that was up counts as "lost"; and it may come back by itself within the grace.
      if (previous === 'connected' && !this.graceTimer) {
        this.graceTimer = this.o.clock.setTimeout(() => {
          this.graceTimer = undefined;
          // never-ready was told in its own words: "disconnected" would only add noise.
          if (this.knownProblems.has('never-ready')) return;
          if (this.lastState && LOST.includes(this.lastState)) this.show('disconnected', t.disconnectedTitle, t.disconnectedBody);
        }, this.o.disconnectGraceMs ?? 30_000);
      }
    } else if (status.state === 'connected') {
      this.cancelGrace();
    }
  }

  /** The first list is what was already there at start: only later arrivals notify. */
  onHandoffs(handoffs: readonly Handoff[]): void {
    const phones = new Set(handoffs.map((h) => h.phone));
    const known = this.knownHandoffs;
    this.knownHandoffs = phones;
    if (!known) return;
    const fresh = handoffs.filter((h) => !known.has(h.phone));
    if (fresh.length === 0) return;
    const t = SHELL_TEXTS[this.o.locale()].notify;
    // Handoffs are not rate-limited: each one is a person waiting. The body names who, not what.
    this.o.notify('handoff', t.handoffTitle, fresh.map((h) => h.name || h.phone).join(', '));
  }

  stop(): void {
    this.cancelGrace();
  }

  private cancelGrace(): void {
    if (this.graceTimer) this.o.clock.clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }

  private show(kind: AlertKind, title: string, body: string): void {
    const now = this.o.clock.now();
    const last = this.lastShown.get(kind);
    if (last !== undefined && now - last < (this.o.minGapMs ?? 10 * 60_000)) return;
    this.lastShown.set(kind, now);
    this.o.notify(kind, title, body);
  }
}
