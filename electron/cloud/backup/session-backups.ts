// Encrypted WhatsApp session backups at restaurants/{rid}/sessionBackups/{id}:
//   chunks/{n}  { n, b64: string }      the sealed bytes in base64, under 1 MiB each, uploaded first
//                                       (backups made before hold { n, data: Bytes }; both restore)
//   {id}        manifest, written last: { sha256, size, chunks, createdAt, keyId, folders, complete }
// A backup without its manifest is never listed, so a half-written one is never used. Restore
// takes the newest complete backup, checks chunk count, sha256 and the GCM tag before unpacking,
// and refuses a tampered or incomplete one with a clear reason, then tries the next older one.
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Bytes,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  setDoc,
  Timestamp,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import type { Clock } from '../../host/clock.ts';
import type { Logger } from '../../host/logger.ts';
import { decrypt, encrypt, keyId } from './backup-key.ts';
import { unzipTo, zipFolders } from '../../host/zip.ts';

export const SESSION_FOLDERS = ['Default/IndexedDB', 'Default/Local Storage'] as const;
/**
 * Sealed bytes per chunk: 720 KiB is 983,040 base64 characters, under Firestore's 1 MiB document.
 * Chunks are base64 strings rather than Bytes because the SDK turns Bytes into binary strings one
 * character at a time on both ends: 50 MB restored at 3.8-8 MB/s, mostly garbage collection, and
 * more readers in parallel only made it slower. Strings move as they are (bench: npm run bench).
 */
export const CHUNK_BYTES = 720 * 1024;
/** Chunk reads in flight while restoring: enough to hide the round trips, few enough to bound memory. */
export const RESTORE_PARALLEL = 4;
export const RETENTION_MS = 30 * 24 * 3600_000;
export const KEEP_LAST = 3;

export interface BackupManifest {
  id: string;
  sha256: string;
  size: number;
  chunks: number;
  createdAt: number;
  keyId: string;
  folders: string[];
}

export interface SessionBackupsOptions {
  firestore: Firestore;
  restaurantId: string;
  deviceId: string;
  clock: Clock;
  logger: Logger;
  key: () => Buffer;
}

export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

export class SessionBackups {
  private readonly options: SessionBackupsOptions;

  constructor(options: SessionBackupsOptions) {
    this.options = options;
  }

  private backupsRef() {
    return collection(this.options.firestore, 'restaurants', this.options.restaurantId, 'sessionBackups');
  }

