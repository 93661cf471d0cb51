// The sends that were handed to WhatsApp but not confirmed: written before each send and removed
// once WhatsApp gave a message id. When the same idempotency key comes again (the outbox retries
// after a worker crash, or after the whole host died mid-send), the engine finds it here and looks
// at the chat's recent messages before sending a second time. Kept in a small JSON file so a host
// crash forgets nothing; no message bodies are stored, only their hashes.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../host/logger.ts';

export interface InDoubtSend {
  chatId: string;
  /** sha256 hex of the body. */
  bodyHash: string;
  /** Epoch ms the send was handed to the worker. */
  startedAt: number;
}

/** An entry older than this cannot be matched against "recent" messages any more: it is dropped. */
export const SEND_JOURNAL_KEEP_MS = 24 * 3600_000;

export class SendJournal {
  private readonly entries = new Map<string, InDoubtSend>();
  private readonly path: string | undefined;
  private readonly logger: Logger;

  /** `path` undefined: in memory only (worker crashes covered, host crashes not). */
  constructor(options: { path?: string; logger: Logger }) {
    this.path = options.path;
    this.logger = options.logger;
    if (this.path) this.load(this.path);
  }

  get(key: string): InDoubtSend | undefined {
    return this.entries.get(key);
  }

  begin(key: string, entry: InDoubtSend): void {
    this.entries.set(key, entry);
    this.save();
  }

  end(key: string): void {
    if (this.entries.delete(key)) this.save();
  }

  prune(now: number): void {
    let changed = false;
    for (const [key, entry] of this.entries) {
      if (now - entry.startedAt > SEND_JOURNAL_KEEP_MS) {
        this.entries.delete(key);
        changed = true;
      }
    }
    if (changed) this.save();
  }

  get size(): number {
    return this.entries.size;
  }

  private load(path: string): void {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      return; // nothing in doubt
    }
    try {
      const parsed = JSON.parse(raw) as Record<string, InDoubtSend>;
      for (const [key, entry] of Object.entries(parsed)) {
        if (typeof entry?.chatId === 'string' && typeof entry.bodyHash === 'string' && typeof entry.startedAt === 'number') {
          this.entries.set(key, { chatId: entry.chatId, bodyHash: entry.bodyHash, startedAt: entry.startedAt });
        }
      }
    } catch (error) {
      // A torn file only loses the duplicate check for sends already in doubt; say so and go on.
      this.logger.warn('send journal unreadable; starting empty', { path, error: (error as Error).message });
    }
  }

  private save(): void {
    if (!this.path) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const temp = `${this.path}.tmp`;
      writeFileSync(temp, JSON.stringify(Object.fromEntries(this.entries)));
      renameSync(temp, this.path); // a crash mid-write keeps the previous file whole
    } catch (error) {
      this.logger.warn('send journal could not be written', { path: this.path, error: (error as Error).message });
    }
  }
}
