// The real engine + supervisor + worker logic against the fake whatsapp-web.js Client, in-process,
// under fake time: linking, every disconnection class, backoff, restarts and a clean stop.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../support/whatsapp-engine-harness.ts';

let h: EngineHarness | undefined;
afterEach(async () => {
  await h?.engine.stop();
  h = undefined;
});

const states = (harness: EngineHarness) => harness.statuses.map((s) => s.state);

describe('linking', () => {
  it('walks starting -> needs-link(qr) -> authenticating -> loading -> connected, each change reaching listeners', async () => {
    h = createEngineHarness();
    await h.engine.start();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('starting');
    const client = h.client();
    expect(h.workers.latest().config).toMatchObject({ executablePath: '/usr/bin/fake-chrome', browserArgs: ['--headless-test-flag'], headless: true, qrMaxRefreshes: 5, takeoverOnConflict: true });
    client.emitQr('QR-1');
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'needs-link', qr: 'QR-1' });
    client.emitQr('QR-2');
    await h.settle();
    expect(h.engine.getStatus().qr).toBe('QR-2');
    client.authenticate();
    client.loading(40);
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'loading', percent: 40 });
    client.becomeReady('34611222333');
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'connected', phone: '34611222333' });
    expect(states(h)).toEqual(['needs-link', 'needs-link', 'authenticating', 'loading', 'connected']);
    expect(h.engine.health()).toMatchObject({ reconnects: 0, restarts: 0, browserPath: '/usr/bin/fake-chrome', webVersion: '2.3000.1017054665' });
  });

  it('stops rotating QR codes after qrMaxRefreshes, closes the browser and waits for a tap', async () => {
    h = createEngineHarness({ settings: { qrMaxRefreshes: 3 } });
    await h.engine.start();
    await h.settle();
    const client = h.client();
    for (let i = 1; i <= 4; i++) client.emitQr(`QR-${i}`);
    await h.settle();
    const status = h.engine.getStatus();
    expect(status.state).toBe('needs-link');
    expect(status.qr).toBeUndefined();
    expect(status.error).toMatch(/expired/i);
    expect(client.pupBrowser?.isConnected()).toBe(false);
    expect(h.workers.latest().exited).toBe(true);
    await h.clock.advance(60 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
    await h.engine.link({ method: 'qr' });
    await h.settle();
    expect(h.workers.workers).toHaveLength(2);
    h.client().emitQr('QR-NEW');
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'needs-link', qr: 'QR-NEW' });
  });

  it('asks the running worker for a pairing code and shows it', async () => {
    h = createEngineHarness();
    await h.engine.start();
    await h.settle();
    h.client().emitQr('QR-1');
    await h.settle();
    await h.engine.link({ method: 'code', phone: '+34 600 111 222' });
    await h.settle();
    expect(h.client().calls).toContain('requestPairingCode:34600111222:true:180000');
    expect(h.engine.getStatus()).toMatchObject({ state: 'needs-link', pairingCode: 'ABCD1234' });
    expect(h.workers.workers).toHaveLength(1);
  });

  it('starts a worker with pairWithPhoneNumber when no worker is showing a QR', async () => {
    h = createEngineHarness({ settings: { qrMaxRefreshes: 1 } });
    await h.engine.start();
    await h.settle();
    h.client().emitQr('a');
    h.client().emitQr('b');
    await h.settle();
    expect(h.workers.latest().exited).toBe(true);
    await h.engine.link({ method: 'code', phone: '34600111222' });
    await h.settle();
    expect(h.workers.workers).toHaveLength(2);
    expect(h.workers.latest().config?.pairingPhone).toBe('34600111222');
    expect(h.client().options.pairWithPhoneNumber?.phoneNumber).toBe('34600111222');
  });

  it('refuses a pairing code without a valid number and linking while connected', async () => {
    h = createEngineHarness();
    await h.engine.start();
    await h.settle();
    await expect(h.engine.link({ method: 'code', phone: '12' })).rejects.toThrow(/country code/);
    h.client().becomeReady();
    await h.settle();
    await expect(h.engine.link({ method: 'qr' })).rejects.toThrow(/already linked/);
  });

  it('unlink logs out in the page, closes the worker and says needs-link without a QR', async () => {
    h = createEngineHarness();
    await h.connect();
    const client = h.client();
    await h.engine.unlink();
    await h.settle();
    expect(client.calls).toContain('logout');
    expect(h.engine.getStatus()).toMatchObject({ state: 'needs-link' });
    expect(h.engine.getStatus().qr).toBeUndefined();
    expect(h.engine.getStatus().error).toMatch(/unlinked/i);
    expect(h.workers.latest().exited).toBe(true);
    expect(h.alerts).toEqual([]);
    await h.clock.advance(10 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
  });

  it('unlink without a live session removes the saved session itself', async () => {
    h = createEngineHarness();
    await h.engine.start();
    await h.settle();
    await h.engine.unlink();
    expect(h.removedSessions).toBe(1);
    expect(h.engine.getStatus().state).toBe('needs-link');
  });
});

