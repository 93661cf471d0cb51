// The WhatsApp engine port: what the host needs from "a WhatsApp". The simulator implements it for
// training and tests; the real engine (whatsapp-web.js in a supervised worker) implements it for
// production. The host never knows which one it talks to.
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';

export interface IncomingMessage {
  /** WhatsApp's message id: the host drops a redelivered one. */
  id: string;
  /** The chat id as WhatsApp gives it (34600111222@c.us, …@g.us, status@broadcast). */
  chatId: string;
  /** The sender's number, digits only. */
  phone: string;
  /** The sender's WhatsApp profile name, if any. */
  profileName?: string;
  body: string;
  /** whatsapp-web.js message type: chat, image, ptt, audio, video, document, sticker, location… */
  type: string;
  fromMe: boolean;
  isGroup: boolean;
  isStatus: boolean;
  isBroadcast: boolean;
  /** Epoch ms. */
  at: number;
  /** A photo's, video's or document's caption (whatsapp-web.js puts it in `body` too). */
  caption?: string;
  /** A shared location pin (`type` 'location'). */
  location?: IncomingLocation;
  /** Voice notes, audio, photos, documents: the file as WhatsApp gave it, when it could be fetched. */
  media?: IncomingMedia;
  /**
   * This event is an edit (whatsapp-web.js's message_edit) of the message with this id: `body`
   * is the new text and `id` names the edit itself, so a redelivered edit is dropped.
   */
  editOf?: string;
}

export interface IncomingLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface IncomingMedia {
  mimetype: string;
  /** Bytes, as WhatsApp announced them (known even when the file was not fetched). */
  size?: number;
  filename?: string;
  /** The file's bytes; absent when it was too large to fetch or the download failed. */
  dataBase64?: string;
}

export interface SendRequest {
  /** Digits only. */
  to: string;
  body: string;
  /** The same key is never delivered twice, even across crashes of the host. */
  idempotencyKey: string;
}

export interface SendResult {
  messageId: string;
  /** The engine had already delivered this key: nothing was sent now. */
  duplicate: boolean;
}

/** A send that failed. `permanent` ones are not retried (number not on WhatsApp, …). */
export class SendError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { permanent: boolean; retryAfterMs?: number }) {
    super(message);
    this.name = 'SendError';
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Thrown by send() when the engine is not connected: the outbox waits without counting an attempt. */
export class NotConnectedError extends Error {
  constructor(state: string) {
    super(`WhatsApp is not connected (${state})`);
    this.name = 'NotConnectedError';
  }
}

export type Unsubscribe = () => void;

/** What an engine knows about its own health, for the health panel and the cloud status. */
export interface EngineHealth {
  /** Epoch ms of the last heartbeat that found the session connected. */
  lastHeartbeatAt?: number;
  reconnects: number;
  restarts: number;
  browserPath?: string;
  /** Where browser discovery looked when it found nothing. */
  browserSearched?: string[];
  browserRssBytes?: number;
  webVersion?: string;
}

export interface LinkOptions {
  method: 'qr' | 'code';
  /** Digits, with country code: 'code' only. */
  phone?: string;
}

/**
 * What the catch-up asks the engine for: customer messages no event may have delivered. Only chats
 * with unread messages or activity newer than the host's cursor are opened, and each at most
 * `perChatLimit` deep, so a phone with thousands of chats costs one listing and a few openings.
 */
export interface RecentIncomingQuery {
  /** Per chat id: epoch ms up to which the host has handled that chat. */
  cursors: Record<string, number>;
  /** Chats without a cursor: only activity after this (epoch ms). */
  since: number;
  /** The newest this many messages of an opened chat are read (both directions count). */
  perChatLimit: number;
}

/** One opened chat: its incoming messages at or after the cursor, oldest first. */
export interface ChatBacklog {
  chatId: string;
  /** WhatsApp's unread counter (-1: marked unread by a person). */
  unreadCount: number;
  /** Epoch ms of the chat's last activity (either direction) when it was listed. */
  lastActivityAt: number;
  messages: IncomingMessage[];
  /**
   * The limit cut the chat short: older messages newer than the cursor may exist that were not
   * read (a chat with thousands of unread messages). The host hands such a chat to staff.
   */
  truncated: boolean;
  /** The chat could not be opened (the page threw): tried again at the next sweep. */
  error?: string;
}

/**
 * The never-ready recovery's steps (electron/whatsapp/never-ready.ts), in the order it tries them:
 * a fresh worker; the cached WhatsApp Web page thrown away; the version the fleet pinned; and,
 * after all that, `failed` with the owner's words until the next try.
 */
export type StuckStartStep =
  | { kind: 'restart-worker' }
  | { kind: 'clear-web-cache' }
  | { kind: 'pinned-version'; webVersion: string; webVersionCacheUrl?: string }
  | { kind: 'give-up'; message: string };

export interface WhatsAppEngine {
  readonly kind: 'simulator' | 'whatsapp';
  start(): Promise<void>;
  stop(): Promise<void>;
  getStatus(): WhatsAppStatus;
  onStatus(listener: (status: WhatsAppStatus) => void): Unsubscribe;
  /**
   * Incoming customer messages. The handler runs synchronously and durably records the message
   * before returning, so an engine can acknowledge (or mark seen) only after it returns.
   */
  onMessage(listener: (message: IncomingMessage) => void): Unsubscribe;
  send(request: SendRequest): Promise<SendResult>;
  health(): EngineHealth;
  /** Starts linking again: a fresh QR (after the refresh cap) or a pairing code for a number. */
  link(options: LinkOptions): Promise<void>;
  /** Logs out cleanly; the status becomes needs-link. */
  unlink(): Promise<void>;
  /** Restarts the session now. */
  reconnect(): Promise<void>;
  /**
   * Incoming customer messages that are on the phone (catch-up after a gap or when events stop),
   * per chat, oldest first. Groups, status and broadcast chats are not opened. Rejects when the
   * session is not connected; a chat that fails to open is reported in its entry, not thrown.
   */
  listRecentIncoming(query: RecentIncomingQuery): Promise<ChatBacklog[]>;
  /** A start that never becomes ready: one recovery step (an engine without it is reconnected). */
  recoverStuckStart?(step: StuckStartStep): Promise<void>;
}

/**
 * Files beyond this are not fetched nor kept (WhatsApp's own limit for voice notes and photos is
 * 16 MB): the kitchen still sees that one arrived.
 */
export const MAX_INCOMING_MEDIA_BYTES = 16 * 1024 * 1024;

/** The message types whose file the host keeps (voice notes, audio, photos, documents). */
export const FETCHED_MEDIA_TYPES: readonly string[] = ['ptt', 'audio', 'image', 'document'];
