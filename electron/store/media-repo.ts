// The record of files customers sent (voice notes, photos, documents): one row per message, whether
// or not the file itself was kept. The bytes live in DATA_DIR/media (electron/messaging/media-store.ts).
import { statement, type Database } from './database.ts';

export type MediaKind = 'audio' | 'image' | 'document';
/** Why a file was not kept: over the size limit, a type the screen cannot show, empty, or never fetched. */
export type MediaMissing = 'too-large' | 'unknown-type' | 'empty' | 'not-downloaded';

export interface MediaRecord {
  /** Stable per message (a hash of its id): the file's name and the id in /api/media/:id. */
  id: string;
  messageId: string;
  phone: string;
  kind: MediaKind;
  /** The served content type, when the file was kept. */
  mimetype?: string;
  bytes?: number;
  missing?: MediaMissing;
  /** A photo or document that came with words. */
  captioned: boolean;
  at: number;
}

interface Row {
  id: string;
  message_id: string;
  phone: string;
  kind: string;
  mimetype: string | null;
  bytes: number | null;
  missing: string | null;
  captioned: number;
  at: number;
}

const toRecord = (r: Row): MediaRecord => {
  const record: MediaRecord = {
    id: r.id,
    messageId: r.message_id,
    phone: r.phone,
    kind: r.kind as MediaKind,
    captioned: r.captioned === 1,
    at: r.at,
  };
  if (r.mimetype !== null) record.mimetype = r.mimetype;
  if (r.bytes !== null) record.bytes = r.bytes;
  if (r.missing !== null) record.missing = r.missing as MediaMissing;
  return record;
};

export class MediaRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  insert(record: MediaRecord): void {
    statement(
      this.db,
      `INSERT INTO media (id, message_id, phone, kind, mimetype, bytes, missing, captioned, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ).run(
      record.id,
      record.messageId,
      record.phone,
      record.kind,
      record.mimetype ?? null,
      record.bytes ?? null,
      record.missing ?? null,
      record.captioned ? 1 : 0,
      record.at,
    );
  }

  get(id: string): MediaRecord | undefined {
    const row = statement(this.db, 'SELECT * FROM media WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** What a customer sent since `since` that staff have not handed back yet, oldest first. */
  forHandoff(phone: string, since: number): MediaRecord[] {
    const rows = statement(this.db, 'SELECT * FROM media WHERE phone = ? AND at >= ? AND released_at IS NULL ORDER BY at, rowid')
      .all(phone, since) as unknown as Row[];
    return rows.map(toRecord);
  }

  /** Staff released the chat: its files stop showing in the handoff list (they stay until pruned). */
  release(phone: string, at: number): void {
    statement(this.db, 'UPDATE media SET released_at = ? WHERE phone = ? AND released_at IS NULL').run(at, phone);
  }

  /** The customer's last `limit` messages, newest first, each with its file record if it had one. */
  lastMessages(phone: string, limit: number): { messageId: string; media?: MediaRecord }[] {
    const rows = statement(
      this.db,
      `SELECT i.id AS inbox_id, m.* FROM inbox i LEFT JOIN media m ON m.message_id = i.id
       WHERE i.phone = ? AND i.id NOT LIKE '%#edit#%' ORDER BY i.at DESC, i.rowid DESC LIMIT ?`,
    ).all(phone, limit) as unknown as (Row & { inbox_id: string })[];
    return rows.map((r) => (r.id === null ? { messageId: r.inbox_id } : { messageId: r.inbox_id, media: toRecord(r) }));
  }

  /** Ids of records older than `before` (their files are deleted first, then the rows). */
  olderThan(before: number, limit: number): string[] {
    return (statement(this.db, 'SELECT id FROM media WHERE at < ? ORDER BY at LIMIT ?').all(before, limit) as { id: string }[]).map(
      (r) => r.id,
    );
  }

  delete(ids: readonly string[]): void {
    const remove = statement(this.db, 'DELETE FROM media WHERE id = ?');
    for (const id of ids) remove.run(id);
  }
}