describe('disconnection classes', () => {
  it('LOGOUT from the phone: logged-out, an alert, the worker ends and nothing restarts', async () => {
    h = createEngineHarness();
    await h.connect();
    h.client().logoutFromPhone();
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'logged-out' });
    expect(h.engine.getStatus().error).toMatch(/unlinked from the phone/);
    expect(h.alerts.map((a) => a.kind)).toEqual(['logged-out']);
    expect(h.workers.latest().exited).toBe(true);
    await h.clock.advance(60 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
    // The watchdog cannot turn it into a QR loop either.
    await h.engine.restartWorker('watchdog');
    expect(h.workers.workers).toHaveLength(1);
  });

  it('reconnect() restarts a live or failed session but not one that needs linking', async () => {
    h = createEngineHarness();
    await h.connect();
    await h.engine.reconnect();
    expect(h.workers.workers).toHaveLength(2);
    expect(h.engine.getStatus().state).toBe('starting');
    await h.settle();
    h.client().becomeReady();
    await h.settle();
    h.client().logoutFromPhone();
    await h.settle();
    await h.engine.reconnect();
    expect(h.workers.workers).toHaveLength(2);
    expect(h.engine.getStatus().state).toBe('logged-out');
    await h.engine.link({ method: 'qr' });
    expect(h.workers.workers).toHaveLength(3);
  });

  it.each(['UNPAIRED', 'UNPAIRED_IDLE', 'TOS_BLOCK', 'SMB_TOS_BLOCK'])('socket state %s is logged-out without a restart', async (state) => {
    h = createEngineHarness();
    await h.connect();
    h.client().changeState(state);
    await h.settle();
    expect(h.engine.getStatus().state).toBe('logged-out');
    await h.clock.advance(30 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
  });

  it('CONFLICT with the lease: whatsapp-web.js takes over, the engine rechecks and is connected again', async () => {
    h = createEngineHarness({ engine: { holdsLease: () => true, recheckDelayMs: 10_000 } });
    await h.connect();
    const client = h.client();
    client.changeState('CONFLICT');
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting' });
    expect(h.engine.getStatus().error).toMatch(/another computer/);
    client.state = 'CONNECTED'; // the takeover worked
    await h.clock.advance(10_000);
    expect(h.engine.getStatus().state).toBe('connected');
    expect(h.workers.workers).toHaveLength(1);
  });

  it('CONFLICT without the lease: no takeover, the owner is told, no restart loop', async () => {
    h = createEngineHarness({ engine: { holdsLease: () => false } });
    await h.connect();
    expect(h.workers.latest().config?.takeoverOnConflict).toBe(false);
    h.client().changeState('CONFLICT');
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'failed' });
    expect(h.engine.getStatus().error).toMatch(/another computer.*does not hold/);
    await h.clock.advance(30 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
  });

  it('TIMEOUT that heals: rechecked after a delay, no reset, no restart', async () => {
    h = createEngineHarness({ engine: { recheckDelayMs: 15_000 } });
    await h.connect();
    const client = h.client();
    client.changeState('TIMEOUT');
    await h.settle();
    expect(h.engine.getStatus().state).toBe('reconnecting');
    client.state = 'CONNECTED';
    await h.clock.advance(14_999);
    expect(client.calls.filter((c) => c === 'getState')).toHaveLength(0);
    await h.clock.advance(1);
    expect(client.calls).toContain('getState');
    expect(client.calls).not.toContain('resetState');
    expect(h.engine.getStatus().state).toBe('connected');
    expect(h.workers.workers).toHaveLength(1);
  });

  it('OPENING that does not heal: resetState first, then a worker restart', async () => {
    h = createEngineHarness({ engine: { recheckDelayMs: 15_000 } });
    await h.connect();
    const client = h.client();
    client.changeState('OPENING');
    await h.clock.advance(15_000);
    expect(client.calls).toContain('resetState');
    expect(h.workers.workers).toHaveLength(1);
    await h.clock.advance(15_000);
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    await h.clock.advance(1_000);
    expect(h.workers.workers).toHaveLength(2);
    expect(client.pupBrowser?.isConnected()).toBe(false);
  });

  it('a killed browser is noticed at once and the worker restarts; a new ready counts a reconnect', async () => {
    h = createEngineHarness();
    await h.connect();
    const first = h.client();
    first.killBrowser();
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(h.engine.getStatus().error).toMatch(/browser closed/);
    await h.clock.advance(1_000);
    expect(h.workers.workers).toHaveLength(2);
    h.client().becomeReady();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('connected');
    expect(h.engine.health()).toMatchObject({ reconnects: 1, restarts: 1 });
  });

  it('a worker that dies is restarted and the browser it left is ended by pid', async () => {
    h = createEngineHarness();
    await h.connect();
    const browserPid = h.client().pupBrowser!.pid;
    h.workers.latest().handle.kill('SIGKILL');
    await h.settle();
    expect(h.killedBrowsers).toContain(browserPid);
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    await h.clock.advance(1_000);
    expect(h.workers.workers).toHaveLength(2);
    h.client().becomeReady();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('connected');
  });

  it('an error that escapes whatsapp-web.js in a live session restarts the worker; a fatal one ends it first', async () => {
    h = createEngineHarness();
    await h.connect();
    await h.workers.latest().worker.escapedError(new Error('Protocol error (Runtime.callFunctionOn): Execution context was destroyed.'), false);
    await h.settle();
    expect(h.engine.getStatus().state).toBe('reconnecting');
    await h.clock.advance(1_000);
    expect(h.workers.workers).toHaveLength(2);
    h.client().becomeReady();
    await h.settle();
    const second = h.workers.latest();
    await second.worker.escapedError(new TypeError('boom'), true);
    await h.settle();
    expect(second.exited).toBe(true);
    expect(second.client?.pupBrowser?.isConnected()).toBe(false);
    expect(second.posted.some((m) => m.type === 'error' && m.fatal)).toBe(true);
    expect(h.engine.getStatus().state).toBe('reconnecting');
  });

  it('a harmless escaped error while offline is only logged', async () => {
    h = createEngineHarness();
    await h.engine.start();
    await h.settle();
    await h.workers.latest().worker.escapedError(new Error('window.require is not a function'), false);
    await h.settle();
    expect(h.engine.getStatus().state).toBe('starting');
    expect(h.workers.workers).toHaveLength(1);
  });
});

