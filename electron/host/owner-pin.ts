// The owner PIN: only a salted scrypt hash is stored (settings table), never the PIN. Wrong PINs
// are slowed down: the first FREE_TRIES in a row are free, then each further one locks tries out
// for a growing time (30 s doubling up to 15 minutes), kept across restarts. While locked out even
// the right PIN is refused, or the lockout would only slow a guess down, not stop it. Tries are
// checked one at a time, so a burst of parallel requests cannot slip past the count.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { KdsError } from '../../shared/kds-api.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';

export const PIN_KEY = 'owner.pin';
export const LOCKOUT_KEY = 'owner.lockout';
export const FREE_TRIES = 3;
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 15 * 60_000;

const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

interface StoredPin {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
  setAt: string;
}

interface Lockout {
  /** Wrong tries in a row. */
  failures: number;
  /** Epoch ms before which no try is taken. */
  lockedUntil: number;
}

/** How long a lockout lasts after this many wrong tries in a row (0 while tries are free). */
export function lockoutMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (failures - FREE_TRIES));
}

export interface OwnerPinOptions {
  repo: SettingsRepo;
  clock: Clock;
  logger: Logger;
}

export class OwnerPin {
  private readonly o: OwnerPinOptions;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: OwnerPinOptions) {
    this.o = options;
  }

  isSet(): boolean {
    return this.stored() !== undefined;
  }

  /** Stores a new PIN's hash (the caller checked the owner may). */
  async set(pin: string): Promise<void> {
    const salt = randomBytes(16);
    const hash = await derive(pin, salt, SCRYPT);
    this.o.repo.set(PIN_KEY, {
      algorithm: 'scrypt',
      ...SCRYPT,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
      setAt: new Date(this.o.clock.now()).toISOString(),
    } satisfies StoredPin);
    this.o.repo.delete(LOCKOUT_KEY);
  }

  /**
   * Resolves for the right PIN; unauthorized for a wrong one; too_many_requests (with
   * retryAfterSeconds) while wrong tries are being slowed down; conflict when no PIN is set.
   */
  verify(pin: string): Promise<void> {
    const run = this.queue.then(() => this.verifyNow(pin));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The PIN is forgotten (from the PC itself only): owner routes need no PIN until a new one is set. */
  reset(): void {
    this.o.repo.delete(PIN_KEY);
    this.o.repo.delete(LOCKOUT_KEY);
    this.o.logger.warn('owner PIN reset on this PC');
  }

  private async verifyNow(pin: string): Promise<void> {
    const stored = this.stored();
    if (!stored) throw new KdsError('conflict', 'no owner PIN is set yet');
    const now = this.o.clock.now();
    const lockout = this.lockout();
    if (lockout.lockedUntil > now) throw tooMany(lockout.lockedUntil - now);
    const expected = Buffer.from(stored.hash, 'base64');
    const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), { N: stored.N, r: stored.r, p: stored.p }, expected.length);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) {
      if (lockout.failures > 0) this.o.repo.delete(LOCKOUT_KEY);
      return;
    }
    const failures = lockout.failures + 1;
    const wait = lockoutMs(failures);
    const at = this.o.clock.now();
    this.o.repo.set(LOCKOUT_KEY, { failures, lockedUntil: at + wait } satisfies Lockout);
    this.o.logger.warn('wrong owner PIN', { failures, lockedForSeconds: Math.ceil(wait / 1000) });
    // The try was weighed and is wrong: 401. The tries refused unweighed while locked out are the 429s.
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new KdsError('unauthorized', `wrong PIN; the next try is taken in ${seconds} s`, { retryAfterSeconds: seconds });
    }
    throw new KdsError('unauthorized', 'wrong PIN');
  }

  private stored(): StoredPin | undefined {
    const stored = this.o.repo.get<StoredPin>(PIN_KEY);
    return stored && stored.algorithm === 'scrypt' && typeof stored.hash === 'string' ? stored : undefined;
  }

  private lockout(): Lockout {
    const stored = this.o.repo.get<Lockout>(LOCKOUT_KEY);
    return { failures: stored?.failures ?? 0, lockedUntil: stored?.lockedUntil ?? 0 };
  }
}

function tooMany(waitMs: number): KdsError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new KdsError('too_many_requests', `too many wrong PINs: try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}

function derive(pin: string, salt: Buffer, params: ScryptOptions, keyLength = KEY_LENGTH): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyLength, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