  /**
   * Backs up the critical folders of a profile. The folders are first copied to a staging
   * directory, so the archive is made from one point in time; call it when the browser is not
   * writing (session ready and idle, or stopped before a planned restart).
   */
  async backup(profileDir: string, folders: readonly string[] = SESSION_FOLDERS): Promise<BackupManifest> {
    const { clock, key, logger } = this.options;
    const stage = mkdtempSync(join(tmpdir(), 'comanda-backup-'));
    let zip: Buffer;
    try {
      for (const folder of folders) {
        if (existsSync(join(profileDir, folder))) cpSync(join(profileDir, folder), join(stage, folder), { recursive: true });
      }
      zip = zipFolders(stage, folders);
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
    const id = `${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    const sealed = encrypt(key(), zip, `${this.options.restaurantId}/${id}`);
    const chunks = Math.max(1, Math.ceil(sealed.length / CHUNK_BYTES));
    const chunksRef = collection(this.backupsRef(), id, 'chunks');
    // A few chunks per batch keeps each request well under Firestore's 10 MiB limit.
    for (let first = 0; first < chunks; first += 4) {
      const batch = writeBatch(this.options.firestore);
      for (let n = first; n < Math.min(chunks, first + 4); n++) {
        const data = sealed.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES);
        batch.set(doc(chunksRef, String(n)), { n, b64: data.toString('base64') });
      }
      await batch.commit();
    }
    const manifest: BackupManifest = {
      id,
      sha256: createHash('sha256').update(sealed).digest('hex'),
      size: sealed.length,
      chunks,
      createdAt: clock.now(),
      keyId: keyId(key()),
      folders: [...folders],
    };
    await setDoc(doc(this.backupsRef(), id), {
      ...manifest,
      createdAt: Timestamp.fromMillis(manifest.createdAt),
      deviceId: this.options.deviceId,
      complete: true,
    });
    logger.info('session backup uploaded', { backupId: id, bytes: sealed.length, chunks });
    return manifest;
  }

  /** Complete backups, newest first. */
  async list(): Promise<BackupManifest[]> {
    const snapshot = await getDocs(query(this.backupsRef(), orderBy('createdAt', 'desc')));
    return snapshot.docs
      .map((d) => d.data())
      .filter((d) => d.complete === true)
      .map((d) => ({
        id: String(d.id),
        sha256: String(d.sha256),
        size: Number(d.size),
        chunks: Number(d.chunks),
        createdAt: (d.createdAt as Timestamp).toMillis(),
        keyId: String(d.keyId),
        folders: (d.folders as string[]) ?? [...SESSION_FOLDERS],
      }))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Downloads, verifies and unpacks one backup into target (which must not exist yet). */
  async restoreOne(manifest: BackupManifest, target: string): Promise<void> {
    const { key } = this.options;
    if (manifest.keyId !== keyId(key())) {
      throw new BackupRefused(`backup ${manifest.id} was made with another backup key (type the recovery code of that PC)`);
    }
    // Chunks by id, RESTORE_PARALLEL in flight (a pool: a slow one does not hold the others back);
    // each becomes bytes at once, so what the SDK handed over can be collected. A missing one is
    // counted, and no query has to carry 50 MB.
    const parts: Buffer[] = new Array<Buffer>(manifest.chunks);
    let missing = 0;
    let next = 0;
    const reader = async () => {
      while (next < manifest.chunks) {
        const n = next++;
        const piece = chunkBytes((await getDoc(doc(this.backupsRef(), manifest.id, 'chunks', String(n)))).data());
        if (piece) parts[n] = piece;
        else missing++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(RESTORE_PARALLEL, manifest.chunks) }, reader));
    if (missing > 0) {
      throw new BackupRefused(`backup ${manifest.id} is incomplete: ${manifest.chunks - missing} of ${manifest.chunks} pieces`);
    }
    const sealed = Buffer.concat(parts);
    if (sealed.length !== manifest.size || createHash('sha256').update(sealed).digest('hex') !== manifest.sha256) {
      throw new BackupRefused(`backup ${manifest.id} is damaged or was altered (checksum does not match)`);
    }
    let zip: Buffer;
    try {
      zip = decrypt(key(), sealed, `${this.options.restaurantId}/${manifest.id}`);
    } catch {
      throw new BackupRefused(`backup ${manifest.id} could not be decrypted: it was altered or the key is wrong`);
    }
    unzipTo(zip, target);
  }

  /**
   * Restores the newest good backup into profileDir's session folders (before the browser
   * starts). Returns the backup used and the reasons older/newer ones were refused.
   */
  async restoreLatest(profileDir: string): Promise<{ restored?: BackupManifest; refused: string[] }> {
    const refused: string[] = [];
    for (const manifest of await this.list()) {
      const stage = mkdtempSync(join(tmpdir(), 'comanda-restore-'));
      try {
        await this.restoreOne(manifest, stage);
        for (const folder of manifest.folders) {
          const from = join(stage, folder);
          const to = join(profileDir, folder);
          rmSync(to, { recursive: true, force: true });
          if (existsSync(from)) {
            cpSync(join(stage, folder), to, { recursive: true });
          }
        }
        this.options.logger.info('session backup restored', { backupId: manifest.id, refused: refused.length });
        return { restored: manifest, refused };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        refused.push(reason);
        this.options.logger.warn('session backup refused', { backupId: manifest.id, reason });
      } finally {
        rmSync(stage, { recursive: true, force: true });
      }
    }
    return { refused };
  }

  /** 30 days, always keeping the newest KEEP_LAST. The manifest goes first, then the chunks. */
  async prune(): Promise<string[]> {
    const now = this.options.clock.now();
    const all = await this.list();
    const removed: string[] = [];
    for (const manifest of all.slice(KEEP_LAST)) {
      if (now - manifest.createdAt <= RETENTION_MS) continue;
      await this.remove(manifest);
      removed.push(manifest.id);
    }
    return removed;
  }

  /** Deletes every backup: only on a confirmed unlink. */
  async removeAll(): Promise<void> {
    for (const manifest of await this.list()) await this.remove(manifest);
  }

  private async remove(manifest: BackupManifest): Promise<void> {
    await deleteDoc(doc(this.backupsRef(), manifest.id));
    for (let n = 0; n < manifest.chunks; n++) await deleteDoc(doc(this.backupsRef(), manifest.id, 'chunks', String(n)));
  }
}

/** A chunk's sealed bytes: base64 `b64` (current) or `data` Bytes (backups made before); else undefined. */
function chunkBytes(data: Record<string, unknown> | undefined): Buffer | undefined {
  if (!data) return undefined;
  if (typeof data.b64 === 'string') return Buffer.from(data.b64, 'base64');
  if (data.data instanceof Bytes) return Buffer.from(data.data.toUint8Array());
  return undefined;
}
