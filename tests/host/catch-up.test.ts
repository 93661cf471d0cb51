// The catch-up on the simulator, through the host's HTTP API under a hand-driven clock: messages
// that reached the phone with no event (PC off, a reconnect, events stopped) are answered once,
// read together, with an apology after a long wait; too old ones go to staff; health shows it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { catchUpTexts } from '../../electron/messaging/catch-up-texts.ts';
import type { Handoff, WhatsAppHealth } from '../../shared/kds-api.ts';
import { ApiClient } from '../support/api-client.ts';
import { FakeClock, flushPromises } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

const ES = catchUpTexts('es-ES');
const MIN = 60_000;
const ANA = '34600111222';

describe('catch-up on the simulator', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let clock: FakeClock;
  let host: Host;
  let api: ApiClient;

  async function boot(): Promise<void> {
    host = createHost({
      dataDir: tmp.dir,
      engine: 'simulator',
      port: 0,
      logger: silentLogger,
      bot: scriptedBot,
      clock,
      settleMs: 0,
    });
    const started = await host.start();
    api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
    await settle();
  }

  async function settle(): Promise<void> {
    await clock.advance(0);
    await flushPromises();
    await host.outbox.idle();
    await flushPromises();
  }

  async function deliverLater(from: string, body: string): Promise<void> {
    const res = await api.post('/api/sim/incoming', { from, name: 'Ana', body, deliver: false });
    expect(res.status).toBe(200);
  }

  beforeEach(async () => {
    tmp = makeTempDir('comanda-catch-up-');
    clock = new FakeClock();
    await boot();
  });
  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  it('PC off: messages on the phone are answered once after the start, read together, with an apology', async () => {
    await deliverLater(ANA, 'hola');
    await deliverLater(ANA, 'quiero pizza');
    expect(await api.sent(ANA)).toEqual([]);
    await host.stop();
    await clock.advance(20 * MIN);
    await boot();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual([ES.apology, 'echo 1: hola\nquiero pizza']);
    // Later sweeps and a restart find nothing new.
    await clock.advance(2 * MIN);
    await settle();
    await host.stop();
    await boot();
    expect(await api.sent(ANA)).toHaveLength(2);
    const health = (await api.get<WhatsAppHealth>('/api/whatsapp/health')).body;
    expect(health.catchUp).toEqual({ lastSweepAt: new Date(clock.now()).toISOString(), recovered: 0 });
    expect(health.problems).toEqual([]);
  });

  it('a short gap is answered without an apology, and a message the event delivered is not handled again', async () => {
    await api.say(ANA, 'primero');
    await deliverLater(ANA, 'segundo');
    await clock.advance(MIN);
    await host.catchUp.sweep('test');
    await settle();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual(['echo 1: primero', 'echo 2: segundo']);
    const health = (await api.get<WhatsAppHealth>('/api/whatsapp/health')).body;
    expect(health.catchUp.recovered).toBe(1);
    expect(health.messagesIn).toBe(2);
  });

  it('messages older than catchUpHours go to staff ("escribió mientras estábamos cerrados") with one reply', async () => {
    await deliverLater(ANA, 'order clasica');
    await deliverLater(ANA, '¿hola?');
    await host.stop();
    await clock.advance(13 * 60 * MIN);
    await boot();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual([ES.tooOld]);
    const handoffs = (await api.get<Handoff[]>('/api/handoffs')).body;
    expect(handoffs).toMatchObject([{ phone: ANA, lastMessage: `${ES.handoffNote}: ¿hola?` }]);
    expect((await api.get<unknown[]>('/api/orders')).body).toEqual([]);
    await host.catchUp.sweep('again');
    await settle();
    expect(await api.sent(ANA)).toHaveLength(1);
  });

  it('catchUpHours is read from the live settings: with 24 h the same wait is an ordinary order', async () => {
    expect((await api.request('PUT', '/api/settings', { whatsapp: { catchUpHours: 24 } })).status).toBe(200);
    await deliverLater(ANA, 'order clasica');
    await host.stop();
    await clock.advance(13 * 60 * MIN);
    await boot();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual([ES.apology, 'placed #1']);
  });

  it('sweepSeconds is read from the live settings', async () => {
    expect((await api.request('PUT', '/api/settings', { whatsapp: { sweepSeconds: 5 } })).status).toBe(200);
    await clock.advance(120_000);
    await settle();
    const before = host.catchUp.sweeps;
    await clock.advance(20_000);
    await settle();
    expect(host.catchUp.sweeps - before).toBeGreaterThanOrEqual(3);
  });

  it('a reconnect: what arrived during the gap is answered when connected again', async () => {
    await api.post('/api/whatsapp/reconnect');
    await deliverLater(ANA, 'durante el corte');
    await clock.advance(2_000);
    await settle();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual(['echo 1: durante el corte']);
    expect(host.problems.list()).toEqual([]);
  });

  it('events stop while connected: the sweep finds the message, events-silent is raised once, sweeps every 20 s until events return', async () => {
    const alerts: string[] = [];
    host.problems.onAlert((a) => alerts.push(a.problem));
    expect((await api.post('/api/sim/fault', { kind: 'events-stop' })).status).toBe(200);
    await clock.advance(5 * MIN);
    await api.say(ANA, 'uno');
    await clock.advance(2 * MIN);
    await settle();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual(['echo 1: uno']);
    expect(alerts).toEqual(['events-silent']);
    const health = (await api.get<WhatsAppHealth>('/api/whatsapp/health')).body;
    expect(health.problems).toEqual(['events-silent']);
    expect(health.status.problems).toEqual(['events-silent']);
    expect(((await fetch(`${api.base}/api/health`).then((r) => r.json())) as { whatsapp: { problems: string[] } }).whatsapp.problems).toEqual([
      'events-silent',
    ]);
    // Now a sweep every 20 s: the next message waits at most that long.
    await api.say(ANA, 'dos');
    await clock.advance(20_000);
    await settle();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual(['echo 1: uno', 'echo 2: dos']);
    expect(alerts).toEqual(['events-silent']);
    // Events come back: the problem clears.
    await api.post('/api/sim/fault', { kind: 'none' });
    await api.say(ANA, 'tres');
    await settle();
    expect(host.problems.list()).toEqual([]);
    expect((await api.sent(ANA)).map((m) => m.body).at(-1)).toBe('echo 3: tres');
  });

  it('a message waiting right after a reconnect is a gap, not silent events', async () => {
    await api.post('/api/sim/fault', { kind: 'events-stop' });
    await api.say(ANA, 'uno');
    await api.post('/api/sim/fault', { kind: 'none' });
    await api.post('/api/whatsapp/reconnect');
    await clock.advance(2_000);
    await settle();
    expect((await api.sent(ANA)).map((m) => m.body)).toEqual(['echo 1: uno']);
    expect(host.problems.list()).toEqual([]);
  });

  it('the sim routes validate: deliver must be a boolean, fault kinds are named', async () => {
    expect((await api.post('/api/sim/incoming', { from: ANA, body: 'x', deliver: 'no' })).status).toBe(400);
    expect((await api.post('/api/sim/fault', { kind: 'explode' })).status).toBe(400);
  });

  it('groups and broadcasts on the phone are never answered by the catch-up', async () => {
    await api.post('/api/sim/incoming', { from: '1203630@g.us', body: 'hola grupo', deliver: false });
    await host.stop();
    await boot();
    expect(await api.sent()).toEqual([]);
  });
});
