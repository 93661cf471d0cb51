// Sending through the real engine and worker logic against the fake Client: not connected, numbers
// not on WhatsApp (cached 24 h), the human-like typing, rate limits and no duplicate after a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotConnectedError, SendError } from '../../electron/whatsapp/engine.ts';
import { typingDelayMs } from '../../electron/whatsapp/whatsapp-engine.ts';
import { NumberCheckCache } from '../../electron/whatsapp/number-check-cache.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { createEngineHarness, type EngineHarness } from '../support/whatsapp-engine-harness.ts';

let h: EngineHarness | undefined;
afterEach(async () => {
  await h?.engine.stop();
  h = undefined;
});

const CUSTOMER = '34600111222';

async function connected(): Promise<EngineHarness> {
  const harness = createEngineHarness();
  await harness.connect();
  harness.client().registered.add(CUSTOMER);
  return harness;
}

describe('send', () => {
  it('throws NotConnectedError while not connected, without touching WhatsApp', async () => {
    h = createEngineHarness();
    await h.engine.start();
    await h.settle();
    h.client().emitQr();
    await h.settle();
    await expect(h.engine.send({ to: CUSTOMER, body: 'hola', idempotencyKey: 'k1' })).rejects.toBeInstanceOf(NotConnectedError);
    expect(h.client().calls.filter((c) => c.startsWith('getNumberId') || c.startsWith('sendMessage'))).toEqual([]);
  });

  it('marks seen, types for a while that grows with the text, then sends and clears typing', async () => {
    h = await connected();
    const result = await h.engine.send({ to: CUSTOMER, body: 'Tu pedido #12 está listo para recoger', idempotencyKey: 'k1' });
    const chat = `${CUSTOMER}@c.us`;
    expect(result).toEqual({ messageId: `true_${chat}_MSG1`, duplicate: false });
    expect(h.client().calls.filter((c) => !c.startsWith('getState'))).toEqual([
      'initialize',
      `getNumberId:${CUSTOMER}`,
      `sendSeen:${chat}`,
      `sendStateTyping:${chat}`,
      `sendMessage:${chat}`,
      `clearState:${chat}`,
    ]); // a first try never looks at the chat history
    expect(h.client().sent[0]).toMatchObject({ chatId: chat, body: 'Tu pedido #12 está listo para recoger', options: { sendSeen: false } });
    expect(h.workers.sleeps).toEqual([typingDelayMs('Tu pedido #12 está listo para recoger', () => 0.5)]);
    expect(h.engine.lastActivityAt()).toBe(h.clock.now());
  });

  it('typing time: at least 1 s, at most 6 s, longer for longer texts, jittered by the injected random', () => {
    expect(typingDelayMs('ok', () => 0)).toBe(1_000);
    expect(typingDelayMs('x'.repeat(2_000), () => 1)).toBe(6_000);
    const short = typingDelayMs('x'.repeat(20), () => 0.5);
    const long = typingDelayMs('x'.repeat(100), () => 0.5);
    expect(long).toBeGreaterThan(short);
    expect(typingDelayMs('x'.repeat(60), () => 0.9)).toBeGreaterThan(typingDelayMs('x'.repeat(60), () => 0.1));
  });

  it('a number not on WhatsApp is a permanent SendError, and the answer is cached for 24 h', async () => {
    h = await connected();
    const send = (key: string) => h!.engine.send({ to: '34999000111', body: 'hola', idempotencyKey: key });
    const error = await send('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ permanent: true, message: 'number not on WhatsApp' });
    await expect(send('b')).rejects.toMatchObject({ permanent: true });
    const checks = () => h!.client().calls.filter((c) => c === 'getNumberId:34999000111').length;
    expect(checks()).toBe(1);
    await h.clock.advance(24 * 3600_000);
    await expect(send('c')).rejects.toMatchObject({ permanent: true });
    expect(checks()).toBe(2);
    expect(h.client().sent).toEqual([]);
  });

  it('a message that went out before its worker died is reported as a duplicate, not sent again', async () => {
    h = await connected();
    const first = h.client();
    // The worker dies right after WhatsApp took the message, before it could answer.
    first.afterSend = () => h!.workers.latest().handle.kill('SIGKILL');
    await expect(h.engine.send({ to: CUSTOMER, body: 'Pedido aceptado', idempotencyKey: 'order-1-accepted' })).rejects.toBeInstanceOf(NotConnectedError);
    await h.clock.advance(1_000);
    const second = h.client();
    expect(second).not.toBe(first);
    second.registered.add(CUSTOMER);
    second.sent.push(...first.sent); // WhatsApp's chat history survives the browser
    second.becomeReady();
    await h.settle();
    const result = await h.engine.send({ to: CUSTOMER, body: 'Pedido aceptado', idempotencyKey: 'order-1-accepted' });
    expect(result).toEqual({ messageId: first.sent[0]!.id, duplicate: true });
    expect(second.calls.filter((c) => c.startsWith('sendMessage'))).toEqual([]);
    expect(second.sent).toHaveLength(1);
  });

  it('after a host crash mid-send, the next engine finds the send in its journal and does not send twice', async () => {
    const temp = makeTempDir('comanda-journal-');
    const journal = join(temp.dir, 'sends-in-doubt.json');
    try {
      const before = createEngineHarness({ engine: { sendJournalPath: journal } });
      await before.connect();
      const first = before.client();
      first.registered.add(CUSTOMER);
      // WhatsApp takes the message, then the host dies before anything is confirmed.
      first.afterSend = () => {
        before.workers.latest().handle.send = () => undefined;
      };
      first.sendMessage = ((original) =>
        async (...args: Parameters<typeof original>) => {
          await original(...args);
          return new Promise<never>(() => undefined);
        })(first.sendMessage.bind(first));
      void before.engine.send({ to: CUSTOMER, body: 'Pedido aceptado', idempotencyKey: 'order-7-accepted' }).catch(() => undefined);
      await before.settle();
      expect(first.sent).toHaveLength(1);
      expect(JSON.parse(readFileSync(journal, 'utf8'))).toHaveProperty('order-7-accepted');
      expect(readFileSync(journal, 'utf8')).not.toContain('Pedido aceptado'); // hashes only

      h = createEngineHarness({ engine: { sendJournalPath: journal } });
      await h.connect();
      h.client().registered.add(CUSTOMER);
      h.client().sent.push(...first.sent);
      const result = await h.engine.send({ to: CUSTOMER, body: 'Pedido aceptado', idempotencyKey: 'order-7-accepted' });
      expect(result).toEqual({ messageId: first.sent[0]!.id, duplicate: true });
      expect(h.client().calls.filter((c) => c.startsWith('sendMessage'))).toEqual([]);
      expect(JSON.parse(readFileSync(journal, 'utf8'))).toEqual({});
    } finally {
      temp.cleanup();
    }
  });

  it('a send whose worker died before WhatsApp took it goes out on the retry', async () => {
    h = await connected();
    const first = h.client();
    first.sendError = new Error('Protocol error (Runtime.callFunctionOn): Target closed');
    await expect(h.engine.send({ to: CUSTOMER, body: 'Pedido listo', idempotencyKey: 'k-ready' })).rejects.toMatchObject({ permanent: false });
    first.sendError = undefined;
    const result = await h.engine.send({ to: CUSTOMER, body: 'Pedido listo', idempotencyKey: 'k-ready' });
    expect(result.duplicate).toBe(false);
    expect(first.sent.map((m) => m.body)).toEqual(['Pedido listo']);
  });

  it('the same body under another key is sent (duplicate suppression by body is the outbox’s job)', async () => {
    h = await connected();
    await h.engine.send({ to: CUSTOMER, body: 'Hola', idempotencyKey: 'a' });
    const again = await h.engine.send({ to: CUSTOMER, body: 'Hola', idempotencyKey: 'b' });
    expect(again.duplicate).toBe(false);
    expect(h.client().sent).toHaveLength(2);
  });

  it('a rate-limit error from WhatsApp is a SendError with retryAfterMs', async () => {
    h = await connected();
    h.client().sendError = new Error('rate-overlimit');
    await expect(h.engine.send({ to: CUSTOMER, body: 'hola', idempotencyKey: 'k' })).rejects.toMatchObject({
      name: 'SendError',
      permanent: false,
      retryAfterMs: 60_000,
    });
  });

  it('a send the worker never answers times out as a retryable SendError, and the retry looks before sending', async () => {
    h = await connected();
    await h.engine.send({ to: CUSTOMER, body: 'primero', idempotencyKey: 'k0' }); // the number is now cached
    const worker = h.workers.latest();
    const deliver = worker.handle.send;
    worker.handle.send = () => undefined; // the worker hangs: requests get no answer
    const sending = h.engine.send({ to: CUSTOMER, body: 'hola', idempotencyKey: 'k' }).catch((e: unknown) => e);
    await h.clock.advance(60_000 + 6_000);
    const error = await sending;
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ permanent: false, retryAfterMs: 30_000 });
    worker.handle.send = deliver;
    const retry = await h.engine.send({ to: CUSTOMER, body: 'hola', idempotencyKey: 'k' });
    expect(retry.duplicate).toBe(false);
    expect(h.client().calls).toContain(`fetchMessages:${CUSTOMER}@c.us:20:true`);
    expect(h.client().calls.filter((c) => c.startsWith('sendMessage'))).toHaveLength(2);
  });
});

