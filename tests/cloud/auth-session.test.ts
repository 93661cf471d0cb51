// Sign-in against the official Auth emulator (firebase-tools); skipped with the reason if it
// cannot start here.
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp } from 'firebase/app';
import { AuthSession, signInErrorText } from '../../electron/cloud/auth-session.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startAuthEmulator, type AuthEmulator } from './auth-emulator.ts';

let emulator: AuthEmulator | undefined;
let skipped = '';
beforeAll(async () => {
  const started = await startAuthEmulator();
  if ('skipped' in started) {
    skipped = started.skipped;
    console.log(`auth tests skipped: ${skipped}`);
  } else emulator = started;
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
});

let appCount = 0;
function session(dir: string, name = `auth${++appCount}`) {
  // The SDK keys the saved user by API key and app name: the app keeps one name across restarts.
  const app = initializeApp({ apiKey: 'demo-key', projectId: 'demo-comanda', authDomain: 'demo-comanda.firebaseapp.com' }, name);
  return { app, session: new AuthSession({ app, dataDir: dir, emulatorHost: emulator!.host }) };
}

describe('sign-in', () => {
  it('gives plain words for sign-in errors', () => {
    expect(signInErrorText({ code: 'auth/invalid-credential' })).toBe('The e-mail or the password is not right.');
    expect(signInErrorText({ code: 'auth/network-request-failed' })).toMatch(/No connection/);
  });

  it('signs in, takes the restaurant id from the claim (else the uid), and survives a restart without the password', async (context) => {
    if (!emulator) return context.skip(skipped);
    const temp = makeTempDir();
    await emulator.createUser('casapepe@example.com', 'secreto-123', { restaurantId: 'casa-pepe' });
    const uid2 = await emulator.createUser('solo@example.com', 'secreto-456');
    const first = session(temp.dir, 'comanda');
    const identity = await first.session.signIn('casapepe@example.com', 'secreto-123');
    expect(identity.restaurantId).toBe('casa-pepe');
    await deleteApp(first.app);
    const file = join(temp.dir, 'cloud-session.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('secreto-123');
    // Restart: no password given.
    const second = session(temp.dir, 'comanda');
    const restored = await second.session.ensure();
    expect(restored).toMatchObject({ restaurantId: 'casa-pepe', email: 'casapepe@example.com' });
    await second.session.signOut();
    await deleteApp(second.app);

    const other = makeTempDir();
    const third = session(other.dir);
    expect((await third.session.signIn('solo@example.com', 'secreto-456')).restaurantId).toBe(uid2);
    await expect(third.session.signIn('solo@example.com', 'wrong')).rejects.toThrow('The e-mail or the password is not right.');
    await deleteApp(third.app);
    temp.cleanup();
    other.cleanup();
  });
});
