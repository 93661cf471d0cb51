// The cloud as the kitchen screen sees it: CloudStatusSource over a fake CloudSync, wired into a
// real host's KdsService, and the HTTP routes /api/cloud, /api/cloud/take-over and
// /api/cloud/recovery-code/acknowledge with their 'cloud' events.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fileSecretStore, importRecoveryCode, parseRecoveryCode, recoveryCode } from '../../electron/cloud/backup/backup-key.ts';
import { restoreAfterRecoveryCode } from '../../electron/cloud/recovery-restore.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';
import type { RecoveryRestore } from '../../shared/kds-api.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { CloudStatusSource, signInProblem, toCloudStatus } from '../../electron/cloud/cloud-status.ts';
import type { CloudState, CloudSync } from '../../electron/cloud/create-cloud-sync.ts';
import type { LeaseResult } from '../../electron/cloud/session-lease.ts';
import type { BackupManifest } from '../../electron/cloud/backup/session-backups.ts';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger, type Logger } from '../../electron/host/logger.ts';
import type { CloudStatus, KdsEvent } from '../../shared/kds-api.ts';
import { ApiClient, waitFor } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CODE = 'K3F9-2QXM-7TPA-88RD-ZW4N-6HJC';
const T0 = Date.parse('2026-11-20T12:00:00Z');

/** A CloudSync with only what the status needs; the test moves its state like the real one does. */
class FakeCloudSync implements Pick<CloudSync, 'state' | 'onState' | 'onBackup' | 'takeOverLease'> {
  current: CloudState = { state: 'off' };
  takeOvers = 0;
  takeOverFails = false;
  private readonly stateListeners = new Set<(state: CloudState) => void>();
  private readonly backupListeners = new Set<(manifest: BackupManifest) => void>();
  state = () => this.current;
  onState(listener: (state: CloudState) => void) {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  onBackup(listener: (manifest: BackupManifest) => void) {
    this.backupListeners.add(listener);
    return () => this.backupListeners.delete(listener);
  }
  set(state: CloudState) {
    this.current = state;
    for (const l of this.stateListeners) l(state);
  }
  backedUp(createdAt: number) {
    const manifest: BackupManifest = { id: `b${createdAt}`, sha256: 'x', size: 10, chunks: 1, createdAt, keyId: 'k', folders: [] };
    for (const l of this.backupListeners) l(manifest);
  }
  async takeOverLease(): Promise<LeaseResult> {
    this.takeOvers++;
    if (this.takeOverFails) throw new Error('offline');
    if (this.current.state === 'running') this.set({ ...this.current, lease: { held: true } });
    return { held: true };
  }
  listeners() {
    return this.stateListeners.size + this.backupListeners.size;
  }
}

const elsewhere = (renewedAt = T0): CloudState => ({
  state: 'running',
  restaurantId: 'bar-luis',
  lease: { held: false, holder: { deviceId: 'dev-2', deviceName: 'Caja 2', renewedAt, expiresAt: renewedAt + 600_000 } },
});

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger: Logger & { lines: string[] } = {
    lines,
    debug: (m, f) => lines.push(JSON.stringify([m, f])),
    info: (m, f) => lines.push(JSON.stringify([m, f])),
    warn: (m, f) => lines.push(JSON.stringify([m, f])),
    error: (m, f) => lines.push(JSON.stringify([m, f])),
    child: () => logger,
  };
  return logger;
}

