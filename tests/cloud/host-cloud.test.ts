// The cloud wired into a real host (simulator engine): a customer orders over the simulated
// WhatsApp, the kitchen moves the order, and the cloud mirror follows; a cloud command sends a
// customer message through the host's outbox; the cloud menu reaches the bot; a logout command
// unlinks WhatsApp.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doc, getDoc, setDoc, Timestamp } from 'firebase/firestore';
import { startHostCloud } from '../../electron/cloud/host-cloud.ts';
import { createHost } from '../../electron/host/create-host.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { Order } from '../../shared/order.ts';
import { ApiClient } from '../support/api-client.ts';
import { orderAsCustomer } from '../support/customer.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { sdkClient, silentLogger, waitUntil, useCloudEmulators } from './cloud-harness.ts';

const emulators = useCloudEmulators('host cloud test');

describe('startHostCloud with a real host', () => {
  it('mirrors a chat order and its transitions, runs a send_message command through the outbox, applies the cloud menu', async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('bar@example.com', 'clave-bar', { restaurantId: 'bar-luis' });
    const temp = makeTempDir();
    const clock = createSystemClock();
    const host = createHost({ dataDir: temp.dir, engine: 'simulator', port: 0, logger: silentLogger, clock, settleMs: 200 });
    const started = await host.start();
    // A linked WhatsApp profile as the real engine keeps it, so session backups are on.
    const profileDir = join(temp.dir, 'profile');
    mkdirSync(join(profileDir, 'Default', 'IndexedDB'), { recursive: true });
    mkdirSync(join(profileDir, 'Default', 'Local Storage'), { recursive: true });
    writeFileSync(join(profileDir, 'Default', 'IndexedDB', 'session.ldb'), 'linked session');
    writeFileSync(join(profileDir, 'Default', 'Local Storage', 'state.ldb'), 'state');
    const { cloud, state, stop } = await startHostCloud({
      host, dataDir: temp.dir, logger: silentLogger, clock, profileDir,
      firebase: { config: { apiKey: 'demo-key', projectId: 'demo-comanda' }, email: 'bar@example.com', password: 'clave-bar' },
      env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host },
    });
    expect(state).toMatchObject({ state: 'running', restaurantId: 'bar-luis' });
    const api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
    const { order } = await orderAsCustomer(api, { phone: '34600999888', name: 'Luis' });
    await host.service.transition(order.id, { to: 'accepted', etaMinutes: 15 });
    await host.service.transition(order.id, { to: 'ready' });
    const owner = sdkClient(firestore);
    const ref = doc(owner.db, 'restaurants/bar-luis/orders', order.id);
    await waitUntil(async () => (await getDoc(ref)).data()?.status === 'ready');
    const mirrored = (await getDoc(ref)).data() as Order;
    expect(mirrored.events.map((e) => e.to)).toEqual(['accepted', 'ready']);
    expect(mirrored.customer.phone).toBe('34600999888');

    await setDoc(doc(owner.db, 'restaurants/bar-luis/commands/hello'), {
      type: 'send_message', payload: { to: '34600999888', body: 'Mensaje desde la nube' }, status: 'pending', expiresAt: Timestamp.fromMillis(Date.now() + 60_000),
    });
    await waitUntil(async () => (await getDoc(doc(owner.db, 'restaurants/bar-luis/commands/hello'))).data()?.status === 'done');
    await waitUntil(async () => {
      const sent = (await api.get('/api/sim/sent?to=34600999888')).body as { body: string }[];
      return sent.some((m) => m.body === 'Mensaje desde la nube');
    });

    await setDoc(doc(owner.db, 'restaurants/bar-luis/config/menu'), {
      restaurant: 'Bar Luis', currency: 'EUR', locale: 'es',
      categories: [{ id: 't', name: 'Tapas', items: [{ id: 'bravas', name: 'Patatas bravas', price: 5 }] }],
    });
    await waitUntil(() => host.menu.current().restaurant === 'Bar Luis');
    expect(cloud.parts.orders!.pending()).toBe(0);

    await cloud.backupNow();
    expect(await cloud.parts.backups!.list()).toHaveLength(1);

    // The owner unlinks WhatsApp from the cloud: the engine logs out and the kitchen sees linking;
    // the session backups go with it.
    await setDoc(doc(owner.db, 'restaurants/bar-luis/commands/unlink'), {
      type: 'logout', payload: {}, status: 'pending', expiresAt: Timestamp.fromMillis(Date.now() + 60_000),
    });
    await waitUntil(async () => (await getDoc(doc(owner.db, 'restaurants/bar-luis/commands/unlink'))).data()?.status === 'done');
    expect((await getDoc(doc(owner.db, 'restaurants/bar-luis/commands/unlink'))).data()?.result).toMatchObject({ state: 'needs-link' });
    expect(host.engine.getStatus().state).toBe('needs-link');
    await waitUntil(async () => (await cloud.parts.backups!.list()).length === 0);
    await stop();
    await host.stop();
    await owner.close();
    temp.cleanup();
  });
});
