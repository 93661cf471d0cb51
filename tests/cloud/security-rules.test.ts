// firestore.rules against the official Firestore emulator (the only thing that evaluates rules).
// It needs Java 21 and a download, so it runs only where FIRESTORE_RULES_EMULATOR_HOST points at
// one (e.g. `npx firebase emulators:exec --only firestore "npx vitest run tests/cloud/security-rules.test.ts"`
// with FIRESTORE_RULES_EMULATOR_HOST=127.0.0.1:8080); elsewhere it is skipped with the reason printed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  addDoc, collection, connectFirestoreEmulator, doc, getDoc, initializeFirestore, setDoc, setLogLevel, Timestamp, updateDoc, type Firestore,
} from 'firebase/firestore';

setLogLevel('silent');
const host = process.env.FIRESTORE_RULES_EMULATOR_HOST;
const PROJECT = 'demo-comanda-rules';

function whyNot(): string {
  if (host) return '';
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = probe.error ? 'no java on PATH' : `${(probe.stderr || probe.stdout).split('\n')[0]?.trim()}`;
  return `security rules need the official Firestore emulator (Java 21 and a download; here: ${java}, and no download); set FIRESTORE_RULES_EMULATOR_HOST to run them`;
}
const reason = whyNot();
if (reason) console.log(`security rules tests skipped: ${reason}`);

const apps: FirebaseApp[] = [];
function as(user: { sub: string; restaurantId?: string; role?: string } | null): Firestore {
  const app = initializeApp({ projectId: PROJECT, apiKey: 'x' }, `rules-${apps.length}`);
  apps.push(app);
  const db = initializeFirestore(app, {});
  const [h, p] = host!.split(':');
  connectFirestoreEmulator(db, h!, Number(p), user ? { mockUserToken: { ...user, user_id: user.sub } } : {});
  return db;
}
const denied = async (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'permission-denied' });

describe.skipIf(!host)('firestore.rules (official emulator)', () => {
  beforeAll(async () => {
    const response = await fetch(`http://${host}/emulator/v1/projects/${PROJECT}:securityRules`, {
      method: 'PUT',
      body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content: readFileSync('firestore.rules', 'utf8') }] } }),
    });
    expect(response.ok).toBe(true);
  });
  afterAll(async () => {
    for (const app of apps) await deleteApp(app);
  });

  it('a restaurant reads and writes only under its own restaurants/{rid}', async () => {
    const pc = as({ sub: 'pc-uid', restaurantId: 'pepe' });
    await setDoc(doc(pc, 'restaurants/pepe/orders/o1'), { status: 'new' });
    await setDoc(doc(pc, 'restaurants/pepe/devices/d1'), { state: 'connected' });
    await denied(setDoc(doc(pc, 'restaurants/otro/orders/o1'), { status: 'new' }));
    await denied(getDoc(doc(pc, 'restaurants/otro/devices/d1')));
    await denied(getDoc(doc(as(null), 'restaurants/pepe/orders/o1')));
    const byUid = as({ sub: 'solo' });
    await setDoc(doc(byUid, 'restaurants/solo/orders/o1'), { status: 'new' });
  });

  it('commands are created only by owners; the PC only moves status and result', async () => {
    const owner = as({ sub: 'owner-uid', restaurantId: 'pepe', role: 'owner' });
    const pc = as({ sub: 'pc-uid', restaurantId: 'pepe' });
    const command = { type: 'refresh_status', payload: {}, status: 'pending', expiresAt: Timestamp.fromMillis(Date.now() + 60_000) };
    await setDoc(doc(owner, 'restaurants/pepe/commands/c1'), command);
    await denied(setDoc(doc(pc, 'restaurants/pepe/commands/c2'), command));
    await denied(setDoc(doc(as({ sub: 'x', restaurantId: 'otro', role: 'owner' }), 'restaurants/pepe/commands/c3'), command));
    await updateDoc(doc(pc, 'restaurants/pepe/commands/c1'), { status: 'done', result: null });
    await denied(updateDoc(doc(pc, 'restaurants/pepe/commands/c1'), { type: 'logout' }));
  });

  it('backups are readable only by their restaurant; mail is write-only for its own restaurant', async () => {
    const pc = as({ sub: 'pc-uid', restaurantId: 'pepe' });
    await setDoc(doc(pc, 'restaurants/pepe/sessionBackups/b1/chunks/0'), { data: 'x' });
    await denied(getDoc(doc(as({ sub: 'y', restaurantId: 'otro' }), 'restaurants/pepe/sessionBackups/b1/chunks/0')));
    await addDoc(collection(pc, 'mail'), { to: 'a@b.c', message: { subject: 's', text: 't' }, restaurantId: 'pepe' });
    await denied(addDoc(collection(pc, 'mail'), { to: 'a@b.c', message: { subject: 's', text: 't' }, restaurantId: 'otro' }));
  });
});

describe('deployment files', () => {
  it('firebase.json points at the rules and the indexes', () => {
    const config = JSON.parse(readFileSync('firebase.json', 'utf8')) as { firestore: { rules: string; indexes: string } };
    expect(readFileSync(config.firestore.rules, 'utf8')).toContain("match /restaurants/{rid}");
    const indexes = JSON.parse(readFileSync(config.firestore.indexes, 'utf8')) as { indexes: unknown[] };
    expect(indexes.indexes.length).toBeGreaterThan(0);
  });
});
