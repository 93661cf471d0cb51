// A session that authenticates and never becomes ready, on the simulator's never-ready fault under
// a hand-driven clock: the recovery steps in order (restart, cleared web cache, the fleet's pinned
// version when there is one), then failed with the problem never-ready and one alert, a new try
// every 15 minutes, and all of it over once the session becomes ready.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { PROBLEM_TEXT } from '../../electron/host/whatsapp-problems.ts';
import type { WhatsAppHealth } from '../../shared/kds-api.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { ApiClient } from '../support/api-client.ts';
import { FakeClock, flushPromises } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

const S = 1000;
const MIN = 60 * S;

describe('never ready (simulator fault)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let clock: FakeClock;
  let host: Host;
  let api: ApiClient;
  let alerts: string[];
  let statuses: WhatsAppStatus[];

  beforeEach(async () => {
    tmp = makeTempDir('comanda-never-ready-');
    clock = new FakeClock();
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot: scriptedBot, clock, settleMs: 0 });
    const started = await host.start();
    api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
    alerts = [];
    statuses = [];
    host.problems.onAlert((a) => alerts.push(a.problem));
    host.bus.subscribe((e) => {
      if (e.type === 'whatsapp') statuses.push(e.status);
    });
    expect((await api.post('/api/sim/fault', { kind: 'never-ready' })).status).toBe(200);
    await api.post('/api/whatsapp/reconnect');
    await advance(2 * S);
    expect(host.engine.getStatus().state).toBe('authenticating');
  });
  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  async function advance(ms: number): Promise<void> {
    await clock.advance(ms);
    await flushPromises();
  }

  it('restarts, clears the web cache, then fails with never-ready; one alert; tries every 15 min; ready ends it', async () => {
    await advance(180 * S - 1);
    expect(host.neverReady.log).toEqual([]);
    await advance(1);
    expect(host.neverReady.log).toEqual(['restart-worker']);
    await advance(2 * S + 180 * S);
    expect(host.neverReady.log).toEqual(['restart-worker', 'clear-web-cache']);
    expect(host.problems.list()).toEqual([]);
    await advance(2 * S + 180 * S);
    // No pinned version in the fleet: straight to failed.
    expect(host.neverReady.log).toEqual(['restart-worker', 'clear-web-cache', 'give-up']);
    expect(host.engine.getStatus()).toMatchObject({ state: 'failed', error: PROBLEM_TEXT['never-ready'].en });
    expect(alerts).toEqual(['never-ready']);
    const health = (await api.get<WhatsAppHealth>('/api/whatsapp/health')).body;
    expect(health.problems).toEqual(['never-ready']);
    expect(health.status).toMatchObject({ state: 'failed', problems: ['never-ready'] });
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', problems: ['never-ready'] });
    expect(JSON.stringify(statuses)).not.toContain('needs-link');

    // Every 15 minutes another try; still broken: failed again, no second alert.
    await advance(15 * MIN);
    expect(host.neverReady.log.at(-1)).toBe('retry:restart-worker');
    await advance(2 * S + 180 * S);
    expect(host.engine.getStatus().state).toBe('failed');
    expect(alerts).toEqual(['never-ready']);

    // WhatsApp Web is fixed: the next try becomes ready and the problem is over.
    await api.post('/api/sim/fault', { kind: 'none' });
    await advance(15 * MIN);
    await advance(2 * S);
    expect(host.engine.getStatus().state).toBe('connected');
    expect(host.problems.list()).toEqual([]);
    expect(statuses.at(-1)!.problems).toBeUndefined();
  });

  it('uses the fleet pinned version as the third step, and readyTimeoutSeconds from the live settings', async () => {
    expect((await api.request('PUT', '/api/settings', { whatsapp: { readyTimeoutSeconds: 30 } })).status).toBe(200);
    host.fleet.set({ webVersion: '2.3000.1017054665', note: 'pinned after the January change' });
    // The timer armed before the change keeps its 180 s; the following ones use 30 s.
    await advance(180 * S);
    await advance(2 * S + 30 * S);
    await advance(2 * S + 30 * S);
    expect(host.neverReady.log).toEqual(['restart-worker', 'clear-web-cache', 'pinned-version']);
    await advance(2 * S + 30 * S);
    expect(host.neverReady.log.at(-1)).toBe('give-up');
    await advance(15 * MIN);
    expect(host.neverReady.log.at(-1)).toBe('retry:pinned-version');
  });

  it('a malformed fleet document is refused and the last good one kept', () => {
    expect(host.fleet.set({ webVersion: '2.3000.1' })).toBe(true);
    expect(host.fleet.set({ webVersion: 'latest please' })).toBe(false);
    expect(host.fleet.webVersion()).toEqual({ webVersion: '2.3000.1' });
  });
});
