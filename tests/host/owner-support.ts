// A host on a temp data directory with a hand-moved clock and an HTTP client, for the owner-area
// route tests. restart() stops and starts it again on the same directory.
import { createHost, type Host, type HostOptions } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { KdsEvent } from '../../shared/kds-api.ts';
import { ApiClient } from '../support/api-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

export interface TestHost {
  dir: string;
  clock: FakeClock;
  host: Host;
  api: ApiClient;
  base: string;
  events: KdsEvent[];
  start(extra?: Partial<HostOptions>): Promise<void>;
  restart(extra?: Partial<HostOptions>): Promise<void>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export function testHost(): TestHost {
  const tmp = makeTempDir();
  const clock = new FakeClock();
  let running = false;
  const t: TestHost = {
    dir: tmp.dir,
    clock,
    host: undefined as unknown as Host,
    api: undefined as unknown as ApiClient,
    base: '',
    events: [],
    async start(extra = {}) {
      t.host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot: scriptedBot, clock, settleMs: 0, ...extra });
      t.host.bus.subscribe((event) => t.events.push(event));
      const started = await t.host.start();
      running = true;
      t.base = `http://127.0.0.1:${started.port}`;
      t.api = new ApiClient(t.base, started.token);
    },
    async stop() {
      if (running) await t.host.stop();
      running = false;
    },
    async restart(extra = {}) {
      await t.stop();
      t.events = [];
      await t.start(extra);
    },
    async cleanup() {
      await t.stop();
      tmp.cleanup();
    },
  };
  return t;
}

/** A request with the owner token header beside the access token. */
export function asOwner(api: ApiClient, ownerToken: string) {
  return {
    get: <T = unknown>(path: string) => api.request<T>('GET', path, undefined, { 'X-Owner-Token': ownerToken }),
    put: <T = unknown>(path: string, body: unknown) => api.request<T>('PUT', path, body, { 'X-Owner-Token': ownerToken }),
    post: <T = unknown>(path: string, body: unknown = {}) => api.request<T>('POST', path, body, { 'X-Owner-Token': ownerToken }),
  };
}
