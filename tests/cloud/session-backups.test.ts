// Session backups with a real profile made by Debian's chromium: back up, delete, restore
// byte-identical; a flipped byte in one chunk is refused and the older backup used; a backup
// without its manifest is never used; retention keeps what it should; the recovery code works.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { randomFillSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bytes, deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import {
  encrypt, decrypt, fileSecretStore, importRecoveryCode, loadOrCreateBackupKey, parseRecoveryCode,
} from '../../electron/cloud/backup/backup-key.ts';
import { SESSION_FOLDERS, SessionBackups } from '../../electron/cloud/backup/session-backups.ts';
import { unzipTo, zipFolders } from '../../electron/host/zip.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { sdkClient, silentLogger } from './cloud-harness.ts';

let emulator: FirestoreEmulator;
const temp = makeTempDir('comanda-backup-test-');
const profile = join(temp.dir, 'profile');
let chromiumSkip = '';

function treeHashes(root: string, folders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  for (const f of folders) if (existsSync(join(root, f))) walk(join(root, f));
  return out;
}

beforeAll(async () => {
  emulator = await startFirestoreEmulator();
  if (!existsSync(CHROMIUM_PATH)) {
    chromiumSkip = `no chromium at ${CHROMIUM_PATH}`;
    return;
  }
  // A page that writes Local Storage and IndexedDB, so the session folders hold real LevelDB data.
  const page = join(temp.dir, 'seed.html');
  writeFileSync(page, `<script>localStorage.setItem('WAToken', 'x'.repeat(2000));
const r = indexedDB.open('wawc', 1); r.onupgradeneeded = () => r.result.createObjectStore('user');
r.onsuccess = () => { const t = r.result.transaction('user', 'readwrite'); t.objectStore('user').put('y'.repeat(20000), 'me'); };</script>`);
  execFileSync(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, '--virtual-time-budget=3000', '--dump-dom', `file://${page}`], { stdio: 'ignore', timeout: 30_000 });
}, 60_000);
afterAll(() => {
  emulator.stop();
  temp.cleanup();
});

describe('backup key and archive', () => {
  it('the recovery code round-trips and catches a typo; the key file is 0600', () => {
    const dir = join(temp.dir, 'keys');
    const store = fileSecretStore(dir);
    const first = loadOrCreateBackupKey(store, 'pepe');
    expect(first.newRecoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{1,4})+$/);
    expect(loadOrCreateBackupKey(store, 'pepe').newRecoveryCode).toBeUndefined();
    expect(statSync(join(dir, 'backup-key-pepe')).mode & 0o777).toBe(0o600);
    expect(parseRecoveryCode(first.newRecoveryCode!.toLowerCase()).equals(first.key)).toBe(true);
    const typo = first.newRecoveryCode!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => parseRecoveryCode(typo)).toThrow(/not right/);
    const other = fileSecretStore(join(temp.dir, 'newpc'));
    expect(importRecoveryCode(other, 'pepe', first.newRecoveryCode!).equals(first.key)).toBe(true);
    const sealed = encrypt(first.key, Buffer.from('hola'), 'a');
    expect(decrypt(first.key, sealed, 'a').toString()).toBe('hola');
    expect(() => decrypt(first.key, sealed, 'b')).toThrow();
  });
});

