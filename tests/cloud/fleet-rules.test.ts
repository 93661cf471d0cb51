// firestore.rules with @firebase/rules-unit-testing against the official Firestore emulator (the
// only thing that evaluates rules): restaurant A cannot read or write B's documents, every
// signed-in restaurant reads fleet/whatsapp and none writes it, nobody reads mail/. The emulator
// needs Java 21 and a download, so this runs as the `firestore-rules` job of the GitHub workflow
// (FIRESTORE_RULES_EMULATOR_HOST set by it); elsewhere it is skipped with the reason printed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { addDoc, collection, doc, getDoc, getDocs, setDoc, setLogLevel } from 'firebase/firestore';

setLogLevel('silent');
const host = process.env.FIRESTORE_RULES_EMULATOR_HOST;

function whyNot(): string {
  if (host) return '';
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = probe.error ? 'no java on PATH' : `${(probe.stderr || probe.stdout).split('\n')[0]?.trim()}`;
  return `rules need the official Firestore emulator (Java 21 and a download; here: ${java}, and no download); the GitHub workflow's firestore-rules job runs them`;
}
const reason = whyNot();
if (reason) console.log(`fleet and isolation rules tests skipped: ${reason}`);

describe.skipIf(!host)('firestore.rules: isolation, fleet/whatsapp, mail (rules-unit-testing)', () => {
  let env: RulesTestEnvironment;
  const restaurant = (rid: string, role?: string) => env.authenticatedContext(`${rid}-pc`, { restaurantId: rid, ...(role ? { role } : {}) }).firestore();

  beforeAll(async () => {
    const [h, p] = host!.split(':');
    env = await initializeTestEnvironment({
      projectId: 'demo-comanda-rules',
      firestore: { rules: readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8'), host: h!, port: Number(p) },
    });
  });
  beforeEach(async () => {
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      await setDoc(doc(db, 'fleet/whatsapp'), { webVersion: '2.3000.1017054665', note: 'pinned' });
      await setDoc(doc(db, 'restaurants/B/orders/o1'), { total: 10 });
      await setDoc(doc(db, 'restaurants/B/devices/pc'), { name: 'caja' });
      await setDoc(doc(db, 'mail/m1'), { to: 'owner@example.com', message: { subject: 's', text: 't' }, restaurantId: 'A' });
    });
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  it('restaurant A cannot read or write B', async () => {
    const a = restaurant('A', 'owner');
    await assertFails(getDoc(doc(a, 'restaurants/B/orders/o1')));
    await assertFails(getDocs(collection(a, 'restaurants/B/orders')));
    await assertFails(setDoc(doc(a, 'restaurants/B/orders/o2'), { total: 1 }));
    await assertFails(setDoc(doc(a, 'restaurants/B/devices/pc'), { name: 'mine now' }));
    await assertFails(setDoc(doc(a, 'restaurants/B'), { name: 'taken' }));
    await assertSucceeds(setDoc(doc(a, 'restaurants/A/orders/o1'), { total: 1 }));
  });

  it('every signed-in restaurant reads fleet/whatsapp; nobody writes it; signed-out reads nothing', async () => {
    await assertSucceeds(getDoc(doc(restaurant('A'), 'fleet/whatsapp')));
    await assertSucceeds(getDoc(doc(restaurant('B', 'owner'), 'fleet/whatsapp')));
    await assertFails(setDoc(doc(restaurant('A', 'owner'), 'fleet/whatsapp'), { webVersion: '2.1.1' }));
    await assertFails(setDoc(doc(restaurant('A'), 'fleet/other'), { x: 1 }));
    await assertFails(getDoc(doc(env.unauthenticatedContext().firestore(), 'fleet/whatsapp')));
  });

  it('nobody reads mail/, not even the restaurant that queued it', async () => {
    const a = restaurant('A', 'owner');
    await assertFails(getDoc(doc(a, 'mail/m1')));
    await assertFails(getDocs(collection(a, 'mail')));
    await assertSucceeds(addDoc(collection(a, 'mail'), { to: 'owner@example.com', message: { subject: 's', text: 't' }, restaurantId: 'A' }));
    await assertFails(addDoc(collection(a, 'mail'), { to: 'x@example.com', message: { subject: 's', text: 't' }, restaurantId: 'B' }));
  });
});
