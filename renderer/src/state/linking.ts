// What the linking screen shows for a WhatsApp status. Pure.
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';
import { phoneDigits } from '../../../shared/text.ts';

export type LinkView =
  /** A QR to scan (WhatsApp rotates it; the screen redraws each new one). */
  | { kind: 'qr'; qr: string }
  /** The pairing code for the number typed in. */
  | { kind: 'code'; code: string }
  /** needs-link with nothing to show: the QR expired (after the refresh cap) or is on its way. */
  | { kind: 'expired'; message: string | undefined }
  /** The phone unlinked this PC: linking starts with a tap. */
  | { kind: 'logged-out'; message: string | undefined };

export function linkView(status: WhatsAppStatus | null): LinkView | null {
  if (!status) return null;
  if (status.state === 'logged-out') return { kind: 'logged-out', message: status.error };
  if (status.state !== 'needs-link') return null;
  if (status.pairingCode) return { kind: 'code', code: status.pairingCode };
  if (status.qr) return { kind: 'qr', qr: status.qr };
  return { kind: 'expired', message: status.error };
}

/** "ABCD1234" → "ABCD-1234", as WhatsApp shows it on the phone. */
export function formatPairingCode(code: string): string {
  const clean = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}

/** The typed number as the host wants it (digits, country code first), or null when it cannot be one. */
export function pairingPhone(input: string): string | null {
  // "0034…" is how some people type the international prefix; WhatsApp wants the country code first.
  const digits = phoneDigits(input).replace(/^00/, '');
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}
