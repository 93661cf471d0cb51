// The worker as a real forked process (with the fake whatsapp-web.js Client inside): errors that
// escape whatsapp-web.js are caught at process level, reported to the host, and recovered from.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { Logger, LogFields } from '../../electron/host/logger.ts';
import { whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { createForkWorker } from '../../electron/whatsapp/fork-worker.ts';
import { WhatsAppWorkerEngine } from '../../electron/whatsapp/whatsapp-engine.ts';
import { waitFor } from '../support/api-client.ts';
import { processesMatching } from '../support/real-whatsapp.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const FAKE_WORKER = fileURLToPath(new URL('../support/fake-engine-worker.ts', import.meta.url));

interface Entry {
  level: string;
  message: string;
  fields?: LogFields;
}

function recordingLogger(entries: Entry[]): Logger {
  const log = (level: string) => (message: string, fields?: LogFields) => void entries.push({ level, message, ...(fields ? { fields } : {}) });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: () => logger };
  return logger;
}

const engines: WhatsAppWorkerEngine[] = [];
const temps: (() => void)[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  temps.splice(0).forEach((cleanup) => cleanup());
});

function engineWithWorker(escape: 'rejection' | 'exception', entries: Entry[]): WhatsAppWorkerEngine {
  const temp = makeTempDir('comanda-wa-proc-');
  temps.push(temp.cleanup);
  const engine = new WhatsAppWorkerEngine({
    clock: createSystemClock(),
    logger: recordingLogger(entries),
    spawn: createForkWorker({ entry: FAKE_WORKER, env: { ...process.env, FAKE_WWEBJS_ESCAPE: escape } }),
    settings: whatsappSettingsSchema.parse({}),
    authDir: `${temp.dir}/whatsapp`,
    discoverBrowser: () => ({ path: '/usr/bin/fake-chrome', searched: [] }),
    describeMissingBrowser: () => 'no browser',
    browserArgs: () => [],
    killBrowser: () => undefined,
    removeSession: async () => undefined,
    backoff: { restartInitialMs: 200 },
  });
  engines.push(engine);
  return engine;
}

const workerErrors = (entries: Entry[]) => entries.filter((e) => e.message === 'error inside the whatsapp worker');

describe('engine worker process', () => {
  it('an uncaught exception is reported as fatal, the worker ends, and a new one takes over', async () => {
    const entries: Entry[] = [];
    const engine = engineWithWorker('exception', entries);
    await engine.start();
    await waitFor(async () => engine.health().restarts >= 1 && engine.getStatus().state === 'connected', 15_000, 20);
    const reported = workerErrors(entries)[0];
    expect(reported?.fields).toMatchObject({ fatal: true, error: expect.stringContaining("TypeError: Cannot read properties of null") });
    expect(entries.some((e) => e.message === 'whatsapp worker exited' && e.fields?.code === 1)).toBe(true);
    await engine.stop();
    expect(processesMatching('fake-engine-worker.ts').filter((p) => p.ppid === process.pid)).toEqual([]);
  }, 30_000);

  it('an unhandled rejection that means a broken page is reported and restarts the worker', async () => {
    const entries: Entry[] = [];
    const engine = engineWithWorker('rejection', entries);
    await engine.start();
    await waitFor(async () => engine.health().restarts >= 1 && engine.getStatus().state === 'connected', 15_000, 20);
    expect(workerErrors(entries)[0]?.fields).toMatchObject({ fatal: false, error: expect.stringContaining('Execution context was destroyed') });
    // The worker was asked to stop (not killed by its own error).
    expect(entries.some((e) => e.message === 'whatsapp worker exited')).toBe(false);
  }, 30_000);
});
