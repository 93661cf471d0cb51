import { describe, expect, it } from 'vitest';
import { createJsonLogger, silentLogger } from '../../electron/host/logger.ts';
import { whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { createProtectionLayers } from '../../electron/whatsapp/protection-layers.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSessionControl } from '../support/fake-session-control.ts';

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;

function setup(settingsInput: Record<string, unknown> = {}, extra: { timezone?: string; lines?: string[]; language?: () => 'es' | 'en' } = {}) {
  const clock = new FakeClock(Date.parse('2026-11-20T12:00:00Z'));
  const control = new FakeSessionControl(clock);
  const settings = whatsappSettingsSchema.parse(settingsInput);
  const logger = extra.lines ? createJsonLogger({ level: 'debug', write: (line) => extra.lines!.push(line) }) : silentLogger;
  const layers = createProtectionLayers({ control, clock, logger, settings, random: () => 0.5, ...(extra.timezone ? { timezone: extra.timezone } : {}), ...(extra.language ? { language: extra.language } : {}) });
  return { clock, control, layers, t0: clock.now() };
}

describe('protection layers together', () => {
  it('run each layer on its configured cadence over a healthy hour, with keepalive off by default', async () => {
    const { clock, control, layers } = setup({}, { timezone: 'Europe/Madrid' });
    layers.start();
    await clock.advance(HOUR);
    expect(control.callsOf('activity')).toHaveLength(120); // 30 s
    expect(control.callsOf('recordHeartbeat')).toHaveLength(30); // 2 min
    expect(control.callsOf('sendPresenceAvailable')).toHaveLength(30);
    expect(control.callsOf('memory')).toHaveLength(12); // 5 min
    // getState: watchdog every minute (60), heartbeat (30), session monitor at the hour (1)
    expect(control.callsOf('getState')).toHaveLength(91);
    expect(control.callsOf('sendText')).toHaveLength(0);
    expect(control.callsOf('restartWorker')).toHaveLength(0);
    expect(control.alerts).toEqual([]);
    layers.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('honour configured intervals and turn keepalive on only with an owner number', async () => {
    const { clock, control, layers } = setup({
      watchdogIntervalMs: 30_000,
      heartbeatIntervalMs: 600_000,
      activityIntervalMs: 60_000,
      keepalive: true,
      ownerPhone: '+34600111222',
      plannedRestartAt: null,
    });
    layers.start();
    await clock.advance(HOUR);
    expect(control.callsOf('activity')).toHaveLength(60);
    expect(control.callsOf('recordHeartbeat')).toHaveLength(6);
    expect(control.callsOf('getState')).toHaveLength(120 + 6 + 1);
    expect(control.sent.map((m) => m.phone)).toEqual(['34600111222']);
    layers.stop();
    expect(clock.pendingTimers).toBe(0);

    const off = setup({ keepalive: true });
    off.layers.start();
    await off.clock.advance(3 * HOUR);
    expect(off.control.callsOf('sendText')).toHaveLength(0);
    off.layers.stop();
  });

  it("alert the owner in the language given (the host's menu language): watchdog and memory guard", async () => {
    const { clock, control, layers } = setup({ browserMemoryLimitMb: 1000 }, { language: () => 'es' });
    control.socketState = 'TIMEOUT';
    control.rssBytes = 1501 * 1024 * 1024;
    layers.start();
    await clock.advance(HOUR);
    layers.stop();
    const byKind = new Map(control.alerts.map((a) => [a.kind, a.message]));
    expect(byKind.get('watchdog-gave-up')).toMatch(/^WhatsApp no respondió tras 3 reinicios/);
    expect(byKind.get('browser-memory')).toMatch(/^El navegador de WhatsApp usaba 1501 MB \(límite 1000 MB\)/);
  });

  it('follow interval and memory-limit changes while running (PUT /api/settings), from the next wait on', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T12:00:00Z'));
    const control = new FakeSessionControl(clock);
    const start = whatsappSettingsSchema.parse({ watchdogIntervalMs: 60_000, activityIntervalMs: 60_000, plannedRestartAt: null, browserMemoryLimitMb: 2000 });
    let now = start;
    const layers = createProtectionLayers({ control, clock, logger: silentLogger, settings: start, currentSettings: () => now, random: () => 0.5 });
    layers.start();
    await clock.advance(10 * MIN);
    // getState: the watchdog's 10 plus the heartbeat's 5 (every 2 min).
    expect(control.callsOf('getState')).toHaveLength(15);
    expect(control.callsOf('activity')).toHaveLength(10);
    now = whatsappSettingsSchema.parse({ ...start, watchdogIntervalMs: 30_000, activityIntervalMs: 120_000, browserMemoryLimitMb: 1000 });
    control.rssBytes = 1501 * 1024 * 1024;
    await clock.advance(10 * MIN);
    // The waits already set end as they were (11:00); after them the new cadence: the watchdog at
    // 11:00, 11:30 … 20:00 (19) beside the heartbeat's 5; activity at 11, 13, 15, 17, 19.
    expect(control.callsOf('getState')).toHaveLength(15 + 19 + 5);
    expect(control.callsOf('activity')).toHaveLength(10 + 5);
    expect(control.callsOf('restartWorker').map((c) => c.arg)).toContain('memory');
    layers.stop();
  });

  it('restart the worker at the planned local time', async () => {
    const { clock, control, layers } = setup({ plannedRestartAt: '04:00' }, { timezone: 'America/Mexico_City' });
    layers.start();
    await clock.advance(24 * HOUR);
    expect(control.callsOf('restartWorker').map((c) => [new Date(c.at).toISOString(), c.arg])).toEqual([['2026-11-21T10:00:00.000Z', 'planned']]);
    layers.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('a mistyped time zone is logged and the computer\'s is used instead of dropping the layers', async () => {
    const lines: string[] = [];
    const { clock, control, layers } = setup({}, { timezone: 'Mars/Olympus', lines });
    layers.start();
    expect(lines.some((line) => line.includes('unknown time zone') && line.includes('Mars/Olympus'))).toBe(true);
    await clock.advance(25 * HOUR);
    expect(control.callsOf('restartWorker').map((c) => c.arg)).toEqual(['planned']);
    layers.stop();
  });

  it('stop() mid-flight (hung page, every layer waiting) leaves no timers; start() again resumes', async () => {
    const { clock, control, layers } = setup({ keepalive: true, ownerPhone: '34600111222' });
    layers.start();
    await clock.advance(10 * MIN);
    control.silent = true;
    await clock.advance(MIN + 2 * S);
    expect(clock.pendingTimers).toBeGreaterThan(0);
    layers.stop();
    expect(clock.pendingTimers).toBe(0);
    const before = control.calls.length;
    await clock.advance(HOUR);
    expect(control.calls.length).toBe(before);
    control.heal();
    layers.start();
    await clock.advance(2 * MIN);
    expect(control.callsOf('recordHeartbeat').at(-1)!.at).toBe(clock.now());
    layers.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
