// The WhatsApp engine worker process: one whatsapp-web.js Client driving the system browser, run
// by worker-core.ts. Started by child_process.fork (headless) or Electron's utilityProcess (the
// app); speaks protocol.ts over whichever channel it was given. Anything that escapes
// whatsapp-web.js is reported to the parent before this process ends, never swallowed silently.
import wwebjs from 'whatsapp-web.js';
import type { WorkerConfig } from './protocol.ts';
import { killProcessTree } from './kill-process-tree.ts';
import { processTreeRss } from './process-memory.ts';
import { runWorker, type WwebjsClientLike } from './worker-core.ts';
import { createParentPort } from './worker-port.ts';

const { Client, LocalAuth } = wwebjs;

function createClient(config: WorkerConfig): WwebjsClientLike {
  const client = new Client({
    authStrategy: new LocalAuth({ dataPath: config.authDir }),
    puppeteer: {
      executablePath: config.executablePath,
      args: config.browserArgs,
      headless: config.headless,
      protocolTimeout: config.protocolTimeoutMs,
    },
    // A version the fleet pinned comes from its URL (non-strict: an unreachable URL falls back to the newest).
    webVersionCache:
      config.webVersionCacheUrl !== undefined
        ? { type: 'remote', remotePath: config.webVersionCacheUrl, strict: false }
        : { type: 'local', path: config.webCacheDir },
    ...(config.webVersion !== undefined ? { webVersion: config.webVersion } : {}),
    takeoverOnConflict: config.takeoverOnConflict,
    takeoverTimeoutMs: 5_000,
    // whatsapp-web.js asks for the code itself once WhatsApp Web wants a link, and rotates it.
    ...(config.pairingPhone !== undefined
      ? { pairWithPhoneNumber: { phoneNumber: config.pairingPhone, showNotification: true, intervalMs: 180_000 } }
      : {}),
  });
  return client as unknown as WwebjsClientLike;
}

const port = createParentPort();
const worker = runWorker(port, {
  createClient,
  processRss: (pid) => processTreeRss(pid),
  killProcess: (pid) => killProcessTree(pid, 'SIGKILL'),
});

process.on('unhandledRejection', (reason) => void worker.escapedError(reason, false));
process.on('uncaughtException', (error) => void worker.escapedError(error, true));
// The parent went away (the host crashed): close the browser instead of leaving it behind.
process.on('disconnect', () => void worker.escapedError(new Error('the host went away'), true));
port.post({ type: 'hello', pid: process.pid });
