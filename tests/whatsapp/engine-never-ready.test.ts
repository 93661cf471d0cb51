// The never-ready recovery over the real engine and worker with the fake whatsapp-web.js client: a
// session that authenticates and never emits ready gets a new worker, then a cleared web cache, then
// the fleet's pinned version in its worker config, then failed (worker stopped) and a retry later.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { createEngineHarness, type EngineHarness } from '../support/whatsapp-engine-harness.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

const S = 1000;

describe('never-ready recovery on the real engine', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let h: EngineHarness;
  let host: Host;

  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  it('restart, cleared web cache, pinned version in the worker config, then failed; the retry spawns again', async () => {
    tmp = makeTempDir('comanda-engine-never-ready-');
    // As engine-factory.ts wires it: the engine reads the host's fleet pin at every launch.
    h = createEngineHarness({ settings: { plannedRestartAt: null }, engine: { fleetPin: () => host.fleet.webVersion() } });
    host = createHost({ dataDir: tmp.dir, engine: () => h.engine, port: null, logger: silentLogger, bot: scriptedBot, clock: h.clock, settleMs: 0 });
    host.fleet.set({ webVersion: '2.3000.1017054665', webVersionCacheUrl: 'http://127.0.0.1:9/{version}.html' });
    await host.start();
    await h.settle();
    const authenticateOnly = async () => {
      // Removing the web cache is real file work: give it real time.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await h.settle();
      h.client().authenticate();
      await h.settle();
    };
    await authenticateOnly();
    expect(h.engine.getStatus().state).toBe('authenticating');
    // The fleet's pin is used at the start already (settings pin nothing).
    expect(h.workers.latest().config?.webVersion).toBe('2.3000.1017054665');
    const cacheDir = join(h.workers.latest().config!.webCacheDir);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, '2.3000.1.html'), 'cached page');

    await h.clock.advance(180 * S);
    await authenticateOnly();
    expect(h.workers.workers).toHaveLength(2);
    expect(existsSync(cacheDir)).toBe(true);

    await h.clock.advance(180 * S);
    await authenticateOnly();
    expect(h.workers.workers).toHaveLength(3);
    expect(existsSync(join(cacheDir, '2.3000.1.html'))).toBe(false);

    await h.clock.advance(180 * S);
    await authenticateOnly();
    expect(h.workers.workers).toHaveLength(4);
    expect(h.workers.latest().config).toMatchObject({ webVersion: '2.3000.1017054665', webVersionCacheUrl: 'http://127.0.0.1:9/{version}.html' });

    await h.clock.advance(180 * S);
    await h.settle();
    expect(h.engine.getStatus().state).toBe('failed');
    expect(host.problems.list()).toEqual(['never-ready']);
    expect(h.workers.latest().exited).toBe(true);
    expect(host.neverReady.log).toEqual(['restart-worker', 'clear-web-cache', 'pinned-version', 'give-up']);

    await h.clock.advance(15 * 60 * S);
    await h.settle();
    expect(h.workers.workers).toHaveLength(5);
    h.client().authenticate();
    h.client().becomeReady();
    await h.settle();
    expect(h.engine.getStatus().state).toBe('connected');
    expect(host.problems.list()).toEqual([]);
  });
});
