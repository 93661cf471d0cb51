// The real thing: whatsapp-web.js in a forked worker driving Debian's Chromium, with no way to
// reach web.whatsapp.com (as on this machine). It must read as "offline, retrying", recover from a
// killed browser or worker without the host noticing, and leave no browser behind.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { DEFAULT_SETTINGS, whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { createEngineFactory } from '../../electron/whatsapp/engine-factory.ts';
import { createForkWorker } from '../../electron/whatsapp/fork-worker.ts';
import { TEXT } from '../../electron/whatsapp/status-mapping.ts';
import { waitFor } from '../support/api-client.ts';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.ts';
import { processesMatching, startHangingWhatsApp, type HangingWhatsApp } from '../support/real-whatsapp.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = HAS_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function realEngine(options: { extraBrowserArgs?: string[] } = {}) {
  const temp = makeTempDir('comanda-wa-real-');
  const profileDir = join(temp.dir, 'whatsapp', 'session');
  const engine = createEngineFactory('whatsapp', {
    settings: whatsappSettingsSchema.parse({ browserPath: CHROMIUM }),
    spawn: createForkWorker(),
    backoff: { offlineInitialMs: 1_000, restartInitialMs: 500 },
    ...(options.extraBrowserArgs ? { extraBrowserArgs: options.extraBrowserArgs } : {}),
  })({ dataDir: temp.dir, settings: DEFAULT_SETTINGS, timezone: () => 'Europe/Madrid', clock: createSystemClock(), logger: silentLogger });
  const statuses: WhatsAppStatus[] = [];
  engine.onStatus((status) => statuses.push(status));
  cleanups.push(async () => {
    await engine.stop();
    temp.cleanup();
  });
  return { engine, statuses, profileDir };
}

/** The browser's main process for a profile (its helpers carry --type=…). */
function browserMain(profileDir: string) {
  return processesMatching(`--user-data-dir=${profileDir}`).find((p) => !p.cmdline.includes('--type='));
}

/** No browser on the profile and none of the given worker processes is still alive. */
async function expectNothingLeft(profileDir: string, workerPids: number[] = []): Promise<void> {
  const alive = () => [...processesMatching(profileDir), ...processesMatching('engine-worker.ts').filter((p) => workerPids.includes(p.pid))];
  await waitFor(async () => alive().length === 0, 5_000).catch(() => undefined);
  expect(alive()).toEqual([]);
}

const ourWorkers = () => processesMatching('engine-worker.ts').filter((p) => p.ppid === process.pid);

describe.skipIf(!HAS_CHROMIUM)(`real whatsapp-web.js worker with Debian Chromium${SKIP_REASON}`, () => {
  it('no internet: offline with attempt and next try, retried, and stop() leaves no browser', async () => {
    const { engine, statuses, profileDir } = realEngine();
    await engine.start();
    const workerPids = new Set<number>();
    await waitFor(async () => {
      for (const worker of ourWorkers()) workerPids.add(worker.pid);
      return engine.getStatus().state === 'offline' && (engine.getStatus().attempt ?? 0) >= 2;
    }, 25_000, 50);
    expect(workerPids.size).toBeGreaterThanOrEqual(1);
    const status = engine.getStatus();
    expect(status.error).toBe(TEXT.offline);
    expect(Date.parse(status.nextTryAt!)).toBeGreaterThan(Date.now() - 1_000);
    expect(engine.health()).toMatchObject({ browserPath: CHROMIUM });
    expect(engine.health().restarts).toBeGreaterThanOrEqual(1);
    // Never a crash or an error state on the way.
    expect(statuses.map((s) => s.state).filter((s) => s !== 'offline' && s !== 'starting')).toEqual([]);
    await engine.stop();
    await expectNothingLeft(profileDir, [...workerPids]);
    expect(ourWorkers()).toEqual([]);
  }, 40_000);

  it('a SIGKILLed browser is noticed within 5 s, the worker restarts, and stop() leaves nothing', async () => {
    const hanging: HangingWhatsApp = await startHangingWhatsApp();
    cleanups.push(() => hanging.close());
    const { engine, profileDir } = realEngine({ extraBrowserArgs: hanging.browserArgs });
    await engine.start();
    const browser = await waitFor(async () => browserMain(profileDir), 20_000, 50);
    // whatsapp-web.js is inside page.goto(): puppeteer is connected and the worker watches it.
    await waitFor(async () => hanging.connections() > 0, 20_000, 10);
    const killedAt = Date.now();
    process.kill(browser.pid, 'SIGKILL');
    await waitFor(async () => engine.getStatus().error === TEXT.browserGone, 5_000, 10);
    const noticedMs = Date.now() - killedAt;
    expect(noticedMs).toBeLessThan(5_000);
    expect(engine.getStatus().state).toBe('reconnecting');
    const next = await waitFor(async () => {
      const main = browserMain(profileDir);
      return main && main.pid !== browser.pid ? main : undefined;
    }, 20_000, 50);
    expect(next.pid).not.toBe(browser.pid);
    expect(engine.health().restarts).toBeGreaterThanOrEqual(1);
    await engine.stop();
    await expectNothingLeft(profileDir);
    expect(ourWorkers()).toEqual([]);
  }, 60_000);
});

