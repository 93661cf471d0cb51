// SpawnWorker over child_process.fork: the headless host's way to run the engine worker. (The
// Electron app passes a utilityProcess one instead: electron/shell/.) The child gets its own
// process, so a crash inside whatsapp-web.js or the browser never takes the kitchen screen down.
import { fork, type ForkOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ParentToWorker, SpawnWorker, WorkerHandle, WorkerToParent } from './protocol.ts';

/** The worker's entry module, for any launcher (fork here, utilityProcess in the Electron shell). */
export const ENGINE_WORKER_ENTRY = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));

export interface ForkWorkerOptions {
  /** Default: engine-worker.ts next to this file. */
  entry?: string;
  /** Passed through (tests point the worker at a fake entry or add env). */
  env?: NodeJS.ProcessEnv;
  execArgv?: string[];
  /** Where the worker's own stdout/stderr go: 'inherit' (default) or 'ignore'. */
  stdio?: 'inherit' | 'ignore';
}

export function createForkWorker(options: ForkWorkerOptions = {}): SpawnWorker {
  return () => {
    const forkOptions: ForkOptions = {
      stdio: [options.stdio ?? 'inherit', options.stdio ?? 'inherit', options.stdio ?? 'inherit', 'ipc'],
      serialization: 'json',
      env: options.env ?? process.env,
      // The host's own flags (e.g. its heap sizing) are not the worker's business.
      execArgv: options.execArgv ?? [],
    };
    const child = fork(options.entry ?? ENGINE_WORKER_ENTRY, [], forkOptions);
    const handle: WorkerHandle = {
      pid: child.pid,
      send(message: ParentToWorker) {
        if (child.connected) child.send(message);
      },
      onMessage(listener) {
        child.on('message', (message) => listener(message as WorkerToParent));
      },
      onExit(listener) {
        child.once('exit', (code, signal) => listener(code, signal));
      },
      kill(signal = 'SIGTERM') {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      },
    };
    // An IPC channel error (the worker died mid-send) shows up as the exit; it must not throw here.
    child.on('error', () => undefined);
    return handle;
  };
}
