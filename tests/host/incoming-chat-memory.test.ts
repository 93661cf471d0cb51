// What the host remembers about each chat, seen from the restaurant: a message WhatsApp delivers
// twice is answered (and ordered) once, a chat handed to staff shows who and what they last said,
// releasing it gives the customer a fresh conversation, and customers' names are kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import { OrderLifecycle } from '../../electron/orders/order-lifecycle.ts';
import { IncomingMessages } from '../../electron/messaging/incoming-messages.ts';
import { loadMenuFile, SAMPLE_MENU_PATH } from '../../electron/host/menu-source.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { IncomingMessage } from '../../electron/whatsapp/engine.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

const ANA = '34600000001';
const BEA = '34600000002';
const MINUTE = 60_000;

describe('what the host remembers about a chat', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let clock: FakeClock;
  let incoming: IncomingMessages;
  let nextId: number;
  const menu = loadMenuFile(SAMPLE_MENU_PATH);
  const firstItem = menu.categories[0]!.items[0]!;

  beforeEach(() => {
    tmp = makeTempDir();
    store = Store.open(join(tmp.dir, 'db.sqlite'));
    clock = new FakeClock();
    nextId = 1;
    const lifecycle = new OrderLifecycle({
      store,
      clock,
      onChange: () => undefined,
      onOutboxChange: () => undefined,
      locale: () => 'es',
      timezone: () => 'Europe/Madrid',
      undoMs: 5_000,
    });
    incoming = new IncomingMessages({
      store,
      clock,
      logger: silentLogger,
      lifecycle,
      bot: scriptedBot,
      menu: () => menu,
      timezone: () => 'Europe/Madrid',
      onOutboxChange: () => undefined,
      onHandoffsChange: () => undefined,
    });
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  const message = (phone: string, body: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
    id: `m${nextId++}`,
    chatId: `${phone}@c.us`,
    phone,
    body,
    type: 'chat',
    fromMe: false,
    isGroup: false,
    isStatus: false,
    isBroadcast: false,
    at: clock.now(),
    ...extra,
  });
  const replies = (phone: string) => store.outbox.active().filter((e) => e.phone === phone).map((e) => e.body);

  it('answers a message WhatsApp delivers twice once, and places its order once', () => {
    const order = message(ANA, `order ${firstItem.id} 2`, { profileName: 'Ana' });
    expect(incoming.handle(order)).toBe('answered');
    expect(incoming.handle({ ...order })).toBe('duplicate');
    expect(store.orders.count()).toBe(1);
    expect(replies(ANA)).toEqual(['placed #1']);
  });

  it('still recognises a redelivery after the daily clean-up, which forgets only old messages', async () => {
    const old = message(ANA, 'hola');
    incoming.handle(old);
    await clock.advance(2 * MINUTE);
    const recent = message(ANA, 'sigo aquí');
    incoming.handle(recent);
    store.conversations.pruneIncoming(clock.now() - MINUTE);
    expect(incoming.handle({ ...recent })).toBe('duplicate');
    expect(store.conversations.markIncomingSeen(old.id, ANA, clock.now())).toBe(true);
  });

  it('shows staff who asked for a person, since when, and their latest words', async () => {
    incoming.handle(message(ANA, 'hola', { profileName: 'Ana' }));
    await clock.advance(MINUTE);
    const askedAt = clock.now();
    incoming.handle(message(ANA, 'human'));
    expect(store.conversations.get(ANA)).toMatchObject({ handoffSince: askedAt, handoffLast: 'human', profileName: 'Ana' });
    await clock.advance(MINUTE);
    expect(incoming.handle(message(ANA, '¿hay alguien?'))).toBe('with-staff');
    expect(store.conversations.get(ANA)).toMatchObject({ handoffSince: askedAt, handoffLast: '¿hay alguien?' });
  });

  it('lists the chats waiting for staff oldest first', async () => {
    incoming.handle(message(BEA, 'human', { profileName: 'Bea' }));
    await clock.advance(MINUTE);
    incoming.handle(message(ANA, 'human', { profileName: 'Ana' }));
    expect(store.conversations.listHandoffs().map((c) => c.phone)).toEqual([BEA, ANA]);
  });

  it('a released chat starts a fresh conversation with the bot; releasing a chat not with staff does nothing', async () => {
    incoming.handle(message(ANA, 'uno'));
    incoming.handle(message(ANA, 'dos'));
    expect(replies(ANA).at(-1)).toBe('echo 2: dos');
    incoming.handle(message(ANA, 'human'));
    await clock.advance(MINUTE);
    expect(store.conversations.releaseHandoff(ANA, clock.now())).toBe(true);
    expect(store.conversations.listHandoffs()).toEqual([]);
    incoming.handle(message(ANA, 'otra vez'));
    expect(replies(ANA).at(-1)).toBe('echo 1: otra vez');

    incoming.handle(message(BEA, 'hola'));
    expect(store.conversations.releaseHandoff(BEA, clock.now())).toBe(false);
    incoming.handle(message(BEA, 'sigo'));
    expect(replies(BEA).at(-1)).toBe('echo 2: sigo');
  });

  it('keeps the WhatsApp name a customer showed once, when later messages come without it', () => {
    incoming.handle(message(ANA, 'hola', { profileName: 'Ana López' }));
    incoming.handle(message(ANA, 'quiero pedir'));
    expect(store.conversations.get(ANA)!.profileName).toBe('Ana López');
    incoming.handle(message(ANA, 'human'));
    expect(store.conversations.get(ANA)!.profileName).toBe('Ana López');
  });

  it('remembers the latest name a customer gave', () => {
    store.conversations.rememberName(ANA, 'Ana', clock.now());
    store.conversations.rememberName(ANA, 'Ana María', clock.now());
    expect(store.conversations.rememberedName(ANA)).toBe('Ana María');
    expect(store.conversations.rememberedName(BEA)).toBeUndefined();
  });
});
