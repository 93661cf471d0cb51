// The engine worker as an Electron utilityProcess: the SpawnWorker seam the WhatsApp supervisor
// takes (headless uses child_process.fork instead). A utility process is a Node process Electron
// starts itself, so it works with the RunAsNode fuse off; the worker talks through
// process.parentPort.
import type { ForkOptions, UtilityProcess } from 'electron';
import type { Logger } from '../host/logger.ts';
import type { ParentToWorker, SpawnWorker, WorkerHandle, WorkerToParent } from '../whatsapp/protocol.ts';

export type UtilityProcessLike = Pick<UtilityProcess, 'pid' | 'postMessage' | 'kill' | 'on' | 'once'>;
export type ForkUtilityProcess = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcessLike;

export interface UtilityProcessWorkerOptions {
  /** utilityProcess.fork (injected: tests pass the central mock's). */
  fork: ForkUtilityProcess;
  /** The built worker entry (dist/main/engine-worker.js). */
  entryPath: string;
  serviceName?: string;
  /** 'inherit' shows the worker's output in a terminal in development; nothing reads it packaged. */
  stdio?: ForkOptions['stdio'];
  env?: Record<string, string | undefined>;
  logger: Logger;
}

function isWorkerMessage(value: unknown): value is WorkerToParent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function utilityProcessWorker(options: UtilityProcessWorkerOptions): SpawnWorker {
  return (): WorkerHandle => {
    const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const child = options.fork(options.entryPath, [], {
      serviceName: options.serviceName ?? 'Comanda WhatsApp',
      stdio: options.stdio ?? 'inherit',
      env,
    });
    let exited = false;
    const messageListeners: ((message: WorkerToParent) => void)[] = [];
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    child.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) {
        options.logger.warn('worker sent a message without a type; ignored');
        return;
      }
      for (const listener of messageListeners) listener(message);
    });
    child.on('error', (type, location) => options.logger.error('engine worker fatal error', { type, location }));
    child.once('exit', (code) => {
      exited = true;
      // A utility process reports no signal; a kill shows as a non-zero code.
      for (const listener of exitListeners) listener(code, null);
    });
    return {
      get pid() {
        return child.pid;
      },
      send(message: ParentToWorker) {
        if (exited) throw new Error('the engine worker has exited');
        child.postMessage(message);
      },
      onMessage(listener) {
        messageListeners.push(listener);
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      kill() {
        // utilityProcess.kill takes no signal: it always ends the process (SIGTERM on POSIX).
        if (!exited) child.kill();
      },
    };
  };
}
