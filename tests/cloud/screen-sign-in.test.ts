// Cloud sign-in from the owner area with the Firebase config built into the app (here given as
// COMANDA_FIREBASE_CONFIG, as the build and the headless host read it): a wrong password shows the
// problem in the owner's words, the right one starts the cloud, the password is stored nowhere, the
// session survives a restart and an engine switch, and signing out forgets it. Against the Auth
// emulator and the Firestore test emulator.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KdsError } from '../../shared/kds-api.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import { CloudAccount } from '../../electron/cloud/cloud-account.ts';
import { headlessBuiltInConfig, startHeadlessHost, type HeadlessHost } from '../../electron/headless-host.ts';
import { whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { createEngineFactory } from '../../electron/whatsapp/engine-factory.ts';
import { createInProcessSpawn } from '../support/in-process-worker.ts';
import { createHost } from '../../electron/host/create-host.ts';
import { AuthSession } from '../../electron/cloud/auth-session.ts';
import { safeStorageSecrets } from '../../electron/shell/safe-storage-secrets.ts';
import { createSafeStorage } from '../support/electron-mock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLogger, useCloudEmulators, waitUntil } from './cloud-harness.ts';

const emulators = useCloudEmulators('screen sign-in test');
const CONFIG = { apiKey: 'demo-key', projectId: 'demo-comanda' };
const PASSWORD = 'clave-secreta-casa';

/** Every file under the data directory, read as text (the password must be in none). */
function allText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    text += statSync(path).isDirectory() ? allText(path) : readFileSync(path).toString('latin1');
  }
  return text;
}

