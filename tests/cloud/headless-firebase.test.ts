// `npm run headless -- … --firebase FILE` as DESIGN.md gives it: the headless host signs in, mirrors
// its orders to restaurants/{rid}/orders and reports its device status, against the emulators.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import type { Order } from '../../shared/order.ts';
import { orderAsCustomer } from '../support/customer.ts';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { sdkClient, waitUntil, useCloudEmulators } from './cloud-harness.ts';

const emulators = useCloudEmulators('headless --firebase test');

describe('headless host with --firebase', () => {
  it('signs in, mirrors a chat order and publishes its status; a bad file is refused with code 2', { timeout: 60_000 }, async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('casa@example.com', 'clave-casa', { restaurantId: 'casa-pepe' });
    const tmp = makeTempDir();
    let host: HeadlessProcess | undefined;
    const owner = sdkClient(firestore);
    try {
      const file = join(tmp.dir, 'firebase.json');
      writeFileSync(file, JSON.stringify({ config: { apiKey: 'demo-key', projectId: 'demo-comanda' }, email: 'casa@example.com', password: 'clave-casa' }));
      host = await startHeadless({
        dataDir: join(tmp.dir, 'data'),
        extraArgs: ['--firebase', file],
        env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host },
      });
      const { order } = await orderAsCustomer(host.api, { phone: '34600777666', name: 'Marta' });
      await host.api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 10 });
      const ref = doc(owner.db, 'restaurants/casa-pepe/orders', order.id);
      await waitUntil(async () => (await getDoc(ref)).data()?.status === 'accepted', 20_000);
      expect(((await getDoc(ref)).data() as Order).customer.name).toBe('Marta');
      const devices = await getDocs(collection(owner.db, 'restaurants/casa-pepe/devices'));
      expect(devices.docs.map((d) => d.data().whatsapp?.state ?? d.data().state)).toContain('connected');
      await host.kill();
      host = undefined;

      writeFileSync(file, '{ "config": {} }');
      const bad = await startHeadless({ dataDir: join(tmp.dir, 'data'), extraArgs: ['--firebase', file] }).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(bad).toMatch(/exited early[\s\S]*Firebase file/);
    } finally {
      await host?.kill();
      await owner.close();
      tmp.cleanup();
    }
  });
});
