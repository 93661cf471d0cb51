// How fast the outbox may send on one WhatsApp number: at most N messages in any minute to one
// chat, and M in any minute on the whole session. A burst beyond that looks like a spammer to
// WhatsApp and risks the number, so a held message simply waits for its slot.
import type { RecentSend } from '../store/outbox-repo.ts';

export interface SendRateLimits {
  perChatPerMinute: number;
  sessionPerMinute: number;
}

/** The settings' defaults (electron/host/settings.ts whatsapp.perChatPerMinute / sessionPerMinute). */
export const DEFAULT_SEND_RATE_LIMITS: SendRateLimits = { perChatPerMinute: 30, sessionPerMinute: 10 };

/** A sliding window: a send at t counts against the limits until t + 60 s. */
export const SEND_RATE_WINDOW_MS = 60_000;

/**
 * The sends of the last window, and when each limit lets the next one through. With no limits
 * (the simulator, where no number is at risk) every answer is "now".
 */
export class SendRateWindow {
  private readonly limits: SendRateLimits | null;
  private readonly session: number[];
  private readonly byChat = new Map<string, number[]>();

  /** `recent`: the sends after now - SEND_RATE_WINDOW_MS, oldest first. */
  constructor(limits: SendRateLimits | null, recent: readonly RecentSend[]) {
    this.limits = limits;
    this.session = recent.map((s) => s.at);
    for (const send of recent) {
      const times = this.byChat.get(send.phone);
      if (times) times.push(send.at);
      else this.byChat.set(send.phone, [send.at]);
    }
  }

  /** When the session may send again (now, or when the oldest send in the way leaves the window). */
  sessionFreeAt(now: number): number {
    return this.limits ? freeAt(this.session, this.limits.sessionPerMinute, now) : now;
  }

  /** When this chat may be sent to again. */
  chatFreeAt(phone: string, now: number): number {
    return this.limits ? freeAt(this.byChat.get(phone) ?? [], this.limits.perChatPerMinute, now) : now;
  }
}

/** `times` ascending and all inside the window ending at `now`. */
function freeAt(times: readonly number[], limit: number, now: number): number {
  if (times.length < limit) return now;
  // The send `limit` places from the end must leave the window before one more fits.
  return Math.max(now, times[times.length - limit]! + SEND_RATE_WINDOW_MS);
}
