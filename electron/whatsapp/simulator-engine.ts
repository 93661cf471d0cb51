// The simulator engine: a WhatsApp that lives in the data directory. Staff train with it, tests and
// the end-to-end scenarios drive the whole product through it. Like WhatsApp's own chat history, its
// record of what was sent survives a host restart, so "sent exactly once" can be checked across crashes.
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../host/clock.ts';
import { statement } from '../store/database.ts';
import type { SimMessage } from '../../shared/kds-api.ts';
import type { WhatsAppState, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { phoneDigits } from '../../shared/text.ts';
import {
  NotConnectedError,
  SendError,
  type IncomingMessage,
  type SendRequest,
  type SendResult,
  type Unsubscribe,
  type WhatsAppEngine,
} from './engine.ts';

export interface SimulatorInput {
  from: string;
  name?: string;
  body?: string;
  type?: string;
  id?: string;
  fromMe?: boolean;
  isGroup?: boolean;
}

export interface SentRecord {
  to: string;
  body: string;
  at: string;
}

/** Numbers shorter than this are "not on WhatsApp" in the simulator, as invalid numbers are. */
const MIN_WHATSAPP_DIGITS = 8;

export class SimulatorEngine implements WhatsAppEngine {
  readonly kind = 'simulator' as const;
  private readonly db: DatabaseSync;
  private readonly clock: Clock;
  private status: WhatsAppStatus;
  private readonly statusListeners = new Set<(s: WhatsAppStatus) => void>();
  private readonly messageListeners = new Set<(m: IncomingMessage) => void>();
  private readonly chatListeners = new Set<(m: SimMessage) => void>();

  constructor(options: { databasePath: string; clock: Clock }) {
    this.clock = options.clock;
    this.db = new DatabaseSync(options.databasePath);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      direction TEXT NOT NULL,
      phone TEXT NOT NULL,
      body TEXT NOT NULL,
      at INTEGER NOT NULL,
      key TEXT UNIQUE,
      message_id TEXT NOT NULL
    )`);
    this.db.exec('CREATE INDEX IF NOT EXISTS messages_phone ON messages (phone, seq)');
    this.status = this.makeStatus('starting');
  }

  async start(): Promise<void> {
    this.setState('connected');
  }

  async stop(): Promise<void> {
    this.statusListeners.clear();
    this.messageListeners.clear();
    this.chatListeners.clear();
    if (this.db.isOpen) this.db.close();
  }

  getStatus(): WhatsAppStatus {
    return this.status;
  }

  onStatus(listener: (status: WhatsAppStatus) => void): Unsubscribe {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onMessage(listener: (message: IncomingMessage) => void): Unsubscribe {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Every line of every simulated chat, both ways, for the training panel. */
  onChatMessage(listener: (message: SimMessage) => void): Unsubscribe {
    this.chatListeners.add(listener);
    return () => this.chatListeners.delete(listener);
  }

  /** Training: pretend the connection dropped, the phone was unlinked, and so on. */
  setState(state: WhatsAppState, error?: string): void {
    this.status = this.makeStatus(state, error);
    for (const listener of this.statusListeners) listener(this.status);
  }

  /** A customer writes. Returns after the host has handled (and stored) the message. */
  receive(input: SimulatorInput): IncomingMessage {
    const at = this.clock.now();
    const rawFrom = input.from.trim();
    const isGroup = input.isGroup === true || rawFrom.endsWith('@g.us');
    const isStatus = rawFrom === 'status@broadcast';
    const isBroadcast = !isStatus && rawFrom.endsWith('@broadcast');
    const phone = phoneDigits(rawFrom);
    const chatId = rawFrom.includes('@') ? rawFrom : `${phone}@c.us`;
    const message: IncomingMessage = {
      id: input.id ?? `sim-in-${randomUUID()}`,
      chatId,
      phone,
      body: input.body ?? '',
      type: input.type ?? 'chat',
      fromMe: input.fromMe === true,
      isGroup,
      isStatus,
      isBroadcast,
      at,
    };
    if (input.name !== undefined && input.name.trim() !== '') message.profileName = input.name.trim();
    if (!isGroup && !isStatus && !isBroadcast && !message.fromMe) {
      this.record('in', phone, message.body || `[${message.type}]`, at, null, message.id);
    }
    for (const listener of this.messageListeners) listener(message);
    return message;
  }

  async send(request: SendRequest): Promise<SendResult> {
    if (this.status.state !== 'connected') throw new NotConnectedError(this.status.state);
    const existing = statement(this.db, 'SELECT message_id FROM messages WHERE key = ?').get(request.idempotencyKey) as
      | { message_id: string }
      | undefined;
    if (existing) return { messageId: existing.message_id, duplicate: true };
    if (phoneDigits(request.to).length < MIN_WHATSAPP_DIGITS) {
      throw new SendError(`${request.to} is not a WhatsApp number`, { permanent: true });
    }
    const messageId = `sim-out-${randomUUID()}`;
    this.record('out', phoneDigits(request.to), request.body, this.clock.now(), request.idempotencyKey, messageId);
    return { messageId, duplicate: false };
  }

  /** What the restaurant sent, oldest first (the `GET /api/sim/sent` record). */
  listSent(to?: string): SentRecord[] {
    const rows = (
      to === undefined
        ? statement(this.db, `SELECT phone, body, at FROM messages WHERE direction = 'out' ORDER BY seq`).all()
        : statement(this.db, `SELECT phone, body, at FROM messages WHERE direction = 'out' AND phone = ? ORDER BY seq`)
            .all(phoneDigits(to))
    ) as { phone: string; body: string; at: number }[];
    return rows.map((r) => ({ to: r.phone, body: r.body, at: new Date(r.at).toISOString() }));
  }

  conversation(phone: string): SimMessage[] {
    const rows = statement(this.db, 'SELECT direction, phone, body, at FROM messages WHERE phone = ? ORDER BY seq')
      .all(phoneDigits(phone)) as { direction: 'in' | 'out'; phone: string; body: string; at: number }[];
    return rows.map((r) => ({ direction: r.direction, phone: r.phone, body: r.body, at: new Date(r.at).toISOString() }));
  }

  private record(direction: 'in' | 'out', phone: string, body: string, at: number, key: string | null, messageId: string): void {
    statement(this.db, 'INSERT INTO messages (direction, phone, body, at, key, message_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(direction, phone, body, at, key, messageId);
    const message: SimMessage = { direction, phone, body, at: new Date(at).toISOString() };
    for (const listener of this.chatListeners) listener(message);
  }

  private makeStatus(state: WhatsAppState, error?: string): WhatsAppStatus {
    const status: WhatsAppStatus = { state, since: new Date(this.clock.now()).toISOString(), engine: 'simulator' };
    if (state === 'connected') status.phone = 'simulator';
    if (error !== undefined) status.error = error;
    return status;
  }
}
