// Remembers whether a number is on WhatsApp for 24 h, so a busy evening does not ask WhatsApp about
// the same customer before every message (a pattern WhatsApp watches for). Both answers are cached:
// a number that is not on WhatsApp today is rarely on it an hour later.
import type { Clock } from '../host/clock.ts';

export const NUMBER_CHECK_TTL_MS = 24 * 3600_000;

interface Entry {
  /** The WhatsApp chat id (…@c.us), or null: not on WhatsApp. */
  chatId: string | null;
  at: number;
}

export class NumberCheckCache {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: { clock: Clock; ttlMs?: number; maxEntries?: number }) {
    this.clock = options.clock;
    this.ttlMs = options.ttlMs ?? NUMBER_CHECK_TTL_MS;
    this.maxEntries = options.maxEntries ?? 5_000;
  }

  /** undefined: not known (or expired); null: known not to be on WhatsApp. */
  get(phone: string): string | null | undefined {
    const entry = this.entries.get(phone);
    if (!entry) return undefined;
    if (this.clock.now() - entry.at >= this.ttlMs) {
      this.entries.delete(phone);
      return undefined;
    }
    return entry.chatId;
  }

  set(phone: string, chatId: string | null): void {
    this.entries.delete(phone);
    this.entries.set(phone, { chatId, at: this.clock.now() });
    // Map keeps insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Looks the number up in the cache, else asks `check` and remembers the answer. */
  async resolve(phone: string, check: (phone: string) => Promise<string | null>): Promise<string | null> {
    const cached = this.get(phone);
    if (cached !== undefined) return cached;
    const chatId = await check(phone);
    this.set(phone, chatId);
    return chatId;
  }

  clear(): void {
    this.entries.clear();
  }
}
