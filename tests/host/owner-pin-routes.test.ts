import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import type { DeviceControl } from '../../electron/host/device-control.ts';
import { FREE_TRIES, lockoutMs } from '../../electron/host/owner-pin.ts';
import type { NetworkAccess, OwnerUnlock } from '../../shared/owner-api.ts';
import type { CloudStatus, KdsEvent } from '../../shared/kds-api.ts';
import { asOwner, testHost, type TestHost } from './owner-support.ts';

type ErrorBody = { error: { code: string; message: string }; retryAfterSeconds?: number };

/** A DeviceControl that records what the owner area asked of it. */
function fakeDevice() {
  const calls: string[] = [];
  let network: NetworkAccess = { enabled: false, urls: [] };
  let engine: 'simulator' | 'whatsapp' = 'simulator';
  const device: DeviceControl = {
    getEngine: () => engine,
    setEngine: async (kind) => {
      calls.push(`engine:${kind}`);
      engine = kind;
      return kind;
    },
    getNetworkAccess: () => network,
    setNetworkAccess: async (enabled) => {
      calls.push(`network:${enabled}`);
      network = { enabled, urls: enabled ? ['http://192.168.1.20:4747/#token=t'] : [] };
      return network;
    },
    rotateAccessToken: async () => {
      calls.push('rotate');
      return network;
    },
    cloudSignIn: async (request) => void calls.push(`sign-in:${request.email}`),
    cloudSignOut: async () => void calls.push('sign-out'),
  };
  return { device, calls };
}

/** Every owner route, with a body that passes validation. */
const OWNER_ROUTES: [string, string, unknown][] = [
  ['PUT', '/api/menu', { restaurant: 'X', categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: 1 }] }] }],
  ['PUT', '/api/settings', { undoSeconds: 3 }],
  ['POST', '/api/whatsapp/link', { method: 'qr' }],
  ['POST', '/api/whatsapp/unlink', {}],
  ['POST', '/api/whatsapp/reconnect', {}],
  ['POST', '/api/cloud/take-over', {}],
  ['POST', '/api/cloud/recovery-code', { code: 'ABCD' }],
  ['POST', '/api/cloud/recovery-code/acknowledge', {}],
  ['POST', '/api/cloud/sign-in', { email: 'owner@example.com', password: 'secret' }],
  ['POST', '/api/cloud/sign-out', {}],
  ['PUT', '/api/device/engine', { kind: 'whatsapp' }],
  ['PUT', '/api/device/network', { enabled: true }],
  ['POST', '/api/device/network/rotate-token', {}],
  ['PUT', '/api/owner/pin', { pin: '9999', currentPin: '1234' }],
  ['PUT', '/api/setup', { completed: false }],
];

