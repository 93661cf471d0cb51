import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import { ActivityLoop } from '../../electron/whatsapp/activity.ts';
import { Heartbeat } from '../../electron/whatsapp/heartbeat.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSessionControl } from '../support/fake-session-control.ts';

const S = 1_000;
const MIN = 60 * S;

function setup() {
  const clock = new FakeClock();
  const control = new FakeSessionControl(clock);
  const t0 = clock.now();
  const rel = (op: Parameters<FakeSessionControl['callsOf']>[0]) => control.callsOf(op).map((call) => (call.at - t0) / S);
  return { clock, control, t0, rel };
}

describe('heartbeat', () => {
  it('every 2 min: checks the socket, sends presence, records the beat with the time', async () => {
    const { clock, control, t0, rel } = setup();
    const heartbeat = new Heartbeat({ control, clock, logger: silentLogger });
    heartbeat.start();
    await clock.advance(7 * MIN);
    expect(rel('getState')).toEqual([120, 240, 360]);
    expect(rel('sendPresenceAvailable')).toEqual([120, 240, 360]);
    expect(control.callsOf('recordHeartbeat').map((call) => Number(call.arg) - t0)).toEqual([120 * S, 240 * S, 360 * S]);
    expect(heartbeat.beats).toBe(3);
    heartbeat.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('records nothing while not connected, or when the socket is not CONNECTED, or presence fails', async () => {
    const { clock, control, rel } = setup();
    const heartbeat = new Heartbeat({ control, clock, logger: silentLogger });
    control.setState('offline');
    heartbeat.start();
    await clock.advance(4 * MIN);
    expect(control.calls).toEqual([]);
    control.heal();
    control.socketState = 'TIMEOUT';
    await clock.advance(2 * MIN);
    expect(rel('getState')).toEqual([360]);
    expect(rel('sendPresenceAvailable')).toEqual([]);
    control.socketState = 'CONNECTED';
    control.failing.set('sendPresenceAvailable', new Error('Target closed'));
    await clock.advance(2 * MIN);
    expect(rel('sendPresenceAvailable')).toEqual([480]);
    expect(rel('recordHeartbeat')).toEqual([]);
    expect(heartbeat.missed).toBe(2);
    control.failing.clear();
    await clock.advance(2 * MIN);
    expect(rel('recordHeartbeat')).toEqual([600]);
    expect(heartbeat.missed).toBe(0);
    heartbeat.stop();
  });

  it('a hung page costs one deadline, and the next beat still comes on time', async () => {
    const { clock, control, rel } = setup();
    const heartbeat = new Heartbeat({ control, clock, logger: silentLogger, intervalMs: 2 * MIN, timeoutMs: 10 * S });
    control.silent = true;
    heartbeat.start();
    await clock.advance(2 * MIN + 10 * S);
    expect(heartbeat.missed).toBe(1);
    control.silent = false;
    await clock.advance(2 * MIN);
    expect(rel('recordHeartbeat')).toEqual([250]);
    heartbeat.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('activity loop', () => {
  it('runs the page activity every 30 s while connected, and not otherwise', async () => {
    const { clock, control, rel } = setup();
    const loop = new ActivityLoop({ control, clock, logger: silentLogger });
    loop.start();
    await clock.advance(2 * MIN);
    expect(rel('activity')).toEqual([30, 60, 90, 120]);
    control.setState('needs-link');
    await clock.advance(2 * MIN);
    expect(rel('activity')).toHaveLength(4);
    control.heal();
    await clock.advance(30 * S);
    expect(rel('activity')).toEqual([30, 60, 90, 120, 270]);
    expect(loop.runs).toBe(5);
    loop.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('counts failures and keeps its cadence through them', async () => {
    const { clock, control, rel } = setup();
    const loop = new ActivityLoop({ control, clock, logger: silentLogger, intervalMs: 30 * S });
    control.failing.set('activity', new Error('Execution context was destroyed'));
    loop.start();
    await clock.advance(90 * S);
    expect(loop.failures).toBe(3);
    expect(loop.runs).toBe(0);
    control.failing.clear();
    await clock.advance(30 * S);
    expect(rel('activity')).toEqual([30, 60, 90, 120]);
    expect(loop.runs).toBe(1);
    loop.stop();
  });
});