describe('no internet', () => {
  it('initialize() failing with ERR_NAME_NOT_RESOLVED is offline with backoff 5 s, 10 s, … capped at 5 min', async () => {
    h = createEngineHarness({
      configure: (client) => client.failInitialize(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/')),
    });
    await h.engine.start();
    await h.settle();
    const first = h.workers.latest();
    expect(h.engine.getStatus()).toMatchObject({ state: 'offline', attempt: 1, error: 'No internet connection. Retrying.' });
    const since = h.engine.getStatus().since;
    expect(Date.parse(h.engine.getStatus().nextTryAt!) - h.clock.now()).toBe(5_000);
    // The worker closed the browser whatsapp-web.js left open, then ended.
    expect(first.client?.calls).toContain('destroy');
    expect(first.client?.pupBrowser?.isConnected()).toBe(false);
    expect(first.exited).toBe(true);

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 9; attempt++) {
      const status = h.engine.getStatus();
      expect(status).toMatchObject({ state: 'offline', attempt });
      const delay = Date.parse(status.nextTryAt!) - h.clock.now();
      delays.push(delay);
      await h.clock.advance(delay);
      await h.settle();
      expect(h.workers.workers).toHaveLength(attempt + 1);
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    // The kitchen sees one offline period, not a flicker per try.
    expect(h.engine.getStatus().since).toBe(since);
    expect(h.statuses.some((s) => s.state === 'starting' && h!.statuses.indexOf(s) > 0)).toBe(false);
    // Only one worker (and browser) at a time.
    expect(h.workers.workers.slice(0, -1).every((w) => w.exited)).toBe(true);
  });

  it('the internet coming back resets the backoff', async () => {
    let fail = true;
    h = createEngineHarness({
      configure: (client) => {
        if (fail) client.failInitialize(new Error('net::ERR_INTERNET_DISCONNECTED at https://web.whatsapp.com/'));
      },
    });
    await h.engine.start();
    await h.settle();
    await h.clock.advance(5_000);
    await h.settle();
    expect(h.engine.getStatus().attempt).toBe(2);
    fail = false;
    await h.clock.advance(10_000);
    await h.settle();
    h.client().becomeReady();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('connected');
    h.client().killBrowser();
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1 });
  });
});