describe('the owner PIN and the owner routes', () => {
  let t: TestHost;
  let dev: ReturnType<typeof fakeDevice>;
  beforeEach(async () => {
    t = testHost();
    dev = fakeDevice();
    await t.start({ device: dev.device });
  });
  afterEach(async () => t.cleanup());

  const setPin = async (pin = '1234') => {
    const res = await t.api.request('PUT', '/api/owner/pin', { pin });
    expect(res.status).toBe(200);
  };
  const unlock = async (pin = '1234') => t.api.post<OwnerUnlock & ErrorBody>('/api/owner/unlock', { pin });

  it('a fresh data directory has no PIN: the access token alone reaches owner routes, but the network stays off', async () => {
    expect((await t.api.get('/api/owner')).body).toEqual({ pinSet: false });
    expect((await t.api.request('PUT', '/api/settings', { undoSeconds: 7 })).status).toBe(200);
    expect((await t.api.get<NetworkAccess>('/api/device/network')).body).toMatchObject({ enabled: false, blockedReason: 'no-pin' });
    const refused = await t.api.request<ErrorBody>('PUT', '/api/device/network', { enabled: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/owner PIN first/);
    expect(dev.calls).toEqual([]);
    expect((await t.api.post<ErrorBody>('/api/owner/unlock', { pin: '1234' })).status).toBe(409);
  });

  it('stores only a salted scrypt hash, never the PIN; the PIN must be 4 to 8 digits', async () => {
    for (const pin of ['123', '123456789', '12a4', '']) expect((await t.api.request('PUT', '/api/owner/pin', { pin })).status).toBe(400);
    await setPin('4821');
    const stored = t.host.store.settings.get<{ algorithm: string; salt: string; hash: string; N: number; r: number; p: number }>('owner.pin')!;
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(stored.algorithm).toBe('scrypt');
    const hash = scryptSync('4821', Buffer.from(stored.salt, 'base64'), 32, { N: stored.N, r: stored.r, p: stored.p });
    expect(hash.toString('base64')).toBe(stored.hash);
    expect((await t.api.get('/api/owner')).body).toEqual({ pinSet: true });
  });

  it('once a PIN exists every owner route answers 403 owner-pin-required without a live owner token, and works with one', async () => {
    await setPin();
    for (const [method, path, body] of OWNER_ROUTES) {
      const res = await t.api.request<ErrorBody>(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('owner-pin-required');
      const forged = await t.api.request(method, path, body, { 'X-Owner-Token': 'guessed' });
      expect(forged.status, `${method} ${path} forged`).toBe(403);
    }
    expect(dev.calls).toEqual([]);
    const { ownerToken } = (await unlock()).body;
    const owner = asOwner(t.api, ownerToken);
    expect((await owner.put('/api/settings', { undoSeconds: 3 })).status).toBe(200);
    expect((await owner.put('/api/device/network', { enabled: true })).body).toMatchObject({ enabled: true });
    expect((await owner.put('/api/device/engine', { kind: 'whatsapp' })).body).toEqual({ kind: 'whatsapp' });
    expect((await owner.post('/api/device/network/rotate-token')).status).toBe(200);
    expect((await owner.post('/api/cloud/sign-in', { email: 'owner@example.com', password: 'pw' })).status).toBe(200);
    expect((await owner.post('/api/cloud/sign-out')).status).toBe(200);
    expect(dev.calls).toEqual(['network:true', 'engine:whatsapp', 'rotate', 'sign-in:owner@example.com', 'sign-out']);
  });

  it("leaves the kitchen's own work to the access token alone", async () => {
    await setPin();
    expect((await t.api.get('/api/menu')).status).toBe(200);
    expect((await t.api.get('/api/settings')).status).toBe(200);
    expect((await t.api.post('/api/menu/items/clasica/availability', { available: false })).status).toBe(200);
    expect((await t.api.post('/api/orders/pause', { minutes: 10 })).status).toBe(200);
    expect((await t.api.post('/api/orders/resume')).status).toBe(200);
    await t.api.say('34600111222', 'order doble 1');
    const order = (await t.api.get<{ id: string }[]>('/api/orders')).body.at(-1)!;
    expect((await t.api.post(`/api/orders/${order.id}/transition`, { to: 'accepted' })).status).toBe(200);
    expect((await t.api.get('/api/device/network')).status).toBe(200);
  });

  it('keeps the owner token alive 15 minutes from its last use', async () => {
    await setPin();
    const owner = asOwner(t.api, (await unlock()).body.ownerToken);
    await t.clock.advance(14 * 60_000);
    expect((await owner.put('/api/settings', { undoSeconds: 4 })).status).toBe(200);
    await t.clock.advance(14 * 60_000);
    expect((await owner.put('/api/settings', { undoSeconds: 5 })).status).toBe(200);
    await t.clock.advance(15 * 60_000);
    expect((await owner.put('/api/settings', { undoSeconds: 6 })).status).toBe(403);
  });

  it('answers a wrong PIN 401, then 429 with retryAfterSeconds while tries are slowed down, even for the right PIN', async () => {
    await setPin();
    for (let i = 1; i < FREE_TRIES; i++) {
      const res = await unlock('0000');
      expect(res.status).toBe(401);
      expect(res.body.retryAfterSeconds).toBeUndefined();
    }
    const last = await unlock('0000');
    expect(last.status).toBe(401);
    expect(last.body.retryAfterSeconds).toBe(30);
    const locked = await t.api.request<ErrorBody>('POST', '/api/owner/unlock', { pin: '1234' });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'too_many_requests' }, retryAfterSeconds: 30 });
    const raw = await fetch(`${t.base}/api/owner/unlock`, { method: 'POST', headers: { Authorization: `Bearer ${t.api.token}` }, body: '{"pin":"1234"}' });
    expect(raw.headers.get('retry-after')).toBe('30');
    await t.clock.advance(30_000);
    expect((await unlock('1234')).status).toBe(200);
    // A right PIN starts the count again.
    expect((await unlock('0000')).body.retryAfterSeconds).toBeUndefined();
  });

  it('takes a burst of parallel guesses one at a time: no more are weighed than the rules allow', async () => {
    await setPin();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => unlock(String(1000 + i + 1).padStart(4, '0'))));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(FREE_TRIES);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - FREE_TRIES);
  });

  it('measures the brute-force rate: guesses weighed per hour and per day against a 4-digit PIN', async () => {
    await setPin('9999');
    const weighedBy = (ms: number) => attack.filter((at) => at - start < ms).length;
    const start = t.clock.now();
    const attack: number[] = [];
    let guess = 0;
    // An attacker who tries again the moment each lockout ends, for one simulated day.
    while (t.clock.now() - start < 24 * 3600_000) {
      const res = await unlock(String(guess).padStart(4, '0'));
      if (res.status === 401) {
        attack.push(t.clock.now());
        guess++;
      } else {
        expect(res.status).toBe(429);
        await t.clock.advance(res.body.retryAfterSeconds! * 1000);
      }
    }
    const perHour = weighedBy(3600_000);
    const perDay = attack.length;
    console.log(JSON.stringify({ bruteForce: { firstHour: perHour, firstDay: perDay, daysFor10000: Math.round(10_000 / ((perDay - perHour) / 23) / 24) } }));
    expect(perHour).toBeLessThanOrEqual(12);
    expect(perDay).toBeLessThanOrEqual(12 + 23 * 4);
    expect(lockoutMs(FREE_TRIES + 20)).toBe(15 * 60_000);
  }, 60_000);

  it('changes the PIN with the owner token and the current PIN; other unlocked screens are locked again', async () => {
    await setPin();
    const a = (await unlock()).body.ownerToken;
    const b = (await unlock()).body.ownerToken;
    expect((await asOwner(t.api, a).put('/api/owner/pin', { pin: '5678' })).status).toBe(400);
    expect((await asOwner(t.api, a).put('/api/owner/pin', { pin: '5678', currentPin: '1111' })).status).toBe(401);
    expect((await asOwner(t.api, a).put('/api/owner/pin', { pin: '5678', currentPin: '1234' })).status).toBe(200);
    expect((await asOwner(t.api, a).put('/api/settings', { undoSeconds: 2 })).status).toBe(200);
    expect((await asOwner(t.api, b).put('/api/settings', { undoSeconds: 2 })).status).toBe(403);
    expect((await unlock('1234')).status).toBe(401);
    expect((await unlock('5678')).status).toBe(200);
  });

  it('keeps the PIN and the lockout across a restart; owner tokens are not kept', async () => {
    await setPin();
    const token = (await unlock()).body.ownerToken;
    for (let i = 0; i < FREE_TRIES; i++) await unlock('0000');
    await t.restart({ device: dev.device });
    expect((await t.api.get('/api/owner')).body).toEqual({ pinSet: true });
    expect((await asOwner(t.api, token).put('/api/settings', { undoSeconds: 2 })).status).toBe(403);
    expect((await unlock()).status).toBe(429);
    await t.clock.advance(30_000);
    expect((await unlock()).status).toBe(200);
  });

  it('resets a forgotten PIN from the PC only: Host.resetOwnerPin, no route', async () => {
    await setPin();
    const token = (await unlock()).body.ownerToken;
    for (const path of ['/api/owner/reset', '/api/owner/pin/reset']) expect((await t.api.post(path)).status).toBe(404);
    expect((await t.api.request('DELETE', '/api/owner/pin')).status).toBe(405);
    t.host.resetOwnerPin();
    expect((await t.api.get('/api/owner')).body).toEqual({ pinSet: false });
    expect((await t.api.request('PUT', '/api/settings', { undoSeconds: 2 })).status).toBe(200);
    await setPin('2468');
    expect((await asOwner(t.api, token).put('/api/settings', { undoSeconds: 3 })).status).toBe(403);
    expect((await unlock('2468')).status).toBe(200);
  });

  it('shows the recovery code only to the owner', async () => {
    const status: CloudStatus = { state: 'running', restaurantId: 'r1', recoveryCode: 'K3F9-2QXM' };
    t.host.service.setCloud({
      status: () => status,
      takeOver: async () => status,
      acknowledgeRecoveryCode: () => status,
      enterRecoveryCode: async () => status,
      onChange: () => () => undefined,
    });
    expect((await t.api.get<CloudStatus>('/api/cloud')).body.recoveryCode).toBe('K3F9-2QXM');
    await setPin();
    expect((await t.api.get<CloudStatus>('/api/cloud')).body).toEqual({ state: 'running', restaurantId: 'r1' });
    const owner = asOwner(t.api, (await unlock()).body.ownerToken);
    expect((await owner.get<CloudStatus>('/api/cloud')).body.recoveryCode).toBe('K3F9-2QXM');
  });

  it("keeps the recovery code out of 'cloud' events once a PIN exists (they reach staff screens too)", async () => {
    const status: CloudStatus = { state: 'running', restaurantId: 'r1', recoveryCode: 'K3F9-2QXM' };
    let changed: (s: CloudStatus) => void = () => undefined;
    const events: KdsEvent[] = [];
    t.host.bus.subscribe((e) => events.push(e));
    const provider = {
      status: () => status,
      takeOver: async () => status,
      acknowledgeRecoveryCode: () => status,
      enterRecoveryCode: async () => status,
      onChange: (listener: (s: CloudStatus) => void) => {
        changed = listener;
        return () => undefined;
      },
    };
    const cloudEvents = () => events.flatMap((e) => (e.type === 'cloud' ? [e.status] : []));
    // Before a PIN exists the access token alone is the owner: the event may carry the code.
    t.host.service.setCloud(provider);
    expect(cloudEvents().at(-1)?.recoveryCode).toBe('K3F9-2QXM');
    await setPin();
    t.host.service.setCloud(provider);
    changed(status);
    expect(cloudEvents().slice(-2)).toEqual([{ state: 'running', restaurantId: 'r1' }, { state: 'running', restaurantId: 'r1' }]);
    expect(status.recoveryCode).toBe('K3F9-2QXM');
  });

  it('re-opens the welcome flow (PUT /api/setup) only for the owner once a PIN exists', async () => {
    expect((await t.api.request('PUT', '/api/setup', { completed: true })).status).toBe(200);
    await setPin();
    const refused = await t.api.request<ErrorBody>('PUT', '/api/setup', { completed: false });
    expect(refused.status).toBe(403);
    expect((await t.api.get<{ completed: boolean }>('/api/setup')).body.completed).toBe(true);
    const owner = asOwner(t.api, (await unlock()).body.ownerToken);
    expect((await owner.put<{ completed: boolean }>('/api/setup', { completed: false })).body.completed).toBe(false);
  });
});

