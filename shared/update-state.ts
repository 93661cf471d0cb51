// The desktop app's own update progress, as the shell's updater reports it and the kitchen screen
// shows it. Pure data: the main process sends it over IPC, so the screen reads it back with
// readUpdateState instead of trusting its shape.

export type UpdateState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'up-to-date' }
  | { phase: 'downloading'; version: string; percent: number }
  | { phase: 'ready'; version: string }
  | { phase: 'error'; error: string };

export type UpdatePhase = UpdateState['phase'];

/** What went wrong, in the words a cook can act on (or safely ignore). */
export type UpdateErrorKind = 'offline' | 'damaged' | 'disk-full' | 'other';

/** Checks a payload that crossed the process boundary; throws a clear error for anything else. */
export function readUpdateState(value: unknown): UpdateState {
  if (typeof value !== 'object' || value === null) throw new Error(`update state must be an object, got ${value === null ? 'null' : typeof value}`);
  const v = value as Record<string, unknown>;
  const text = (key: string): string => {
    const field = v[key];
    if (typeof field !== 'string') throw new Error(`update state '${String(v.phase)}' needs a string ${key}`);
    return field;
  };
  switch (v.phase) {
    case 'idle':
    case 'checking':
    case 'up-to-date':
      return { phase: v.phase };
    case 'downloading': {
      const percent = v.percent;
      if (typeof percent !== 'number' || !Number.isFinite(percent)) throw new Error('update state \'downloading\' needs a finite number percent');
      return { phase: 'downloading', version: text('version'), percent: Math.max(0, Math.min(100, percent)) };
    }
    case 'ready':
      return { phase: 'ready', version: text('version') };
    case 'error':
      return { phase: 'error', error: text('error') };
    default:
      throw new Error(`unknown update phase: ${JSON.stringify(v.phase)?.slice(0, 40) ?? 'undefined'}`);
  }
}

// electron-updater's messages are Node/Chromium error texts; these are the ones a kitchen sees.
const OFFLINE = /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NETWORK_CHANGED|CONNECTION_|TIMED_OUT|PROXY_|ADDRESS_UNREACHABLE)|\b(ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH)\b|socket hang up/i;
const DAMAGED = /sha512 checksum mismatch|checksum|not signed|signature|publisherName|ERR_CONTENT_LENGTH_MISMATCH|unexpected end/i;
const DISK_FULL = /\bENOSPC\b|no space left|not enough space/i;

export function updateErrorKind(error: string): UpdateErrorKind {
  if (DISK_FULL.test(error)) return 'disk-full';
  if (OFFLINE.test(error)) return 'offline';
  if (DAMAGED.test(error)) return 'damaged';
  return 'other';
}
