// The catch-up over the real engine, supervisor and worker with the fake whatsapp-web.js Client
// (getChats / unreadCount / fetchMessages as the library behaves), under a hand-driven clock: each
// gap (PC off, worker restart, planned restart, events stop) and the bad input (10,000 unread, an
// unreadable body, a chat that throws, overlapping sweeps).
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { hostSettingsSchema } from '../../electron/host/settings.ts';
import { catchUpTexts } from '../../electron/messaging/catch-up-texts.ts';
import { flushPromises } from '../support/fake-clock.ts';
import { FakeWwebjsClient, type FakeStoredMessage } from '../support/fake-wwebjs-client.ts';
import { createEngineHarness, type EngineHarness } from '../support/whatsapp-engine-harness.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

const ES = catchUpTexts('es-ES');
const MIN = 60_000;
const ANA = '34600111222';
const LUIS = '34600333444';

describe('catch-up over the real engine with the fake whatsapp-web.js client', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let h: EngineHarness;
  let host: Host;
  /** A client standing for the phone while no worker runs (the phone is shared by every client). */
  let phone: FakeWwebjsClient;

  async function boot(): Promise<void> {
    tmp = makeTempDir('comanda-engine-catch-up-');
    h = createEngineHarness({ settings: { plannedRestartAt: null } });
    phone = new FakeWwebjsClient();
    for (const n of [ANA, LUIS]) phone.registered.add(n);
    host = createHost({
      dataDir: tmp.dir,
      engine: () => h.engine,
      port: null,
      logger: silentLogger,
      bot: scriptedBot,
      clock: h.clock,
      settleMs: 0,
      settings: hostSettingsSchema.parse({}),
    });
  }

  async function connect(): Promise<void> {
    await host.start();
    await h.settle();
    ready();
    await settle();
  }

  function ready(): void {
    const client = h.client();
    for (const n of [ANA, LUIS]) client.registered.add(n);
    client.authenticate();
    client.becomeReady();
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await h.settle();
      await host.outbox.idle();
      // The typing pause and the send go through the worker: let them land.
      await h.clock.advance(10_000);
    }
    await flushPromises();
  }

  const sentTo = (phoneNumber: string) =>
    [...FakeWwebjsClient.sharedPhone.get(`${phoneNumber}@c.us`)?.messages ?? []].filter((m) => m.fromMe).map((m) => m.body);

  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  it('PC off: unread chats are read at start and answered once, oldest customer first', async () => {
    await boot();
    phone.receive({ from: `${LUIS}@c.us`, body: 'hola', notifyName: 'Luis' }, { deliver: false });
    await h.clock.advance(MIN);
    phone.receive({ from: `${ANA}@c.us`, body: 'una pizza', notifyName: 'Ana' }, { deliver: false });
    phone.receive({ from: `${ANA}@c.us`, body: 'para llevar', notifyName: 'Ana' }, { deliver: false });
    await h.clock.advance(30 * MIN);
    await connect();
    expect(sentTo(ANA)).toEqual([ES.apology, 'echo 1: una pizza\npara llevar']);
    expect(sentTo(LUIS)).toEqual([ES.apology, 'echo 1: hola']);
    // Oldest waiting customer first.
    const firstSends = h.client().calls.filter((c) => c.startsWith('sendMessage:'));
    expect(firstSends[0]).toBe(`sendMessage:${LUIS}@c.us`);
    // Replying marked the chats read, as WhatsApp Web's sendSeen does.
    expect(FakeWwebjsClient.sharedPhone.get(`${ANA}@c.us`)!.unreadCount).toBe(0);
    expect(host.catchUp.health().recovered).toBe(3);
  });

  it('a worker restart (the browser was killed) and a planned restart: the gap is read at ready', async () => {
    await boot();
    await connect();
    h.client().killBrowser();
    await h.settle();
    phone.receive({ from: `${ANA}@c.us`, body: 'en el hueco' }, { deliver: false });
    await h.clock.advance(5_000);
    await h.settle();
    ready();
    await settle();
    expect(sentTo(ANA)).toEqual(['echo 1: en el hueco']);

    const restarting = h.engine.restartWorker('planned');
    phone.receive({ from: `${ANA}@c.us`, body: 'durante el reinicio' }, { deliver: false });
    await restarting;
    await h.settle();
    ready();
    await settle();
    expect(sentTo(ANA)).toEqual(['echo 1: en el hueco', 'echo 2: durante el reinicio']);
    expect(host.problems.list()).toEqual([]);
  });

  it('events stop: a sweep recovers the message and raises events-silent; an event clears it', async () => {
    await boot();
    await connect();
    await h.clock.advance(5 * MIN);
    h.client().eventsStopped = true;
    h.client().receive({ from: `${ANA}@c.us`, body: 'sin evento' });
    await h.clock.advance(2 * MIN);
    await settle();
    expect(sentTo(ANA)).toEqual(['echo 1: sin evento']);
    // Found soon after it arrived, its event might still have come; the next sweep knows it did not.
    await h.clock.advance(2 * MIN);
    await settle();
    expect(host.problems.list()).toEqual(['events-silent']);
    h.client().eventsStopped = false;
    h.client().receive({ from: `${ANA}@c.us`, body: 'con evento' });
    await settle();
    expect(sentTo(ANA)).toEqual(['echo 1: sin evento', 'echo 2: con evento']);
    expect(host.problems.list()).toEqual([]);
  });

  it("a send whose own message_create never comes back raises events-silent; an echo that returns clears it", async () => {
    await boot();
    await connect();
    // The customer's message arrives by its event; then WhatsApp Web stops emitting, so our answer's
    // own message_create never comes back.
    h.client().receive({ from: `${ANA}@c.us`, body: 'hola' });
    h.client().eventsStopped = true;
    await settle();
    expect(sentTo(ANA)).toEqual(['echo 1: hola']);
    expect(host.problems.list()).toEqual([]);
    await h.clock.advance(2 * MIN);
    await settle();
    expect(host.problems.list()).toEqual(['events-silent']);
    h.client().eventsStopped = false;
    phone.receive({ from: `${ANA}@c.us`, body: 'otra' }, { deliver: false });
    await host.catchUp.sweep('test');
    await settle();
    expect(sentTo(ANA)).toEqual(['echo 1: hola', 'echo 2: otra']);
    expect(host.problems.list()).toEqual([]);
  });

  it('a chat with 10,000 unread messages: one bounded read, handed to staff, one reply', async () => {
    await boot();
    const now = Math.floor(h.clock.now() / 1000);
    for (let i = 0; i < 10_000; i++) {
      phone.receive({ from: `${ANA}@c.us`, body: `spam ${i}`, timestamp: now - 10_000 + i }, { deliver: false });
    }
    await connect();
    expect(sentTo(ANA)).toEqual([ES.tooOld]);
    expect(host.service.handoffs()).toMatchObject([{ phone: ANA, lastMessage: `${ES.handoffNote}: spam 9999` }]);
    expect(h.client().calls.filter((c) => c.startsWith(`fetchMessages:${ANA}@c.us`))).toEqual([`fetchMessages:${ANA}@c.us:50:undefined`]);
    await host.catchUp.sweep('again');
    await settle();
    expect(sentTo(ANA)).toEqual([ES.tooOld]);
  });

  it('an unreadable body is handled (empty), not dropped; a chat that throws is retried next sweep without holding others', async () => {
    await boot();
    const odd: FakeStoredMessage = {
      id: { _serialized: `false_${ANA}@c.us_ODD`, fromMe: false, remote: `${ANA}@c.us` },
      from: `${ANA}@c.us`,
      to: '34600000001@c.us',
      body: '',
      type: 'chat',
      fromMe: false,
      timestamp: Math.floor(h.clock.now() / 1000),
      isStatus: false,
      broadcast: false,
      _data: {},
    };
    Object.defineProperty(odd, 'body', {
      get() {
        throw new Error('body cannot be read');
      },
      enumerable: true,
    });
    phone.store(`${ANA}@c.us`, odd, true);
    phone.receive({ from: `${LUIS}@c.us`, body: 'hola' }, { deliver: false });
    FakeWwebjsClient.sharedPhone.get(`${LUIS}@c.us`)!.failOpen = new Error('Evaluation failed: chat gone');
    await connect();
    expect(sentTo(ANA)).toEqual(['echo 1: ']);
    expect(sentTo(LUIS)).toEqual([]);
    delete FakeWwebjsClient.sharedPhone.get(`${LUIS}@c.us`)!.failOpen;
    await h.clock.advance(2 * MIN);
    await settle();
    expect(sentTo(LUIS)).toEqual(['echo 1: hola']);
    expect(sentTo(ANA)).toEqual(['echo 1: ']);
  });

  it('overlapping sweeps: a sweep asked for during a slow one runs once after it, never alongside', async () => {
    await boot();
    await connect();
    const before = h.client().calls.filter((c) => c === 'getChats').length;
    let inFlight = 0;
    let most = 0;
    const real = h.engine.listRecentIncoming.bind(h.engine);
    h.engine.listRecentIncoming = async (query) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        await h.clock.advance(1_000);
        return await real(query);
      } finally {
        inFlight--;
      }
    };
    phone.receive({ from: `${ANA}@c.us`, body: 'uno' }, { deliver: false });
    const sweeps = [host.catchUp.sweep('a'), host.catchUp.sweep('b'), host.catchUp.sweep('c')];
    await Promise.all(sweeps);
    await settle();
    expect(most).toBe(1);
    expect(h.client().calls.filter((c) => c === 'getChats').length - before).toBe(2);
    expect(sentTo(ANA)).toEqual(['echo 1: uno']);
  });

  it('opens only chats with unread messages or activity after their cursor', async () => {
    await boot();
    for (let i = 0; i < 200; i++) phone.receive({ from: `3460100${String(i).padStart(4, '0')}@c.us`, body: 'viejo', timestamp: 1 }, { deliver: false });
    for (const chat of FakeWwebjsClient.sharedPhone.values()) chat.unreadCount = 0;
    phone.receive({ from: `${ANA}@c.us`, body: 'nuevo' }, { deliver: false });
    await connect();
    const opened = h.client().calls.filter((c) => c.startsWith('fetchMessages:') && !c.endsWith(':true'));
    expect(opened).toEqual([`fetchMessages:${ANA}@c.us:50:undefined`]);
  });
});
