// Which waiting message goes next. Higher priority first, then oldest; within one chat a message
// never overtakes an earlier one of the same or higher priority that is waiting for a retry or for
// the chat's rate limit, so a customer reads their messages in the order they were written.
import type { OutboxEntry } from '../store/outbox-repo.ts';
import type { SendRateWindow } from './send-rate-limit.ts';

export type NextSend =
  | { entry: OutboxEntry }
  /** Nothing may go now; look again at `wakeAt` (undefined: only a new message or status change). */
  | { entry?: undefined; wakeAt: number | undefined };

/**
 * `active`: every entry still to go, in sending order (OutboxRepo.active()).
 * `pausedUntil`: WhatsApp asked the session to slow down until then.
 */
export function chooseNextSend(
  active: readonly OutboxEntry[],
  now: number,
  window: SendRateWindow,
  pausedUntil: number,
): NextSend {
  const sessionFreeAt = Math.max(window.sessionFreeAt(now), pausedUntil);
  const heldChats = new Set<string>();
  let wakeAt: number | undefined;
  const wakeNoLaterThan = (at: number) => {
    if (wakeAt === undefined || at < wakeAt) wakeAt = at;
  };

  for (const entry of active) {
    if (heldChats.has(entry.phone)) continue;
    if (entry.notBefore > now) {
      // A scheduled message does not hold back what its chat is sent before its time.
      wakeNoLaterThan(entry.notBefore);
      continue;
    }
    if (entry.dueAt > now) {
      // Waiting for a retry: later messages to this chat wait behind it.
      wakeNoLaterThan(entry.dueAt);
      heldChats.add(entry.phone);
      continue;
    }
    if (sessionFreeAt > now) {
      // The whole session is at its limit: nothing goes until a slot frees.
      wakeNoLaterThan(sessionFreeAt);
      return { wakeAt };
    }
    const chatFreeAt = window.chatFreeAt(entry.phone, now);
    if (chatFreeAt > now) {
      wakeNoLaterThan(chatFreeAt);
      heldChats.add(entry.phone);
      continue;
    }
    return { entry };
  }
  return { wakeAt };
}
