// What the screen makes of the cloud status: whether to show the cloud at all, the problem in the
// owner's words, and who runs WhatsApp. Pure.
import { KdsError, type CloudStatus, type RecoveryRestore } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { formatWhen } from './health.ts';

/** Nothing about the cloud is shown while it is off (or the host is too old to say). */
export function cloudShown(status: CloudStatus | null): status is CloudStatus {
  return status !== null && status.state !== 'off';
}

/** The sign-in problem in the screen's language; the host's English words when it names none. */
export function signInText(status: CloudStatus, t: UiStrings): string {
  if (status.problem) return t.cloudSignIn[status.problem] ?? t.cloudSignIn.other;
  return status.error ?? t.cloudSignIn.other;
}

export type LeaseView =
  | { kind: 'unknown' }
  | { kind: 'here' }
  /** silent: the holder has not renewed within the lease time, so this PC takes it at its next check. */
  | { kind: 'elsewhere'; name: string; seenAt: string | undefined; silent: boolean };

export function leaseView(status: CloudStatus, now: number): LeaseView {
  if (status.state !== 'running' || !status.lease) return { kind: 'unknown' };
  if (status.lease.held) return { kind: 'here' };
  const expires = status.lease.expiresAt ? Date.parse(status.lease.expiresAt) : Number.NaN;
  return {
    kind: 'elsewhere',
    name: status.lease.holderName || '?',
    seenAt: status.lease.holderSeenAt,
    silent: Number.isFinite(expires) && expires <= now,
  };
}

/** The typed-code form is there while the cloud runs and no new code of this PC waits to be written down. */
export function recoveryFormShown(status: CloudStatus): boolean {
  return status.state === 'running' && !status.recoveryCode;
}

export interface RecoveryMessage {
  kind: 'ok' | 'warn' | 'error';
  text: string;
  /** Backups the host refused, in its own (English) words. */
  details?: string[];
}

/** What became of the session once the code was taken, in the owner's words. */
export function recoveryOutcome(restore: RecoveryRestore | undefined, t: UiStrings, locale: 'es' | 'en', now: number): RecoveryMessage {
  if (restore?.restoredAt) return { kind: 'ok', text: t.cloudCodeRestored(formatWhen(restore.backupMadeAt, now, t, locale)) };
  const skipped = restore?.skipped ?? 'session-busy';
  const text = t.cloudCodeKept[skipped] ?? t.cloudCodeKept['session-busy'];
  if (skipped === 'refused') return { kind: 'warn', text, details: restore?.refused ?? [] };
  return { kind: skipped === 'no-backups' ? 'warn' : 'ok', text };
}

/** A refused code: a wrong one in plain words; "not now" with the host's reason; else undefined (a general error). */
export function recoveryCodeError(error: unknown, t: UiStrings): RecoveryMessage | undefined {
  if (!(error instanceof KdsError)) return undefined;
  if (error.code === 'bad_request') return { kind: 'error', text: t.cloudCodeWrong };
  if (error.code === 'conflict') return { kind: 'error', text: t.cloudCodeNotNow, details: [error.message] };
  return undefined;
}
