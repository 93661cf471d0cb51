// What the protection layers (watchdog, heartbeat, activity, keepalive, session monitor, planned
// restart) may see and do to the live WhatsApp session. The real engine implements it over its
// supervised worker; layer tests implement it with a few lines of fakes. Layers never touch the
// worker, the browser or whatsapp-web.js directly, so each can be tested alone under fake time.
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';

/** Something the owner must hear about (the tray, the KDS, the cloud issue's alerts). */
export interface SessionAlert {
  kind:
    | 'watchdog-gave-up'
    | 'session-idle'
    | 'session-suspect'
    | 'logged-out'
    | 'browser-memory'
    | 'keepalive-failed';
  message: string;
}

export interface BrowserMemory {
  /** Resident memory of the browser process tree, bytes. */
  browserRssBytes?: number;
  /** The WhatsApp page's JS heap, bytes. */
  jsHeapBytes?: number;
}

export interface SessionControl {
  /** The status the kitchen sees right now. */
  status(): WhatsAppStatus;
  /** whatsapp-web.js getState() (CONNECTED, OPENING, …, or null); rejects after timeoutMs. */
  getState(timeoutMs: number): Promise<string | null>;
  /** A trivial evaluate in the WhatsApp page; rejects when the page does not answer in timeoutMs. */
  ping(timeoutMs: number): Promise<void>;
  /** whatsapp-web.js resetState(): the cheap recovery, tried before a restart. */
  resetState(): Promise<void>;
  /** Ends the worker (and its browser) and starts a new one; resolves when the new one is spawned. */
  restartWorker(reason: string): Promise<void>;
  sendPresenceAvailable(): Promise<void>;
  /** Dispatches the activity layer's person-like events in the page and asks for a wake lock. */
  activity(): Promise<void>;
  memory(): Promise<BrowserMemory>;
  /** Sends a plain text to a number (digits), bypassing the customer outbox: keepalive only. */
  sendText(phone: string, body: string): Promise<void>;
  /** Epoch ms of the last message in or out on this session; undefined: none since linking. */
  lastActivityAt(): number | undefined;
  /** Marks the session as connected-but-not-really so the kitchen sees it while it recovers. */
  markSuspect(reason: string): void;
  /** Records a heartbeat (time, counters) for the health panel and the cloud status. */
  recordHeartbeat(at: number): void;
  alert(alert: SessionAlert): void;
}
