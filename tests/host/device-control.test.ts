// The device side of the owner area in the headless host, in process: switching WhatsApp engines
// restarts the host on the same port, token and database (orders kept; the answer comes first),
// screens on the network move the server and list this PC's addresses, a new access token drops
// the screens holding the old one. Only loopback addresses are bound or contacted; the network
// interfaces are injected.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSystemClock } from '../../electron/host/clock.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { kitchenScreenUrls } from '../../electron/host/network-urls.ts';
import { startChoices, startHeadlessHost, type HeadlessHost } from '../../electron/headless-host.ts';
import { createEngineFactory } from '../../electron/whatsapp/engine-factory.ts';
import { ApiClient, waitFor } from '../support/api-client.ts';
import { orderAsCustomer } from '../support/customer.ts';
import { createInProcessSpawn } from '../support/in-process-worker.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;
const INTERFACES = () => ({
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.50', 'IPv4'), nic('fe80::1', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4'), nic('169.254.3.3', 'IPv4')],
});

/** The headless host with the real engine replaced by whatsapp-web.js's fake client (no browser). */
async function startHost(dataDir: string, extra: { engine?: 'simulator' | 'whatsapp'; host?: string } = {}, brokenEngine = false): Promise<HeadlessHost> {
  const spawn = createInProcessSpawn();
  const fakeEngine = createEngineFactory('whatsapp', {
    settings: whatsappSettingsSchema.parse({ browserPath: process.execPath }),
    spawn: spawn.spawn,
    processInfo: () => ({ alive: false }),
  });
  const running = await startHeadlessHost({
    args: { dataDir, port: 0, ...extra },
    logger: silentLogger,
    clock: createSystemClock(),
    env: {},
    interfaces: INTERFACES,
    whatsappEngine: brokenEngine
      ? () => {
          throw new Error('the engine could not be made');
        }
      : fakeEngine,
    settleMs: 50,
    // Tests never listen beyond this PC: "the network" is another loopback address here.
    addresses: { local: '127.0.0.1', network: '127.0.0.2' },
  });
  cleanups.push(() => running.stop());
  return running;
}

function apiOf(running: HeadlessHost): ApiClient {
  const { port, token } = running.runner.listening()!;
  return new ApiClient(`http://127.0.0.1:${port}`, token);
}

describe('kitchen-screen addresses', () => {
  it('lists each IPv4 address of this PC but loopback and link-local, with the token', () => {
    expect(kitchenScreenUrls('0.0.0.0', 4747, 'T0K', INTERFACES)).toEqual(['http://192.168.1.50:4747/#token=T0K', 'http://10.0.0.7:4747/#token=T0K']);
    expect(kitchenScreenUrls('192.168.1.50', 80, 'T', INTERFACES)).toEqual(['http://192.168.1.50:80/#token=T']);
    expect(kitchenScreenUrls('0.0.0.0', null, 'T', INTERFACES)).toEqual([]);
    expect(kitchenScreenUrls('0.0.0.0', 4747, 'T', () => ({ lo: [nic('127.0.0.1', 'IPv4', true)] }))).toEqual([]);
  });

  it('starts where the flags say, else where the screen left it', () => {
    const none = { engine: () => undefined, networkAccess: () => undefined };
    const chosen = { engine: () => 'whatsapp' as const, networkAccess: () => true };
    expect(startChoices({ dataDir: 'D', port: 1 }, none)).toEqual({ engine: 'simulator', hostname: '127.0.0.1' });
    expect(startChoices({ dataDir: 'D', port: 1 }, chosen)).toEqual({ engine: 'whatsapp', hostname: '0.0.0.0' });
    expect(startChoices({ dataDir: 'D', port: 1, engine: 'simulator', host: '127.0.0.1' }, chosen)).toEqual({ engine: 'simulator', hostname: '127.0.0.1' });
  });
});

describe('switching WhatsApp engines (headless, in process)', () => {
  it('answers first, then restarts on the same port and token with every order kept; the choice survives a restart', { timeout: 30_000 }, async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const running = await startHost(tmp.dir);
    const api = apiOf(running);
    const { port } = running.runner.listening()!;
    const before = running.host;
    const { order } = await orderAsCustomer(api, { phone: '34600111222', name: 'Ana' });
    await api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', etaMinutes: 10 });

    expect(await running.device.setEngine('whatsapp')).toBe('whatsapp');
    // The answer is out and the old host still serves: the restart comes after it.
    expect(running.host).toBe(before);
    expect(running.device.getEngine()).toBe('whatsapp');
    expect((await api.get<{ whatsapp: { engine: string } }>('/api/health')).body.whatsapp.engine).toBe('simulator');
    await running.device.settled();

    expect(running.host).not.toBe(before);
    expect(running.host.engine.kind).toBe('whatsapp');
    expect(running.runner.listening()).toMatchObject({ port, token: api.token, hostname: '127.0.0.1' });
    const health = await api.get<{ whatsapp: { engine: string } }>('/api/health');
    expect(health.body.whatsapp.engine).toBe('whatsapp');
    const orders = await api.get<{ id: string; status: string }[]>('/api/orders');
    expect(orders.status).toBe(200);
    expect(orders.body).toEqual([expect.objectContaining({ id: order.id, status: 'accepted' })]);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'device.json'), 'utf8'))).toMatchObject({ engine: 'whatsapp' });
    // The simulator's routes went with it.
    expect((await api.post('/api/sim/incoming', { from: '34600999888', body: 'hola' })).status).toBe(404);

    // Back again: still the same orders.
    await running.device.setEngine('simulator');
    await running.device.settled();
    expect(running.host.engine.kind).toBe('simulator');
    expect((await api.get<unknown[]>('/api/orders')).body).toHaveLength(1);
    await running.device.setEngine('whatsapp');
    await running.device.settled();
    await running.stop();
    cleanups.pop();

    // Next start without --engine: the screen's choice; with --engine: the flag.
    const again = await startHost(tmp.dir);
    expect(again.host.engine.kind).toBe('whatsapp');
    await again.stop();
    cleanups.pop();
    const flagged = await startHost(tmp.dir, { engine: 'simulator' });
    expect(flagged.host.engine.kind).toBe('simulator');
    expect(flagged.device.getEngine()).toBe('simulator');
  });
});