describe('incoming messages', () => {
  it('maps whatsapp-web.js messages and hands them to onMessage listeners', async () => {
    h = await connected();
    const got: unknown[] = [];
    h.engine.onMessage((m) => got.push(m));
    const at = h.clock.now();
    h.client().receive({ from: `${CUSTOMER}@c.us`, body: 'quiero dos clásicas', id: 'false_34600111222@c.us_AAA', notifyName: 'Ana', timestamp: Math.floor(at / 1000) });
    h.client().receive({ from: '120363000000@g.us', author: '34655000111@c.us', body: 'hola grupo', id: 'g1' });
    await h.settle();
    expect(got).toEqual([
      {
        id: 'false_34600111222@c.us_AAA',
        chatId: `${CUSTOMER}@c.us`,
        phone: CUSTOMER,
        profileName: 'Ana',
        body: 'quiero dos clásicas',
        type: 'chat',
        fromMe: false,
        isGroup: false,
        isStatus: false,
        isBroadcast: false,
        at: Math.floor(at / 1000) * 1000,
      },
      expect.objectContaining({ id: 'g1', isGroup: true, phone: '34655000111' }),
    ]);
    expect(h.engine.lastActivityAt()).toBe(h.clock.now());
  });
});

describe('NumberCheckCache', () => {
  it('keeps both answers for the TTL and evicts the oldest beyond its size', async () => {
    const clock = new FakeClock();
    const cache = new NumberCheckCache({ clock, ttlMs: 1_000, maxEntries: 2 });
    let asked = 0;
    const check = async (phone: string) => {
      asked++;
      return phone === '1' ? null : `${phone}@c.us`;
    };
    expect(await cache.resolve('1', check)).toBeNull();
    expect(await cache.resolve('1', check)).toBeNull();
    expect(asked).toBe(1);
    await cache.resolve('2', check);
    await cache.resolve('3', check);
    expect(cache.get('1')).toBeUndefined(); // evicted
    expect(cache.get('3')).toBe('3@c.us');
    await clock.advance(1_000);
    expect(cache.get('3')).toBeUndefined();
  });
});
