// The typed messages between the host (parent) and the engine worker (child process or Electron
// utilityProcess). Everything here is plain JSON: it crosses a process boundary.
import type { ChatBacklog, IncomingMessage, RecentIncomingQuery } from './engine.ts';

export interface WorkerConfig {
  /** DATA_DIR/whatsapp: LocalAuth's data path, the web version cache, the browser pid file. */
  authDir: string;
  executablePath: string;
  browserArgs: string[];
  headless: boolean;
  /** The pinned WhatsApp Web version (whatsapp-web.js's local web cache); undefined: the library's. */
  webVersion?: string;
  /** With webVersion: fetch that version's page from here (whatsapp-web.js's remote cache, `{version}` replaced). */
  webVersionCacheUrl?: string;
  webCacheDir: string;
  /** Link with a pairing code for this number instead of a QR code. */
  pairingPhone?: string;
  /** WhatsApp's own QR rotations shown before the worker stops and waits for a tap. */
  qrMaxRefreshes: number;
  /** puppeteer protocol timeout (ms) so a stuck page rejects instead of hanging forever. */
  protocolTimeoutMs: number;
  /** This PC holds the session lease: take the session back when another WhatsApp Web opens it. */
  takeoverOnConflict: boolean;
}

/** whatsapp-web.js events as the worker reports them. */
export type WaEvent =
  | { event: 'qr'; qr: string; count: number }
  | { event: 'code'; code: string }
  | { event: 'authenticated' }
  | { event: 'auth_failure'; message: string }
  | { event: 'loading_screen'; percent: number }
  | { event: 'ready'; phone?: string; webVersion?: string }
  | { event: 'change_state'; state: string }
  | { event: 'disconnected'; reason: string }
  | { event: 'qr_cap_reached'; count: number }
  | { event: 'init_failed'; error: string }
  /** puppeteer's browser 'disconnected': the browser died or was killed. */
  | { event: 'browser_gone' }
  /** Our own message came back as message_create or message_ack: WhatsApp Web's events flow. */
  | { event: 'own_echo'; id: string };

export type ParentToWorker =
  | { type: 'start'; config: WorkerConfig }
  | { type: 'request'; id: number; request: WorkerRequest }
  | { type: 'stop' };

export type WorkerRequest =
  | { op: 'getState' }
  | { op: 'ping' }
  | { op: 'resetState' }
  | { op: 'sendPresenceAvailable' }
  | { op: 'activity' }
  | { op: 'memory' }
  | { op: 'logout' }
  | { op: 'requestPairingCode'; phone: string }
  | { op: 'checkNumber'; phone: string }
  | { op: 'recentFromMe'; chatId: string; limit: number }
  /** The catch-up: getChats(), then fetchMessages() on the chats worth opening (recent-incoming.ts). */
  | { op: 'recentIncoming'; query: RecentIncomingQuery }
  | { op: 'send'; chatId: string; body: string; typingMs: number; markSeen: boolean };

export interface RecentMessage {
  id: string;
  /** sha256 hex of the body: the worker never hands bodies back. */
  bodyHash: string;
  /** Epoch ms. */
  at: number;
}

export type WorkerReplyValue =
  | { op: 'getState'; state: string | null }
  | { op: 'ping'; ok: true }
  | { op: 'memory'; jsHeapBytes?: number; browserRssBytes?: number }
  | { op: 'checkNumber'; chatId: string | null }
  | { op: 'recentFromMe'; messages: RecentMessage[] }
  | { op: 'recentIncoming'; chats: ChatBacklog[]; listed: number }
  | { op: 'send'; messageId: string }
  | { op: 'done' };

export type WorkerToParent =
  | { type: 'hello'; pid: number }
  | { type: 'wa'; payload: WaEvent }
  | { type: 'browser'; pid: number | null }
  | { type: 'message'; message: IncomingMessage }
  | { type: 'reply'; id: number; ok: true; value: WorkerReplyValue }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; msg: string; fields?: Record<string, unknown> }
  /**
   * An error that escaped whatsapp-web.js (unhandled rejection, uncaught exception). `fatal`: the
   * worker is exiting because of it.
   */
  | { type: 'error'; error: string; fatal: boolean };

/** What the engine needs from a running worker process: the seam fork/utilityProcess plug into. */
export interface WorkerHandle {
  readonly pid: number | undefined;
  send(message: ParentToWorker): void;
  onMessage(listener: (message: WorkerToParent) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(signal?: NodeJS.Signals): void;
}

export type SpawnWorker = () => WorkerHandle;

/** The worker side of the channel. */
export interface WorkerPort {
  post(message: WorkerToParent): void;
  onMessage(listener: (message: ParentToWorker) => void): void;
  exit(code: number): void;
}
