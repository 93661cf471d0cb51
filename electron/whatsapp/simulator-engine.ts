// The simulator engine: a WhatsApp that lives in the data directory. Staff train with it, tests and
// the end-to-end scenarios drive the whole product through it. Like WhatsApp's own chat history, its
// record of what was sent survives a host restart, so "sent exactly once" can be checked across crashes.
import { randomBytes, randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { statement } from '../store/database.ts';
import { backlogOf, shouldOpenChat } from './recent-incoming.ts';
import type { SimMessage } from '../../shared/kds-api.ts';
import type { WhatsAppState, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { phoneDigits } from '../../shared/text.ts';
import {
  NotConnectedError,
  SendError,
  type EngineHealth,
  MAX_INCOMING_MEDIA_BYTES,
  type IncomingLocation,
  type IncomingMessage,
  type LinkOptions,
  type SendRequest,
  type SendResult,
  type ChatBacklog,
  type RecentIncomingQuery,
  type StuckStartStep,
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
  caption?: string;
  location?: IncomingLocation;
  media?: { mimetype: string; dataBase64: string; filename?: string };
  /** An edit of the customer's message with this id; `body` is the new text. */
  editOf?: string;
  /** false: the message reaches the simulated phone but no event reaches the host (the PC was off). */
  deliver?: boolean;
}

/**
 * Training and tests: `never-ready` makes every following (re)connect authenticate and never become
 * ready; `events-stop` makes every following incoming message reach the phone without an event;
 * `none` ends both. Kept in memory: a restart of the host ends them too.
 */
export type SimulatorFault = 'never-ready' | 'events-stop' | 'none';

export interface SentRecord {
  to: string;
  body: string;
  at: string;
}

/** Numbers shorter than this are "not on WhatsApp" in the simulator, as invalid numbers are. */
const MIN_WHATSAPP_DIGITS = 8;

/**
 * How long the simulated linking steps take. Training: a shown QR or pairing code is "scanned by
 * the phone" after `scanMs` (nobody can scan a fake code), then WhatsApp "loads the chats" in
 * `loadingSteps` steps of `loadingStepMs`. A QR shown by unlink() is not scanned by itself: it
 * expires after `qrExpiryMs`, so the "tap to show a new one" screen can be practised.
 */
export interface SimulatorTimings {
  scanMs: number;
  loadingStepMs: number;
  loadingSteps: number;
  qrExpiryMs: number;
  reconnectMs: number;
}

export const DEFAULT_SIMULATOR_TIMINGS: SimulatorTimings = {
  scanMs: 8_000,
  loadingStepMs: 700,
  loadingSteps: 3,
  qrExpiryMs: 60_000,
  reconnectMs: 2_000,
};

export const SIM_QR_EXPIRED = 'The QR code expired before a phone scanned it.';

export class SimulatorEngine implements WhatsAppEngine {
  readonly kind = 'simulator' as const;
  private readonly db: DatabaseSync;
  private readonly clock: Clock;
  private status: WhatsAppStatus;
  private readonly statusListeners = new Set<(s: WhatsAppStatus) => void>();
  private readonly messageListeners = new Set<(m: IncomingMessage) => void>();
  private readonly chatListeners = new Set<(m: SimMessage) => void>();
  private readonly timings: SimulatorTimings;
  /** The one pending step of a simulated link / reconnect: a new step or a forced state replaces it. */
  private pending: TimerHandle | undefined;
  private reconnects = 0;
  private neverReady = false;
  private eventsStopped = false;
  private lastConnectedAt: number | undefined;

  constructor(options: { databasePath: string; clock: Clock; timings?: Partial<SimulatorTimings> }) {
    this.clock = options.clock;
    this.timings = { ...DEFAULT_SIMULATOR_TIMINGS, ...options.timings };
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
    // Added for the catch-up: the incoming message as the host would have heard it, to hand it over later.
    const columns = new Set((this.db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('incoming_json')) this.db.exec('ALTER TABLE messages ADD COLUMN incoming_json TEXT');
    this.status = this.makeStatus('starting');
  }

  async start(): Promise<void> {
    if (this.neverReady) {
      this.emit(this.makeStatus('authenticating'));
      return;
    }
    this.setState('connected');
  }

  /** The never-ready recovery: each step starts the session again (the fault, if on, hangs it again). */
  async recoverStuckStart(step: StuckStartStep): Promise<void> {
    if (step.kind === 'give-up') {
      this.setState('failed', step.message);
      return;
    }
    this.restartSession();
  }

  /** POST /api/sim/fault. */
  fault(kind: SimulatorFault): void {
    this.neverReady = kind === 'never-ready' || (kind !== 'none' && this.neverReady);
    this.eventsStopped = kind === 'events-stop' || (kind !== 'none' && this.eventsStopped);
  }

  get faults(): { neverReady: boolean; eventsStopped: boolean } {
    return { neverReady: this.neverReady, eventsStopped: this.eventsStopped };
  }

  /** The simulated phone's chats, read the way the real engine reads WhatsApp Web (recent-incoming.ts). */
  async listRecentIncoming(query: RecentIncomingQuery): Promise<ChatBacklog[]> {
    if (this.status.state !== 'connected') throw new NotConnectedError(this.status.state);
    const chats = statement(
      this.db,
      `SELECT phone, MAX(at) AS last_at,
         SUM(CASE WHEN direction = 'in' AND seq > COALESCE((SELECT MAX(o.seq) FROM messages o WHERE o.phone = m.phone AND o.direction = 'out'), 0)
           THEN 1 ELSE 0 END) AS unread
       FROM messages m GROUP BY phone`,
    ).all() as { phone: string; last_at: number; unread: number }[];
    const backlogs: ChatBacklog[] = [];
    for (const chat of chats) {
      const chatId = `${chat.phone}@c.us`;
      if (!shouldOpenChat(query, chatId, chat.unread, chat.last_at)) continue;
      const rows = statement(
        this.db,
        'SELECT seq, direction, phone, body, incoming_json, at, message_id FROM messages WHERE phone = ? ORDER BY seq DESC LIMIT ?',
      ).all(chat.phone, query.perChatLimit) as {
        direction: 'in' | 'out';
        phone: string;
        body: string;
        incoming_json: string | null;
        at: number;
        message_id: string;
      }[];
      rows.reverse();
      const window = rows.map((r) => {
        // Rows from before the catch-up kept only the chat line.
        const message: IncomingMessage = r.incoming_json
          ? (JSON.parse(r.incoming_json) as IncomingMessage)
          : { id: r.message_id, chatId, phone: r.phone, body: r.body, type: 'chat', fromMe: false, isGroup: false, isStatus: false, isBroadcast: false, at: r.at };
        return { message: r.direction === 'in' ? message : undefined, fromMe: r.direction === 'out', at: r.at };
      });
      backlogs.push(backlogOf(query, { chatId, unreadCount: chat.unread, lastActivityAt: chat.last_at }, window));
    }
    return backlogs;
  }


  async stop(): Promise<void> {
    this.cancelPending();
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
    this.cancelPending();
    this.emit(this.makeStatus(state, error));
  }

  health(): EngineHealth {
    // No browser behind the simulator: only what it can honestly count.
    const health: EngineHealth = { reconnects: this.reconnects, restarts: 0 };
    if (this.lastConnectedAt !== undefined) health.lastHeartbeatAt = this.lastConnectedAt;
    return health;
  }

  /** Shows a fresh fake QR or a pairing code; the "phone" links after scanMs, then chats load. */
  async link(options: LinkOptions): Promise<void> {
    this.cancelPending();
    const status = this.makeStatus('needs-link');
    if (options.method === 'code') status.pairingCode = fakePairingCode();
    else status.qr = fakeQrPayload();
    this.emit(status);
    this.later(this.timings.scanMs, () => this.load(1));
  }

  /** The phone is unlinked: a QR waits for a phone (none comes) and expires after qrExpiryMs. */
  async unlink(): Promise<void> {
    this.cancelPending();
    const status = this.makeStatus('needs-link');
    status.qr = fakeQrPayload();
    this.emit(status);
    this.later(this.timings.qrExpiryMs, () => this.emit(this.makeStatus('needs-link', SIM_QR_EXPIRED)));
  }

  /** A linked session drops and comes back after reconnectMs; an unlinked one shows a new QR. */
  async reconnect(): Promise<void> {
    if (this.status.state === 'needs-link' || this.status.state === 'logged-out') {
      await this.unlink();
      return;
    }
    this.restartSession();
  }

  /** The session drops and comes back after reconnectMs (reconnect and each never-ready recovery step). */
  private restartSession(): void {
    this.cancelPending();
    const status = this.makeStatus('reconnecting');
    status.attempt = 1;
    status.nextTryAt = new Date(this.clock.now() + this.timings.reconnectMs).toISOString();
    this.emit(status);
    this.later(this.timings.reconnectMs, () => {
      this.reconnects++;
      // A WhatsApp Web that changed under the library: it authenticates and never becomes ready.
      this.emit(this.makeStatus(this.neverReady ? 'authenticating' : 'connected'));
    });
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
    const type = input.type ?? (input.location ? 'location' : 'chat');
    const message: IncomingMessage = {
      id: input.id ?? `sim-in-${randomUUID()}`,
      chatId,
      phone,
      body: input.body ?? '',
      type,
      fromMe: input.fromMe === true,
      isGroup,
      isStatus,
      isBroadcast,
      at,
    };
    if (input.name !== undefined && input.name.trim() !== '') message.profileName = input.name.trim();
    // As whatsapp-web.js gives them: a file's caption is also its body, a pin has no body.
    const caption = input.caption ?? (input.media ? input.body : undefined);
    if (caption !== undefined && caption !== '') {
      message.caption = caption;
      message.body = caption;
    }
    if (input.location) {
      message.location = { latitude: input.location.latitude, longitude: input.location.longitude };
      if (input.location.name?.trim()) message.location.name = input.location.name.trim();
      if (input.location.address?.trim()) message.location.address = input.location.address.trim();
      if (input.caption === undefined) message.body = '';
    }
    if (input.media) {
      // Like the real engine: a file over the limit is announced (type and size) but not fetched.
      const size = Buffer.byteLength(input.media.dataBase64, 'base64');
      message.media = { mimetype: input.media.mimetype, size };
      if (input.media.filename !== undefined) message.media.filename = input.media.filename;
      if (size <= MAX_INCOMING_MEDIA_BYTES) message.media.dataBase64 = input.media.dataBase64;
    }
    if (input.editOf !== undefined) {
      // Named after the message it edits, as the real engine does: the host finds a customer's
      // last message by leaving edits out.
      message.editOf = input.editOf;
      message.id = `${input.editOf}#edit#${input.id ?? randomUUID()}`;
    }
    if (!isGroup && !isStatus && !isBroadcast && !message.fromMe) {
      this.record('in', phone, chatLine(message), at, null, message.id, JSON.stringify(message));
    }
    // Off or with its events broken, the phone still gets the message; the host hears nothing.
    if (input.deliver === false || this.eventsStopped) return message;
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

  private record(
    direction: 'in' | 'out',
    phone: string,
    body: string,
    at: number,
    key: string | null,
    messageId: string,
    incomingJson: string | null = null,
  ): void {
    statement(this.db, 'INSERT INTO messages (direction, phone, body, at, key, message_id, incoming_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(direction, phone, body, at, key, messageId, incomingJson);
    const message: SimMessage = { direction, phone, body, at: new Date(at).toISOString() };
    for (const listener of this.chatListeners) listener(message);
  }

  /** Loading screen step `step` of loadingSteps, then connected. */
  private load(step: number): void {
    const { loadingSteps, loadingStepMs } = this.timings;
    if (step > loadingSteps) {
      this.emit(this.makeStatus(this.neverReady ? 'authenticating' : 'connected'));
      return;
    }
    const status = this.makeStatus('loading');
    status.percent = Math.round(((step - 1) / loadingSteps) * 100);
    this.emit(status);
    this.later(loadingStepMs, () => this.load(step + 1));
  }

  private later(ms: number, step: () => void): void {
    this.pending = this.clock.setTimeout(() => {
      this.pending = undefined;
      step();
    }, ms);
  }

  private cancelPending(): void {
    if (this.pending) this.clock.clearTimeout(this.pending);
    this.pending = undefined;
  }

  private emit(status: WhatsAppStatus): void {
    this.status = status;
    if (status.state === 'connected') this.lastConnectedAt = this.clock.now();
    for (const listener of this.statusListeners) listener(status);
  }

  private makeStatus(state: WhatsAppState, error?: string): WhatsAppStatus {
    const status: WhatsAppStatus = { state, since: new Date(this.clock.now()).toISOString(), engine: 'simulator' };
    if (state === 'connected') status.phone = 'simulator';
    if (error !== undefined) status.error = error;
    return status;
  }
}

/** How a customer's message reads in the training chat: its words, else what it was. */
function chatLine(message: IncomingMessage): string {
  const words = message.body || message.caption || '';
  if (message.editOf !== undefined) return `✏️ ${words}`;
  if (message.location) {
    const { latitude, longitude, name, address } = message.location;
    return `📍 ${[name, address].filter(Boolean).join(', ') || `${latitude}, ${longitude}`}${words ? ` — ${words}` : ''}`;
  }
  return words || `[${message.type}]`;
}

/** Shaped like WhatsApp's own QR payload (ref,publicKey,identityKey,advSecret) so it draws the same size. */
function fakeQrPayload(): string {
  const part = (bytes: number) => randomBytes(bytes).toString('base64');
  return `2@SIMULADOR${randomBytes(24).toString('base64')},${part(32)},${part(32)},${part(32)}`;
}

/** Eight letters and digits, as WhatsApp's pairing codes (no 0/O or 1/I to misread). */
function fakePairingCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}
