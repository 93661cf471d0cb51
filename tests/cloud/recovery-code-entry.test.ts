// "On a new PC the owner types the recovery code", against the real emulators: PC 1 backs up its
// WhatsApp session; PC 2 (its own key, nothing typed) cannot read that backup; a mistyped code
// changes nothing; PC 1's code typed on PC 2 becomes its key, the backup is restored byte for byte
// with WhatsApp stopped and started again, and PC 2's later backups use the restaurant's key.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecretStore, parseRecoveryCode } from '../../electron/cloud/backup/backup-key.ts';
import { CloudStatusSource } from '../../electron/cloud/cloud-status.ts';
import type { CommandHandlers } from '../../electron/cloud/commands.ts';
import { createCloudSync, type CloudSync } from '../../electron/cloud/create-cloud-sync.ts';
import { restoreAfterRecoveryCode } from '../../electron/cloud/recovery-restore.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { openCloudDb, silentLogger, useCloudEmulators } from './cloud-harness.ts';

const emulators = useCloudEmulators('recovery code test');

const RID = 'meson-rosa';
const handlers: CommandHandlers = {
  send_message: async () => null,
  restart_session: async () => null,
  logout: async () => null,
  backup_now: async () => null,
  refresh_status: async () => null,
};

describe('typing the recovery code on a new PC (emulators)', () => {
  it('refuses the backup without the code, then restores it byte for byte with it', { timeout: 90_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('rosa@example.com', 'clave-rosa', { restaurantId: RID });
    const tmp = makeTempDir();
    const pcs: { cloud: CloudSync; close: () => void }[] = [];
    const pc = (name: string) => {
      const dir = join(tmp.dir, name);
      mkdirSync(dir, { recursive: true });
      const db = openCloudDb(dir);
      const codes: string[] = [];
      const profileDir = join(dir, 'profile');
      const cloud = createCloudSync({
        backups: { secretStore: fileSecretStore(join(dir, 'secrets')), profileDir, onRecoveryCode: (c) => codes.push(c) },
        dataDir: dir, db, clock: createSystemClock(), logger: silentLogger,
        subscribe: () => () => undefined,
        whatsappStatus: () => ({ state: 'starting', since: new Date().toISOString(), engine: 'whatsapp' }),
        applyMenu: () => undefined, handlers, notifier: { notify: () => undefined },
        ownerEmail: () => undefined, restaurantName: () => 'Mesón Rosa', version: '0.1.0', deviceName: name,
        firebase: { config: { apiKey: 'demo-key', projectId: 'demo-comanda' }, email: 'rosa@example.com', password: 'clave-rosa' },
        env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth!.host },
      });
      pcs.push({ cloud, close: () => db.close() });
      return { cloud, codes, profileDir, secrets: fileSecretStore(join(dir, 'secrets')) };
    };
    try {
      // PC 1: a linked session (binary IndexedDB, Local Storage), backed up.
      const first = pc('caja-1');
      const session = {
        'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb/000005.ldb': randomBytes(200_000),
        'Default/Local Storage/leveldb/000003.log': randomBytes(4096),
      };
      for (const [path, bytes] of Object.entries(session)) {
        mkdirSync(join(first.profileDir, path, '..'), { recursive: true });
        writeFileSync(join(first.profileDir, path), bytes);
      }
      expect(await first.cloud.start()).toMatchObject({ state: 'running', restaurantId: RID, lease: { held: true } });
      expect(first.codes).toHaveLength(1);
      const backup = await first.cloud.backupNow();
      expect(backup).toBeDefined();
      await first.cloud.stop();

      // PC 2: a new PC showing a QR (its profile has no session), with its own key.
      const second = pc('caja-nueva');
      mkdirSync(join(second.profileDir, 'Default'), { recursive: true });
      writeFileSync(join(second.profileDir, 'Default/Preferences'), '{"kept":true}');
      const started = await second.cloud.start();
      expect(started).toMatchObject({ state: 'running', lease: { held: false, holder: { deviceName: 'caja-1' } } });
      expect((await second.cloud.takeOverLease()).held).toBe(true);
      const ownKey = second.secrets.get(`backup-key-${RID}`);
      expect(second.codes).toHaveLength(1);
      const without = await second.cloud.restoreSession();
      expect(without.restored).toBeUndefined();
      expect(without.refused).toEqual([expect.stringContaining('made with another backup key')]);

      const engineSteps: string[] = [];
      let whatsapp: WhatsAppStatus = { state: 'needs-link', since: new Date().toISOString(), engine: 'whatsapp' };
      const engine = {
        kind: 'whatsapp' as const,
        getStatus: () => whatsapp,
        stop: async () => void engineSteps.push('stop'),
        start: async () => {
          engineSteps.push('start');
          whatsapp = { state: 'starting', since: new Date().toISOString(), engine: 'whatsapp' };
        },
      };
      const status = new CloudStatusSource({
        cloud: second.cloud,
        restartSession: async () => undefined,
        recovery: {
          useCode: (code) => second.cloud.useRecoveryCode(code),
          restore: () => restoreAfterRecoveryCode({ engine, cloud: second.cloud, clock: createSystemClock(), logger: silentLogger }),
        },
        logger: silentLogger,
      });
      expect(status.status().recoveryCode).toBeUndefined(); // PC 2's own code went to onRecoveryCode before the source existed

      // A mistyped code: refused in words, nothing changed, WhatsApp untouched.
      const code = first.codes[0]!;
      const mistyped = code.slice(0, 5) + (code[5] === 'Q' ? 'R' : 'Q') + code.slice(6);
      await expect(status.enterRecoveryCode(mistyped)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/not right/) });
      expect(second.secrets.get(`backup-key-${RID}`)).toEqual(ownKey);
      expect(engineSteps).toEqual([]);

      // PC 1's code, typed in lower case with spaces.
      const answer = await status.enterRecoveryCode(code.toLowerCase().replace(/-/g, ' '));
      expect(answer.recoveryRestore).toMatchObject({ restoredAt: expect.any(String), backupMadeAt: new Date(backup!.createdAt).toISOString() });
      expect(engineSteps).toEqual(['stop', 'start']);
      expect(second.secrets.get(`backup-key-${RID}`)).toEqual(parseRecoveryCode(code));
      for (const [path, bytes] of Object.entries(session)) {
        expect(readFileSync(join(second.profileDir, path)).equals(bytes), path).toBe(true);
      }
      expect(readFileSync(join(second.profileDir, 'Default/Preferences'), 'utf8')).toBe('{"kept":true}');

      // From now on PC 2 backs up with the restaurant's key: PC 1 (or a third PC) can read it.
      const next = await second.cloud.backupNow();
      expect(next?.keyId).toBe(backup!.keyId);
      status.stop();
    } finally {
      for (const { cloud, close } of pcs) {
        await cloud.stop().catch(() => undefined);
        close();
      }
      tmp.cleanup();
    }
  });
});
