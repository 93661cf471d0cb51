import { describe, expect, it } from 'vitest';
import { createJsonLogger, silentLogger } from '../../electron/host/logger.ts';
import { Watchdog, watchdogActsOn } from '../../electron/whatsapp/watchdog.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';
import { FakeClock, flushPromises } from '../support/fake-clock.ts';
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
    // The engine's retry time has come and it is still stuck: the watchdog's turn.
    expect(watchdogActsOn(status('reconnecting', at(10 * MIN), new Date(now).toISOString()), now, 5 * MIN)).toBe(true);
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

describe('watchdog: outages after the first, stops mid-recovery, failed restarts', () => {
  function logged() {
    const lines: Array<{ level: string; msg: string } & Record<string, unknown>> = [];
    const logger = createJsonLogger({ write: (line) => lines.push(JSON.parse(line)) });
    return { lines, logger };
  }

  it('alerts the owner again when WhatsApp goes down a second time after it had recovered', async () => {
    const { clock, control, watchdog } = setup();
    control.pingError = new Error('Execution context was destroyed');
    watchdog.start();
    await clock.advance(15 * MIN); // restarts at 70, 140, 270, 520 s: gave up at the fourth
    expect(control.alerts).toHaveLength(1);
    control.heal();
    await clock.advance(20 * MIN); // the slow retry finds it answering
    expect(watchdog.gaveUp).toBe(false);
    expect(watchdog.lastOutcome).toBe('healthy');
    const recoveredAt = clock.now();
    control.pingError = new Error('Execution context was destroyed');
    await clock.advance(15 * MIN);
    expect(control.alerts).toHaveLength(2);
    expect(control.alerts[1]!.kind).toBe('watchdog-gave-up');
    expect(control.alerts[1]!.at).toBeGreaterThan(recoveredAt);
    expect(watchdog.gaveUp).toBe(true);
    watchdog.stop();
  });

  it("speaks the owner's language, asked when the alert goes out (the menu's language can change meanwhile)", async () => {
    const clock = new FakeClock();
    const control = new FakeSessionControl(clock, 'connected');
    let language: 'es' | 'en' = 'en';
    const watchdog = new Watchdog({ control, clock, logger: silentLogger, language: () => language });
    language = 'es';
    control.socketState = 'TIMEOUT';
    watchdog.start();
    await clock.advance(60 * MIN);
    expect(control.alerts.map((a) => a.message)).toEqual([
      'WhatsApp no respondió tras 3 reinicios (getState is TIMEOUT). Se sigue intentando cada 15 min; revisa el internet del ordenador y WhatsApp en el teléfono.',
    ]);
    watchdog.stop();
  });

  it('tells the owner what failed, how often it keeps trying and what to check, once per outage', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    watchdog.start();
    await clock.advance(60 * MIN);
    expect(control.alerts).toHaveLength(1);
    expect(control.alerts[0]!.message).toBe(
      "WhatsApp did not answer after 3 restarts (getState is TIMEOUT). Still retrying every 15 min; check the computer's internet and WhatsApp on the phone.",
    );
    watchdog.stop();
  });

  it('leaves a session loading or reconnecting for 5 minutes by default before it looks', async () => {
    const { clock, control, watchdog } = setup('loading');
    watchdog.start();
    await clock.advance(5 * MIN - 1);
    expect(control.calls).toEqual([]);
    expect(watchdog.lastOutcome).toBe('skipped');
    await clock.advance(1);
    expect(control.callsOf('getState')).toHaveLength(1);
    expect(watchdog.lastOutcome).toBe('healthy');
    control.setState('reconnecting');
    await clock.advance(4 * MIN);
    expect(control.callsOf('getState')).toHaveLength(1);
    await clock.advance(MIN);
    expect(control.callsOf('getState')).toHaveLength(2);
    watchdog.stop();
  });

  /** Makes `op` answer only when the returned release() is called (a slow page, not a dead one). */
  function slow(control: FakeSessionControl, op: 'getState' | 'resetState', answer: () => unknown, from = 1) {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = control[op].bind(control) as (...args: never[]) => Promise<unknown>;
    let count = 0;
    (control as unknown as Record<string, unknown>)[op] = (...args: never[]) => {
      count++;
      if (count < from) return original(...args);
      control.calls.push({ op, at: control.clock.now() });
      return gate.then(answer);
    };
    return () => release();
  }

  it('stop() while the first look is slow: when it answers late, nothing follows', async () => {
    const { clock, control, watchdog } = setup();
    const release = slow(control, 'getState', () => 'TIMEOUT');
    watchdog.start();
    await clock.advance(MIN + 2 * S);
    watchdog.stop();
    release();
    await clock.advance(30 * MIN);
    expect(control.callsOf('resetState')).toEqual([]);
    expect(watchdog.resets).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('stop() while resetState is slow: when it finishes late, no second look, no restart, no timer left', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    const release = slow(control, 'resetState', () => undefined);
    watchdog.start();
    await clock.advance(MIN + 2 * S);
    expect(control.callsOf('resetState')).toHaveLength(1);
    expect(watchdog.resets).toBe(1);
    watchdog.stop();
    release();
    await flushPromises();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(30 * MIN);
    expect(control.callsOf('getState')).toHaveLength(1);
    expect(control.callsOf('restartWorker')).toEqual([]);
    expect(watchdog.restarts).toBe(0);
  });

  it('stop() during the second look: when it answers late, no restart', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    const release = slow(control, 'getState', () => 'TIMEOUT', 2);
    watchdog.start();
    await clock.advance(MIN + 12 * S); // reset at 60 s, second look at 70 s still waiting
    expect(control.callsOf('getState')).toHaveLength(2);
    watchdog.stop();
    release();
    await clock.advance(30 * MIN);
    expect(control.callsOf('restartWorker')).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('stop() during the wait after resetState: no second look, no restart, no timer left', async () => {
    const { clock, control, watchdog } = setup();
    control.socketState = 'TIMEOUT';
    watchdog.start();
    await clock.advance(MIN + 5 * S); // reset done at 60 s, settling until 70 s
    expect(control.callsOf('resetState')).toHaveLength(1);
    watchdog.stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(30 * MIN);
    expect(control.callsOf('getState')).toHaveLength(1);
    expect(control.callsOf('restartWorker')).toEqual([]);
  });

  it('stop() while a restart is in flight: no failure logged when it fails late, no next check', async () => {
    const clock = new FakeClock();
    const control = new FakeSessionControl(clock);
    const { lines, logger } = logged();
    const watchdog = new Watchdog({ control, clock, logger });
    control.socketState = 'TIMEOUT';
    let release: () => void = () => {};
    const pending = new Promise<void>((resolve) => (release = resolve));
    control.restartWorker = (reason) => {
      control.calls.push({ op: 'restartWorker', at: clock.now(), arg: reason });
      return pending.then(() => Promise.reject(new Error('spawn failed')));
    };
    watchdog.start();
    await clock.advance(MIN + 11 * S);
    expect(control.callsOf('restartWorker')).toHaveLength(1);
    watchdog.stop();
    release();
    await clock.advance(30 * MIN);
    expect(lines.filter((line) => line.msg === 'worker restart failed')).toEqual([]);
    expect(control.callsOf('getState')).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a resetState that fails is logged and is not the end of it: the second look and the restart still follow', async () => {
    const clock = new FakeClock();
    const control = new FakeSessionControl(clock);
    const { lines, logger } = logged();
    const watchdog = new Watchdog({ control, clock, logger });
    const t0 = clock.now();
    const rel = (op: 'resetState' | 'getState' | 'restartWorker') => control.callsOf(op).map((call) => (call.at - t0) / S);
    control.socketState = 'TIMEOUT';
    control.failing.set('resetState', new Error('Protocol error'));
    watchdog.start();
    await clock.advance(MIN + 15 * S);
    expect(rel('resetState')).toEqual([60]);
    expect(rel('getState')).toEqual([60, 70]);
    expect(rel('restartWorker')).toEqual([70]);
    expect(lines.find((line) => line.msg === 'resetState failed')).toMatchObject({ level: 'warn', error: 'Protocol error' });
    watchdog.stop();
  });

  it('a restart that fails keeps the backoff going and is logged for support', async () => {
    const clock = new FakeClock();
    const control = new FakeSessionControl(clock);
    const { lines, logger } = logged();
    const watchdog = new Watchdog({ control, clock, logger });
    const t0 = clock.now();
    control.socketState = 'TIMEOUT';
    control.failing.set('restartWorker', new Error('spawn failed'));
    watchdog.start();
    await clock.advance(10 * MIN);
    expect(control.callsOf('restartWorker').map((call) => (call.at - t0) / S)).toEqual([70, 140, 270, 520]);
    expect(watchdog.restarts).toBe(4);
    const failures = lines.filter((line) => line.msg === 'worker restart failed');
    expect(failures).toHaveLength(4);
    expect(failures[0]).toMatchObject({ level: 'error', layer: 'watchdog', error: 'spawn failed' });
    expect(lines.find((line) => line.msg === 'watchdog gave up on quick recovery')).toMatchObject({
      level: 'error',
      attempts: 3,
      reason: 'getState is TIMEOUT',
    });
    watchdog.stop();
  });

  it('a restart that never answers is given up on after its deadline and the backoff goes on', async () => {
    const clock = new FakeClock();
    const control = new FakeSessionControl(clock);
    const watchdog = new Watchdog({ control, clock, logger: silentLogger, restartTimeoutMs: 30 * S });
    const t0 = clock.now();
    control.socketState = 'TIMEOUT';
    control.restartWorker = (reason) => {
      control.calls.push({ op: 'restartWorker', at: clock.now(), arg: reason });
      return new Promise<void>(() => {});
    };
    watchdog.start();
    await clock.advance(5 * MIN);
    // check 60, reset, look again 70, restart hangs until 100; next check 60 s later at 160
    expect(control.callsOf('restartWorker').map((call) => (call.at - t0) / S)).toEqual([70, 170]);
    watchdog.stop();
  });
});