describe('browser and stop', () => {
  it('no browser: failed with install advice, the paths looked at in health(), and no restart loop', async () => {
    h = createEngineHarness({
      engine: { discoverBrowser: () => ({ path: undefined, searched: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }) },
    });
    await h.engine.start();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('failed');
    expect(h.engine.getStatus().error).toMatch(/Install Google Chrome or Microsoft Edge/);
    expect(h.engine.health().browserSearched).toEqual(['/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(h.workers.workers).toHaveLength(0);
    await h.clock.advance(60 * 60_000);
    expect(h.workers.workers).toHaveLength(0);
  });

  it('a browser that cannot be launched at its path is failed, not retried', async () => {
    h = createEngineHarness({
      configure: (client) => client.failInitialize(new Error('Browser was not found at the configured executablePath (/usr/bin/fake-chrome)')),
    });
    await h.engine.start();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('failed');
    await h.clock.advance(60 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
  });

  it('a profile still held by an old browser, or a worker that cannot be forked, is retried, not final', async () => {
    let profileBusy = 1;
    h = createEngineHarness({
      engine: {
        prepareProfile: async () => {
          if (profileBusy-- > 0) throw new Error('The browser from the previous run (pid 4242) is still using /x/session and did not exit');
          return { ok: true };
        },
      },
    });
    await h.engine.start();
    await h.settle();
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(h.engine.getStatus().error).toMatch(/could not start \(Error: The browser from the previous run/);
    expect(h.workers.workers).toHaveLength(0);
    await h.clock.advance(1_000);
    expect(h.workers.workers).toHaveLength(1);

    const failingSpawn = createEngineHarness({
      engine: {
        spawn: () => {
          throw new Error('spawn EAGAIN');
        },
      },
    });
    await expect(failingSpawn.engine.start()).resolves.toBeUndefined();
    expect(failingSpawn.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    await failingSpawn.clock.advance(1_000);
    expect(failingSpawn.engine.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 2 });
    await failingSpawn.engine.stop();
    expect(failingSpawn.clock.pendingTimers).toBe(0);
  });

  it('stop() closes the browser, ends the worker and leaves no timers', async () => {
    h = createEngineHarness();
    await h.connect();
    const client = h.client();
    client.changeState('TIMEOUT'); // a recheck timer is pending
    await h.settle();
    await h.engine.stop();
    expect(client.pupBrowser?.isConnected()).toBe(false);
    expect(h.workers.latest().exited).toBe(true);
    expect(h.clock.pendingTimers).toBe(0);
    h = undefined;
  });

  it('stop() during an offline backoff cancels the pending try', async () => {
    h = createEngineHarness({ configure: (client) => client.failInitialize(new Error('net::ERR_NAME_NOT_RESOLVED')) });
    await h.engine.start();
    await h.settle();
    await h.engine.stop();
    expect(h.clock.pendingTimers).toBe(0);
    await h.clock.advance(10 * 60_000);
    expect(h.workers.workers).toHaveLength(1);
    h = undefined;
  });

  it('a worker that does not exit is killed after the stop timeout, with its browser', async () => {
    h = createEngineHarness({ engine: { stopTimeoutMs: 8_000 } });
    await h.connect();
    const worker = h.workers.latest();
    const browserPid = worker.client!.pupBrowser!.pid;
    // A hung worker: it never processes 'stop'.
    worker.handle.send = () => undefined;
    const stopping = h.engine.stop();
    await h.settle();
    expect(worker.exited).toBe(false);
    await h.clock.advance(8_000);
    await stopping;
    expect(worker.exited).toBe(true);
    expect(h.killedBrowsers).toContain(browserPid);
    expect(h.clock.pendingTimers).toBe(0);
    h = undefined;
  });

  it('starts and stops the protection layers with the engine, telling them when a send is under way', async () => {
    const calls: string[] = [];
    let busy: (() => boolean) | undefined;
    h = createEngineHarness({
      engine: {
        createProtectionLayers: (deps) => {
          calls.push(`create:${deps.settings.watchdogIntervalMs}:${deps.control === h?.engine}`);
          busy = deps.busy;
          return { start: () => calls.push('start'), stop: () => calls.push('stop') };
        },
      },
    });
    await h.engine.start();
    expect(calls).toEqual(['create:60000:true', 'start']);
    await h.settle();
    h.client().becomeReady();
    await h.settle();
    h.client().registered.add('34600111222');
    const worker = h.workers.latest();
    const deliver = worker.handle.send;
    let held: (() => void) | undefined;
    worker.handle.send = (message) => {
      if (message.type === 'request' && message.request.op === 'send') held = () => deliver(message);
      else deliver(message);
    };
    expect(busy?.()).toBe(false);
    const sending = h.engine.send({ to: '34600111222', body: 'hola', idempotencyKey: 'k' });
    await h.settle();
    expect(busy?.()).toBe(true);
    held?.();
    await sending;
    expect(busy?.()).toBe(false);
    await h.engine.stop();
    expect(calls).toEqual(['create:60000:true', 'start', 'stop']);
    h = undefined;
  });
});
