// The owner area's device routes over HTTP against the headless host's real DeviceControl (in
// process; the real engine's worker runs whatsapp-web.js's fake client, no browser): the PIN gates
// screens on the network, a new access code locks out the old one, the engine switch answers 200
// before the host restarts and keeps every order, and cloud sign-in without a config says why.
// Only 127.0.0.1 is contacted; "the network" is 127.0.0.2 here and never called.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNER_TOKEN_HEADER } from '../../shared/owner-api.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { startHeadlessHost, type HeadlessHost } from '../../electron/headless-host.ts';
import { createEngineFactory } from '../../electron/whatsapp/engine-factory.ts';
import { ApiClient, waitFor } from '../support/api-client.ts';
import { orderAsCustomer } from '../support/customer.ts';
import { createInProcessSpawn } from '../support/in-process-worker.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<{ running: HeadlessHost; api: ApiClient; dir: string }> {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const running = await startHeadlessHost({
    args: { dataDir: tmp.dir, port: 0, engine: 'simulator' },
    logger: silentLogger,
    clock: createSystemClock(),
    env: {},
    interfaces: () => ({ eth0: [{ address: '192.168.1.50', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }] }),
    whatsappEngine: createEngineFactory('whatsapp', {
      settings: whatsappSettingsSchema.parse({ browserPath: process.execPath }),
      spawn: createInProcessSpawn().spawn,
      processInfo: () => ({ alive: false }),
    }),
    settleMs: 50,
    addresses: { local: '127.0.0.1', network: '127.0.0.2' },
  });
  cleanups.push(() => running.stop());
  const { port, token } = running.runner.listening()!;
  return { running, api: new ApiClient(`http://127.0.0.1:${port}`, token), dir: tmp.dir };
}

const asOwner = (api: ApiClient, ownerToken: string, method: string, path: string, body?: unknown) => api.request(method, path, body ?? {}, { [OWNER_TOKEN_HEADER]: ownerToken });

describe('device routes over the headless DeviceControl', () => {
  it('network needs the PIN; a new access code locks the old one out; the engine switch answers first and keeps the orders', { timeout: 30_000 }, async () => {
    const { running, api: firstApi, dir } = await start();
    let api = firstApi;
    const { order } = await orderAsCustomer(api, { phone: '34600111222', name: 'Ana' });

    // No PIN yet: screens on the network stay off.
    expect((await api.get('/api/device/network')).body).toEqual({ enabled: false, urls: [], blockedReason: 'no-pin' });
    expect((await api.request('PUT', '/api/device/network', { enabled: true })).status).toBe(409);
    expect(running.runner.listening()!.hostname).toBe('127.0.0.1');

    expect((await api.request('PUT', '/api/owner/pin', { pin: '2468' })).status).toBe(200);
    const unlocked = await api.post<{ ownerToken: string }>('/api/owner/unlock', { pin: '2468' });
    const owner = unlocked.body.ownerToken;
    expect((await api.request('PUT', '/api/device/network', { enabled: true })).status).toBe(403);
    const on = await asOwner(api, owner, 'PUT', '/api/device/network', { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ enabled: true, urls: [`http://127.0.0.2:${running.runner.listening()!.port}/#token=${api.token}`] });
    await running.device.settled();
    expect(running.runner.listening()!.hostname).toBe('127.0.0.2');
    // Back to this PC only (from here: the test never calls the other address).
    await running.device.setNetworkAccess(false);
    await running.device.settled();

    const rotated = await asOwner(api, owner, 'POST', '/api/device/network/rotate-token');
    expect(rotated.status).toBe(200);
    const fresh = readFileSync(join(dir, 'access-token'), 'utf8').trim();
    expect(fresh).not.toBe(api.token);
    expect((await api.get('/api/orders')).status).toBe(401);
    api = new ApiClient(api.base, fresh);
    expect((await api.get('/api/orders')).status).toBe(200);

    expect((await api.get('/api/device/engine')).body).toEqual({ kind: 'simulator' });
    const switched = await asOwner(api, owner, 'PUT', '/api/device/engine', { kind: 'whatsapp' });
    expect(switched).toEqual({ status: 200, body: { kind: 'whatsapp' } });
    await waitFor(async () => (await api.get<{ whatsapp: { engine: string } }>('/api/health')).body.whatsapp?.engine === 'whatsapp', 10_000);
    expect((await api.get('/api/device/engine')).body).toEqual({ kind: 'whatsapp' });
    const orders = await api.get<{ id: string }[]>('/api/orders');
    expect(orders.body.map((o) => o.id)).toEqual([order.id]);

    // The owner's unlock outlives the switch; no Firebase config built in or given: sign-in says why.
    const signIn = await asOwner(api, owner, 'POST', '/api/cloud/sign-in', { email: 'casa@example.com', password: 'x' });
    expect(signIn.status).toBe(409);
  });
});
