// Per-customer flood protection for incoming messages: past the limit, the customer gets one
// polite reply per window and the bot stays quiet, so a stuck phone or a prankster cannot make
// the restaurant's number spam back (which is what gets numbers banned).
import type { Clock } from '../host/clock.ts';

export interface IncomingRateLimitOptions {
  clock: Clock;
  /** Messages a customer may send per window before the bot pauses for them. */
  maxPerWindow?: number;
  windowMs?: number;
}

export type RateDecision = 'allow' | 'warn' | 'drop';

export class IncomingRateLimit {
  private readonly clock: Clock;
  private readonly max: number;
  private readonly windowMs: number;
  private readonly recent = new Map<string, { times: number[]; warnedAt: number | null }>();

  constructor(options: IncomingRateLimitOptions) {
    this.clock = options.clock;
    this.max = options.maxPerWindow ?? 30;
    this.windowMs = options.windowMs ?? 60_000;
  }

  check(phone: string): RateDecision {
    const now = this.clock.now();
    const entry = this.recent.get(phone) ?? { times: [], warnedAt: null };
    entry.times = entry.times.filter((t) => now - t < this.windowMs);
    entry.times.push(now);
    this.recent.set(phone, entry);
    if (this.recent.size > 10_000) this.prune(now);
    if (entry.times.length <= this.max) return 'allow';
    if (entry.warnedAt !== null && now - entry.warnedAt < this.windowMs) return 'drop';
    entry.warnedAt = now;
    return 'warn';
  }

  private prune(now: number): void {
    for (const [phone, entry] of this.recent) {
      if (entry.times.every((t) => now - t >= this.windowMs)) this.recent.delete(phone);
    }
  }
}
