// A SpawnWorker that runs worker-core's runWorker in this process, with the fake whatsapp-web.js
// Client, over a channel that behaves like IPC: messages are JSON-copied and delivered on a later
// turn, and a killed worker stops talking at once and reports its exit.
import type { ParentToWorker, SpawnWorker, WorkerConfig, WorkerHandle, WorkerPort, WorkerToParent } from '../../electron/whatsapp/protocol.ts';
import { runWorker, type RunningWorker, type WorkerDeps } from '../../electron/whatsapp/worker-core.ts';
import { FakeWwebjsClient } from './fake-wwebjs-client.ts';

export interface InProcessWorker {
  handle: WorkerHandle;
  worker: RunningWorker;
  config: WorkerConfig | undefined;
  client: FakeWwebjsClient | undefined;
  exited: boolean;
  /** Every message the worker sent to the parent. */
  posted: WorkerToParent[];
}

export interface InProcessSpawn {
  spawn: SpawnWorker;
  workers: InProcessWorker[];
  latest(): InProcessWorker;
  /** Times the worker slept (the typing pause), in ms. */
  sleeps: number[];
  /** Pids the worker killed after a browser would not close. */
  killed: number[];
}

let nextWorkerPid = 70_000;

export function createInProcessSpawn(
  options: { configure?: (client: FakeWwebjsClient, config: WorkerConfig) => void; deps?: Partial<WorkerDeps> } = {},
): InProcessSpawn {
  const workers: InProcessWorker[] = [];
  const sleeps: number[] = [];
  const killed: number[] = [];
  const spawn: SpawnWorker = () => {
    const messageListeners: ((message: WorkerToParent) => void)[] = [];
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    const toWorker: ((message: ParentToWorker) => void)[] = [];
    const entry = { config: undefined, client: undefined, exited: false, posted: [] } as unknown as InProcessWorker;
    const finish = (code: number | null, signal: string | null) => {
      if (entry.exited) return;
      entry.exited = true;
      setImmediate(() => exitListeners.forEach((listener) => listener(code, signal)));
    };
    const port: WorkerPort = {
      post(message) {
        if (entry.exited) return;
        const copy = JSON.parse(JSON.stringify(message)) as WorkerToParent;
        entry.posted.push(copy);
        setImmediate(() => {
          if (!entry.exited) messageListeners.forEach((listener) => listener(copy));
        });
      },
      onMessage(listener) {
        toWorker.push(listener);
      },
      exit(code) {
        finish(code, null);
      },
    };
    const handle: WorkerHandle = {
      pid: nextWorkerPid++,
      send(message) {
        if (entry.exited) throw new Error('channel closed');
        const copy = JSON.parse(JSON.stringify(message)) as ParentToWorker;
        setImmediate(() => {
          if (!entry.exited) toWorker.forEach((listener) => listener(copy));
        });
      },
      onMessage(listener) {
        messageListeners.push(listener);
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      kill(signal = 'SIGTERM') {
        finish(null, signal);
      },
    };
    entry.handle = handle;
    entry.worker = runWorker(port, {
      createClient(config) {
        const client = new FakeWwebjsClient({
          takeoverOnConflict: config.takeoverOnConflict,
          ...(config.pairingPhone !== undefined ? { pairWithPhoneNumber: { phoneNumber: config.pairingPhone } } : {}),
        });
        entry.config = config;
        entry.client = client;
        options.configure?.(client, config);
        return client;
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      killProcess: (pid) => killed.push(pid),
      processRss: () => 123_000_000,
      closeTimeoutMs: 50,
      ...options.deps,
    });
    workers.push(entry);
    return handle;
  };
  return {
    spawn,
    workers,
    sleeps,
    killed,
    latest() {
      const last = workers.at(-1);
      if (!last) throw new Error('no worker was spawned');
      return last;
    },
  };
}
