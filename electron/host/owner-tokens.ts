// Owner tokens handed out by a right PIN: random, in memory only (a restart asks for the PIN
// again), each valid 15 minutes from its last use.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock.ts';

export const OWNER_TOKEN_IDLE_MS = 15 * 60_000;
/** More unlocked screens than this and the least recently used is forgotten. */
const MAX_TOKENS = 50;

export class OwnerTokens {
  private readonly clock: Clock;
  private readonly tokens = new Map<string, number>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  issue(): { ownerToken: string; expiresAt: string } {
    this.prune();
    const ownerToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    this.tokens.set(ownerToken, now);
    while (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    return { ownerToken, expiresAt: new Date(now + OWNER_TOKEN_IDLE_MS).toISOString() };
  }

  /** True for a live token, whose 15 minutes start again now. */
  use(presented: string | undefined): boolean {
    if (!presented) return false;
    const now = this.clock.now();
    for (const [token, lastUsed] of this.tokens) {
      if (!sameToken(token, presented)) continue;
      if (now - lastUsed >= OWNER_TOKEN_IDLE_MS) {
        this.tokens.delete(token);
        return false;
      }
      // Re-inserted so the map's order stays least recently used first.
      this.tokens.delete(token);
      this.tokens.set(token, now);
      return true;
    }
    return false;
  }

  /** Every token but `keep` stops working (the PIN changed or was reset). */
  revokeAll(keep?: string): void {
    for (const token of [...this.tokens.keys()]) if (token !== keep) this.tokens.delete(token);
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [token, lastUsed] of this.tokens) if (now - lastUsed >= OWNER_TOKEN_IDLE_MS) this.tokens.delete(token);
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
