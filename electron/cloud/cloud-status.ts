// What the kitchen screen shows of the cloud: the sign-in outcome, who runs the WhatsApp session,
// the session-backup recovery code (in memory only, until the owner says it is written down) and
// the last backup. host-cloud.ts feeds it; KdsService reads it through CloudStatusProvider.
import { KdsError, type CloudSignInProblem, type CloudStatus, type RecoveryRestore } from '../../shared/kds-api.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { CloudStatusProvider } from '../host/kds-service.ts';
import type { CloudState, CloudSync } from './create-cloud-sync.ts';
import { parseRecoveryCode } from './backup/backup-key.ts';

/** The sign-in error codes (Firebase Auth's, and AuthSession's own 'auth/no-session') in the owner's terms. */
export function signInProblem(code: string | undefined): CloudSignInProblem {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/invalid-login-credentials':
    case 'auth/wrong-password':
      return 'wrong-password';
    case 'auth/user-not-found':
      return 'unknown-user';
    case 'auth/invalid-email':
      return 'invalid-email';
    case 'auth/user-disabled':
      return 'account-disabled';
    case 'auth/too-many-requests':
      return 'too-many-attempts';
    case 'auth/network-request-failed':
      return 'no-network';
    case 'auth/invalid-api-key':
    case 'auth/api-key-not-valid.-please-pass-a-valid-api-key.':
    case 'auth/project-not-found':
    case 'auth/configuration-not-found':
    case 'auth/operation-not-allowed':
      return 'project-not-found';
    case 'auth/no-session':
      return 'no-credentials';
    default:
      return 'other';
  }
}

export interface CloudStatusSourceOptions {
  cloud: Pick<CloudSync, 'state' | 'onState' | 'onBackup' | 'takeOverLease'>;
  /** After a take-over: restart the WhatsApp engine so this PC runs the session (host.engine.reconnect). */
  restartSession: () => Promise<void>;
  /** Session backups on this PC (absent: typing a recovery code is refused as there is nothing to use it for). */
  recovery?: {
    /** cloud.useRecoveryCode: the code becomes this PC's backup key. */
    useCode: (code: string) => void;
    /** After the key changed: restore the newest backup if the session is not linked here (recovery-restore.ts). */
    restore: () => Promise<RecoveryRestore>;
  };
  logger: Logger;
}

export class CloudStatusSource implements CloudStatusProvider {
  private readonly o: CloudStatusSourceOptions;
  private readonly listeners = new Set<(status: CloudStatus) => void>();
  private readonly unsubscribers: (() => void)[];
  /** Never logged, never written anywhere: it is the key to the restaurant's session backups. */
  private recoveryCode: string | undefined;
  private lastBackupAt: number | undefined;
  private lastSent = '';
  private enteringCode = false;

  constructor(options: CloudStatusSourceOptions) {
    this.o = options;
    this.unsubscribers = [options.cloud.onState(() => this.changed()), options.cloud.onBackup((manifest) => this.backedUp(manifest.createdAt))];
  }

  /** A new backup key was made on this PC: the owner sees its code on the screen until acknowledged. */
  showRecoveryCode(code: string): void {
    this.recoveryCode = code;
    this.changed();
  }

  /** A backup finished (now, or found in the cloud at start): only a newer time moves it. */
  backedUp(at: number): void {
    if (this.lastBackupAt !== undefined && this.lastBackupAt >= at) return;
    this.lastBackupAt = at;
    this.changed();
  }

  status(): CloudStatus {
    const status = toCloudStatus(this.o.cloud.state());
    if (status.state === 'off') return status;
    if (this.recoveryCode !== undefined) status.recoveryCode = this.recoveryCode;
    if (this.lastBackupAt !== undefined) status.lastBackupAt = new Date(this.lastBackupAt).toISOString();
    return status;
  }

  async takeOver(): Promise<CloudStatus> {
    if (this.o.cloud.state().state !== 'running') throw new KdsError('conflict', 'the cloud is not running on this PC, so there is no session to take over');
    const result = await this.o.cloud.takeOverLease().catch((error: unknown) => {
      throw new KdsError('conflict', `the session could not be taken over: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (result.held) {
      this.o.logger.info('session lease taken over on the owner\'s confirmation; restarting WhatsApp here');
      // The lease is ours either way; a failed restart is retried by the engine's own watchdog.
      await this.o.restartSession().catch((error: unknown) => this.o.logger.warn('WhatsApp restart after take-over failed', errorFields(error)));
    }
    return this.status();
  }

  acknowledgeRecoveryCode(): CloudStatus {
    this.recoveryCode = undefined;
    this.changed();
    return this.status();
  }

  /** A new PC: the owner typed the recovery code. The code is a secret: never logged, never kept here. */
  async enterRecoveryCode(code: string): Promise<CloudStatus> {
    if (this.o.cloud.state().state !== 'running') {
      throw new KdsError('conflict', 'the cloud is not running on this PC yet: the recovery code can be typed once it has signed in');
    }
    const recovery = this.o.recovery;
    if (!recovery) throw new KdsError('conflict', 'session backups are off on this PC (it does not run the real WhatsApp), so there is nothing to use the recovery code for');
    if (this.enteringCode) throw new KdsError('conflict', 'a recovery code is already being used; wait a moment');
    try {
      parseRecoveryCode(code);
    } catch (error) {
      throw new KdsError('bad_request', `That recovery code is not right: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
    }
    this.enteringCode = true;
    try {
      try {
        recovery.useCode(code);
      } catch (error) {
        throw new KdsError('conflict', `the recovery code could not be used: ${error instanceof Error ? error.message : String(error)}`);
      }
      // A code shown earlier belonged to the key this PC has just let go of.
      this.recoveryCode = undefined;
      this.o.logger.info('the owner typed the restaurant\'s recovery code; this PC now uses its backup key');
      const restore = await recovery.restore().catch((error: unknown): RecoveryRestore => {
        this.o.logger.warn('session backup not restored after the recovery code', errorFields(error));
        return { skipped: 'refused', refused: [error instanceof Error ? error.message : String(error)] };
      });
      this.changed();
      return { ...this.status(), recoveryRestore: restore };
    } finally {
      this.enteringCode = false;
    }
  }

  onChange(listener: (status: CloudStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const off of this.unsubscribers.splice(0)) off();
    this.listeners.clear();
  }

  /** Tells the listeners when what the screen shows changed (lease renewals that change nothing are quiet). */
  private changed(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastSent) return;
    this.lastSent = key;
    for (const listener of this.listeners) listener(status);
  }
}

export function toCloudStatus(state: CloudState): CloudStatus {
  switch (state.state) {
    case 'off':
    case 'signing-in':
      return { state: state.state };
    case 'sign-in-failed':
      return { state: 'sign-in-failed', error: state.error, problem: signInProblem(state.code) };
    case 'running': {
      const lease: NonNullable<CloudStatus['lease']> = state.lease.held
        ? { held: true }
        : {
            held: false,
            holderName: state.lease.holder.deviceName || state.lease.holder.deviceId,
            holderSeenAt: new Date(state.lease.holder.renewedAt).toISOString(),
            expiresAt: new Date(state.lease.holder.expiresAt).toISOString(),
          };
      return { state: 'running', restaurantId: state.restaurantId, lease };
    }
  }
}
