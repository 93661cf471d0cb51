// The local menu and the cloud's config/menu against the emulators, through a real host: a local
// edit (out of stock, the editor) reaches the cloud, a newer cloud edit reaches the bot, an older
// cloud copy is replaced by the local one, a change made while the cloud was off is sent on the
// next start, and nothing echoes back and forth.
import { describe, expect, it } from 'vitest';
import { doc, getDoc, onSnapshot, setDoc } from 'firebase/firestore';
import { startHostCloud } from '../../electron/cloud/host-cloud.ts';
import { createHost } from '../../electron/host/create-host.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { Menu } from '../../shared/menu.ts';
import type { KdsEvent } from '../../shared/kds-api.ts';
import { ApiClient } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { sdkClient, silentLogger, waitUntil, useCloudEmulators } from './cloud-harness.ts';

const emulators = useCloudEmulators('cloud menu round trip');
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

describe('cloud menu round trip (last writer wins by updatedAt)', () => {
  it('sends local edits, takes newer cloud edits, replaces an older cloud copy, and never echoes', async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('menu@example.com', 'clave-menu', { restaurantId: 'menu-rt' });
    const temp = makeTempDir();
    const clock = createSystemClock();
    const events: KdsEvent[] = [];
    const startAll = async () => {
      const host = createHost({ dataDir: temp.dir, engine: 'simulator', port: 0, logger: silentLogger, clock, settleMs: 0 });
      host.bus.subscribe((e) => events.push(e));
      const started = await host.start();
      const cloud = await startHostCloud({
        host, dataDir: temp.dir, logger: silentLogger, clock,
        firebase: { config: { apiKey: 'demo-key', projectId: 'demo-comanda' }, email: 'menu@example.com', password: 'clave-menu' },
        env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host },
      });
      expect(cloud.state).toMatchObject({ state: 'running', restaurantId: 'menu-rt' });
      return { host, cloud, api: new ApiClient(`http://127.0.0.1:${started.port}`, started.token) };
    };
    const owner = sdkClient(firestore);
    const ref = doc(owner.db, 'restaurants/menu-rt/config/menu');
    // Every version the cloud holds, as the restaurant's dashboard sees them (a re-stamped echo
    // would show up as one more).
    const versions: (string | undefined)[] = [];
    const unwatch = onSnapshot(ref, { includeMetadataChanges: true }, (s) => {
      const stamp = s.exists() ? (s.data() as Menu).updatedAt : undefined;
      if (s.exists() && versions.at(-1) !== stamp) versions.push(stamp);
    });

    let { host, cloud, api } = await startAll();
    // The sample was never edited here: it is not pushed over an empty cloud.
    await settle();
    expect((await getDoc(ref)).exists()).toBe(false);

    // 1. A dish sold out in the kitchen reaches the cloud, once.
    await api.post('/api/menu/items/doble/availability', { available: false });
    const local1 = host.menu.current();
    await waitUntil(() => versions.includes(local1.updatedAt));
    const inCloud = (await getDoc(ref)).data() as Menu;
    expect(inCloud.categories[0]!.items.find((i) => i.id === 'doble')!.available).toBe(false);
    expect(inCloud.updatedAt).toBe(local1.updatedAt);
    await settle();
    expect(versions).toEqual([local1.updatedAt]);
    expect(events.filter((e) => e.type === 'menu')).toHaveLength(1);

    // 2. A newer edit in the cloud reaches the bot and is not written back.
    const newer = new Date(Date.now() + 60_000).toISOString();
    await setDoc(ref, { ...inCloud, restaurant: 'Casa Pepe (nube)', updatedAt: newer });
    await waitUntil(() => host.menu.current().restaurant === 'Casa Pepe (nube)');
    expect(host.menu.current().updatedAt).toBe(newer);
    await settle();
    expect(versions).toEqual([local1.updatedAt, newer]);
    expect(((await api.get('/api/menu')).body as Menu).restaurant).toBe('Casa Pepe (nube)');

    // 3. An older copy written to the cloud (a stale dashboard) loses: the local menu goes back up.
    await setDoc(ref, { ...inCloud, restaurant: 'Menú viejo', updatedAt: '2020-01-01T00:00:00.000Z' });
    await waitUntil(() => versions.at(-1) === newer && versions.length === 4);
    expect(host.menu.current().restaurant).toBe('Casa Pepe (nube)');
    expect(((await getDoc(ref)).data() as Menu).restaurant).toBe('Casa Pepe (nube)');

    // 4. Changed while the cloud was off: sent on the next start (the local stamp is newer).
    await cloud.stop();
    await host.stop();
    const offline = createHost({ dataDir: temp.dir, engine: 'simulator', port: null, logger: silentLogger, clock });
    await offline.start();
    const edited = offline.menu.replace({ ...offline.menu.current(), restaurant: 'Editado sin red' });
    expect(edited.ok).toBe(true);
    await offline.stop();
    ({ host, cloud, api } = await startAll());
    expect(host.menu.current().restaurant).toBe('Editado sin red');
    await waitUntil(async () => ((await getDoc(ref)).data() as Menu).restaurant === 'Editado sin red');
    await settle();
    expect(host.menu.current().restaurant).toBe('Editado sin red');

    unwatch();
    await cloud.stop();
    await host.stop();
    await owner.close();
    temp.cleanup();
  }, 60_000);
});
