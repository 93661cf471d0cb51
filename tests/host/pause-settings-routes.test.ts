import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BotHandler } from '../../electron/bot/bot-types.ts';
import type { HostSettings } from '../../shared/settings.ts';
import type { OrdersPause, SetupState } from '../../shared/owner-api.ts';
import type { KdsSnapshot } from '../../shared/kds-api.ts';
import type { Order } from '../../shared/order.ts';
import { scriptedBot } from '../support/scripted-bot.ts';
import { testHost, type TestHost } from './owner-support.ts';

describe('pause and resume new orders', () => {
  let t: TestHost;
  const seen: (number | null | undefined)[] = [];
  // Records what the bot is told about the pause, then answers as the scripted bot does.
  const bot: BotHandler = (input, effects) => {
    seen.push(input.pausedUntil);
    return scriptedBot(input, effects);
  };
  beforeEach(async () => {
    seen.length = 0;
    t = testHost();
    await t.start({ bot });
  });
  afterEach(async () => t.cleanup());

  const health = async () => (await fetch(`${t.base}/api/health`).then((r) => r.json())) as { pause: OrdersPause };
  const snapshot = async () => (await t.api.get<KdsSnapshot>('/api/snapshot')).body;

  it('pauses for some minutes: in health, the snapshot, the bot and an event, and ends by itself', async () => {
    const start = t.clock.now();
    expect((await health()).pause).toEqual({ paused: false });
    const res = await t.api.post<OrdersPause>('/api/orders/pause', { minutes: 20 });
    expect(res.status).toBe(200);
    const until = new Date(start + 20 * 60_000).toISOString();
    expect(res.body).toEqual({ paused: true, since: new Date(start).toISOString(), until });
    expect((await health()).pause).toEqual(res.body);
    expect((await snapshot()).pause).toEqual(res.body);
    expect(t.events).toContainEqual({ type: 'pause', pause: res.body });

    await t.api.say('34600111222', 'hola');
    expect(seen.at(-1)).toBe(start + 20 * 60_000);

    await t.clock.advance(20 * 60_000 - 1);
    expect((await health()).pause.paused).toBe(true);
    await t.clock.advance(1);
    expect((await health()).pause).toEqual({ paused: false });
    expect(t.events.at(-1)).toEqual({ type: 'pause', pause: { paused: false } });
    await t.api.say('34600111222', 'hola otra vez');
    expect(seen.at(-1)).toBeUndefined();
  });

  it('pauses until resumed (minutes null or left out), and resumes', async () => {
    expect((await t.api.post<OrdersPause>('/api/orders/pause', {})).body).toMatchObject({ paused: true });
    expect((await t.api.post<OrdersPause>('/api/orders/pause', { minutes: null })).body.until).toBeUndefined();
    await t.api.say('34600111222', 'hola');
    expect(seen.at(-1)).toBeNull();
    await t.clock.advance(48 * 3600_000);
    expect((await health()).pause.paused).toBe(true);
    expect((await t.api.post<OrdersPause>('/api/orders/resume')).body).toEqual({ paused: false });
    expect((await snapshot()).pause).toEqual({ paused: false });
  });

  it('refuses a bad duration with 400 and changes nothing', async () => {
    for (const minutes of [0, -5, 2.5, '10', 24 * 60 + 1]) {
      const res = await t.api.post<{ error: { code: string; message: string } }>('/api/orders/pause', { minutes });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/minutes/);
    }
    expect((await health()).pause).toEqual({ paused: false });
  });

  it('keeps a pause across a restart, and ends one that ran out while the host was off', async () => {
    await t.api.post('/api/orders/pause', {});
    await t.restart({ bot });
    expect((await health()).pause.paused).toBe(true);
    await t.api.post('/api/orders/pause', { minutes: 10 });
    await t.stop();
    await t.clock.advance(11 * 60_000);
    await t.start({ bot });
    expect((await health()).pause).toEqual({ paused: false });
  });
});

