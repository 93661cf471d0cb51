// WhatsApp engine recovery figures, on real processes:
//  - killedBrowserDetectMs: SIGKILL of the real Chromium (driven by the real whatsapp-web.js in a
//    forked worker, held inside initialize() by a "WhatsApp" that never answers, since
//    web.whatsapp.com is unreachable here) until the engine's status says the browser is gone
//    (target < 5 s);
//  - workerRestartToReadyMs: SIGKILL of a forked worker running the fake whatsapp-web.js Client
//    until the engine is connected again through a new worker, backoff included (target < 10 s).
// Run alone: node bench/whatsapp-engine-bench.ts
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSystemClock } from '../electron/host/clock.ts';
import { createJsonLogger, silentLogger } from '../electron/host/logger.ts';
import { DEFAULT_SETTINGS, whatsappSettingsSchema } from '../electron/host/settings.ts';
import { createEngineFactory } from '../electron/whatsapp/engine-factory.ts';
import type { WhatsAppEngine } from '../electron/whatsapp/engine.ts';
import { createForkWorker } from '../electron/whatsapp/fork-worker.ts';
import { TEXT } from '../electron/whatsapp/status-mapping.ts';
import { processesMatching, startHangingWhatsApp } from '../tests/support/real-whatsapp.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
const FAKE_WORKER = fileURLToPath(new URL('../tests/support/fake-engine-worker.ts', import.meta.url));

async function until<T>(probe: () => T | undefined | false, timeoutMs: number, everyMs = 5): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function withEngine<T>(
  options: { spawnEntry?: string; extraBrowserArgs?: string[] },
  run: (engine: WhatsAppEngine, profileDir: string) => Promise<T>,
): Promise<T> {
  const temp = makeTempDir('comanda-wa-bench-');
  const engine = createEngineFactory('whatsapp', {
    settings: whatsappSettingsSchema.parse({ browserPath: CHROMIUM }),
    spawn: createForkWorker(options.spawnEntry ? { entry: options.spawnEntry } : {}),
    ...(options.extraBrowserArgs ? { extraBrowserArgs: options.extraBrowserArgs } : {}),
  })({ dataDir: temp.dir, settings: DEFAULT_SETTINGS, timezone: () => 'Europe/Madrid', clock: createSystemClock(), logger: process.env.BENCH_LOG ? createJsonLogger({ level: 'debug' }) : silentLogger });
  try {
    return await run(engine, join(temp.dir, 'whatsapp', 'session'));
  } finally {
    await engine.stop();
    temp.cleanup();
  }
}

/** Real Chromium under the real whatsapp-web.js: SIGKILL the browser, time until the engine knows. */
async function killedBrowserDetectMs(): Promise<number> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the browser figure needs Debian's chromium`);
  const hanging = await startHangingWhatsApp();
  try {
    return await withEngine({ extraBrowserArgs: hanging.browserArgs }, async (engine, profileDir) => {
      await engine.start();
      const browser = await until(
        () => processesMatching(`--user-data-dir=${profileDir}`).find((p) => !p.cmdline.includes('--type=')),
        30_000,
        20,
      );
      // whatsapp-web.js is inside page.goto(): puppeteer is connected and the worker watches it.
      await until(() => hanging.connections() > 0, 30_000, 5);
      const killedAt = performance.now();
      process.kill(browser.pid, 'SIGKILL');
      await until(() => engine.getStatus().error === TEXT.browserGone, 10_000, 1);
      return performance.now() - killedAt;
    });
  } finally {
    await hanging.close();
  }
}

/** A real forked worker with the fake Client: SIGKILL it, time until connected again. */
async function workerRestartToReadyMs(): Promise<number> {
  return withEngine({ spawnEntry: FAKE_WORKER }, async (engine) => {
    await engine.start();
    await until(() => engine.getStatus().state === 'connected', 20_000);
    const worker = await until(
      () => processesMatching('fake-engine-worker.ts').find((p) => p.ppid === process.pid),
      5_000,
    );
    const killedAt = performance.now();
    process.kill(worker.pid, 'SIGKILL');
    await until(() => engine.getStatus().state !== 'connected', 10_000, 1);
    await until(() => engine.getStatus().state === 'connected', 20_000, 1);
    return performance.now() - killedAt;
  });
}

export async function benchWhatsAppEngine(): Promise<{ killedBrowserDetectMs: number; workerRestartToReadyMs: number }> {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    killedBrowserDetectMs: round(await killedBrowserDetectMs()),
    workerRestartToReadyMs: round(await workerRestartToReadyMs()),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWhatsAppEngine()));
}