describe('device routes without a DeviceControl', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await t.start();
  });
  afterEach(async () => t.cleanup());

  it('answers what the host runs, and 409 in plain words to changes', async () => {
    expect((await t.api.get('/api/device/engine')).body).toEqual({ kind: 'simulator' });
    expect((await t.api.get('/api/device/network')).body).toEqual({ enabled: false, urls: [], blockedReason: 'not-supported' });
    for (const [method, path, body] of OWNER_ROUTES.filter(([, p]) => p.startsWith('/api/device') || p.includes('sign-'))) {
      const res = await t.api.request<ErrorBody>(method, path, body);
      expect(res.status, path).toBe(409);
      expect(res.body.error.message).toMatch(/cannot change that from the kitchen screen|owner PIN first/);
    }
    expect((await t.api.request<ErrorBody>('PUT', '/api/device/engine', { kind: 'telegram' })).status).toBe(400);
  });
});

describe('the PC itself', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = testHost();
    await t.start();
  });
  afterEach(async () => t.cleanup());

  it('passes the owner check outside any transport (tray, reconnect after sleep); the same call over HTTP does not', async () => {
    await t.api.request('PUT', '/api/owner/pin', { pin: '1234' });
    expect((await t.host.service.updateSettings({ undoSeconds: 8 })).undoSeconds).toBe(8);
    await t.host.service.reconnectWhatsApp();
    expect((await t.api.request('PUT', '/api/settings', { undoSeconds: 9 })).status).toBe(403);
    expect((await t.api.post('/api/whatsapp/reconnect')).status).toBe(403);
  });
});
