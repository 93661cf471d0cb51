// Shared setup for the cloud tests: an emulator, SDK clients, a database with the cloud tables.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectFirestoreEmulator, initializeFirestore, setLogLevel, type Firestore } from 'firebase/firestore';
import { migrateCloud } from '../../electron/cloud/cloud-schema.ts';
import type { Logger } from '../../electron/host/logger.ts';
import type { Order, OrderStatus } from '../../shared/order.ts';
import { afterAll, beforeAll } from 'vitest';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';
import { startAuthEmulator, type AuthEmulator } from './auth-emulator.ts';

setLogLevel('silent');

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

let counter = 0;
export function sdkClient(emulator: FirestoreEmulator): { db: Firestore; app: FirebaseApp; close: () => Promise<void> } {
  const app = initializeApp({ projectId: 'demo-comanda', apiKey: 'test' }, `t${++counter}-${Date.now()}`);
  const db = initializeFirestore(app, {});
  connectFirestoreEmulator(db, emulator.host, emulator.port);
  return { db, app, close: () => deleteApp(app) };
}

export function openCloudDb(dir: string): DatabaseSync {
  const db = new DatabaseSync(join(dir, 'comanda.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  migrateCloud(db);
  return db;
}

export function makeOrder(n: number, status: OrderStatus = 'new', events: Order['events'] = []): Order {
  const at = new Date(Date.UTC(2026, 10, 20, 12, 0, n)).toISOString();
  return {
    id: `ord-${String(n).padStart(3, '0')}`,
    number: n,
    status,
    customer: { phone: '34600111222', name: 'Ana' },
    fulfilment: 'pickup',
    items: [{ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 1, unitPrice: 9.5 }],
    total: 9.5,
    currency: 'EUR',
    createdAt: at,
    updatedAt: at,
    events,
    acknowledged: false,
    notifications: [],
  };
}

export function advanceOrder(order: Order, to: OrderStatus): Order {
  const at = new Date(Date.parse(order.updatedAt) + 1000).toISOString();
  return { ...order, status: to, updatedAt: at, events: [...order.events, { at, from: order.status, to, by: 'kitchen' }] };
}

export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface CloudEmulators {
  /** The Firestore gRPC emulator (always there: it is plain Node). */
  readonly firestore: FirestoreEmulator;
  /** The official Auth emulator, or undefined where it cannot run (then `skipped` says why). */
  readonly auth: AuthEmulator | undefined;
  readonly skipped: string;
}

/** Starts both emulators for one test file (and stops them after it), printing why auth is off. */
export function useCloudEmulators(what: string): CloudEmulators {
  const state: { firestore?: FirestoreEmulator; auth?: AuthEmulator; skipped: string } = { skipped: '' };
  beforeAll(async () => {
    state.firestore = await startFirestoreEmulator();
    const started = await startAuthEmulator();
    if ('skipped' in started) {
      state.skipped = started.skipped;
      console.log(`${what} skipped: ${started.skipped}`);
    } else state.auth = started;
  }, 60_000);
  afterAll(async () => {
    state.firestore?.stop();
    await state.auth?.stop();
  });
  return {
    get firestore() {
      if (!state.firestore) throw new Error('the Firestore emulator is not started yet');
      return state.firestore;
    },
    get auth() {
      return state.auth;
    },
    get skipped() {
      return state.skipped;
    },
  };
}
