// The outbox's rules for sending safely on one WhatsApp number: rate limits, FIFO within a chat,
// priorities, the 5-minute duplicate window, retries, WhatsApp's "slow down", scheduled sends, and
// all of it surviving a restart. Every wait is driven by FakeClock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Store } from '../../electron/store/store.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import type { NewOutboxEntry, OutboxEntry } from '../../electron/store/outbox-repo.ts';
import { Outbox, type OutboxOptions } from '../../electron/messaging/outbox.ts';
import { OrderLifecycle } from '../../electron/orders/order-lifecycle.ts';
import { NotConnectedError, SendError } from '../../electron/whatsapp/engine.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { ScriptedSendEngine } from '../support/scripted-send-engine.ts';

const ANA = '34600000001';
const BEA = '34600000002';
const CAR = '34600000003';
const MINUTE = 60_000;

describe('outbox sending rules', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  let store: Store;
  let clock: FakeClock;
  let engine: ScriptedSendEngine;
  let outbox: Outbox | undefined;
  let changes: OutboxEntry[];

  beforeEach(() => {
    tmp = makeTempDir();
    dbPath = join(tmp.dir, 'db.sqlite');
    store = Store.open(dbPath);
    clock = new FakeClock();
    engine = new ScriptedSendEngine(() => clock.now());
    changes = [];
  });
  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    store.close();
    tmp.cleanup();
  });

  const enqueue = (key: string, phone: string, extra: Partial<NewOutboxEntry> = {}) =>
    store.outbox.enqueue({ key, phone, body: `body ${key}`, kind: 'reply', createdAt: clock.now(), ...extra });

  const startOutbox = (options: Partial<OutboxOptions> = {}) => {
    outbox = new Outbox({
      store,
      engine,
      clock,
      logger: silentLogger,
      onEntryChange: (entry) => changes.push(entry),
      ...options,
    });
    outbox.start();
    return outbox;
  };

  describe('rate limits', () => {
    it('holds a chat at its per-minute limit without failing or counting attempts, and lets other chats through', async () => {
      for (const n of [1, 2, 3, 4, 5]) enqueue(`ana${n}`, ANA);
      enqueue('bea1', BEA);
      await startOutbox({ rateLimits: { perChatPerMinute: 3, sessionPerMinute: 100 } }).idle();
      expect(engine.keys()).toEqual(['ana1', 'ana2', 'ana3', 'bea1']);
      expect(store.outbox.get('ana4')).toMatchObject({ state: 'pending', attempts: 0, lastError: null });

      await clock.advance(MINUTE - 1);
      expect(engine.delivered).toHaveLength(4);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['ana1', 'ana2', 'ana3', 'bea1', 'ana4', 'ana5']);
      expect(engine.delivered.at(-1)!.at).toBe(engine.delivered[0]!.at + MINUTE);
    });

    it('uses a sliding minute: a held message goes when the oldest send in the way is a minute old', async () => {
      const limits = { perChatPerMinute: 2, sessionPerMinute: 100 };
      enqueue('a1', ANA);
      startOutbox({ rateLimits: limits });
      await outbox!.idle();
      await clock.advance(20_000);
      enqueue('a2', ANA);
      enqueue('a3', ANA);
      outbox!.kick();
      await outbox!.idle();
      expect(engine.keys()).toEqual(['a1', 'a2']);
      const t0 = engine.delivered[0]!.at;
      await clock.advance(MINUTE - 20_000 - 1);
      expect(engine.delivered).toHaveLength(2);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['a1', 'a2', 'a3']);
      expect(engine.delivered[2]!.at).toBe(t0 + MINUTE);
    });

    it('holds every chat when the session is at its per-minute limit', async () => {
      enqueue('a1', ANA);
      enqueue('b1', BEA);
      enqueue('c1', CAR);
      enqueue('a2', ANA);
      await startOutbox({ rateLimits: { perChatPerMinute: 30, sessionPerMinute: 2 } }).idle();
      expect(engine.keys()).toEqual(['a1', 'b1']);
      await clock.advance(MINUTE - 1);
      expect(engine.delivered).toHaveLength(2);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['a1', 'b1', 'c1', 'a2']);
      expect(store.outbox.counts()).toMatchObject({ sent: 4, pending: 0, failed: 0 });
    });

    it('defaults to 30 per chat and 10 per session each minute', async () => {
      for (let n = 0; n < 12; n++) enqueue(`k${n}`, n % 2 ? ANA : BEA);
      await startOutbox().idle();
      expect(engine.delivered).toHaveLength(10);
      await clock.advance(MINUTE);
      expect(engine.delivered).toHaveLength(12);
    });

    it('sends without limits when told there are none (the simulator)', async () => {
      for (let n = 0; n < 50; n++) enqueue(`k${n}`, ANA, { body: `text ${n}` });
      await startOutbox({ rateLimits: null }).idle();
      expect(engine.delivered).toHaveLength(50);
    });

    it('gives back the slot of a send refused as not connected', async () => {
      engine.failures = [new NotConnectedError('reconnecting')];
      enqueue('a1', ANA);
      await startOutbox({ rateLimits: { perChatPerMinute: 1, sessionPerMinute: 1 } }).idle();
      expect(engine.delivered).toHaveLength(0);
      await clock.advance(5_000);
      expect(engine.keys()).toEqual(['a1']);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'sent', attempts: 1 });
    });
  });

  describe('order', () => {
    it('keeps FIFO within a chat while it is held by its limit', async () => {
      for (const n of [1, 2, 3]) enqueue(`a${n}`, ANA);
      await startOutbox({ rateLimits: { perChatPerMinute: 1, sessionPerMinute: 100 } }).idle();
      enqueue('a4', ANA);
      outbox!.kick();
      await clock.advance(3 * MINUTE);
      expect(engine.keys()).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(engine.delivered.map((d) => d.at - engine.delivered[0]!.at)).toEqual([0, MINUTE, 2 * MINUTE, 3 * MINUTE]);
    });

    it('keeps FIFO within a chat while its first message waits for a retry; other chats go on', async () => {
      engine.failures = [new Error('timeout')];
      enqueue('a1', ANA);
      enqueue('a2', ANA);
      enqueue('b1', BEA);
      await startOutbox({ rateLimits: null }).idle();
      expect(engine.keys()).toEqual(['b1']);
      expect(store.outbox.get('a2')).toMatchObject({ state: 'pending', attempts: 0 });
      await clock.advance(2_000);
      expect(engine.keys()).toEqual(['b1', 'a1', 'a2']);
    });

    it('sends by priority then age across chats within the session limit', async () => {
      enqueue('bulk-old', ANA, { priority: 0 });
      enqueue('notice', BEA, { priority: 5 });
      enqueue('bulk-new', CAR, { priority: 0 });
      enqueue('reply', CAR, { priority: 10 });
      await startOutbox({ rateLimits: { perChatPerMinute: 30, sessionPerMinute: 1 } }).idle();
      expect(engine.keys()).toEqual(['reply']);
      await clock.advance(MINUTE);
      // A reply to a customer chatting now, arriving while others wait, still goes first.
      enqueue('reply-2', ANA, { priority: 10 });
      outbox!.kick();
      await clock.advance(3 * MINUTE);
      expect(engine.keys()).toEqual(['reply', 'notice', 'reply-2', 'bulk-old', 'bulk-new']);
    });
  });

  describe('duplicates', () => {
    it('does not send the same text to the same number twice within 5 minutes, even under another key', async () => {
      enqueue('first', ANA, { body: 'Hola, ¿qué te apetece?' });
      startOutbox({ rateLimits: null });
      await outbox!.idle();
      await clock.advance(MINUTE);
      enqueue('second', ANA, { body: 'Hola, ¿qué te apetece?' });
      outbox!.kick();
      await outbox!.idle();
      expect(engine.keys()).toEqual(['first']);
      expect(store.outbox.get('second')).toMatchObject({
        state: 'sent',
        duplicateOf: 'first',
        sentAt: clock.now(),
        attempts: 0,
      });
      expect(changes.map((c) => `${c.key}:${c.state}:${c.duplicateOf}`)).toContain('second:sent:first');
    });

    it('sends a different text, the same text to another number, and the same text after 5 minutes', async () => {
      const body = 'Tu pedido está listo';
      enqueue('ana-1', ANA, { body });
      startOutbox({ rateLimits: null });
      await outbox!.idle();
      enqueue('ana-other', ANA, { body: 'Otra cosa' });
      enqueue('bea-1', BEA, { body });
      outbox!.kick();
      await outbox!.idle();
      expect(engine.keys()).toEqual(['ana-1', 'ana-other', 'bea-1']);

      await clock.advance(5 * MINUTE - 1);
      enqueue('ana-2', ANA, { body });
      outbox!.kick();
      await outbox!.idle();
      expect(store.outbox.get('ana-2')!.duplicateOf).toBe('ana-1');

      // Measured from the last real send, not from the suppressed one.
      await clock.advance(1);
      enqueue('ana-3', ANA, { body });
      outbox!.kick();
      await outbox!.idle();
      expect(engine.keys()).toEqual(['ana-1', 'ana-other', 'bea-1', 'ana-3']);
      expect(store.outbox.get('ana-3')).toMatchObject({ state: 'sent', duplicateOf: null });
    });

    it('suppresses a duplicate queued behind the original without using a rate-limit slot', async () => {
      enqueue('x1', ANA, { body: 'same' });
      enqueue('x2', ANA, { body: 'same' });
      enqueue('y1', ANA, { body: 'other' });
      await startOutbox({ rateLimits: { perChatPerMinute: 2, sessionPerMinute: 100 } }).idle();
      expect(engine.keys()).toEqual(['x1', 'y1']);
      expect(store.outbox.get('x2')).toMatchObject({ state: 'sent', duplicateOf: 'x1' });
    });
  });

  describe('failures', () => {
    it('retries 3 times after the first try, 2 s, 4 s and 8 s apart, then fails visibly on the order card', async () => {
      const lifecycle = new OrderLifecycle({
        store,
        clock,
        onChange: () => undefined,
        onOutboxChange: () => outbox?.kick(),
        locale: () => 'es',
        timezone: () => 'Europe/Madrid',
        undoMs: 5_000,
      });
      const order = lifecycle.create({
        customer: { phone: ANA, name: 'Ana' },
        fulfilment: 'pickup',
        payment: 'cash',
        currency: 'EUR',
        items: [{ itemId: 'burger', name: 'Hamburguesa', quantity: 1, unitPrice: 9.5 }],
      });
      engine.failures = [1, 2, 3, 4].map(() => new Error('timeout'));
      startOutbox();
      const t0 = clock.now();
      lifecycle.transition(order.id, { to: 'accepted', etaMinutes: 15 });
      await outbox!.idle();
      const tries: number[] = [engine.calls];
      for (const step of [1999, 1, 3999, 1, 7999, 1]) {
        await clock.advance(step);
        tries.push(engine.calls);
      }
      expect(tries).toEqual([1, 1, 2, 2, 3, 3, 4]);
      expect(clock.now() - t0).toBe(14_000);
      const notice = store.orders.get(order.id)!.notifications[0]!;
      expect(notice).toMatchObject({ state: 'failed', attempts: 4, error: 'timeout' });
      await clock.advance(10 * MINUTE);
      expect(engine.calls).toBe(4);
    });

    it('pauses the whole session when WhatsApp asks to slow down, without spending an attempt', async () => {
      engine.failures = [new SendError('rate-overlimit', { permanent: false, retryAfterMs: 30_000 })];
      enqueue('a1', ANA);
      enqueue('b1', BEA);
      await startOutbox().idle();
      expect(engine.calls).toBe(1);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'pending', attempts: 0, lastError: 'rate-overlimit' });
      expect(store.outbox.get('b1')).toMatchObject({ state: 'pending', attempts: 0 });
      await clock.advance(29_999);
      expect(engine.calls).toBe(1);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['a1', 'b1']);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    });

    it('never turns a zero "retry after" into a busy loop', async () => {
      engine.failures = [new SendError('slow down', { permanent: false, retryAfterMs: 0 })];
      enqueue('a1', ANA);
      await startOutbox().idle();
      expect(engine.calls).toBe(1);
      await clock.advance(999);
      expect(engine.calls).toBe(1);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['a1']);
    });
  });

  describe('scheduled sends', () => {
    it('sends at its time and does not hold back its chat until then', async () => {
      enqueue('later', ANA, { notBefore: clock.now() + 10 * MINUTE });
      enqueue('now', ANA);
      await startOutbox().idle();
      expect(engine.keys()).toEqual(['now']);
      expect(store.outbox.get('later')).toMatchObject({ state: 'pending', notBefore: clock.now() + 10 * MINUTE });
      await clock.advance(10 * MINUTE - 1);
      expect(engine.keys()).toEqual(['now']);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['now', 'later']);
    });

    it('holds an order notice through the undo window and drops it when the change is undone', async () => {
      const lifecycle = new OrderLifecycle({
        store,
        clock,
        onChange: () => undefined,
        onOutboxChange: () => outbox?.kick(),
        locale: () => 'en',
        timezone: () => 'Europe/Madrid',
        undoMs: 5_000,
      });
      const draft = {
        customer: { phone: ANA, name: 'Ana' },
        fulfilment: 'pickup' as const,
        payment: 'cash' as const,
        currency: 'EUR',
        items: [{ itemId: 'burger', name: 'Burger', quantity: 1, unitPrice: 9.5 }],
      };
      const kept = lifecycle.create(draft);
      const undone = lifecycle.create({ ...draft, customer: { phone: BEA, name: 'Bea' } });
      startOutbox();
      lifecycle.transition(kept.id, { to: 'accepted', undoable: true });
      lifecycle.transition(undone.id, { to: 'accepted', undoable: true });
      await clock.advance(4_999);
      expect(engine.delivered).toHaveLength(0);
      lifecycle.undo(undone.id);
      await clock.advance(1);
      expect(engine.delivered.map((d) => d.to)).toEqual([ANA]);
      expect(store.orders.get(undone.id)!.notifications[0]!.state).toBe('cancelled');
    });
  });

  describe('restart', () => {
    const restart = async () => {
      await outbox!.stop();
      outbox = undefined;
      store.close();
      store = Store.open(dbPath);
      engine = new ScriptedSendEngine(() => clock.now());
    };

    it('keeps the rate-limit window across a restart', async () => {
      const limits = { perChatPerMinute: 30, sessionPerMinute: 2 };
      enqueue('a1', ANA);
      enqueue('b1', BEA);
      enqueue('c1', CAR);
      await startOutbox({ rateLimits: limits }).idle();
      await clock.advance(30_000);
      await restart();
      await startOutbox({ rateLimits: limits }).idle();
      expect(engine.delivered).toHaveLength(0);
      await clock.advance(29_999);
      expect(engine.delivered).toHaveLength(0);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['c1']);
    });

    it('keeps a retry wait, a WhatsApp pause and the duplicate window across a restart', async () => {
      engine.failures = [new Error('timeout'), new SendError('slow down', { permanent: false, retryAfterMs: 20_000 })];
      enqueue('a1', ANA);
      enqueue('b1', BEA, { body: 'hola' });
      await startOutbox().idle();
      expect(store.outbox.get('a1')).toMatchObject({ state: 'pending', attempts: 1 });
      expect(store.outbox.get('b1')).toMatchObject({ state: 'pending', attempts: 0 });

      await restart();
      enqueue('b2', BEA, { body: 'hola' });
      await startOutbox().idle();
      await clock.advance(19_999);
      expect(engine.delivered).toHaveLength(0);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['a1', 'b1']);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'sent', attempts: 2 });

      await restart();
      enqueue('b3', BEA, { body: 'hola' });
      await startOutbox().idle();
      expect(engine.delivered).toHaveLength(0);
      expect(store.outbox.get('b2')).toMatchObject({ state: 'sent', duplicateOf: 'b1' });
      expect(store.outbox.get('b3')).toMatchObject({ state: 'sent', duplicateOf: 'b1' });
    });

    it('keeps a scheduled send across a restart', async () => {
      enqueue('later', ANA, { notBefore: clock.now() + 5 * MINUTE });
      await startOutbox().idle();
      await clock.advance(MINUTE);
      await restart();
      await startOutbox().idle();
      await clock.advance(4 * MINUTE - 1);
      expect(engine.delivered).toHaveLength(0);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['later']);
    });

    it('leaves no timer behind after stop', async () => {
      enqueue('later', ANA, { notBefore: clock.now() + MINUTE });
      await startOutbox().idle();
      expect(clock.pendingTimers).toBe(1);
      await outbox!.stop();
      expect(clock.pendingTimers).toBe(0);
    });
  });

  it('upgrades a database written before safe sending without losing a waiting message', () => {
    store.close();
    const oldPath = join(tmp.dir, 'old.sqlite');
    const old = new DatabaseSync(oldPath);
    old.exec(MIGRATIONS[0]!);
    old.exec('PRAGMA user_version = 1');
    const insert = old.prepare(
      `INSERT INTO outbox (key, phone, body, kind, priority, state, attempts, created_at, due_at)
       VALUES (?, ?, 'hola', 'reply', 0, 'pending', ?, 1000, ?)`,
    );
    insert.run('held', ANA, 0, 6000);
    insert.run('retrying', BEA, 2, 9000);
    old.close();
    store = Store.open(oldPath);
    expect(store.outbox.get('held')).toMatchObject({ notBefore: 6000, dueAt: 6000, duplicateOf: null });
    expect(store.outbox.get('retrying')).toMatchObject({ notBefore: 1000, dueAt: 9000, attempts: 2 });
  });
});
