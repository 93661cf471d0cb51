// What a restaurant relies on from the outbox beyond the everyday rules: a customer reads their
// messages in the order they were written, a send left in doubt by a crash goes out first, a send
// that did not happen never costs a rate-limit slot another one used, the card keeps saying why a
// notice is late, WhatsApp's longest "slow down" is honoured, and the send log stays small.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import type { NewOutboxEntry } from '../../electron/store/outbox-repo.ts';
import { Outbox, type OutboxOptions } from '../../electron/messaging/outbox.ts';
import { NotConnectedError, SendError } from '../../electron/whatsapp/engine.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { ScriptedSendEngine } from '../support/scripted-send-engine.ts';

const ANA = '34600000001';
const BEA = '34600000002';
const SECOND = 1_000;
const MINUTE = 60_000;

describe('outbox guarantees', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  let store: Store;
  let clock: FakeClock;
  let engine: ScriptedSendEngine;
  let outbox: Outbox | undefined;

  beforeEach(() => {
    tmp = makeTempDir();
    dbPath = join(tmp.dir, 'db.sqlite');
    store = Store.open(dbPath);
    clock = new FakeClock();
    engine = new ScriptedSendEngine(() => clock.now());
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
    outbox = new Outbox({ store, engine, clock, logger: silentLogger, ...options });
    outbox.start();
    return outbox;
  };

  /** The host stops mid-send: the row says "sending", the engine may or may not have sent it. */
  const crashAndReopen = async () => {
    await outbox?.stop();
    outbox = undefined;
    store.close();
    store = Store.open(dbPath);
    engine = new ScriptedSendEngine(() => clock.now());
  };

  describe('order within a chat', () => {
    it('sends a customer the messages written while WhatsApp was down in the order they were written', async () => {
      engine.state = 'reconnecting';
      startOutbox({ rateLimits: null });
      for (const n of [1, 2, 3]) {
        enqueue(`ana${n}`, ANA, { body: `mensaje ${n}` });
        await clock.advance(10 * SECOND);
      }
      enqueue('bea1', BEA);
      await outbox!.idle();
      expect(engine.delivered).toEqual([]);
      engine.state = 'connected';
      outbox!.kick();
      await outbox!.idle();
      expect(engine.keys()).toEqual(['ana1', 'ana2', 'ana3', 'bea1']);
    });

    it('keeps that order across a restart, oldest first, whatever the keys say', async () => {
      enqueue('zz-first', ANA);
      await clock.advance(SECOND);
      enqueue('aa-second', ANA);
      await clock.advance(SECOND);
      enqueue('mm-third', ANA);
      await crashAndReopen();
      await startOutbox({ rateLimits: null }).idle();
      expect(engine.keys()).toEqual(['zz-first', 'aa-second', 'mm-third']);
    });
  });

  describe('after a crash', () => {
    it('resends the message left in doubt before anything newer, even a more urgent reply', async () => {
      enqueue('notice', ANA, { priority: 5 });
      await clock.advance(SECOND);
      enqueue('older-bulk', BEA, { priority: 0 });
      // The crash: marked sending, the engine was called, the host died before it heard back.
      store.outbox.markSending('notice');
      await crashAndReopen();
      enqueue('reply', BEA, { priority: 10 });
      await startOutbox({ rateLimits: { perChatPerMinute: 30, sessionPerMinute: 1 } }).idle();
      expect(engine.keys()).toEqual(['notice']);
      expect(engine.delivered[0]!.idempotencyKey).toBe('notice');
      expect(store.outbox.get('notice')).toMatchObject({ state: 'sent', attempts: 2 });
      await clock.advance(2 * MINUTE);
      expect(engine.keys()).toEqual(['notice', 'reply', 'older-bulk']);
    });

    it('never resends what was delivered or withdrawn before the crash', async () => {
      enqueue('sent', ANA);
      enqueue('failed', ANA, { body: 'otro' });
      enqueue('cancelled', BEA);
      store.outbox.markSending('sent');
      store.outbox.markSent('sent', clock.now());
      store.outbox.markFailed('failed', 'not on WhatsApp');
      store.outbox.cancelPending(['cancelled']);
      await crashAndReopen();
      await startOutbox({ rateLimits: null }).idle();
      expect(engine.delivered).toEqual([]);
      expect(store.outbox.active()).toEqual([]);
    });
  });

  describe('rate-limit slots', () => {
    it('a retry refused as not connected gives back only its own slot, not the one the first try used', async () => {
      const limits = { perChatPerMinute: 2, sessionPerMinute: 100 };
      engine.failures = [new Error('timeout'), new NotConnectedError('reconnecting')];
      enqueue('a1', ANA);
      const t0 = clock.now();
      await startOutbox({ rateLimits: limits }).idle();
      await clock.advance(2 * SECOND); // the retry: refused, not connected
      expect(engine.calls).toBe(2);
      await clock.advance(5 * SECOND); // looked at again: delivered
      expect(engine.keys()).toEqual(['a1']);
      // Two calls reached WhatsApp in this minute (the failed first try and the delivery).
      enqueue('a2', ANA);
      outbox!.kick();
      await outbox!.idle();
      expect(engine.keys()).toEqual(['a1']);
      await clock.advance(t0 + MINUTE - clock.now() - 1);
      expect(engine.keys()).toEqual(['a1']);
      await clock.advance(1);
      expect(engine.keys()).toEqual(['a1', 'a2']);
    });
  });

  describe('what the card shows', () => {
    it('keeps the last real error while a retry waits for the connection', async () => {
      engine.failures = [new Error('timeout'), new NotConnectedError('reconnecting')];
      enqueue('a1', ANA);
      await startOutbox({ rateLimits: null }).idle();
      expect(store.outbox.get('a1')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'timeout' });
      await clock.advance(2 * SECOND);
      expect(engine.calls).toBe(2);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'timeout' });
      await clock.advance(5 * SECOND);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    });

    it('shows WhatsApp\'s own words when it asks to slow down', async () => {
      engine.failures = [new Error('timeout'), new SendError('rate-overlimit', { permanent: false, retryAfterMs: 30_000 })];
      enqueue('a1', ANA);
      await startOutbox().idle();
      await clock.advance(2 * SECOND);
      expect(store.outbox.get('a1')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'rate-overlimit' });
    });
  });

  describe('the repository\'s promises', () => {
    it('a later, shorter "slow down" never cuts short a longer hold still running', () => {
      const t = clock.now();
      expect(store.outbox.sessionPausedUntil()).toBe(0);
      store.outbox.pauseSessionUntil(t + 10 * MINUTE);
      store.outbox.pauseSessionUntil(t + MINUTE);
      expect(store.outbox.sessionPausedUntil()).toBe(t + 10 * MINUTE);
      store.outbox.pauseSessionUntil(t + 20 * MINUTE);
      expect(store.outbox.sessionPausedUntil()).toBe(t + 20 * MINUTE);
    });

    it('forgets one refused send by its key and time, keeping the key\'s other sends and other keys', () => {
      store.outbox.recordSend('a1', ANA, 1_000);
      store.outbox.recordSend('a1', ANA, 3_000);
      store.outbox.recordSend('b1', BEA, 3_000);
      store.outbox.forgetSend('a1', 3_000);
      expect(store.outbox.sendsSince(0)).toEqual([
        { phone: ANA, at: 1_000 },
        { phone: BEA, at: 3_000 },
      ]);
    });

    it('lists recent sends oldest first and prunes exactly those at or before the cut', () => {
      store.outbox.recordSend('c', ANA, 3_000);
      store.outbox.recordSend('a', BEA, 1_000);
      store.outbox.recordSend('b', ANA, 2_000);
      store.outbox.recordSend('d', BEA, 4_000);
      expect(store.outbox.sendsSince(1_000).map((s) => s.at)).toEqual([2_000, 3_000, 4_000]);
      store.outbox.pruneSends(2_000);
      expect(store.outbox.sendsSince(0).map((s) => s.at)).toEqual([3_000, 4_000]);
    });

    it('keeps the send log to the last minute while the outbox works through a busy day', async () => {
      const limits = { perChatPerMinute: 30, sessionPerMinute: 10 };
      startOutbox({ rateLimits: limits });
      for (let n = 0; n < 30; n++) {
        enqueue(`m${n}`, n % 2 ? ANA : BEA, { body: `pedido ${n}` });
        outbox!.kick();
        await clock.advance(10 * MINUTE);
      }
      expect(engine.delivered).toHaveLength(30);
      const rows = store.db.prepare('SELECT COUNT(*) AS n FROM outbox_sends').get() as { n: number };
      expect(rows.n).toBeLessThanOrEqual(1);
    });

    it('withdraws only messages not sent yet, and says how many', () => {
      enqueue('p', ANA);
      enqueue('s', ANA, { body: 'x' });
      store.outbox.markSending('s');
      expect(store.outbox.cancelPending(['p', 's', 'missing'])).toBe(1);
      expect(store.outbox.get('p')!.state).toBe('cancelled');
      expect(store.outbox.get('s')!.state).toBe('sending');
    });

    it('treats a repeated key as the same message', () => {
      expect(enqueue('k', ANA, { body: 'uno' })).toBe(true);
      expect(enqueue('k', ANA, { body: 'dos' })).toBe(false);
      expect(store.outbox.get('k')!.body).toBe('uno');
      expect(store.outbox.counts()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0, cancelled: 0 });
    });
  });
});
