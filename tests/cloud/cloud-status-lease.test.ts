// The cloud as the kitchen screen reads it, against the real emulators: a first PC (the headless
// host, `--firebase`) holds the restaurant's session lease; a second PC signs in to the same
// restaurant and its /api/cloud says WhatsApp runs on the first PC, by name; after the owner's
// take-over the second PC holds it and restarts WhatsApp. A wrong password reads as one.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doc, getDoc } from 'firebase/firestore';
import { startHostCloud } from '../../electron/cloud/host-cloud.ts';
import { createHost } from '../../electron/host/create-host.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { CloudStatus, KdsEvent } from '../../shared/kds-api.ts';
import { ApiClient } from '../support/api-client.ts';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { sdkClient, silentLogger, waitUntil, useCloudEmulators } from './cloud-harness.ts';

const emulators = useCloudEmulators('cloud status test');

const CONFIG = { apiKey: 'demo-key', projectId: 'demo-comanda' };

describe('the cloud status of a second PC (emulators)', () => {
  it('shows the first PC holding the lease by name, and holds it after the take-over', { timeout: 90_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('tasca@example.com', 'clave-tasca', { restaurantId: 'tasca-ana' });
    const env = { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host };
    const tmp = makeTempDir();
    const owner = sdkClient(firestore);
    let first: HeadlessProcess | undefined;
    const host = createHost({ dataDir: join(tmp.dir, 'pc2'), engine: 'simulator', port: 0, logger: silentLogger, clock: createSystemClock() });
    let stopCloud: (() => Promise<void>) | undefined;
    try {
      // PC 1: the headless host with its firebase file.
      const file = join(tmp.dir, 'firebase-pc1.json');
      writeFileSync(file, JSON.stringify({ config: CONFIG, email: 'tasca@example.com', password: 'clave-tasca', deviceName: 'Caja 1' }));
      first = await startHeadless({ dataDir: join(tmp.dir, 'pc1'), extraArgs: ['--firebase', file], env });
      let firstStatus: CloudStatus | undefined;
      await waitUntil(async () => {
        firstStatus = (await first!.api.get<CloudStatus>('/api/cloud')).body;
        return firstStatus.state === 'running';
      }, 30_000);
      expect(firstStatus).toEqual({ state: 'running', restaurantId: 'tasca-ana', lease: { held: true } });

      // PC 2: in process, with a WhatsApp profile so it makes its own backup key (and its code).
      const started = await host.start();
      const api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
      const events: CloudStatus[] = [];
      host.bus.subscribe((e: KdsEvent) => e.type === 'cloud' && events.push(e.status));
      const profileDir = join(tmp.dir, 'pc2-profile');
      mkdirSync(join(profileDir, 'Default'), { recursive: true });
      const cloud = await startHostCloud({
        host, dataDir: join(tmp.dir, 'pc2'), logger: silentLogger, clock: createSystemClock(), env, profileDir, printRecoveryCode: false,
        firebase: { config: CONFIG, email: 'tasca@example.com', password: 'clave-tasca', deviceName: 'Caja 2' },
      });
      stopCloud = cloud.stop;
      const second = (await api.get<CloudStatus>('/api/cloud')).body;
      expect(second).toMatchObject({
        state: 'running',
        restaurantId: 'tasca-ana',
        lease: { held: false, holderName: 'Caja 1', holderSeenAt: expect.any(String), expiresAt: expect.any(String) },
        recoveryCode: expect.stringMatching(/\S{10,}/),
      });
      expect(Date.parse(second.lease!.expiresAt!) - Date.parse(second.lease!.holderSeenAt!)).toBe(10 * 60_000);
      // Plugged in while off, then signing in (the new code shows from then on), then running.
      expect(events.map((s) => s.state).filter((state, i, all) => state !== all[i - 1])).toEqual(['off', 'signing-in', 'running']);
      expect(events.at(-1)).toEqual(second);

      // The owner confirmed on PC 2.
      const taken = await api.post<CloudStatus>('/api/cloud/take-over');
      expect(taken.status).toBe(200);
      expect(taken.body.lease).toEqual({ held: true });
      expect(host.engine.getStatus().state).toBe('reconnecting');
      const lease = (await getDoc(doc(owner.db, 'restaurants/tasca-ana/config/sessionLease'))).data();
      expect(lease).toMatchObject({ deviceName: 'Caja 2', deviceId: cloud.cloud.deviceId });
      expect(events.at(-1)?.lease).toEqual({ held: true });

      // The code is written down: it goes from the answer and from every later read.
      const acknowledged = await api.post<CloudStatus>('/api/cloud/recovery-code/acknowledge');
      expect(acknowledged.body).not.toHaveProperty('recoveryCode');
      expect((await api.get<CloudStatus>('/api/cloud')).body).not.toHaveProperty('recoveryCode');

      await cloud.stop();
      stopCloud = undefined;
      expect((await api.get('/api/cloud')).body).toEqual({ state: 'off' });
    } finally {
      await stopCloud?.();
      await host.stop();
      await first?.kill();
      await owner.close();
      tmp.cleanup();
    }
  });

  it('a wrong password reads as one on the screen', { timeout: 30_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('bar-pepa@example.com', 'clave-buena', { restaurantId: 'bar-pepa' });
    const tmp = makeTempDir();
    const host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, clock: createSystemClock() });
    const started = await host.start();
    const cloud = await startHostCloud({
      host, dataDir: tmp.dir, logger: silentLogger, clock: createSystemClock(),
      env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host },
      firebase: { config: CONFIG, email: 'bar-pepa@example.com', password: 'clave-mala' },
    });
    try {
      const api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
      const status = (await api.get<CloudStatus>('/api/cloud')).body;
      expect(status).toMatchObject({ state: 'sign-in-failed', problem: 'wrong-password', error: 'The e-mail or the password is not right.' });
      expect((await api.post('/api/cloud/take-over')).status).toBe(409);
    } finally {
      await cloud.stop();
      await host.stop();
      tmp.cleanup();
    }
  });
});