describe.skipIf(!HAS_CHROMIUM)(`headless host with --engine whatsapp${SKIP_REASON}`, () => {
  async function startHost(): Promise<{ host: HeadlessProcess; profileDir: string }> {
    const temp = makeTempDir('comanda-wa-host-');
    const host = await startHeadless({ dataDir: temp.dir, extraArgs: ['--engine', 'whatsapp'] });
    cleanups.push(async () => {
      await host.kill('SIGTERM');
      temp.cleanup();
    });
    return { host, profileDir: join(temp.dir, 'whatsapp', 'session') };
  }

  const health = async (host: HeadlessProcess) =>
    (await (await fetch(`${host.base}/api/health`)).json()) as { ok: boolean; whatsapp: WhatsAppStatus };

  it('starts (no longer exits 2) and /api/health reports offline or reconnecting', async () => {
    const { host, profileDir } = await startHost();
    const workerPids = new Set<number>();
    const state = await waitFor(async () => {
      for (const worker of processesMatching('engine-worker.ts').filter((p) => p.ppid === host.child.pid)) workerPids.add(worker.pid);
      const { whatsapp } = await health(host);
      return whatsapp.state === 'offline' || whatsapp.state === 'reconnecting' ? whatsapp : undefined;
    }, 20_000, 100);
    expect(state.engine).toBe('whatsapp');
    expect(host.child.exitCode).toBeNull();
    await host.kill('SIGTERM');
    expect(host.child.exitCode).toBe(0);
    await expectNothingLeft(profileDir, [...workerPids]);
  }, 40_000);

  it('a worker killed mid-run is restarted while the HTTP API keeps answering', async () => {
    const { host, profileDir } = await startHost();
    const workers = () => processesMatching('engine-worker.ts').filter((p) => p.ppid === host.child.pid);
    const first = await waitFor(async () => workers()[0], 15_000, 10);
    process.kill(first.pid, 'SIGKILL');
    const answers: number[] = [];
    const replacement = await waitFor(async () => {
      const response = await fetch(`${host.base}/api/health`);
      answers.push(response.status);
      const next = workers().find((p) => p.pid !== first.pid);
      return next;
    }, 20_000, 100);
    expect(replacement.pid).not.toBe(first.pid);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 200)).toBe(true);
    const { whatsapp } = await health(host);
    expect(['offline', 'reconnecting', 'starting']).toContain(whatsapp.state);
    await host.kill('SIGTERM');
    await expectNothingLeft(profileDir, [first.pid, replacement.pid]);
  }, 60_000);
});
