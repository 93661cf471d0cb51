// How the owner's calls fail, in the screen's terms: the owner token ran out (back to the board),
// wrong PINs are being slowed down (wait this long), anything else (say its reason).
import { OWNER_PIN_REQUIRED } from '../../../shared/owner-api.ts';

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The host wants the owner PIN (403 owner-pin-required): no token, or it ran out. */
export function isOwnerPinRequired(error: unknown): boolean {
  const code = codeOf(error);
  if (code === OWNER_PIN_REQUIRED || code === 'owner_pin_required' || code === 'forbidden') return true;
  const message = error instanceof Error ? error.message : '';
  return message.includes(OWNER_PIN_REQUIRED);
}

/** Seconds to wait while wrong PINs are slowed down (429), else undefined. */
export function pinRetryAfter(error: unknown): number | undefined {
  const code = codeOf(error);
  const carried = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof carried === 'number' && carried > 0) return Math.ceil(carried);
  const message = error instanceof Error ? error.message : '';
  // Over Electron's IPC only the message survives the trip: "too many wrong PINs: try again in 30 s".
  if (code !== 'too_many_requests' && code !== 'rate_limited' && !/too many/i.test(message)) return undefined;
  const seconds = /(\d+)\s*(?:s\b|sec|seconds)/i.exec(message);
  return seconds ? Number(seconds[1]) : 30;
}

export function isWrongPin(error: unknown): boolean {
  return codeOf(error) === 'unauthorized';
}

/** The reason a call failed, as the host said it (the host's messages are plain words). */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^invalid (menu|settings): /, '');
}
