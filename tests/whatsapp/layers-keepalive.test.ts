import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import { KEEPALIVE_TEXTS, Keepalive, ownerDigits } from '../../electron/whatsapp/keepalive.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSessionControl } from '../support/fake-session-control.ts';

const S = 1_000;
const MIN = 60 * S;
const OWNER = '+34600111222';

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setup(options: { enabled?: boolean; ownerPhone?: string | undefined; random?: () => number } = {}) {
  const clock = new FakeClock();
  const control = new FakeSessionControl(clock);
  const keepalive = new Keepalive({
    control,
    clock,
    logger: silentLogger,
    enabled: options.enabled ?? true,
    ownerPhone: 'ownerPhone' in options ? options.ownerPhone : OWNER,
    random: options.random ?? seeded(1),
  });
  return { clock, control, keepalive, t0: clock.now() };
}

describe('keepalive', () => {
  it('is off by default and without an owner number: no timer, no message, ever', async () => {
    for (const options of [{ enabled: false }, { enabled: true, ownerPhone: undefined }, { enabled: false, ownerPhone: undefined }]) {
      const { clock, control, keepalive } = setup(options);
      keepalive.start();
      expect(keepalive.enabled).toBe(false);
      expect(clock.pendingTimers).toBe(0);
      await clock.advance(3 * 24 * 60 * MIN);
      expect(control.calls).toEqual([]);
      keepalive.stop();
    }
  });

  it('first message 1–10 min after connecting, later ones 55–65 min apart, only to the owner', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { clock, control, keepalive, t0 } = setup({ random: seeded(seed) });
      keepalive.start();
      await clock.advance(2 * 24 * 60 * MIN);
      const times = control.sent.map((m) => m.at);
      expect(times.length).toBeGreaterThan(40);
      expect(times[0]! - t0).toBeGreaterThanOrEqual(1 * MIN);
      expect(times[0]! - t0).toBeLessThanOrEqual(10 * MIN);
      for (let i = 1; i < times.length; i++) {
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(55 * MIN);
        expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(65 * MIN);
      }
      expect(new Set(control.sent.map((m) => m.phone))).toEqual(new Set(['34600111222']));
      keepalive.stop();
      expect(clock.pendingTimers).toBe(0);
    }
  });

  it('the jitter reaches both ends of its ranges', async () => {
    for (const [r, first, next] of [
      [0, 1 * MIN, 55 * MIN],
      [0.9999999, 10 * MIN, 65 * MIN],
    ] as const) {
      const { clock, control, keepalive, t0 } = setup({ random: () => r });
      keepalive.start();
      await clock.advance(3 * 60 * MIN);
      expect(control.sent[0]!.at - t0).toBe(first);
      expect(control.sent[1]!.at - control.sent[0]!.at).toBe(next);
      keepalive.stop();
    }
  });

  it('counts the first delay from when the session connected, not from start', async () => {
    const { clock, control, keepalive, t0 } = setup({ random: () => 0.5 });
    control.setState('needs-link');
    keepalive.start();
    await clock.advance(7 * MIN + 10 * S);
    control.setState('connected'); // noticed by the 30 s poll at 7:30
    await clock.advance(20 * MIN);
    // 0.5 of 1..10 min = 60 s + floor(0.5 * 540001) ms after 7:10
    expect(control.sent.map((m) => m.at - t0)).toEqual([7 * MIN + 10 * S + 60 * S + 270_000]);
    keepalive.stop();
  });

  it('uses 15 distinct Spanish texts, all of them, never the same twice in a row', async () => {
    expect(KEEPALIVE_TEXTS).toHaveLength(15);
    expect(new Set(KEEPALIVE_TEXTS).size).toBe(15);
    for (const text of KEEPALIVE_TEXTS) expect(text.startsWith('Comanda: ')).toBe(true);
    const { clock, control, keepalive } = setup({ random: seeded(7) });
    keepalive.start();
    await clock.advance(7 * 24 * 60 * MIN);
    const bodies = control.sent.map((m) => m.body);
    expect(new Set(bodies)).toEqual(new Set(KEEPALIVE_TEXTS));
    for (let i = 1; i < bodies.length; i++) expect(bodies[i]).not.toBe(bodies[i - 1]);
    keepalive.stop();
  });

  it('skips a due message while not connected and starts over 1–10 min after the session is back', async () => {
    const { clock, control, keepalive, t0 } = setup({ random: () => 0 });
    keepalive.start();
    await clock.advance(2 * MIN); // first at 1 min
    expect(control.sent).toHaveLength(1);
    control.setState('offline');
    await clock.advance(2 * 60 * MIN); // due at 56 min: skipped
    expect(control.sent).toHaveLength(1);
    expect(keepalive.skipped).toBe(1);
    control.setState('connected');
    const back = clock.now();
    await clock.advance(5 * MIN);
    expect(control.sent.map((m) => m.at - t0)).toEqual([MIN, back - t0 + MIN]);
    keepalive.stop();
  });

  it('alerts once per run of failures, not on every failed send', async () => {
    const { clock, control, keepalive } = setup({ random: () => 0 });
    control.failing.set('sendText', new Error('not connected'));
    keepalive.start();
    await clock.advance(4 * 60 * MIN); // sends at 1, 56, 111, 166, 221 min: all fail
    expect(keepalive.failures).toBe(5);
    expect(control.alerts.map((a) => a.kind)).toEqual(['keepalive-failed']);
    control.failing.clear();
    await clock.advance(60 * MIN);
    expect(control.sent).toHaveLength(1);
    control.failing.set('sendText', new Error('not connected'));
    await clock.advance(60 * MIN);
    expect(control.alerts.map((a) => a.kind)).toEqual(['keepalive-failed', 'keepalive-failed']);
    keepalive.stop();
  });

  it('checks the owner number', () => {
    expect(ownerDigits('+5491155556666')).toBe('5491155556666');
    expect(() => ownerDigits('12ab')).toThrow(/8–15 digits/);
  });
});
