// After the owner typed the recovery code on a new PC: bring the restaurant's WhatsApp session back
// from its newest backup, but only when that cannot hurt — the real engine, not linked here, and
// this PC holding the session lease. The browser must not be writing its profile meanwhile, so
// the engine is stopped for the restore and started again (with the restored session) after it.
import type { RecoveryRestore } from '../../shared/kds-api.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';
import type { Clock } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { WhatsAppEngine } from '../whatsapp/engine.ts';
import type { CloudSync } from './create-cloud-sync.ts';

/** The session is not there to lose: nothing linked, logged out, or given up on. */
const RESTORABLE: readonly WhatsAppState[] = ['needs-link', 'logged-out', 'failed'];

export interface RecoveryRestoreOptions {
  engine: Pick<WhatsAppEngine, 'kind' | 'getStatus' | 'stop' | 'start'>;
  cloud: Pick<CloudSync, 'state' | 'restoreSession' | 'parts'>;
  clock: Clock;
  logger: Logger;
}

export async function restoreAfterRecoveryCode(options: RecoveryRestoreOptions): Promise<RecoveryRestore> {
  const { engine, cloud, clock, logger } = options;
  if (engine.kind !== 'whatsapp') return { skipped: 'simulator' };
  const session = engine.getStatus().state;
  if (session === 'connected') return { skipped: 'session-connected' };
  if (!RESTORABLE.includes(session)) return { skipped: 'session-busy' };
  const state = cloud.state();
  if (state.state !== 'running' || !state.lease.held) return { skipped: 'lease-elsewhere' };
  // No backup at all: leave the QR on the screen instead of restarting WhatsApp for nothing.
  const backups = (await cloud.parts.backups?.list()) ?? [];
  if (backups.length === 0) return { skipped: 'no-backups' };

  logger.info('restoring the WhatsApp session backup after the recovery code', { session });
  await engine.stop();
  let result: Awaited<ReturnType<CloudSync['restoreSession']>>;
  try {
    result = await cloud.restoreSession();
  } finally {
    // Whatever the restore did, WhatsApp runs again: with the restored session, or asking to link.
    await engine.start().catch((error: unknown) => logger.warn('WhatsApp did not start again after the restore', errorFields(error)));
  }
  if (!result.restored) return { skipped: 'refused', refused: result.refused };
  return {
    restoredAt: new Date(clock.now()).toISOString(),
    backupMadeAt: new Date(result.restored.createdAt).toISOString(),
    ...(result.refused.length > 0 ? { refused: result.refused } : {}),
  };
}
