// The real engine, supervisor and worker logic wired to the fake whatsapp-web.js Client in this
// process, under a FakeClock: what engine tests drive.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { whatsappSettingsSchema, type WhatsAppSettings } from '../../electron/host/settings.ts';
import type { SessionAlert } from '../../electron/whatsapp/session-control.ts';
import { WhatsAppWorkerEngine, type WhatsAppEngineOptions } from '../../electron/whatsapp/whatsapp-engine.ts';
import type { WorkerConfig } from '../../electron/whatsapp/protocol.ts';
import { FakeClock, flushPromises } from './fake-clock.ts';
import { FakeWwebjsClient } from './fake-wwebjs-client.ts';
import { createInProcessSpawn, type InProcessSpawn } from './in-process-worker.ts';
import { makeTempDir } from './temp-dir.ts';

// The workers record their (fake) browser pid under here; one directory per test file.
const harnessRoot = makeTempDir('comanda-engine-harness-');
afterAll(harnessRoot.cleanup);

export interface EngineHarness {
  engine: WhatsAppWorkerEngine;
  clock: FakeClock;
  workers: InProcessSpawn;
  statuses: WhatsAppStatus[];
  alerts: SessionAlert[];
  killedBrowsers: number[];
  removedSessions: number;
  /** The fake Client of the newest worker. */
  client(): FakeWwebjsClient;
  settle(): Promise<void>;
  /** Starts the engine and walks the newest client to `connected`. */
  connect(phone?: string): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<WhatsAppSettings>;
  engine?: Partial<WhatsAppEngineOptions>;
  configure?: (client: FakeWwebjsClient, config: WorkerConfig) => void;
}

export function createEngineHarness(options: HarnessOptions = {}): EngineHarness {
  FakeWwebjsClient.reset();
  const authRoot = mkdtempSync(join(harnessRoot.dir, 'engine-'));
  const clock = new FakeClock();
  FakeWwebjsClient.now = () => clock.now();
  const workers = createInProcessSpawn(options.configure ? { configure: options.configure } : {});
  const statuses: WhatsAppStatus[] = [];
  const alerts: SessionAlert[] = [];
  const killedBrowsers: number[] = [];
  const harness = { removedSessions: 0 } as EngineHarness;
  const engine = new WhatsAppWorkerEngine({
    clock,
    logger: silentLogger,
    spawn: workers.spawn,
    settings: whatsappSettingsSchema.parse(options.settings ?? {}),
    authDir: join(authRoot, 'whatsapp'),
    discoverBrowser: () => ({ path: '/usr/bin/fake-chrome', searched: ['/usr/bin/fake-chrome'] }),
    describeMissingBrowser: (searched) => `No browser for WhatsApp was found. Install Google Chrome or Microsoft Edge. Looked in: ${searched.join(', ')}`,
    browserArgs: ({ headless }) => (headless ? ['--headless-test-flag'] : []),
    killBrowser: (pid) => killedBrowsers.push(pid),
    removeSession: async () => {
      harness.removedSessions++;
    },
    random: () => 0.5,
    ...options.engine,
  });
  engine.onStatus((status) => statuses.push(status));
  engine.onAlert((alert) => alerts.push(alert));
  const settle = () => clock.advance(0).then(flushPromises);
  return Object.assign(harness, {
    engine,
    clock,
    workers,
    statuses,
    alerts,
    killedBrowsers,
    client: () => {
      const client = workers.latest().client;
      if (!client) throw new Error('the newest worker has no client yet');
      return client;
    },
    settle,
    async connect(phone = '34600000001') {
      await engine.start();
      await settle();
      const client = harness.client();
      client.authenticate();
      client.becomeReady(phone);
      await settle();
      if (engine.getStatus().state !== 'connected') throw new Error(`not connected: ${JSON.stringify(engine.getStatus())}`);
    },
  });
}
