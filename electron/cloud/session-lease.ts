// One PC per restaurant runs the WhatsApp session. The lease lives at
// restaurants/{rid}/config/sessionLease { deviceId, deviceName, acquiredAt, renewedAt, expiresAt }
// and is taken in a transaction: free, ours, or expired (holder silent for 10 minutes) → taken;
// held by another live PC → the caller is told who holds it and may take over only with the
// owner's confirmation. The holder renews it with the status heartbeat.
import { doc, runTransaction, Timestamp, type Firestore } from 'firebase/firestore';
import type { Clock } from '../host/clock.ts';

export const LEASE_TTL_MS = 10 * 60_000;

export interface LeaseHolder {
  deviceId: string;
  deviceName: string;
  renewedAt: number;
  expiresAt: number;
}

export type LeaseResult = { held: true } | { held: false; holder: LeaseHolder };

export interface SessionLeaseOptions {
  firestore: Firestore;
  restaurantId: string;
  deviceId: string;
  deviceName: string;
  clock: Clock;
  ttlMs?: number;
}

export class SessionLease {
  private readonly options: SessionLeaseOptions;

  constructor(options: SessionLeaseOptions) {
    this.options = options;
  }

  private ref() {
    return doc(this.options.firestore, 'restaurants', this.options.restaurantId, 'config', 'sessionLease');
  }

  /** Takes or renews the lease; `takeOver` only after the owner confirmed on this PC. */
  async acquire(options: { takeOver?: boolean } = {}): Promise<LeaseResult> {
    const { firestore, deviceId, deviceName, clock } = this.options;
    const ttl = this.options.ttlMs ?? LEASE_TTL_MS;
    return runTransaction(firestore, async (tx) => {
      const snapshot = await tx.get(this.ref());
      const now = clock.now();
      const data = snapshot.data();
      if (data && data.deviceId !== deviceId && !options.takeOver) {
        const expiresAt = (data.expiresAt as Timestamp).toMillis();
        if (expiresAt > now) {
          return {
            held: false,
            holder: {
              deviceId: String(data.deviceId),
              deviceName: String(data.deviceName ?? ''),
              renewedAt: (data.renewedAt as Timestamp).toMillis(),
              expiresAt,
            },
          } satisfies LeaseResult;
        }
      }
      const ours = data?.deviceId === deviceId;
      tx.set(this.ref(), {
        deviceId,
        deviceName,
        acquiredAt: ours ? data.acquiredAt : Timestamp.fromMillis(now),
        renewedAt: Timestamp.fromMillis(now),
        expiresAt: Timestamp.fromMillis(now + ttl),
      });
      return { held: true } satisfies LeaseResult;
    });
  }

  /** Gives the lease up (clean quit or unlink) if this PC holds it. */
  async release(): Promise<void> {
    await runTransaction(this.options.firestore, async (tx) => {
      const snapshot = await tx.get(this.ref());
      if (snapshot.data()?.deviceId === this.options.deviceId) tx.delete(this.ref());
    });
  }
}