describe('CloudStatusSource', () => {
  let cloud: FakeCloudSync;
  let restarts: number;
  let logger: ReturnType<typeof recordingLogger>;
  let source: CloudStatusSource;
  let seen: CloudStatus[];

  beforeEach(() => {
    cloud = new FakeCloudSync();
    restarts = 0;
    logger = recordingLogger();
    source = new CloudStatusSource({ cloud, logger, restartSession: async () => void restarts++ });
    seen = [];
    source.onChange((s) => seen.push(s));
  });

  it('names the sign-in problem for the screen and keeps the host\'s plain words', () => {
    cloud.set({ state: 'signing-in' });
    cloud.set({ state: 'sign-in-failed', error: 'The e-mail or the password is not right.', code: 'auth/invalid-credential' });
    expect(seen).toEqual([
      { state: 'signing-in' },
      { state: 'sign-in-failed', error: 'The e-mail or the password is not right.', problem: 'wrong-password' },
    ]);
    expect(signInProblem('auth/user-not-found')).toBe('unknown-user');
    expect(signInProblem('auth/network-request-failed')).toBe('no-network');
    expect(signInProblem('auth/configuration-not-found')).toBe('project-not-found');
    expect(signInProblem('auth/invalid-api-key')).toBe('project-not-found');
    expect(signInProblem('auth/no-session')).toBe('no-credentials');
    expect(signInProblem('auth/something-new')).toBe('other');
    expect(signInProblem(undefined)).toBe('other');
  });

  it('says which PC holds the lease and when it was last seen; renewals that change nothing stay quiet', () => {
    cloud.set(elsewhere());
    expect(source.status()).toEqual({
      state: 'running',
      restaurantId: 'bar-luis',
      lease: { held: false, holderName: 'Caja 2', holderSeenAt: '2026-11-20T12:00:00.000Z', expiresAt: '2026-11-20T12:10:00.000Z' },
    });
    cloud.set(elsewhere());
    expect(seen).toHaveLength(1);
    cloud.set(elsewhere(T0 + 30_000));
    expect(seen).toHaveLength(2);
    expect(seen[1]!.lease?.holderSeenAt).toBe('2026-11-20T12:00:30.000Z');
    // A holder with no name is shown by its device id rather than as nothing.
    expect(toCloudStatus({ state: 'running', restaurantId: 'r', lease: { held: false, holder: { deviceId: 'dev-9', deviceName: '', renewedAt: T0, expiresAt: T0 } } }).lease?.holderName).toBe('dev-9');
  });

  it('takes the session over only while running, then restarts WhatsApp here', async () => {
    await expect(source.takeOver()).rejects.toMatchObject({ code: 'conflict' });
    expect(cloud.takeOvers).toBe(0);
    cloud.set(elsewhere());
    const after = await source.takeOver();
    expect(after.lease).toEqual({ held: true });
    expect(cloud.takeOvers).toBe(1);
    expect(restarts).toBe(1);
    expect(seen.at(-1)?.lease).toEqual({ held: true });
  });

  it('a take-over that fails is a conflict in words and WhatsApp is left alone', async () => {
    cloud.set(elsewhere());
    cloud.takeOverFails = true;
    await expect(source.takeOver()).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('offline') });
    expect(restarts).toBe(0);
    expect(source.status().lease?.held).toBe(false);
  });

  it('shows the recovery code until acknowledged, in memory only and never in the log', () => {
    cloud.set({ state: 'running', restaurantId: 'bar-luis', lease: { held: true } });
    source.showRecoveryCode(CODE);
    expect(source.status().recoveryCode).toBe(CODE);
    expect(seen.at(-1)?.recoveryCode).toBe(CODE);
    const acknowledged = source.acknowledgeRecoveryCode();
    expect(acknowledged.recoveryCode).toBeUndefined();
    expect(seen.at(-1)).not.toHaveProperty('recoveryCode');
    expect(JSON.stringify(source)).not.toContain(CODE);
    expect(logger.lines.join('\n')).not.toContain(CODE);
  });

  it('keeps the latest backup time, from the cloud at start and from each new backup', () => {
    cloud.set({ state: 'running', restaurantId: 'bar-luis', lease: { held: true } });
    source.backedUp(T0);
    cloud.backedUp(T0 - 60_000); // older: ignored
    expect(source.status().lastBackupAt).toBe('2026-11-20T12:00:00.000Z');
    cloud.backedUp(T0 + 3_600_000);
    expect(seen.at(-1)?.lastBackupAt).toBe('2026-11-20T13:00:00.000Z');
  });

  it('stop() lets go of the cloud', () => {
    expect(cloud.listeners()).toBe(2);
    source.stop();
    expect(cloud.listeners()).toBe(0);
  });
});

