// What the screen makes of the cloud status: whether to show the cloud at all, the problem in the
// owner's words, and who runs WhatsApp. Pure.
import type { CloudStatus } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';

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
