import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import { Watchdog, watchdogActsOn } from '../../electron/whatsapp/watchdog.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSessionControl } from '../support/fake-session-control.ts';

const S = 1_000;
const MIN = 60 * S;

function setup(state: WhatsAppState = 'connected') {
  const clock = new FakeClock();
  const control = new FakeSessionControl(clock, state);
  const watchdog = new Watchdog({ control, clock, logger: silentLogger });
  const t0 = clock.now();
  const rel = (op: Parameters<FakeSessionControl['callsOf']>[0]) => control.callsOf(op).map((call) => (call.at - t0) / S);
  return { clock, control, watchdog, rel };
}

describe('watchdog', () => {
  it('checks getState and ping every 60 s and does nothing to a healthy session', async () => {
    const { clock, control, watchdog, rel } = setup();
    watchdog.start();
    await clock.advance(3 * MIN + 30 * S);
    expect(rel('getState')).toEqual([60, 120, 180]);
    expect(rel('ping')).toEqual([60, 120, 180]);
    expect(control.callsOf('getState')[0]!.arg).toBe('5000');
    expect(rel('resetState')).toEqual([]);
    expect(rel('restartWorker')).toEqual([]);
    expect(watchdog.lastOutcome).toBe('healthy');
    watchdog.stop();
  });

  it('never restarts for lack of messages: a month-idle session that answers is left alone', async () => {
    const { clock, control, watchdog } = setup();
    control.lastActivity = clock.now() - 30 * 24 * 60 * MIN;
    watchdog.start();
    await clock.advance(60 * MIN);
    expect(control.callsOf('getState')).toHaveLength(60);
    expect(control.callsOf('resetState')).toHaveLength(0);
    expect(control.callsOf('restartWorker')).toHaveLength(0);
    watchdog.stop();
  });

  it.each(['starting', 'needs-link', 'authenticating', 'offline', 'logged-out', 'failed'] as const)(
    'leaves a %s session to whoever owns it (no calls at all)',
    async (state) => {
      const { clock, control, watchdog } = setup(state);
      control.socketState = null;
      watchdog.start();
      await clock.advance(30 * MIN);
      expect(control.calls).toEqual([]);
      expect(watchdog.lastOutcome).toBe('skipped');
      watchdog.stop();
    },
  );

  it('checks loading and reconnecting only once stuck for 5 min, and not while the engine has a retry scheduled', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const at = (msAgo: number) => new Date(now - msAgo).toISOString();
    const status = (state: WhatsAppState, since: string, nextTryAt?: string) => ({ state, since, engine: 'whatsapp' as const, ...(nextTryAt ? { nextTryAt } : {}) });
    expect(watchdogActsOn(status('connected', at(0)), now, 5 * MIN)).toBe(true);
    expect(watchdogActsOn(status('loading', at(4 * MIN)), now, 5 * MIN)).toBe(false);
    expect(watchdogActsOn(status('loading', at(5 * MIN)), now, 5 * MIN)).toBe(true);
    expect(watchdogActsOn(status('reconnecting', at(10 * MIN)), now, 5 * MIN)).toBe(true);
    expect(watchdogActsOn(status('reconnecting', at(10 * MIN), new Date(now + 30 * S).toISOString()), now, 5 * MIN)).toBe(false);
    expect(watchdogActsOn(status('reconnecting', at(10 * MIN), new Date(now - 30 * S).toISOString()), now, 5 * MIN)).toBe(true);
    expect(watchdogActsOn(status('needs-link', at(60 * MIN)), now, 5 * MIN)).toBe(false);
  });

  it('tries resetState first, looks again 10 s later, and only then restarts the worker', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    watchdog.start();
    await clock.advance(MIN + 15 * S);
    const t0 = control.calls[0]!.at - MIN;
    expect(control.calls.map((call) => [call.op, (call.at - t0) / S])).toEqual([
      ['getState', 60],
      ['ping', 60],
      ['resetState', 60],
      ['getState', 70],
      ['ping', 70],
      ['restartWorker', 70],
    ]);
    expect(control.callsOf('restartWorker')[0]!.arg).toBe('watchdog: getState is TIMEOUT');
    expect(watchdog.consecutiveFailures).toBe(1);
    watchdog.stop();
  });

  it('does not restart when resetState brings the socket back', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    control.onReset = () => control.heal();
    watchdog.start();
    await clock.advance(5 * MIN);
    expect(control.callsOf('resetState')).toHaveLength(1);
    expect(control.callsOf('restartWorker')).toHaveLength(0);
    expect(watchdog.consecutiveFailures).toBe(0);
    expect(control.callsOf('getState').length).toBeGreaterThanOrEqual(5);
    watchdog.stop();
  });

  it('restarts with exponential backoff, alerts once after 3 attempts, then retries every 15 min', async () => {
    const { clock, control, watchdog, rel } = setup();
    control.pingError = new Error('Execution context was destroyed');
    watchdog.start();
    await clock.advance(40 * MIN);
    // checks at 60, 130 (+60), 260 (+120), 510 (+240), 1420 (+900), 2330; each restart 10 s after its check
    expect(rel('restartWorker')).toEqual([70, 140, 270, 520, 1430, 2340]);
    expect(rel('resetState')).toEqual([60, 130, 260, 510, 1420, 2330]);
    expect(control.alerts.map((alert) => [alert.kind, (alert.at - control.calls[0]!.at + MIN) / S])).toEqual([['watchdog-gave-up', 520]]);
    expect(control.alerts[0]!.message).toContain('3 restarts');
    expect(watchdog.consecutiveFailures).toBe(6);
    expect(watchdog.gaveUp).toBe(true);
    watchdog.stop();
  });

  it('a healthy check resets the count: the next failure starts the backoff from the beginning', async () => {
    const { clock, control, watchdog, rel } = setup();
    control.socketState = 'OPENING';
    control.onRestart = () => {
      if (control.callsOf('restartWorker').length === 2) control.heal();
    };
    watchdog.start();
    await clock.advance(5 * MIN); // restarts at 70 and 140; healthy at 260
    expect(rel('restartWorker')).toEqual([70, 140]);
    expect(watchdog.consecutiveFailures).toBe(0);
    control.socketState = 'TIMEOUT';
    control.onRestart = () => {};
    await clock.advance(5 * MIN); // check 320 fails: restarts at 330, then 400 (+60), 530 (+120)
    expect(rel('restartWorker')).toEqual([70, 140, 330, 400, 530]);
    expect(watchdog.consecutiveFailures).toBe(3);
    expect(control.alerts).toEqual([]);
    watchdog.stop();
  });

  it('a page that stops answering is acted on one timeout after the next check', async () => {
    const { clock, control, watchdog } = setup();
    watchdog.start();
    await clock.advance(MIN); // one healthy check
    control.silent = true;
    const silentAt = clock.now();
    await clock.advance(2 * MIN);
    const reset = control.callsOf('resetState')[0]!;
    expect(reset.at - silentAt).toBe(65 * S);
    watchdog.stop();
  });

  it('hands over when the engine changes the status during recovery (no restart)', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    control.onReset = () => control.setState('offline');
    watchdog.start();
    await clock.advance(5 * MIN);
    expect(control.callsOf('resetState')).toHaveLength(1);
    expect(control.callsOf('restartWorker')).toHaveLength(0);
    expect(watchdog.lastOutcome).toBe('skipped');
    watchdog.stop();
  });

  it('stop() in the middle of a hung check leaves no timers and no late action', async () => {
    const { clock, control, watchdog } = setup();
    control.silent = true;
    watchdog.start();
    await clock.advance(MIN + S); // check in flight, waiting on its 5 s deadline
    expect(clock.pendingTimers).toBeGreaterThan(0);
    watchdog.stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(10 * MIN);
    expect(control.callsOf('resetState')).toHaveLength(0);
    expect(control.callsOf('getState')).toHaveLength(1);
  });
});