describe('GET|PUT /api/settings', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
  });
  afterEach(async () => t.cleanup());

  it('answers the settings with every default, and merges a partial update (nested objects key by key, arrays whole)', async () => {
    await t.start();
    const initial = (await t.api.get<HostSettings>('/api/settings')).body;
    expect(initial).toMatchObject({ undoSeconds: 5, etaChoices: [10, 20, 30], whatsapp: { perChatPerMinute: 30, sessionPerMinute: 10 }, printing: { autoPrint: 'off' } });
    const res = await t.api.request<HostSettings>('PUT', '/api/settings', { undoSeconds: 12, etaChoices: [15], whatsapp: { perChatPerMinute: 5 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ undoSeconds: 12, etaChoices: [15], whatsapp: { perChatPerMinute: 5, sessionPerMinute: 10, plannedRestartAt: '04:00' } });
    expect(t.events).toContainEqual({ type: 'settings', settings: res.body });
    // Live: the kitchen screens see it at once.
    expect((await t.api.get<KdsSnapshot>('/api/snapshot')).body.settings).toMatchObject({ undoSeconds: 12, etaChoices: [15] });
    // null clears an optional key, and sets one where null means something.
    await t.api.request('PUT', '/api/settings', { whatsapp: { ownerPhone: '34600111222' } });
    const cleared = await t.api.request<HostSettings>('PUT', '/api/settings', { whatsapp: { ownerPhone: null, plannedRestartAt: null } });
    expect(cleared.body.whatsapp.ownerPhone).toBeUndefined();
    expect(cleared.body.whatsapp.plannedRestartAt).toBeNull();
    await t.restart();
    expect((await t.api.get<HostSettings>('/api/settings')).body).toEqual(cleared.body);
  });

  it.each([
    [{ undoSeconds: 999 }, /undoSeconds/],
    [{ etaChoices: [] }, /etaChoices/],
    [{ whatsapp: { perChatPerMinute: 'many' } }, /whatsapp\.perChatPerMinute/],
    [{ whatsapp: { ownerPhone: 'call me' } }, /whatsapp\.ownerPhone/],
    [{ timezone: 'Mars/Olympus' }, /timezone: unknown time zone/],
    [{ colour: 'red' }, /unknown setting "colour"/],
    [{ whatsapp: { turbo: true } }, /unknown setting "whatsapp\.turbo"/],
    [{ printing: { printers: [{ id: 'p', name: 'P', kind: 'network' }] } }, /printing\.printers\.0\.host/],
    [[1, 2], /expected record|object/],
  ])('refuses %j with 400 and the reason; nothing changes', async (patch, reason) => {
    await t.start();
    const before = (await t.api.get<HostSettings>('/api/settings')).body;
    const res = await t.api.request<{ error: { code: string; message: string } }>('PUT', '/api/settings', patch);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(reason);
    expect((await t.api.get<HostSettings>('/api/settings')).body).toEqual(before);
  });

  it('applies undoSeconds live: the undo window follows the new value without a restart', async () => {
    await t.start();
    await t.api.request('PUT', '/api/settings', { undoSeconds: 30 });
    await t.api.say('34600111222', 'order clasica 1');
    const order = (await t.api.get<Order[]>('/api/orders')).body.at(-1)!;
    await t.api.post(`/api/orders/${order.id}/transition`, { to: 'accepted', undoable: true });
    await t.clock.advance(20_000);
    expect((await t.api.post(`/api/orders/${order.id}/undo`)).status).toBe(200);
  });

  it('imports settings.json on the first start, then the database is what counts; the install counts as set up', async () => {
    writeFileSync(join(t.dir, 'settings.json'), JSON.stringify({ undoSeconds: 9, whatsapp: { sessionPerMinute: 4 } }));
    await t.start();
    expect((await t.api.get<HostSettings>('/api/settings')).body).toMatchObject({ undoSeconds: 9, whatsapp: { sessionPerMinute: 4 } });
    expect((await t.api.get<SetupState>('/api/setup')).body.completed).toBe(true);
    await t.api.request('PUT', '/api/settings', { undoSeconds: 3 });
    writeFileSync(join(t.dir, 'settings.json'), JSON.stringify({ undoSeconds: 40 }));
    await t.restart();
    expect((await t.api.get<HostSettings>('/api/settings')).body.undoSeconds).toBe(3);
  });

  it('leaves a broken settings.json for the owner to fix and imports it once it is good', async () => {
    writeFileSync(join(t.dir, 'settings.json'), '{ "undoSeconds": ');
    await t.start();
    expect((await t.api.get<HostSettings>('/api/settings')).body.undoSeconds).toBe(5);
    writeFileSync(join(t.dir, 'settings.json'), JSON.stringify({ undoSeconds: 7 }));
    await t.restart();
    expect((await t.api.get<HostSettings>('/api/settings')).body.undoSeconds).toBe(7);
  });
});

describe('first run: GET|PUT /api/setup', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
  });
  afterEach(async () => t.cleanup());

  it('a fresh data directory is not set up; steps add up, survive a restart, and completed ends the flow', async () => {
    await t.start();
    expect((await t.api.get<SetupState>('/api/setup')).body).toEqual({ completed: false, done: [] });
    await t.api.request('PUT', '/api/setup', { done: ['restaurant'] });
    const res = await t.api.request<SetupState>('PUT', '/api/setup', { done: ['country', 'pin'] });
    expect(res.body).toEqual({ completed: false, done: ['country', 'restaurant', 'pin'] });
    expect(t.events).toContainEqual({ type: 'setup', setup: res.body });
    await t.restart();
    expect((await t.api.get<SetupState>('/api/setup')).body.done).toEqual(['country', 'restaurant', 'pin']);
    expect((await t.api.request<SetupState>('PUT', '/api/setup', { completed: true })).body.completed).toBe(true);
    expect((await t.api.request('PUT', '/api/setup', { done: ['dessert'] })).status).toBe(400);
  });

  it('an install that already had orders before first-run existed counts as set up', async () => {
    await t.start();
    await t.api.say('34600111222', 'order clasica 1');
    // As a database written before this version: orders, no first-run record.
    t.host.store.settings.delete('setup');
    await t.restart();
    expect((await t.api.get<SetupState>('/api/setup')).body.completed).toBe(true);
  });
});
