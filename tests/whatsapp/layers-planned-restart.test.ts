import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import { localToInstant, nextLocalTime, parseHourMinute } from '../../electron/whatsapp/local-time.ts';
import { MemoryGuard, PlannedRestart } from '../../electron/whatsapp/planned-restart.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSessionControl } from '../support/fake-session-control.ts';

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MB = 1024 * 1024;
const iso = (ms: number) => new Date(ms).toISOString();
const FOUR = { hour: 4, minute: 0 };

describe('local wall-clock times', () => {
  it('finds the next 04:00 in Madrid on both sides of the spring and autumn changes', () => {
    expect(iso(nextLocalTime(Date.parse('2026-03-27T12:00:00Z'), FOUR, 'Europe/Madrid'))).toBe('2026-03-28T03:00:00.000Z');
    expect(iso(nextLocalTime(Date.parse('2026-03-28T12:00:00Z'), FOUR, 'Europe/Madrid'))).toBe('2026-03-29T02:00:00.000Z');
    expect(iso(nextLocalTime(Date.parse('2026-10-24T12:00:00Z'), FOUR, 'Europe/Madrid'))).toBe('2026-10-25T03:00:00.000Z');
    expect(iso(nextLocalTime(Date.parse('2026-10-23T12:00:00Z'), FOUR, 'Europe/Madrid'))).toBe('2026-10-24T02:00:00.000Z');
  });

  it('is strictly after the given instant, across month and year ends', () => {
    const slot = Date.parse('2026-11-20T03:00:00Z'); // 04:00 in Madrid
    expect(nextLocalTime(slot - 1, FOUR, 'Europe/Madrid')).toBe(slot);
    expect(iso(nextLocalTime(slot, FOUR, 'Europe/Madrid'))).toBe('2026-11-21T03:00:00.000Z');
    expect(iso(nextLocalTime(Date.parse('2026-12-31T12:00:00Z'), FOUR, 'Europe/Madrid'))).toBe('2027-01-01T03:00:00.000Z');
    expect(iso(nextLocalTime(Date.parse('2026-11-20T12:00:00Z'), { hour: 23, minute: 30 }, 'America/Argentina/Buenos_Aires'))).toBe('2026-11-21T02:30:00.000Z');
  });

  it('moves a time inside the spring gap forward and takes the first of a repeated autumn time', () => {
    expect(iso(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Madrid'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Madrid'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('rejects malformed times', () => {
    expect(parseHourMinute('04:00')).toEqual(FOUR);
    expect(() => parseHourMinute('4:00')).toThrow(/like "04:00"/);
    expect(() => parseHourMinute('24:00')).toThrow(/like "04:00"/);
  });
});

function planned(start: string, options: { timeZone?: string; at?: string | null; busy?: () => boolean } = {}) {
  const clock = new FakeClock(Date.parse(start));
  const control = new FakeSessionControl(clock);
  const layer = new PlannedRestart({
    control,
    clock,
    logger: silentLogger,
    at: options.at === undefined ? '04:00' : options.at,
    timeZone: options.timeZone ?? 'Europe/Madrid',
    ...(options.busy ? { busy: options.busy } : {}),
  });
  return { clock, control, layer };
}

describe('planned restart', () => {
  it('restarts at 04:00 Madrid time every day, across the March DST change', async () => {
    const { clock, control, layer } = planned('2026-03-27T12:00:00Z');
    layer.start();
    await clock.advance(4 * DAY);
    expect(control.callsOf('restartWorker').map((c) => [iso(c.at), c.arg])).toEqual([
      ['2026-03-28T03:00:00.000Z', 'planned'],
      ['2026-03-29T02:00:00.000Z', 'planned'],
      ['2026-03-30T02:00:00.000Z', 'planned'],
      ['2026-03-31T02:00:00.000Z', 'planned'],
    ]);
    layer.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('and across the October change, and in New York across November\'s', async () => {
    const madrid = planned('2026-10-23T12:00:00Z');
    madrid.layer.start();
    await madrid.clock.advance(3 * DAY);
    expect(madrid.control.callsOf('restartWorker').map((c) => iso(c.at))).toEqual([
      '2026-10-24T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
      '2026-10-26T03:00:00.000Z',
    ]);
    madrid.layer.stop();
    const ny = planned('2026-10-31T12:00:00Z', { timeZone: 'America/New_York' });
    ny.layer.start();
    await ny.clock.advance(2 * DAY);
    expect(ny.control.callsOf('restartWorker').map((c) => iso(c.at))).toEqual(['2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
    ny.layer.stop();
  });

  it('waits while busy, trying again every 15 min', async () => {
    let busy = true;
    const { clock, control, layer } = planned('2026-11-20T12:00:00Z', { busy: () => busy });
    layer.start();
    await clock.advance(Date.parse('2026-11-21T03:20:00Z') - clock.now()); // 04:20: tried at 04:00 and 04:15
    expect(control.callsOf('restartWorker')).toEqual([]);
    busy = false;
    await clock.advance(HOUR);
    expect(control.callsOf('restartWorker').map((c) => iso(c.at))).toEqual(['2026-11-21T03:30:00.000Z']);
    await clock.advance(DAY);
    expect(control.callsOf('restartWorker').map((c) => iso(c.at))).toEqual(['2026-11-21T03:30:00.000Z', '2026-11-22T03:00:00.000Z']);
    layer.stop();
  });

  it('gives up for the day 2 h after the slot when the session stays disconnected, and tries again tomorrow', async () => {
    const { clock, control, layer } = planned('2026-11-20T12:00:00Z');
    control.setState('offline');
    layer.start();
    await clock.advance(Date.parse('2026-11-21T08:00:00Z') - clock.now());
    expect(control.callsOf('restartWorker')).toEqual([]);
    expect(layer.skippedDays).toBe(1);
    expect(iso(layer.target)).toBe('2026-11-22T03:00:00.000Z');
    control.heal();
    await clock.advance(DAY);
    expect(control.callsOf('restartWorker').map((c) => iso(c.at))).toEqual(['2026-11-22T03:00:00.000Z']);
    layer.stop();
  });

  it('last try is exactly 2 h after the slot', async () => {
    let busy = true;
    const { clock, control, layer } = planned('2026-11-20T12:00:00Z', { busy: () => busy });
    layer.start();
    await clock.advance(Date.parse('2026-11-21T04:50:00Z') - clock.now()); // 05:50 local
    busy = false;
    await clock.advance(HOUR);
    expect(control.callsOf('restartWorker').map((c) => iso(c.at))).toEqual(['2026-11-21T05:00:00.000Z']);
    layer.stop();
  });

  it('plannedRestartAt null: no daily restart and no timer', async () => {
    const { clock, control, layer } = planned('2026-11-20T12:00:00Z', { at: null });
    layer.start();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(3 * DAY);
    expect(control.calls).toEqual([]);
  });

  it('rejects an unknown time zone with a clear message', () => {
    expect(() => planned('2026-11-20T12:00:00Z', { timeZone: 'Europe/Atlantis' })).toThrow(/unknown time zone "Europe\/Atlantis"/);
  });
});

function memory(options: { busy?: () => boolean } = {}) {
  const clock = new FakeClock();
  const control = new FakeSessionControl(clock);
  const guard = new MemoryGuard({ control, clock, logger: silentLogger, limitMb: 1500, ...(options.busy ? { busy: options.busy } : {}) });
  const t0 = clock.now();
  return { clock, control, guard, restarts: () => control.callsOf('restartWorker').map((c) => [(c.at - t0) / MIN, c.arg]) };
}

describe('memory guard', () => {
  it('reads memory every 5 min and leaves a browser at or under the limit alone', async () => {
    const { clock, control, guard, restarts } = memory();
    control.rssBytes = 1500 * MB;
    guard.start();
    await clock.advance(30 * MIN);
    expect(control.callsOf('memory')).toHaveLength(6);
    expect(restarts()).toEqual([]);
    guard.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('past the limit: restarts the worker and alerts; at most one restart an hour and one alert a day', async () => {
    const { clock, control, guard, restarts } = memory();
    control.rssBytes = 1501 * MB; // stays high, as if each new browser bloated again at once
    guard.start();
    await clock.advance(5 * MIN);
    expect(restarts()).toEqual([[5, 'memory']]);
    expect(control.alerts.map((a) => a.kind)).toEqual(['browser-memory']);
    expect(control.alerts[0]!.message).toContain('1501 MB');
    await clock.advance(2 * HOUR);
    expect(restarts()).toEqual([[5, 'memory'], [65, 'memory'], [125, 'memory']]);
    expect(control.alerts).toHaveLength(1);
    await clock.advance(DAY);
    expect(control.alerts).toHaveLength(2);
    expect((control.alerts[1]!.at - control.alerts[0]!.at) / MIN).toBeGreaterThanOrEqual(24 * 60);
    guard.stop();
  });

  it('puts a memory restart off while orders are being sent, for at most three looks', async () => {
    const { clock, control, guard, restarts } = memory({ busy: () => true });
    control.rssBytes = 2000 * MB;
    guard.start();
    await clock.advance(20 * MIN);
    expect(restarts()).toEqual([[20, 'memory']]);
    guard.stop();
  });

  it('ignores an unreadable memory figure', async () => {
    const { clock, control, guard, restarts } = memory();
    control.failing.set('memory', new Error('the worker has no client'));
    guard.start();
    await clock.advance(HOUR);
    control.failing.clear();
    control.rssBytes = undefined;
    await clock.advance(HOUR);
    expect(control.callsOf('memory')).toHaveLength(24);
    expect(restarts()).toEqual([]);
    guard.stop();
  });
});
