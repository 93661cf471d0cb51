// The test-support Firestore emulator, driven by the real firebase client SDK (Node build, gRPC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  Bytes,
  collection,
  connectFirestoreEmulator,
  deleteDoc,
  doc,
  getDoc,
  increment,
  initializeFirestore,
  onSnapshot,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  setDoc,
  setLogLevel,
  Timestamp,
  updateDoc,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';

setLogLevel('silent');
let emulator: FirestoreEmulator;
const apps: FirebaseApp[] = [];

function client(): Firestore {
  const app = initializeApp({ projectId: 'demo-comanda', apiKey: 'test' }, `c${apps.length}-${Date.now()}`);
  apps.push(app);
  const db = initializeFirestore(app, {});
  connectFirestoreEmulator(db, emulator.host, emulator.port);
  return db;
}

function waitFor<T>(predicate: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = predicate();
      if (value !== undefined && value !== false) return resolve(value);
      if (Date.now() - start > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

beforeAll(async () => {
  emulator = await startFirestoreEmulator();
});
afterAll(async () => {
  for (const app of apps) await deleteApp(app);
  emulator.stop();
});

describe('test-support Firestore emulator with the real client SDK', () => {
  it('set/update with serverTimestamp and increment, then getDoc', async () => {
    const db = client();
    const before = Date.now();
    await setDoc(doc(db, 'r/1'), { n: 1, at: serverTimestamp() });
    await updateDoc(doc(db, 'r/1'), { n: increment(2), at: serverTimestamp() });
    const data = (await getDoc(doc(db, 'r/1'))).data()!;
    expect(data.n).toBe(3);
    expect(data.at).toBeInstanceOf(Timestamp);
    expect((data.at as Timestamp).toMillis()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('serves a document listener and a query listener on one stream, and a second client sees writes', async () => {
    const writer = client();
    const reader = client();
    const docValues: unknown[] = [];
    const querySizes: number[] = [];
    const stopDoc = onSnapshot(doc(reader, 'l/a'), (s) => docValues.push(s.data()?.v));
    const stopQuery = onSnapshot(query(collection(reader, 'm'), orderBy('at')), (s) => querySizes.push(s.size));
    await setDoc(doc(writer, 'l/a'), { v: 1 });
    await setDoc(doc(writer, 'm/1'), { at: 1 });
    await setDoc(doc(writer, 'm/2'), { at: 2 });
    await waitFor(() => docValues.includes(1) && querySizes.includes(2));
    stopDoc();
    await deleteDoc(doc(writer, 'm/1'));
    await waitFor(() => querySizes.at(-1) === 1);
    stopQuery();
  });

  it('runs transactions and retries one that read a stale document', async () => {
    const a = client();
    const b = client();
    await setDoc(doc(a, 't/x'), { n: 0 });
    let attempts = 0;
    await runTransaction(a, async (tx) => {
      attempts++;
      const snap = await tx.get(doc(a, 't/x'));
      if (attempts === 1) await setDoc(doc(b, 't/x'), { n: 100 });
      tx.update(doc(a, 't/x'), { n: (snap.data()!.n as number) + 1 });
    });
    expect(attempts).toBe(2);
    expect((await getDoc(doc(b, 't/x'))).data()!.n).toBe(101);
  });

  it('commits batched writes of 700 KB Bytes and deletes', async () => {
    const db = client();
    const big = new Uint8Array(700 * 1024).map((_, i) => i % 251);
    const batch = writeBatch(db);
    batch.set(doc(db, 'b/big'), { bytes: Bytes.fromUint8Array(big) });
    batch.set(doc(db, 'b/small'), { x: 1 });
    await batch.commit();
    const back = ((await getDoc(doc(db, 'b/big'))).data()!.bytes as Bytes).toUint8Array();
    expect(Buffer.compare(Buffer.from(back), Buffer.from(big))).toBe(0);
    await deleteDoc(doc(db, 'b/small'));
    expect((await getDoc(doc(db, 'b/small'))).exists()).toBe(false);
  });

  it('keeps writes made while it is stopped and delivers them when it comes back', async () => {
    const db = client();
    await setDoc(doc(db, 'o/before'), { ok: true });
    emulator.stop();
    expect(emulator.running).toBe(false);
    const pending = setDoc(doc(db, 'o/offline'), { ok: true });
    await new Promise((r) => setTimeout(r, 300));
    await emulator.start();
    await pending;
    const other = client();
    expect((await getDoc(doc(other, 'o/offline'))).data()).toEqual({ ok: true });
    expect(emulator.writeCount('o/offline')).toBe(1);
  });
});
