// fleet/whatsapp (shared/fleet.ts): the vendor's word to every restaurant when WhatsApp Web changes
// under the library. Listened to while the cloud runs; every change goes to the host's FleetPin,
// which keeps it for the next start and hands it to the never-ready recovery at once.
import { doc, onSnapshot, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { errorFields, type Logger } from '../host/logger.ts';

export interface FleetSyncOptions {
  firestore: Firestore;
  logger: Logger;
  /** The document's data (undefined when it does not exist); FleetPin.set refuses a bad one. */
  onFleet: (document: unknown) => void;
}

export class FleetSync {
  private readonly o: FleetSyncOptions;
  private off: Unsubscribe | undefined;

  constructor(options: FleetSyncOptions) {
    this.o = options;
  }

  start(): void {
    this.off = onSnapshot(
      doc(this.o.firestore, 'fleet', 'whatsapp'),
      (snapshot) => this.o.onFleet(snapshot.exists() ? snapshot.data() : undefined),
      (error) => this.o.logger.warn('fleet/whatsapp not read', errorFields(error)),
    );
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
  }
}
