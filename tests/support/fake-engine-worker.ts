// An engine worker process with the fake whatsapp-web.js Client instead of the real one: a real
// forked process and the real worker logic, with a session that links itself a moment after
// initialize(). For tests and benches that need real process boundaries without WhatsApp.
import { createParentPort } from '../../electron/whatsapp/worker-port.ts';
import { runWorker } from '../../electron/whatsapp/worker-core.ts';
import { FakeWwebjsClient } from './fake-wwebjs-client.ts';

const READY_AFTER_MS = Number(process.env.FAKE_WWEBJS_READY_AFTER_MS ?? 100);

const port = createParentPort();
const worker = runWorker(port, {
  createClient(config) {
    const client = new FakeWwebjsClient({ takeoverOnConflict: config.takeoverOnConflict });
    const initialize = client.initialize.bind(client);
    client.initialize = async () => {
      await initialize();
      setTimeout(() => {
        client.authenticate();
        client.loading(100);
        client.becomeReady();
      }, READY_AFTER_MS);
    };
    return client;
  },
});
process.on('unhandledRejection', (reason) => void worker.escapedError(reason, false));
process.on('uncaughtException', (error) => void worker.escapedError(error, true));
process.on('disconnect', () => void worker.escapedError(new Error('the host went away'), true));
