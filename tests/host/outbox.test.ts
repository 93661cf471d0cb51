import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import { Outbox, retryDelay, DEFAULT_BACKOFF } from '../../electron/messaging/outbox.ts';
import { SimulatorEngine } from '../../electron/whatsapp/simulator-engine.ts';
import { NotConnectedError, SendError, type SendRequest, type SendResult } from '../../electron/whatsapp/engine.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/** An engine whose next sends fail as scripted, recording every real delivery. */
class ScriptedEngine {
  delivered: SendRequest[] = [];
  failures: Error[] = [];
  state: WhatsAppStatus['state'] = 'connected';
  getStatus(): WhatsAppStatus {
    return { state: this.state, since: '', engine: 'simulator' };
  }
  async send(request: SendRequest): Promise<SendResult> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.delivered.push(request);
    return { messageId: `m${this.delivered.length}`, duplicate: false };
  }
}

describe('outbox', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let clock: FakeClock;

  beforeEach(() => {
    tmp = makeTempDir();
    store = Store.open(join(tmp.dir, 'db.sqlite'));
    clock = new FakeClock();
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  const enqueue = (key: string, extra: Partial<Parameters<Store['outbox']['enqueue']>[0]> = {}) =>
    store.outbox.enqueue({ key, phone: '34600111222', body: `body ${key}`, kind: 'reply', createdAt: clock.now(), ...extra });

  it('delivers by priority then age, each key once even if enqueued twice', async () => {
    const engine = new ScriptedEngine();
    enqueue('a');
    enqueue('b', { priority: 10 });
    expect(enqueue('a')).toBe(false);
    const outbox = new Outbox({ store, engine, clock, logger: silentLogger });
    outbox.start();
    await outbox.idle();
    expect(engine.delivered.map((d) => d.idempotencyKey)).toEqual(['b', 'a']);
    expect(store.outbox.counts()).toMatchObject({ sent: 2, pending: 0 });
    await outbox.stop();
  });

  it('retries transient failures with exponential backoff from 2 s, then gives up visibly', async () => {
    const engine = new ScriptedEngine();
    const backoff = { baseMs: 2000, maxMs: 60_000, maxAttempts: 3 };
    engine.failures = [new Error('timeout'), new Error('timeout'), new Error('timeout')];
    enqueue('x');
    const outbox = new Outbox({ store, engine, clock, logger: silentLogger, backoff });
    outbox.start();
    await outbox.idle();
    expect(store.outbox.get('x')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'timeout' });
    await clock.advance(1999);
    expect(store.outbox.get('x')!.attempts).toBe(1);
    await clock.advance(1);
    expect(store.outbox.get('x')!.attempts).toBe(2);
    await clock.advance(4000);
    expect(store.outbox.get('x')).toMatchObject({ state: 'failed', attempts: 3 });
    expect(engine.delivered).toHaveLength(0);
    await outbox.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('marks permanent failures at once and moves on', async () => {
    const engine = new ScriptedEngine();
    engine.failures = [new SendError('not on WhatsApp', { permanent: true })];
    enqueue('bad');
    enqueue('good');
    const seen: string[] = [];
    const outbox = new Outbox({ store, engine, clock, logger: silentLogger, onEntryChange: (e) => seen.push(`${e.key}:${e.state}`) });
    outbox.start();
    await outbox.idle();
    expect(store.outbox.get('bad')).toMatchObject({ state: 'failed', lastError: 'not on WhatsApp' });
    expect(seen).toEqual(['bad:failed', 'good:sent']);
    await outbox.stop();
  });

  it('waits while WhatsApp is not connected without spending attempts', async () => {
    const engine = new ScriptedEngine();
    engine.state = 'offline';
    enqueue('w');
    const outbox = new Outbox({ store, engine, clock, logger: silentLogger });
    outbox.start();
    await clock.advance(60_000);
    expect(engine.delivered).toHaveLength(0);
    expect(store.outbox.get('w')).toMatchObject({ state: 'pending', attempts: 0 });
    engine.state = 'connected';
    outbox.kick();
    await outbox.idle();
    expect(engine.delivered).toHaveLength(1);
    await outbox.stop();
  });

  it('does not spin when the engine refuses a send as not connected while reporting connected', async () => {
    const engine = new ScriptedEngine();
    engine.failures = [new NotConnectedError('reconnecting')];
    enqueue('r');
    const outbox = new Outbox({ store, engine, clock, logger: silentLogger });
    outbox.start();
    await outbox.idle();
    expect(store.outbox.get('r')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(engine.delivered).toHaveLength(0);
    await clock.advance(5000);
    expect(engine.delivered).toHaveLength(1);
    await outbox.stop();
  });

  it('holds entries until they are due', async () => {
    const engine = new ScriptedEngine();
    enqueue('later', { notBefore: clock.now() + 5000 });
    const outbox = new Outbox({ store, engine, clock, logger: silentLogger });
    outbox.start();
    await clock.advance(4999);
    expect(engine.delivered).toHaveLength(0);
    await clock.advance(1);
    expect(engine.delivered).toHaveLength(1);
    await outbox.stop();
  });

  it('after a crash between send and mark, resends under the same key and the engine drops the repeat', async () => {
    const sim = new SimulatorEngine({ databasePath: join(tmp.dir, 'sim.sqlite'), clock });
    await sim.start();
    enqueue('k1');
    // The crash: the engine delivered, the outbox never recorded it.
    store.outbox.markSending('k1');
    await sim.send({ to: '34600111222', body: 'body k1', idempotencyKey: 'k1' });
    const outbox = new Outbox({ store, engine: sim, clock, logger: silentLogger });
    outbox.start();
    await outbox.idle();
    expect(store.outbox.get('k1')!.state).toBe('sent');
    expect(sim.listSent('34600111222').map((m) => m.body)).toEqual(['body k1']);
    await outbox.stop();
    await sim.stop();
  });

  it('computes the documented backoff', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, DEFAULT_BACKOFF))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelay(30, DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF.maxMs);
  });
});
