// The engine's SessionControl (what the protection layers use) over the worker and the fake Client.
import { afterEach, describe, expect, it } from 'vitest';
import { NotConnectedError } from '../../electron/whatsapp/engine.ts';
import { createEngineHarness, type EngineHarness } from '../support/whatsapp-engine-harness.ts';

let h: EngineHarness | undefined;
afterEach(async () => {
  await h?.engine.stop();
  h = undefined;
});

describe('SessionControl', () => {
  it('status() is the status the kitchen sees', async () => {
    h = createEngineHarness();
    await h.connect();
    expect(h.engine.status()).toBe(h.engine.getStatus());
  });

  it('getState() answers the socket state and rejects after its timeout when the page hangs', async () => {
    h = createEngineHarness();
    await h.connect();
    expect(await h.engine.getState(5_000)).toBe('CONNECTED');
    h.client().hangGetState();
    const pending = h.engine.getState(5_000).catch((e: unknown) => e);
    await h.clock.advance(4_999);
    await h.clock.advance(1);
    expect(String(await pending)).toMatch(/did not answer getState within 5000 ms/);
  });

  it('ping() evaluates 1 + 1 in the page; a hung page rejects after the timeout, a closed one at once', async () => {
    h = createEngineHarness();
    await h.connect();
    await h.engine.ping(3_000);
    expect(h.client().pupPage!.evaluated).toContain('1 + 1');
    h.client().pupPage!.hang = true;
    const hung = h.engine.ping(3_000).catch((e: unknown) => e);
    await h.clock.advance(3_000);
    expect(String(await hung)).toMatch(/did not answer ping/);
    h.client().pupPage!.hang = false;
    h.client().pupPage!.closed = true;
    await expect(h.engine.ping(3_000)).rejects.toThrow(/Target closed/);
  });

  it('resetState() and sendPresenceAvailable() reach the Client', async () => {
    h = createEngineHarness();
    await h.connect();
    await h.engine.resetState();
    await h.engine.sendPresenceAvailable();
    expect(h.client().calls).toEqual(expect.arrayContaining(['resetState', 'sendPresenceAvailable']));
  });

  it('activity() runs the activity page script in the page', async () => {
    h = createEngineHarness();
    await h.connect();
    await h.engine.activity();
    expect(h.client().pupPage!.evaluated).toContain('activityInPage');
  });

  it('memory() gives the browser tree RSS and the page heap, and health() keeps the RSS', async () => {
    h = createEngineHarness();
    await h.connect();
    expect(await h.engine.memory()).toEqual({ browserRssBytes: 123_000_000, jsHeapBytes: 42_000_000 });
    expect(h.engine.health().browserRssBytes).toBe(123_000_000);
  });

  it('restartWorker() ends the worker and its browser and spawns a new one', async () => {
    h = createEngineHarness();
    await h.connect();
    const first = h.client();
    await h.engine.restartWorker('planned');
    expect(first.pupBrowser?.isConnected()).toBe(false);
    expect(h.workers.workers).toHaveLength(2);
    expect(h.workers.workers[0]!.exited).toBe(true);
    expect(h.engine.getStatus().state).toBe('reconnecting');
    await h.settle();
    h.client().becomeReady();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('connected');
    expect(h.engine.health()).toMatchObject({ restarts: 1, reconnects: 1 });
  });

  it('a planned restart runs its work while the browser is closed; a recovery restart does not', async () => {
    const seen: { browserOpen: boolean | undefined; workers: number }[] = [];
    h = createEngineHarness({
      engine: {
        whilePlannedStop: async () => {
          seen.push({ browserOpen: h!.client().pupBrowser?.isConnected(), workers: h!.workers.workers.length });
        },
      },
    });
    await h.connect();
    await h.engine.restartWorker('planned');
    // Between the old worker's end and the new worker's spawn: the profile is not being written.
    expect(seen).toEqual([{ browserOpen: false, workers: 1 }]);
    expect(h.workers.workers).toHaveLength(2);
    await h.settle();
    h.client().becomeReady();
    await h.settle();
    await h.engine.restartWorker('memory');
    expect(seen).toHaveLength(2);
    await h.settle();
    h.client().becomeReady();
    await h.settle();
    await h.engine.restartWorker('watchdog: not CONNECTED');
    expect(seen).toHaveLength(2);
  });

  it('sendText() sends to the owner number like a person, and needs a connection', async () => {
    h = createEngineHarness();
    await h.connect();
    h.client().registered.add('34699000000');
    await h.engine.sendText('+34 699 000 000', 'Comanda: conexión activa');
    expect(h.client().sent.map((m) => [m.chatId, m.body])).toEqual([['34699000000@c.us', 'Comanda: conexión activa']]);
    h.client().changeState('TIMEOUT');
    await h.settle();
    await expect(h.engine.sendText('34699000000', 'x')).rejects.toBeInstanceOf(NotConnectedError);
  });

  it('lastActivityAt() is undefined until a message goes in or out', async () => {
    h = createEngineHarness();
    await h.connect();
    expect(h.engine.lastActivityAt()).toBeUndefined();
    await h.clock.advance(5_000);
    h.client().receive({ from: '34600111222@c.us', body: 'hola' });
    await h.settle();
    expect(h.engine.lastActivityAt()).toBe(h.clock.now());
  });

  it('markSuspect() shows the kitchen that the session is not really connected until it is ready again', async () => {
    h = createEngineHarness();
    await h.connect();
    h.engine.markSuspect('getState says OPENING');
    expect(h.engine.getStatus()).toMatchObject({ state: 'reconnecting', phone: '34600000001' });
    expect(h.engine.getStatus().error).toMatch(/getState says OPENING/);
    expect(h.statuses.at(-1)).toBe(h.engine.getStatus());
  });

  it('recordHeartbeat() feeds health().lastHeartbeatAt', async () => {
    h = createEngineHarness();
    await h.connect();
    expect(h.engine.health().lastHeartbeatAt).toBeUndefined();
    h.engine.recordHeartbeat(1_800_000_000_000);
    expect(h.engine.health().lastHeartbeatAt).toBe(1_800_000_000_000);
  });

  it('alert() reaches onAlert listeners; an unsubscribed one hears nothing more', async () => {
    h = createEngineHarness();
    const mine: string[] = [];
    const off = h.engine.onAlert((a) => mine.push(a.kind));
    h.engine.alert({ kind: 'session-idle', message: 'no orders for 5 days' });
    off();
    h.engine.alert({ kind: 'browser-memory', message: 'browser over 1500 MB' });
    expect(mine).toEqual(['session-idle']);
    expect(h.alerts.map((a) => a.kind)).toEqual(['session-idle', 'browser-memory']);
  });

  it('requests while no worker runs fail at once instead of hanging', async () => {
    h = createEngineHarness();
    await expect(h.engine.getState(5_000)).rejects.toThrow(/not running/);
    await expect(h.engine.ping(5_000)).rejects.toThrow(/not running/);
  });
});
