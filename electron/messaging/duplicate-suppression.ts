// The same text to the same number twice within a few minutes is sent once, whatever the keys (the
// bot answering two identical messages, a command repeated from the cloud). The idempotency key
// stops a repeat of one entry; this stops a repeat of its words, which WhatsApp also reads as spam.
import type { OutboxEntry, OutboxRepo } from '../store/outbox-repo.ts';

export const DUPLICATE_WINDOW_MS = 5 * 60_000;

/** The entry that already carried this text to this number less than 5 minutes before `now`. */
export function earlierDelivery(outbox: OutboxRepo, entry: OutboxEntry, now: number): OutboxEntry | undefined {
  return outbox.lastSentSameBody(entry.phone, entry.body, now - DUPLICATE_WINDOW_MS, entry.key);
}
