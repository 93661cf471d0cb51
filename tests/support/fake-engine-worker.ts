// An engine worker process with the fake whatsapp-web.js Client instead of the real one: a real
// forked process and the real worker logic, with a session that links itself a moment after
// initialize(). For tests and benches that need real process boundaries without WhatsApp.
import { createParentPort } from '../../electron/whatsapp/worker-port.ts';
import { runWorker } from '../../electron/whatsapp/worker-core.ts';
import { FakeWwebjsClient } from './fake-wwebjs-client.ts';

const READY_AFTER_MS = Number(process.env.FAKE_WWEBJS_READY_AFTER_MS ?? 100);
/** After ready, something escapes whatsapp-web.js the way its page handlers let it: 'rejection' or 'exception'. */
const ESCAPE = process.env.FAKE_WWEBJS_ESCAPE;

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
        if (ESCAPE === 'rejection') {
          setTimeout(() => void Promise.reject(new Error('Protocol error (Runtime.callFunctionOn): Execution context was destroyed.')), 50);
        }
        if (ESCAPE === 'exception') {
          setTimeout(() => {
            throw new TypeError("Cannot read properties of null (reading 'evaluate')");
          }, 50);
        }
      }, READY_AFTER_MS);
    };
    return client;
  },
});
process.on('unhandledRejection', (reason) => void worker.escapedError(reason, false));
process.on('uncaughtException', (error) => void worker.escapedError(error, true));
process.on('disconnect', () => void worker.escapedError(new Error('the host went away'), true));
