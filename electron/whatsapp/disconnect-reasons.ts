// Classifies why a WhatsApp Web session stopped, from whatsapp-web.js's `disconnected` reasons, its
// `change_state` values (WAState), initialize() rejections and puppeteer errors. Each class has one
// reaction, so a logout never becomes a restart loop and a dead browser never waits for a recheck.

export type DisconnectClass =
  /** The phone unlinked us, the account was logged out or banned: show linking, alert, never loop. */
  | 'logged-out'
  /** Another WhatsApp Web took the session: take over only if this PC holds the lease. */
  | 'conflict'
  /** Transient socket states: look again before acting. */
  | 'recheck'
  /** The browser or its page is gone: restart the worker. */
  | 'restart-worker'
  /** No internet: retry with backoff, quietly. */
  | 'offline'
  /** WhatsApp Web must be updated (or the pinned version is refused): restart with a new version. */
  | 'outdated'
  /** The browser cannot be launched at all (missing, wrong path): the owner must act. */
  | 'browser-missing'
  /** Anything else: restart the worker with backoff. */
  | 'unknown';

const LOGGED_OUT = new Set(['LOGOUT', 'UNPAIRED', 'UNPAIRED_IDLE', 'TOS_BLOCK', 'SMB_TOS_BLOCK', 'BANNED']);
const RECHECK = new Set(['TIMEOUT', 'OPENING', 'PAIRING', 'UNLAUNCHED']);

const NETWORK_ERRORS = [
  'ERR_NAME_NOT_RESOLVED',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_NETWORK_CHANGED',
  'ERR_CONNECTION_REFUSED',
  'ERR_CONNECTION_RESET',
  'ERR_CONNECTION_CLOSED',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_CONNECTION_FAILED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_NETWORK_ACCESS_DENIED',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_TIMED_OUT',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_CERT_',
  'ERR_SSL_',
];

const BROWSER_GONE = [
  'Target closed',
  'TargetCloseError',
  'Protocol error',
  'Execution context was destroyed',
  'detached Frame',
  'Attempted to use detached',
  'Session closed',
  'Connection closed',
  'Navigating frame was detached',
  'browser has disconnected',
  'Browser closed',
  'window.require is not a function',
  'Cannot read properties of undefined',
];

// A launch failure for another reason (a locked profile, a crash at startup) is retried, not reported
// as a missing browser: only "nothing to run at that path" needs the owner.
const BROWSER_MISSING = ['Browser was not found', 'ENOENT', 'EACCES', 'no browser was found'];

/** Classifies a `disconnected` reason or a `change_state` value (a WAState or "LOGOUT"). */
export function classifyDisconnect(reason: string): DisconnectClass {
  const upper = reason.trim().toUpperCase();
  if (LOGGED_OUT.has(upper) || /\bban(ned)?\b/i.test(reason)) return 'logged-out';
  if (upper === 'CONFLICT') return 'conflict';
  if (RECHECK.has(upper)) return 'recheck';
  if (upper === 'DEPRECATED_VERSION') return 'outdated';
  if (upper === 'PROXYBLOCK') return 'offline';
  if (upper === 'CONNECTED') return 'recheck';
  if (upper === 'NAVIGATION') return 'restart-worker';
  if (upper.startsWith('MAX QRCODE RETRIES')) return 'logged-out';
  return classifyError(reason);
}

/** Classifies an error thrown by initialize(), getState(), evaluate() or send. */
export function classifyError(error: unknown): DisconnectClass {
  const text = errorText(error);
  if (NETWORK_ERRORS.some((code) => text.includes(code))) return 'offline';
  if (BROWSER_MISSING.some((part) => text.includes(part)) && /launch|browser|chrom|edge|spawn/i.test(text)) {
    return 'browser-missing';
  }
  if (BROWSER_GONE.some((part) => text.includes(part))) return 'restart-worker';
  if (/auth timeout|ready timeout/i.test(text)) return 'restart-worker';
  return 'unknown';
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
