// Cloud benchmarks (not a timed test; prints JSON): session backup and restore throughput for a
// 50 MB profile, and the lag from a local transition to the document seen by a second SDK client.
//   node bench/cloud-bench.ts  (bench/run.ts runs it too)
import { randomFillSync } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doc, onSnapshot } from 'firebase/firestore';
import { fileSecretStore, loadOrCreateBackupKey } from '../electron/cloud/backup/backup-key.ts';
import { SessionBackups } from '../electron/cloud/backup/session-backups.ts';
import { OrderSync } from '../electron/cloud/order-sync.ts';
import { createSystemClock } from '../electron/host/clock.ts';
import { startFirestoreEmulator } from '../tests/support/firestore-emulator.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { advanceOrder, makeOrder, openCloudDb, sdkClient, silentLogger } from '../tests/cloud/cloud-harness.ts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function runCloudBench(options: { profileMb?: number; transitions?: number } = {}): Promise<Record<string, unknown>> {
  const emulator = await startFirestoreEmulator();
  const temp = makeTempDir('comanda-cloud-bench-');
  const results: Record<string, unknown> = {};
  try {
    // Backup / restore throughput.
    const mb = options.profileMb ?? 50;
    const profile = join(temp.dir, 'profile');
    const idb = join(profile, 'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb');
    mkdirSync(idb, { recursive: true });
    mkdirSync(join(profile, 'Default/Local Storage/leveldb'), { recursive: true });
    for (let i = 0; i < mb; i++) writeFileSync(join(idb, `${String(i).padStart(6, '0')}.ldb`), randomFillSync(Buffer.alloc(1024 * 1024)));
    const client = sdkClient(emulator);
    const key = loadOrCreateBackupKey(fileSecretStore(join(temp.dir, 'keys')), 'bench').key;
    const backups = new SessionBackups({ firestore: client.db, restaurantId: 'bench', deviceId: 'pc', clock: createSystemClock(), logger: silentLogger, key: () => key });
    let t = performance.now();
    const manifest = await backups.backup(profile);
    const backupMs = performance.now() - t;
    rmSync(join(profile, 'Default'), { recursive: true });
    t = performance.now();
    await backups.restoreLatest(profile);
    const restoreMs = performance.now() - t;
    results.sessionBackup = {
      profileMB: mb, chunks: manifest.chunks, backupMs: Math.round(backupMs), restoreMs: Math.round(restoreMs),
      backupMBps: +(mb / (backupMs / 1000)).toFixed(1), restoreMBps: +(mb / (restoreMs / 1000)).toFixed(1),
    };

    // Transition → second client lag.
    const db = openCloudDb(temp.dir);
    const sync = new OrderSync({ db, firestore: client.db, restaurantId: 'bench', deviceId: 'pc', clock: createSystemClock(), logger: silentLogger });
    sync.start();
    const reader = sdkClient(emulator);
    const lags: number[] = [];
    const n = options.transitions ?? 200;
    let order = makeOrder(1);
    let expected = 0;
    let resolveSeen: (() => void) | undefined;
    let sentAt = 0;
    const stop = onSnapshot(doc(reader.db, 'restaurants/bench/orders', order.id), (s) => {
      if ((s.data()?.events as unknown[] | undefined)?.length === expected && resolveSeen) {
        lags.push(performance.now() - sentAt);
        resolveSeen();
        resolveSeen = undefined;
      }
    });
    for (let i = 0; i < n; i++) {
      order = advanceOrder(order, order.status === 'new' ? 'accepted' : order.status === 'ready' ? 'completed' : 'ready');
      expected = order.events.length;
      const seen = new Promise<void>((resolve) => (resolveSeen = resolve));
      sentAt = performance.now();
      sync.enqueue(order);
      await seen;
    }
    stop();
    sync.stop();
    results.transitionLagMs = { samples: lags.length, p50: +percentile(lags, 50).toFixed(1), p99: +percentile(lags, 99).toFixed(1), max: +Math.max(...lags).toFixed(1) };
    await reader.close();
    await client.close();
    db.close();
  } finally {
    emulator.stop();
    temp.cleanup();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runCloudBench()));
  process.exit(0);
}