describe('KdsService and the HTTP API with a cloud', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let base: string;
  let token: string;
  let cloud: FakeCloudSync;
  let reconnects: number;

  beforeEach(async () => {
    tmp = makeTempDir();
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger });
    const started = await host.start();
    base = `http://127.0.0.1:${started.port}`;
    token = started.token;
    api = new ApiClient(base, started.token);
    cloud = new FakeCloudSync();
    reconnects = 0;
  });
  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  const plugIn = () => {
    const source = new CloudStatusSource({
      cloud,
      logger: silentLogger,
      restartSession: async () => {
        reconnects++;
        await host.engine.reconnect();
      },
    });
    host.service.setCloud(source);
    return source;
  };

  it('without a cloud: off, take-over is a 409, acknowledging is harmless', async () => {
    expect((await api.get('/api/cloud')).body).toEqual({ state: 'off' });
    const takeOver = await api.post<{ error: { code: string; message: string } }>('/api/cloud/take-over');
    expect(takeOver.status).toBe(409);
    expect(takeOver.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/not set up/) });
    expect((await api.post('/api/cloud/recovery-code/acknowledge')).body).toEqual({ state: 'off' });
    expect((await api.get('/api/cloud/take-over')).status).toBe(405);
  });

  it('a cloud that is not running refuses the take-over with 409', async () => {
    plugIn();
    cloud.set({ state: 'sign-in-failed', error: 'No connection to the internet.', code: 'auth/network-request-failed' });
    expect((await api.get('/api/cloud')).body).toEqual({ state: 'sign-in-failed', error: 'No connection to the internet.', problem: 'no-network' });
    const takeOver = await api.post('/api/cloud/take-over');
    expect(takeOver.status).toBe(409);
    expect(cloud.takeOvers).toBe(0);
  });

  it('pushes every change as a cloud event; take-over restarts WhatsApp; the code goes after acknowledge', async () => {
    const events: KdsEvent[] = [];
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events?token=${token}`);
    ws.on('message', (data) => events.push(JSON.parse(String(data)) as KdsEvent));
    await new Promise((resolve) => ws.once('open', resolve));
    const cloudEvents = () => events.filter((e): e is Extract<KdsEvent, { type: 'cloud' }> => e.type === 'cloud').map((e) => e.status);

    const source = plugIn();
    cloud.set({ state: 'signing-in' });
    cloud.set(elsewhere());
    source.showRecoveryCode(CODE);
    await waitFor(async () => cloudEvents().some((s) => s.recoveryCode === CODE));
    expect(cloudEvents().map((s) => s.state)).toEqual(['off', 'signing-in', 'running', 'running']);
    expect((await api.get<CloudStatus>('/api/cloud')).body).toMatchObject({ lease: { held: false, holderName: 'Caja 2' }, recoveryCode: CODE });

    const taken = await api.post<CloudStatus>('/api/cloud/take-over');
    expect(taken.status).toBe(200);
    expect(taken.body.lease).toEqual({ held: true });
    expect(reconnects).toBe(1);
    expect(host.engine.getStatus().state).toBe('reconnecting');
    await waitFor(async () => cloudEvents().at(-1)?.lease?.held === true);

    const acknowledged = await api.post<CloudStatus>('/api/cloud/recovery-code/acknowledge');
    expect(acknowledged.body.recoveryCode).toBeUndefined();
    expect((await api.get<CloudStatus>('/api/cloud')).body.recoveryCode).toBeUndefined();
    await waitFor(async () => cloudEvents().at(-1)?.recoveryCode === undefined);

    // The diagnostics zip never carries the code.
    const exported = await host.service.exportDiagnostics();
    const zip = await host.service.readDiagnostics(exported.fileName);
    expect(zip.includes(Buffer.from('K3F9'))).toBe(false);

    host.service.setCloud(undefined);
    await waitFor(async () => cloudEvents().at(-1)?.state === 'off');
    expect((await api.get('/api/cloud')).body).toEqual({ state: 'off' });
    ws.close();
  });
});

describe('typing the recovery code', () => {
  const RID = 'bar-luis';
  const running: CloudState = { state: 'running', restaurantId: RID, lease: { held: true } };
  let tmp: ReturnType<typeof makeTempDir>;
  let cloud: FakeCloudSync;
  let logger: ReturnType<typeof recordingLogger>;
  let store: ReturnType<typeof fileSecretStore>;
  let restores: number;
  let source: CloudStatusSource;
  /** This PC's own key, made when the cloud first started here. */
  let ownKey: Buffer;

  const plugSource = (restore: RecoveryRestore = { skipped: 'no-backups' }) =>
    new CloudStatusSource({
      cloud,
      logger,
      restartSession: async () => undefined,
      // Like createCloudSync.useRecoveryCode: the restaurant's key goes into the secret store.
      recovery: { useCode: (code) => void importRecoveryCode(store, RID, code), restore: async () => (restores++, restore) },
    });

  beforeEach(() => {
    tmp = makeTempDir();
    cloud = new FakeCloudSync();
    logger = recordingLogger();
    store = fileSecretStore(join(tmp.dir, 'secrets'));
    ownKey = randomBytes(32);
    store.set(`backup-key-${RID}`, ownKey);
    restores = 0;
    source = plugSource();
  });
  afterEach(() => tmp.cleanup());

  it('a wrong code is a bad_request in plain words and changes nothing', async () => {
    cloud.set(running);
    const right = recoveryCode(randomBytes(32));
    const mistyped = right.slice(0, 10) + (right[10] === 'A' ? 'B' : 'A') + right.slice(11);
    for (const wrong of [mistyped, right.slice(0, 20), 'hola-0000-!!!']) {
      const error = await source.enterRecoveryCode(wrong).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^That recovery code is not right: .*Nothing was changed\.$/) });
      expect((error as Error).message).not.toContain(wrong);
    }
    expect(store.get(`backup-key-${RID}`)).toEqual(ownKey);
    expect(restores).toBe(0);
  });

  it('a right code replaces the key, restores, forgets a code still shown, and is never logged', async () => {
    cloud.set(running);
    source.showRecoveryCode(CODE);
    const restaurantKey = randomBytes(32);
    const typed = recoveryCode(restaurantKey).toLowerCase().replace(/-/g, ' ');
    const seen: CloudStatus[] = [];
    source.onChange((s) => seen.push(s));
    const answer = await source.enterRecoveryCode(typed);
    expect(store.get(`backup-key-${RID}`)).toEqual(restaurantKey);
    expect(restores).toBe(1);
    expect(answer).toEqual({ state: 'running', restaurantId: RID, lease: { held: true }, recoveryRestore: { skipped: 'no-backups' } });
    // The answer says what became of the session; the status itself (and its events) do not keep it.
    expect(source.status()).not.toHaveProperty('recoveryRestore');
    expect(seen.at(-1)).not.toHaveProperty('recoveryCode');
    const logged = logger.lines.join('\n');
    expect(logged).toContain('recovery code');
    expect(logged).not.toContain(recoveryCode(restaurantKey).slice(0, 9));
    expect(logged.toUpperCase()).not.toContain(typed.toUpperCase().slice(0, 9));
  });

  it('refuses while the cloud is not running, and without session backups on this PC', async () => {
    const code = recoveryCode(randomBytes(32));
    await expect(source.enterRecoveryCode(code)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/not running/) });
    cloud.set(running);
    const noBackups = new CloudStatusSource({ cloud, logger, restartSession: async () => undefined });
    await expect(noBackups.enterRecoveryCode(code)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/session backups are off/) });
    expect(store.get(`backup-key-${RID}`)).toEqual(ownKey);
  });

  it('a restore that throws still answers: the key is kept and the reason is given', async () => {
    cloud.set(running);
    const failing = new CloudStatusSource({
      cloud,
      logger,
      restartSession: async () => undefined,
      recovery: { useCode: (code) => void importRecoveryCode(store, RID, code), restore: async () => Promise.reject(new Error('offline')) },
    });
    const key = randomBytes(32);
    const answer = await failing.enterRecoveryCode(recoveryCode(key));
    expect(answer.recoveryRestore).toEqual({ skipped: 'refused', refused: ['offline'] });
    expect(store.get(`backup-key-${RID}`)).toEqual(key);
  });
});

describe('restoreAfterRecoveryCode', () => {
  const clock = new FakeClock(T0);
  const BACKUP_AT = T0 - 3_600_000;

  function fakeEngine(kind: 'whatsapp' | 'simulator', state: WhatsAppState) {
    const steps: string[] = [];
    return {
      steps,
      engine: {
        kind,
        getStatus: () => ({ state, since: new Date(T0).toISOString(), engine: kind }),
        stop: async () => void steps.push('stop'),
        start: async () => void steps.push('start'),
      },
    };
  }
  /** steps: where restoreSession records itself (the engine's, to check the order). */
  function fakeCloud(options: { held?: boolean; backups?: number; restored?: boolean } = {}, steps: string[] = []) {
    const manifest: BackupManifest = { id: 'b1', sha256: 'x', size: 1, chunks: 1, createdAt: BACKUP_AT, keyId: 'k', folders: [] };
    const state: CloudState = options.held === false ? elsewhere() : { state: 'running', restaurantId: 'bar-luis', lease: { held: true } };
    return {
      steps,
      cloud: {
        state: () => state,
        parts: { backups: { list: async () => Array.from({ length: options.backups ?? 1 }, () => manifest) } } as unknown as CloudSync['parts'],
        restoreSession: async () => {
          steps.push('restore');
          return options.restored === false ? { refused: ['backup b1 was made with another backup key (type the recovery code of that PC)'] } : { restored: manifest, refused: [] };
        },
      },
    };
  }

  it('restores with WhatsApp stopped, then starts it again', async () => {
    const { engine, steps } = fakeEngine('whatsapp', 'needs-link');
    const { cloud } = fakeCloud({}, steps);
    const result = await restoreAfterRecoveryCode({ engine, cloud, clock, logger: silentLogger });
    expect(result).toEqual({ restoredAt: new Date(T0).toISOString(), backupMadeAt: new Date(BACKUP_AT).toISOString() });
    expect(steps).toEqual(['stop', 'restore', 'start']);
  });

  it('says why nothing was restored, and leaves WhatsApp alone unless it tried', async () => {
    const cases: [ReturnType<typeof fakeEngine>, ReturnType<typeof fakeCloud>, RecoveryRestore, string[]][] = [
      [fakeEngine('simulator', 'connected'), fakeCloud(), { skipped: 'simulator' }, []],
      [fakeEngine('whatsapp', 'connected'), fakeCloud(), { skipped: 'session-connected' }, []],
      [fakeEngine('whatsapp', 'reconnecting'), fakeCloud(), { skipped: 'session-busy' }, []],
      [fakeEngine('whatsapp', 'logged-out'), fakeCloud({ held: false }), { skipped: 'lease-elsewhere' }, []],
      [fakeEngine('whatsapp', 'failed'), fakeCloud({ backups: 0 }), { skipped: 'no-backups' }, []],
      [
        fakeEngine('whatsapp', 'needs-link'),
        fakeCloud({ restored: false }),
        { skipped: 'refused', refused: ['backup b1 was made with another backup key (type the recovery code of that PC)'] },
        ['stop', 'start'],
      ],
    ];
    for (const [{ engine, steps }, { cloud }, expected, engineSteps] of cases) {
      expect(await restoreAfterRecoveryCode({ engine, cloud, clock, logger: silentLogger })).toEqual(expected);
      expect(steps).toEqual(engineSteps);
    }
  });
});

describe('POST /api/cloud/recovery-code', () => {
  const RID = 'bar-luis';
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let cloud: FakeCloudSync;
  let store: ReturnType<typeof fileSecretStore>;
  let ownKey: Buffer;

  beforeEach(async () => {
    tmp = makeTempDir();
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger });
    const started = await host.start();
    api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
    cloud = new FakeCloudSync();
    store = fileSecretStore(join(tmp.dir, 'secrets'));
    ownKey = randomBytes(32);
    store.set(`backup-key-${RID}`, ownKey);
  });
  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  const plugIn = () => {
    host.service.setCloud(
      new CloudStatusSource({
        cloud,
        logger: silentLogger,
        restartSession: async () => undefined,
        recovery: {
          useCode: (code) => void importRecoveryCode(store, RID, code),
          restore: () => restoreAfterRecoveryCode({ engine: host.engine, cloud: { ...cloud, parts: {} as CloudSync['parts'], restoreSession: async () => ({ refused: [] }) }, clock: new FakeClock(T0), logger: silentLogger }),
        },
      }),
    );
  };

  it('without a cloud: 409', async () => {
    const answer = await api.post<{ error: { code: string; message: string } }>('/api/cloud/recovery-code', { code: recoveryCode(randomBytes(32)) });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/not set up/) });
  });

  it('a wrong code: 400 in plain words, the key unchanged; a right one: 200 and the key replaced', async () => {
    plugIn();
    cloud.set({ state: 'running', restaurantId: RID, lease: { held: true } });
    const key = randomBytes(32);
    const code = recoveryCode(key);
    const wrong = await api.post<{ error: { code: string; message: string } }>('/api/cloud/recovery-code', { code: code.slice(0, 30) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'bad_request', message: 'That recovery code is not right: the recovery code is too short. Nothing was changed.' });
    expect(store.get(`backup-key-${RID}`)).toEqual(ownKey);
    for (const body of [{}, { code: '   ' }, { code: 'A'.repeat(201) }, { code: 42 }]) {
      expect((await api.post('/api/cloud/recovery-code', body)).status).toBe(400);
    }
    expect(store.get(`backup-key-${RID}`)).toEqual(ownKey);

    const right = await api.post<CloudStatus>('/api/cloud/recovery-code', { code: `  ${code}  ` });
    expect(right.status).toBe(200);
    // The simulator runs here: the key is taken, there is no WhatsApp session to bring back.
    expect(right.body).toEqual({ state: 'running', restaurantId: RID, lease: { held: true }, recoveryRestore: { skipped: 'simulator' } });
    expect(store.get(`backup-key-${RID}`)).toEqual(key);
    expect(parseRecoveryCode(code)).toEqual(key);
    expect((await api.get('/api/cloud/recovery-code')).status).toBe(405);
  });
});
