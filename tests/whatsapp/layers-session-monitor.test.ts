import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import { SessionMonitor } from '../../electron/whatsapp/session-monitor.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSessionControl } from '../support/fake-session-control.ts';

const S = 1_000;
const HOUR = 3_600 * S;
const DAY = 24 * HOUR;

function setup(idleWarnDays = 5) {
  const clock = new FakeClock();
  const control = new FakeSessionControl(clock);
  const monitor = new SessionMonitor({ control, clock, logger: silentLogger, idleWarnDays });
  const t0 = clock.now();
  const rel = (op: Parameters<FakeSessionControl['callsOf']>[0]) => control.callsOf(op).map((call) => (call.at - t0) / HOUR);
  return { clock, control, monitor, t0, rel };
}

describe('session monitor', () => {
  it('looks hourly and leaves a healthy, busy session alone', async () => {
    const { clock, control, monitor, rel } = setup();
    monitor.start();
    for (let hour = 0; hour < 6; hour++) {
      control.lastActivity = clock.now();
      await clock.advance(HOUR);
    }
    expect(rel('getState')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rel('markSuspect')).toEqual([]);
    expect(rel('restartWorker')).toEqual([]);
    expect(control.alerts).toEqual([]);
    monitor.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('connected but the socket is not CONNECTED: marks suspect, then restarts', async () => {
    const { clock, control, monitor } = setup();
    control.socketState = 'TIMEOUT';
    monitor.start();
    await clock.advance(HOUR);
    expect(control.calls.filter((c) => c.op === 'markSuspect' || c.op === 'restartWorker').map((c) => [c.op, c.arg])).toEqual([
      ['markSuspect', 'getState is TIMEOUT'],
      ['restartWorker', 'session-monitor: getState is TIMEOUT'],
    ]);
    expect(monitor.suspects).toBe(1);
    monitor.stop();
  });

  it('connected but the page does not answer the ping: marks suspect and restarts', async () => {
    const { clock, control, monitor, rel } = setup();
    control.pingError = new Error('Protocol error: Target closed');
    monitor.start();
    await clock.advance(HOUR);
    expect(rel('markSuspect')).toEqual([1]);
    expect(rel('restartWorker')).toEqual([1]);
    expect(control.callsOf('markSuspect')[0]!.arg).toContain('ping failed');
    monitor.stop();
  });

  it('a hung page counts as not answering (after the 20 s deadline)', async () => {
    const { clock, control, monitor, t0 } = setup();
    control.silent = true;
    monitor.start();
    await clock.advance(HOUR + 30 * S);
    expect(control.callsOf('restartWorker').map((c) => c.at - t0)).toEqual([HOUR + 20 * S]);
    monitor.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('does nothing while the session is not connected (that is the engine\'s and the watchdog\'s)', async () => {
    const { clock, control, monitor } = setup();
    control.setState('needs-link');
    control.lastActivity = clock.now() - 30 * DAY;
    monitor.start();
    await clock.advance(3 * DAY);
    expect(control.calls).toEqual([]);
    expect(control.alerts).toEqual([]);
    monitor.stop();
  });

  it('idle past idleWarnDays: warns at most once per 24 h and never restarts for it', async () => {
    const { clock, control, monitor, t0 } = setup(5);
    control.lastActivity = t0 - 5 * DAY + 3 * HOUR; // crosses 5 days at t0 + 3 h
    monitor.start();
    await clock.advance(3 * DAY);
    const hours = control.alerts.map((a) => (a.at - t0) / HOUR);
    expect(hours).toEqual([3, 27, 51]);
    expect(control.alerts.every((a) => a.kind === 'session-idle')).toBe(true);
    expect(control.alerts[0]!.message).toContain('5 days');
    expect(control.callsOf('restartWorker')).toEqual([]);
    expect(control.callsOf('markSuspect')).toEqual([]);
    // a message arrives: no more warnings
    control.lastActivity = clock.now();
    await clock.advance(3 * DAY);
    expect(control.alerts).toHaveLength(3);
    monitor.stop();
  });

  it('with no message since linking, counts idleness from when it first saw the session connected', async () => {
    const { clock, control, monitor, t0 } = setup(1);
    control.lastActivity = undefined;
    monitor.start();
    await clock.advance(3 * DAY);
    // first seen connected at 1 h; a day later (25 h) the first warning, then every 24 h
    expect(control.alerts.map((a) => (a.at - t0) / HOUR)).toEqual([25, 49]);
    monitor.stop();
  });

  it('rejects a nonsensical idle threshold', () => {
    const clock = new FakeClock();
    expect(() => new SessionMonitor({ control: new FakeSessionControl(clock), clock, logger: silentLogger, idleWarnDays: 0 })).toThrow(/idleWarnDays must be positive/);
  });
});