describe('a change that cannot be applied', () => {
  it('an engine that does not start leaves the previous one running and remembered, orders intact', { timeout: 20_000 }, async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const running = await startHost(tmp.dir, {}, true);
    const api = apiOf(running);
    const { order } = await orderAsCustomer(api, { phone: '34600111222', name: 'Ana' });
    expect(await running.device.setEngine('whatsapp')).toBe('whatsapp');
    await running.device.settled();
    expect(running.host.engine.kind).toBe('simulator');
    expect(running.device.getEngine()).toBe('simulator');
    expect(JSON.parse(readFileSync(join(tmp.dir, 'device.json'), 'utf8'))).toMatchObject({ engine: 'simulator' });
    expect((await api.get<{ id: string }[]>('/api/orders')).body.map((o) => o.id)).toEqual([order.id]);
  });

  it('an address that is taken leaves the server where it was, and remembers that', { timeout: 20_000 }, async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const running = await startHost(tmp.dir);
    const { port } = running.runner.listening()!;
    // Something else holds the port on the other address.
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port!, '127.0.0.2', resolve));
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    await running.device.setNetworkAccess(true);
    await running.device.settled();
    expect(running.runner.listening()!.hostname).toBe('127.0.0.1');
    expect(running.device.getNetworkAccess()).toEqual({ enabled: false, urls: [] });
    expect(JSON.parse(readFileSync(join(tmp.dir, 'device.json'), 'utf8'))).toMatchObject({ networkAccess: false });
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });
});

describe('screens on the network and the access token', () => {
  it('moves the server to the network address and back, listing the addresses, and remembers it', { timeout: 20_000 }, async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const running = await startHost(tmp.dir);
    const { port, token } = running.runner.listening()!;
    expect(running.device.getNetworkAccess()).toEqual({ enabled: false, urls: [] });

    const on = await running.device.setNetworkAccess(true);
    expect(on).toEqual({ enabled: true, urls: [`http://127.0.0.2:${port}/#token=${token}`] });
    // Still where it was until the answer has left.
    expect(running.runner.listening()!.hostname).toBe('127.0.0.1');
    await running.device.settled();
    expect(running.runner.listening()).toMatchObject({ hostname: '127.0.0.2', port, token });
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    expect(JSON.parse(readFileSync(join(tmp.dir, 'device.json'), 'utf8'))).toMatchObject({ networkAccess: true });

    const off = await running.device.setNetworkAccess(false);
    expect(off).toEqual({ enabled: false, urls: [] });
    await running.device.settled();
    expect(running.runner.listening()!.hostname).toBe('127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'device.json'), 'utf8'))).toMatchObject({ networkAccess: false });
  });

  it('a new access token disconnects the screens with the old one; the old token is refused, the new one works', { timeout: 20_000 }, async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const running = await startHost(tmp.dir);
    const { port, token: old } = running.runner.listening()!;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${old}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

    const answer = await running.device.rotateAccessToken();
    const fresh = readFileSync(join(tmp.dir, 'access-token'), 'utf8').trim();
    expect(fresh).not.toBe(old);
    expect(answer).toEqual({ enabled: false, urls: [] });
    expect(await closed).toBe(4001);
    expect((await new ApiClient(`http://127.0.0.1:${port}`, old).get('/api/orders')).status).toBe(401);
    expect((await new ApiClient(`http://127.0.0.1:${port}`, fresh).get('/api/orders')).status).toBe(200);
    const refused = await new Promise<string>((resolve) => {
      const again = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${old}`);
      again.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      again.once('open', () => resolve('open'));
      again.once('error', () => undefined);
    });
    expect(refused).toBe('401');

    // With screens on the network, the addresses carry the new token.
    await running.device.setNetworkAccess(true);
    await running.device.settled();
    const rotated = await running.device.rotateAccessToken();
    const newest = readFileSync(join(tmp.dir, 'access-token'), 'utf8').trim();
    expect(rotated.urls).toEqual([`http://127.0.0.2:${port}/#token=${newest}`]);
    await waitFor(async () => running.runner.listening()!.token === newest);
  });
});
