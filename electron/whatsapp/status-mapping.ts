// Pure mapping from what the worker and the supervisor report (whatsapp-web.js events, initialize()
// failures, worker exits, scheduled retries) to the one status the whole app agrees on.
import type { WhatsAppState, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { classifyDisconnect, classifyError } from './disconnect-reasons.ts';
import type { WaEvent } from './protocol.ts';

export type SessionInput =
  | { kind: 'spawning' }
  | { kind: 'wa'; payload: WaEvent }
  | { kind: 'worker-exit'; code: number | null; signal: string | null }
  | { kind: 'retry'; state: 'offline' | 'reconnecting'; attempt: number; nextTryAt: number; error?: string }
  | { kind: 'failed'; error: string }
  | { kind: 'logged-out'; error: string }
  | { kind: 'recovering'; error: string };

export interface SessionContext {
  /** `ready` was seen in this worker's life: socket states now speak about a live session. */
  ready: boolean;
}

export const TEXT = {
  authFailure: 'The saved WhatsApp session could not be restored. Link the phone again.',
  loggedOut: 'WhatsApp was unlinked from the phone (or the account was logged out). Link it again.',
  banned: 'WhatsApp refused this account. Check the phone.',
  conflict: 'WhatsApp is open on another computer.',
  qrCap: 'The QR code expired. Tap to show a new one.',
  offline: 'No internet connection. Retrying.',
  outdated: 'WhatsApp Web asked for a newer version. Restarting.',
  browserGone: 'The WhatsApp browser closed unexpectedly. Restarting it.',
  workerGone: 'The WhatsApp engine stopped. Restarting it.',
  unlinked: 'WhatsApp was unlinked on this computer. Link a phone to receive orders.',
} as const;

function make(state: WhatsAppState, now: number, extra: Partial<WhatsAppStatus> = {}): WhatsAppStatus {
  return { state, since: new Date(now).toISOString(), engine: 'whatsapp', ...extra };
}

/** The next status, or null when the input does not change what the kitchen should see. */
export function nextStatus(
  current: WhatsAppStatus,
  input: SessionInput,
  context: SessionContext,
  now: number,
): WhatsAppStatus | null {
  const phone = current.phone !== undefined ? { phone: current.phone } : {};
  switch (input.kind) {
    case 'spawning':
      // A restart keeps showing why it restarts (offline / reconnecting) until the session speaks.
      return current.state === 'starting' || current.state === 'offline' || current.state === 'reconnecting' || current.state === 'logged-out'
        ? null
        : make('starting', now);
    case 'worker-exit':
      if (current.state === 'logged-out' || current.state === 'failed' || current.state === 'offline') return null;
      return make('reconnecting', now, { ...phone, error: TEXT.workerGone });
    case 'retry': {
      const extra: Partial<WhatsAppStatus> = { ...phone, attempt: input.attempt, nextTryAt: new Date(input.nextTryAt).toISOString() };
      if (input.error !== undefined) extra.error = input.error;
      const since = current.state === input.state ? current.since : new Date(now).toISOString();
      return { ...make(input.state, now, extra), since };
    }
    case 'failed':
      return make('failed', now, { error: input.error });
    case 'logged-out':
      return make('logged-out', now, { error: input.error });
    case 'recovering':
      return make('reconnecting', now, { ...phone, error: input.error });
    case 'wa':
      return fromWaEvent(current, input.payload, context, now);
  }
}

function fromWaEvent(current: WhatsAppStatus, event: WaEvent, context: SessionContext, now: number): WhatsAppStatus | null {
  switch (event.event) {
    case 'qr':
      return make('needs-link', now, { qr: event.qr });
    case 'code':
      return make('needs-link', now, { pairingCode: event.code });
    case 'qr_cap_reached':
      return make('needs-link', now, { error: TEXT.qrCap });
    case 'authenticated':
      return current.state === 'connected' ? null : make('authenticating', now);
    case 'auth_failure':
      return make('logged-out', now, { error: TEXT.authFailure });
    case 'loading_screen': {
      const percent = Math.max(0, Math.min(100, Math.round(Number(event.percent) || 0)));
      if (current.state === 'loading' && current.percent === percent) return null;
      if (current.state === 'connected') return null;
      return { ...make('loading', now, { percent }), since: current.state === 'loading' ? current.since : new Date(now).toISOString() };
    }
    case 'ready':
      return make('connected', now, event.phone !== undefined ? { phone: event.phone } : {});
    case 'change_state':
      return fromSocketState(current, event.state, context, now);
    case 'disconnected': {
      const kind = classifyDisconnect(event.reason);
      if (kind === 'logged-out') return make('logged-out', now, { error: /ban/i.test(event.reason) ? TEXT.banned : TEXT.loggedOut });
      if (kind === 'offline') return make('offline', now, { error: TEXT.offline });
      if (kind === 'conflict') return make('reconnecting', now, { error: TEXT.conflict });
      return make('reconnecting', now, current.phone !== undefined ? { phone: current.phone } : {});
    }
    case 'browser_gone':
      return make('reconnecting', now, { ...(current.phone !== undefined ? { phone: current.phone } : {}), error: TEXT.browserGone });
    case 'own_echo':
      return null; // not a state change: the engine reads it for events-silent
    case 'init_failed': {
      const kind = classifyError(event.error);
      if (kind === 'offline') return make('offline', now, { error: TEXT.offline });
      if (kind === 'browser-missing') return make('failed', now, { error: `The browser could not be started: ${event.error}` });
      return make('reconnecting', now, { error: event.error });
    }
  }
}

function fromSocketState(current: WhatsAppStatus, state: string, context: SessionContext, now: number): WhatsAppStatus | null {
  const kind = classifyDisconnect(state);
  const phone = current.phone !== undefined ? { phone: current.phone } : {};
  if (state === 'CONNECTED') {
    return context.ready && current.state !== 'connected' ? make('connected', now, phone) : null;
  }
  if (kind === 'logged-out') return context.ready || current.state !== 'needs-link' ? make('logged-out', now, { error: TEXT.loggedOut }) : null;
  if (!context.ready) return null; // pairing chatter before the session exists
  if (kind === 'conflict') return make('reconnecting', now, { ...phone, error: TEXT.conflict });
  if (kind === 'offline') return make('offline', now, { ...phone, error: TEXT.offline });
  if (kind === 'outdated') return make('reconnecting', now, { ...phone, error: TEXT.outdated });
  // TIMEOUT / OPENING / PAIRING: the socket is reconnecting by itself; the watchdog rechecks.
  return current.state === 'reconnecting' ? null : make('reconnecting', now, phone);
}
