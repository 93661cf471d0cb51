// The one WhatsApp connection status the whole app agrees on (host, KDS, tray, cloud).

export const WHATSAPP_STATES = [
  'starting',
  'needs-link',
  'authenticating',
  'loading',
  'connected',
  'reconnecting',
  'offline',
  'logged-out',
  'failed',
] as const;
export type WhatsAppState = (typeof WHATSAPP_STATES)[number];

/**
 * What is wrong beyond the state. never-ready: the session authenticates and never becomes ready
 * (WhatsApp Web changed under the library); events-silent: connected, but customer messages arrive
 * without an event (the catch-up sweep finds them).
 */
export const WHATSAPP_PROBLEMS = ['never-ready', 'events-silent'] as const;
export type WhatsAppProblem = (typeof WHATSAPP_PROBLEMS)[number];

export interface WhatsAppStatus {
  state: WhatsAppState;
  /** ISO time the state was entered. */
  since: string;
  engine: 'simulator' | 'whatsapp';
  /** needs-link: the QR payload to draw, refreshed as WhatsApp rotates it. */
  qr?: string;
  /** needs-link: a pairing code for the phone-number alternative. */
  pairingCode?: string;
  /** loading: 0..100 from WhatsApp's loading screen. */
  percent?: number;
  /** reconnecting: attempt number and ISO time of the next try. */
  attempt?: number;
  nextTryAt?: string;
  /** failed / logged-out: what happened, in plain words. */
  error?: string;
  /** The linked phone number, when known. */
  phone?: string;
  /** Set by the host when something is wrong beyond the state (the kitchen banner, tray and alerts read it). */
  problems?: WhatsAppProblem[];
}

export function isConnected(status: Pick<WhatsAppStatus, 'state'>): boolean {
  return status.state === 'connected';
}

/** States in which the kitchen must be told that customers are not being heard. */
export function needsAttention(status: Pick<WhatsAppStatus, 'state'>): boolean {
  return status.state !== 'connected' && status.state !== 'starting' && status.state !== 'loading';
}
