// restaurants/{rid}/devices/{deviceId}: the PC's live status. A WhatsApp state change is pushed at
// once (well inside 2 s); lastSeen (server time) every 2 minutes is the heartbeat; counters ride
// along with either. Writes are fire-and-forget: offline, the SDK holds the latest and sends it
// when the network is back.
import { doc, serverTimestamp, setDoc, type Firestore } from 'firebase/firestore';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';

export const HEARTBEAT_MS = 2 * 60_000;

export interface DeviceCounters {
  messagesIn: number;
  messagesOut: number;
  sendFailures: number;
  reconnects: number;
  restores: number;
  ordersToday: number;
}

export interface DeviceStatusOptions {
  firestore: Firestore;
  restaurantId: string;
  deviceId: string;
  deviceName: string;
  clock: Clock;
  logger: Logger;
  version: string;
  os: string;
  heartbeatMs?: number;
  /** The catch-up's health (lastSweepAt, recovered), carried with every push. */
  catchUp?: () => { lastSweepAt?: string; recovered: number };
}

export class DeviceStatus {
  private readonly options: DeviceStatusOptions;
  private status: WhatsAppStatus | undefined;
  private lastError: string | null = null;
  private timer: TimerHandle | undefined;
  readonly counters: DeviceCounters = { messagesIn: 0, messagesOut: 0, sendFailures: 0, reconnects: 0, restores: 0, ordersToday: 0 };
  pushes = 0;

  constructor(options: DeviceStatusOptions) {
    this.options = options;
  }

  start(): void {
    this.push();
    this.schedule();
  }

  stop(): void {
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A WhatsApp status from the engine; pushed at once when the state changes. */
  onWhatsAppStatus(status: WhatsAppStatus): void {
    const changed = this.status?.state !== status.state || (this.status?.problems ?? []).join() !== (status.problems ?? []).join();
    if (changed && status.state === 'reconnecting') this.counters.reconnects++;
    if (status.error) this.lastError = status.error;
    this.status = status;
    if (changed) this.push();
  }

  count(counter: keyof DeviceCounters, by = 1): void {
    this.counters[counter] += by;
  }

  setCounter(counter: keyof DeviceCounters, value: number): void {
    this.counters[counter] = value;
  }

  /** Extra fields on the device document (the session lease, last backup). */
  push(extra: Record<string, unknown> = {}): void {
    const { firestore, restaurantId, deviceId, deviceName, version, os, logger } = this.options;
    const status = this.status;
    const data: Record<string, unknown> = {
      name: deviceName,
      version,
      os,
      counters: { ...this.counters },
      lastError: this.lastError,
      lastSeen: serverTimestamp(),
      ...extra,
    };
    if (status) {
      data.whatsapp = {
        state: status.state,
        since: status.since,
        engine: status.engine,
        phone: status.phone ?? null,
        error: status.error ?? null,
        problems: status.problems ?? [],
      };
    }
    const catchUp = this.options.catchUp?.();
    if (catchUp) data.catchUp = { lastSweepAt: catchUp.lastSweepAt ?? null, recovered: catchUp.recovered };
    this.pushes++;
    Promise.resolve()
      .then(() => setDoc(doc(firestore, 'restaurants', restaurantId, 'devices', deviceId), data, { merge: true }))
      .catch((error: unknown) => logger.warn('device status not written', errorFields(error)));
  }

  private schedule(): void {
    this.timer = this.options.clock.setTimeout(() => {
      this.push();
      this.schedule();
    }, this.options.heartbeatMs ?? HEARTBEAT_MS);
  }
}