describe('cloud sign-in from the screen', () => {
  it('refuses a wrong password with its problem, signs in with the right one, survives restarts and switches, signs out', { timeout: 90_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('pantalla@example.com', PASSWORD, { restaurantId: 'casa-pantalla' });
    const tmp = makeTempDir();
    const env = { COMANDA_FIREBASE_CONFIG: JSON.stringify(CONFIG), FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host };
    expect(headlessBuiltInConfig(env)).toEqual(CONFIG);
    // The real engine's worker runs whatsapp-web.js's fake client: no browser.
    const whatsappEngine = createEngineFactory('whatsapp', {
      settings: whatsappSettingsSchema.parse({ browserPath: process.execPath }),
      spawn: createInProcessSpawn().spawn,
      processInfo: () => ({ alive: false }),
    });
    const start = () => startHeadlessHost({ args: { dataDir: tmp.dir, port: 0, engine: 'simulator' }, logger: silentLogger, clock: createSystemClock(), env, settleMs: 20, whatsappEngine });
    let running: HeadlessHost | undefined;
    try {
      running = await start();
      // A config is built in but nobody signed in yet: the cloud is off.
      expect(running.cloud.available).toBe(true);
      expect(await running.host.service.getCloudStatus()).toEqual({ state: 'off' });

      await running.device.cloudSignIn({ email: 'pantalla@example.com', password: 'no-es-esta' });
      expect(await running.host.service.getCloudStatus()).toMatchObject({ state: 'sign-in-failed', problem: 'wrong-password' });
      expect(existsSync(join(tmp.dir, 'cloud-session.json'))).toBe(false);

      await running.device.cloudSignIn({ email: 'pantalla@example.com', password: PASSWORD });
      expect(await running.host.service.getCloudStatus()).toMatchObject({ state: 'running', restaurantId: 'casa-pantalla' });
      expect(existsSync(join(tmp.dir, 'cloud-session.json'))).toBe(true);
      expect(allText(tmp.dir)).not.toContain(PASSWORD);

      // An engine switch restarts the host: the cloud follows it on the saved session.
      const cloudBefore = running.cloud.cloud();
      await running.device.setEngine('whatsapp');
      await running.device.settled();
      expect(running.host.engine.kind).toBe('whatsapp');
      expect(running.cloud.cloud()).not.toBe(cloudBefore);
      expect(await running.host.service.getCloudStatus()).toMatchObject({ state: 'running', restaurantId: 'casa-pantalla' });
      // And a restart of the whole process.
      await running.stop();
      running = await start();
      await waitUntil(async () => (await running!.host.service.getCloudStatus()).state === 'running', 20_000);
      expect(await running.host.service.getCloudStatus()).toMatchObject({ restaurantId: 'casa-pantalla' });

      await running.device.cloudSignOut();
      expect(await running.host.service.getCloudStatus()).toEqual({ state: 'off' });
      expect(existsSync(join(tmp.dir, 'cloud-session.json'))).toBe(false);
      await running.stop();
      running = await start();
      expect(await running.host.service.getCloudStatus()).toEqual({ state: 'off' });
    } finally {
      await running?.stop();
      tmp.cleanup();
    }
  });

  it('a --firebase file without credentials (a server) is signed in from the screen too', { timeout: 60_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('servidor@example.com', PASSWORD, { restaurantId: 'casa-servidor' });
    const tmp = makeTempDir();
    const env = { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host };
    let running: HeadlessHost | undefined;
    try {
      running = await startHeadlessHost({
        args: { dataDir: tmp.dir, port: 0, engine: 'simulator' },
        firebase: { config: { ...CONFIG, projectId: 'demo-comanda' }, deviceName: 'Servidor' },
        logger: silentLogger,
        clock: createSystemClock(),
        env,
      });
      // As before: the file alone starts the cloud, which asks for credentials.
      expect(await running.host.service.getCloudStatus()).toMatchObject({ state: 'sign-in-failed', problem: 'no-credentials' });
      await running.device.cloudSignIn({ email: 'servidor@example.com', password: PASSWORD });
      expect(await running.host.service.getCloudStatus()).toMatchObject({ state: 'running', restaurantId: 'casa-servidor' });
    } finally {
      await running?.stop();
      tmp.cleanup();
    }
  });

  it('desktop: keeps the session sealed by the OS keychain, not in a plain file', { timeout: 60_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('escritorio@example.com', PASSWORD, { restaurantId: 'casa-escritorio' });
    const tmp = makeTempDir();
    const env = { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host };
    const host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: null, logger: silentLogger });
    await host.start();
    const sessionStore = safeStorageSecrets(createSafeStorage(), join(tmp.dir, 'secrets'), silentLogger, 'linux');
    const account = () => new CloudAccount({ dataDir: tmp.dir, builtInConfig: CONFIG, sessionStore, profileDir: () => undefined, logger: silentLogger, clock: createSystemClock(), env });
    try {
      const first = account();
      expect(await first.signIn(host, 'escritorio@example.com', PASSWORD)).toMatchObject({ state: 'running', restaurantId: 'casa-escritorio' });
      expect(existsSync(join(tmp.dir, 'cloud-session.json'))).toBe(false);
      const sealed = readFileSync(join(tmp.dir, 'secrets', 'cloud-session.safe'), 'utf8');
      expect(sealed.startsWith('sealed:')).toBe(true);
      expect(sealed).not.toContain('refreshToken');
      expect(allText(tmp.dir)).not.toContain(PASSWORD);
      await first.stop();

      const again = account();
      expect(await again.resume(host)).toMatchObject({ state: 'running', restaurantId: 'casa-escritorio' });
      await again.signOut();
      expect(AuthSession.hasSavedSession(tmp.dir, sessionStore)).toBe(false);
      expect(await account().resume(host)).toBeUndefined();
    } finally {
      await host.stop();
      tmp.cleanup();
    }
  });

  it('says so when the app has no cloud service built in', async () => {
    const tmp = makeTempDir();
    try {
      const account = new CloudAccount({ dataDir: tmp.dir, profileDir: () => undefined, logger: silentLogger, clock: createSystemClock() });
      expect(account.available).toBe(false);
      const error = await account.signIn({} as never, 'a@example.com', 'x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KdsError);
      expect(error).toMatchObject({ code: 'conflict' });
    } finally {
      tmp.cleanup();
    }
  });
});
