// Files customers send (voice notes, audio, photos) kept for staff in DATA_DIR/media, one file per
// message, named by a hash of the message id (so a path can never come from outside). Only known
// audio and image formats up to the size limit are kept; for everything else the record says why
// not, and staff still see that something arrived. Old files are pruned.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { Store } from '../store/store.ts';
import type { MediaKind, MediaRecord } from '../store/media-repo.ts';
import { MAX_INCOMING_MEDIA_BYTES, type IncomingMedia } from '../whatsapp/engine.ts';
import { declaredFamily, recognise } from './media-types.ts';

/** How long a customer's file is kept. */
export const MEDIA_RETENTION_MS = 14 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;
const MEDIA_ID = /^[0-9a-f]{32}$/;

export interface MediaStoreOptions {
  /** DATA_DIR/media. */
  dir: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  maxBytes?: number;
  retentionMs?: number;
}

export interface KeepRequest {
  messageId: string;
  phone: string;
  kind: MediaKind;
  media: IncomingMedia | undefined;
  captioned: boolean;
}

export function mediaIdOf(messageId: string): string {
  return createHash('sha256').update(messageId, 'utf8').digest('hex').slice(0, 32);
}

export function isMediaId(id: string): boolean {
  return MEDIA_ID.test(id);
}

export class MediaStore {
  private readonly o: MediaStoreOptions;
  private readonly maxBytes: number;
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(options: MediaStoreOptions) {
    this.o = options;
    this.maxBytes = options.maxBytes ?? MAX_INCOMING_MEDIA_BYTES;
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  }

  /**
   * Writes the file when it is one to keep and records it (call inside the message's transaction:
   * the file is written first, so a record never names a missing file; a rolled-back message
   * leaves at most a file that the same message, redelivered, writes again).
   */
  keep(request: KeepRequest): MediaRecord {
    const now = this.o.clock.now();
    const record: MediaRecord = {
      id: mediaIdOf(request.messageId),
      messageId: request.messageId,
      phone: request.phone,
      kind: request.kind,
      captioned: request.captioned,
      at: now,
    };
    const media = request.media;
    const announced = media?.size;
    if (announced !== undefined) record.bytes = announced;
    const bytes = media?.dataBase64 !== undefined ? Buffer.from(media.dataBase64, 'base64') : undefined;
    if (bytes) record.bytes = bytes.length;
    if (record.bytes !== undefined && record.bytes > this.maxBytes) record.missing = 'too-large';
    else if (!bytes) record.missing = 'not-downloaded';
    else if (bytes.length === 0) record.missing = 'empty';
    else {
      const family = declaredFamily(media?.mimetype ?? '');
      const served = recognise(request.kind, bytes);
      // A photo sent as a document is still a photo; anything else must say what it is.
      if (!served || (family !== request.kind && !(request.kind === 'image' && family === 'other'))) record.missing = 'unknown-type';
      else {
        this.write(record.id, bytes);
        record.mimetype = served;
      }
    }
    this.o.store.media.insert(record);
    if (record.missing) this.o.logger.info('media: file not kept', { kind: record.kind, missing: record.missing, bytes: record.bytes });
    this.pruneNow(now);
    return this.o.store.media.get(record.id) ?? record;
  }

  /** A kept file and its content type; undefined for an unknown or malformed id, or a file not kept. */
  read(id: string): { mimetype: string; data: Buffer } | undefined {
    if (!isMediaId(id)) return undefined;
    const record = this.o.store.media.get(id);
    if (!record?.mimetype) return undefined;
    try {
      return { mimetype: record.mimetype, data: readFileSync(join(this.o.dir, id)) };
    } catch {
      return undefined;
    }
  }

  /** Deletes files and records past the retention, at most once an hour. */
  pruneNow(now: number = this.o.clock.now()): void {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const before = now - (this.o.retentionMs ?? MEDIA_RETENTION_MS);
    for (;;) {
      const ids = this.o.store.media.olderThan(before, 200);
      if (!ids.length) return;
      for (const id of ids) rmSync(join(this.o.dir, id), { force: true });
      this.o.store.media.delete(ids);
    }
  }

  private write(id: string, bytes: Buffer): void {
    const path = join(this.o.dir, id);
    const temp = `${path}.tmp`;
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, path);
  }
}
