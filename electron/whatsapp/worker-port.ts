// The worker's end of the channel to the host, whichever way it was started: Electron's
// utilityProcess gives process.parentPort, child_process.fork gives process.send.
import type { ParentToWorker, WorkerPort, WorkerToParent } from './protocol.ts';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function createParentPort(): WorkerPort {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message: WorkerToParent) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ParentToWorker)),
      exit: (code) => process.exit(code),
    };
  }
  if (!process.send) throw new Error('the WhatsApp worker is started by the host (child_process.fork or utilityProcess), not by hand');
  const send = process.send.bind(process);
  return {
    post: (message: WorkerToParent) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => process.on('message', (message) => listener(message as ParentToWorker)),
    // Let the last messages drain before the process ends.
    exit: (code) => setImmediate(() => process.exit(code)),
  };
}