describe('session backups (real chromium profile)', () => {
  it('backs up, is deleted locally, restores byte-identical; tampered or manifest-less backups are never used; retention', async (context) => {
    if (chromiumSkip) return context.skip(chromiumSkip);
    const original = treeHashes(profile, SESSION_FOLDERS);
    expect(Object.keys(original).length).toBeGreaterThan(2);
    // The archive itself unpacks identically.
    const roundTrip = join(temp.dir, 'zip-check');
    unzipTo(zipFolders(profile, SESSION_FOLDERS), roundTrip);
    expect(treeHashes(roundTrip, SESSION_FOLDERS)).toEqual(original);

    const client = sdkClient(emulator);
    const clock = new FakeClock(Date.parse('2026-10-01T02:00:00Z'));
    const key = loadOrCreateBackupKey(fileSecretStore(join(temp.dir, 'pckeys')), 'pepe').key;
    const backups = new SessionBackups({ firestore: client.db, restaurantId: 'pepe', deviceId: 'pc1', clock, logger: silentLogger, key: () => key });

    const t0 = Date.now();
    const older = await backups.backup(profile);
    const backupMs = Date.now() - t0;
    await clock.advance(3600_000);
    const newer = await backups.backup(profile);
    expect(newer.chunks).toBeGreaterThanOrEqual(1);

    // Local profile lost.
    for (const f of SESSION_FOLDERS) rmSync(join(profile, f), { recursive: true, force: true });
    const t1 = Date.now();
    const result = await backups.restoreLatest(profile);
    const restoreMs = Date.now() - t1;
    expect(result.restored?.id).toBe(newer.id);
    expect(treeHashes(profile, SESSION_FOLDERS)).toEqual(original);

    // Flip one byte in a chunk of the newest: refused with a reason, the older one used.
    const chunkRef = doc(client.db, 'restaurants/pepe/sessionBackups', newer.id, 'chunks', '0');
    const bytes = Buffer.from((await getDoc(chunkRef)).data()!.b64 as string, 'base64');
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await updateDoc(chunkRef, { b64: bytes.toString('base64') });
    for (const f of SESSION_FOLDERS) rmSync(join(profile, f), { recursive: true, force: true });
    const second = await backups.restoreLatest(profile);
    expect(second.refused[0]).toMatch(/damaged or was altered/);
    expect(second.restored?.id).toBe(older.id);
    expect(treeHashes(profile, SESSION_FOLDERS)).toEqual(original);

    // Chunks without a manifest (an upload cut short) are never listed or used.
    await setDoc(doc(client.db, 'restaurants/pepe/sessionBackups/zzzz-unfinished/chunks/0'), { n: 0, data: Bytes.fromUint8Array(new Uint8Array(10)) });
    expect((await backups.list()).map((m) => m.id)).not.toContain('zzzz-unfinished');

    // Retention: 30 days, always the newest 3.
    for (let i = 0; i < 3; i++) {
      await clock.advance(24 * 3600_000);
      await backups.backup(profile);
    }
    await clock.advance(40 * 24 * 3600_000);
    const removed = await backups.prune();
    expect(removed.sort()).toEqual([older.id, newer.id].sort());
    expect(await backups.list()).toHaveLength(3);
    expect((await getDoc(doc(client.db, 'restaurants/pepe/sessionBackups', older.id, 'chunks', '0'))).exists()).toBe(false);
    console.log(JSON.stringify({ measurement: 'session-backup', files: Object.keys(original).length, bytes: newer.size, backupMs, restoreMs }));
    await client.close();
  });
});

describe('multi-chunk backups', () => {
  it('splits a 5 MB profile into chunks under 1 MiB, restores it, and refuses a backup missing a chunk', async () => {
    const big = join(temp.dir, 'bigprofile');
    mkdirSync(join(big, 'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb'), { recursive: true });
    mkdirSync(join(big, 'Default/Local Storage/leveldb'), { recursive: true });
    writeFileSync(join(big, 'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb/000003.log'), randomFillSync(Buffer.alloc(5 * 1024 * 1024)));
    writeFileSync(join(big, 'Default/Local Storage/leveldb/CURRENT'), 'MANIFEST-000001\n');
    const original = treeHashes(big, SESSION_FOLDERS);
    const client = sdkClient(emulator);
    const key = loadOrCreateBackupKey(fileSecretStore(join(temp.dir, 'bigkeys')), 'big').key;
    const backups = new SessionBackups({ firestore: client.db, restaurantId: 'big', deviceId: 'pc1', clock: new FakeClock(), logger: silentLogger, key: () => key });
    const t0 = Date.now();
    const manifest = await backups.backup(big);
    const backupMs = Date.now() - t0;
    expect(manifest.chunks).toBeGreaterThanOrEqual(6);
    const chunkRef = (n: number) => doc(client.db, 'restaurants/big/sessionBackups', manifest.id, 'chunks', String(n));
    for (let n = 0; n < manifest.chunks; n++) {
      // A whole chunk document (base64 text and its field names) stays under Firestore's 1 MiB.
      const data = (await getDoc(chunkRef(n))).data()!;
      expect(typeof data.b64).toBe('string');
      expect((data.b64 as string).length + 16).toBeLessThan(1024 * 1024);
    }
    rmSync(join(big, 'Default'), { recursive: true, force: true });
    const t1 = Date.now();
    expect((await backups.restoreLatest(big)).restored?.id).toBe(manifest.id);
    const restoreMs = Date.now() - t1;
    expect(treeHashes(big, SESSION_FOLDERS)).toEqual(original);
    // A backup made before chunks were base64 ({ n, data: Bytes }) still restores.
    for (let n = 0; n < manifest.chunks; n++) {
      const b64 = (await getDoc(chunkRef(n))).data()!.b64 as string;
      await setDoc(chunkRef(n), { n, data: Bytes.fromUint8Array(Buffer.from(b64, 'base64')) });
    }
    rmSync(join(big, 'Default'), { recursive: true, force: true });
    expect((await backups.restoreLatest(big)).restored?.id).toBe(manifest.id);
    expect(treeHashes(big, SESSION_FOLDERS)).toEqual(original);
    await deleteDoc(doc(client.db, 'restaurants/big/sessionBackups', manifest.id, 'chunks', '1'));
    const refused = await backups.restoreLatest(big);
    expect(refused.restored).toBeUndefined();
    expect(refused.refused[0]).toMatch(/incomplete/);
    console.log(JSON.stringify({ measurement: 'session-backup-5MB', chunks: manifest.chunks, backupMs, restoreMs }));
    await client.close();
  });
});

