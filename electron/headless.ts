// The headless host: the whole product without a display, for a server PC, extra kitchen screens
// on the network, and the end-to-end tests.
//   npm run headless -- --data-dir DIR --port 4747 --engine simulator|whatsapp [--menu FILE] [--host 127.0.0.1]
//   npm run headless -- --data-dir DIR --reset-owner-pin      (forgotten PIN: removes it and exits)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_ROOT, DEFAULT_RENDERER_DIR } from './host/create-host.ts';
import { createJsonLogger, errorFields } from './host/logger.ts';
import { RotatingLogFile } from './host/log-file.ts';
import { MenuError } from './host/menu-source.ts';
import { parseHeadlessArgs, USAGE } from './headless-args.ts';
import { createSystemClock } from './host/clock.ts';
import { loadFirebaseFile, type FirebaseFile } from './cloud/firebase-file.ts';
import { startHeadlessHost, type HeadlessHost } from './headless-host.ts';
import { resetOwnerPin } from './reset-owner-pin.ts';

const parsed = parseHeadlessArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`comanda: ${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const args = parsed.args;
// JSON lines to stderr and to DATA_DIR/logs (rotated), which the diagnostics export reads.
const logFile = new RotatingLogFile({ dir: join(resolve(args.dataDir), 'logs') });
const logger = createJsonLogger({
  level: process.env.COMANDA_LOG_LEVEL === 'debug' ? 'debug' : 'info',
  write: (line) => {
    process.stderr.write(line + '\n');
    logFile.write(line);
  },
});

const clock = createSystemClock();
let firebase: FirebaseFile | undefined;
if (args.firebase) {
  try {
    firebase = loadFirebaseFile(resolve(args.firebase));
  } catch (error) {
    console.error(`comanda: ${(error as Error).message}`);
    process.exit(2);
  }
}

if (args.resetOwnerPin) {
  // On the PC itself, never over the network: whoever can run this can read the data dir anyway.
  try {
    await resetOwnerPin(resolve(args.dataDir), logger, clock);
    console.log('The owner PIN was removed. Start Comanda and set a new one in the owner area.');
    process.exit(0);
  } catch (error) {
    console.error(`comanda: the owner PIN could not be reset: ${(error as Error).message}`);
    process.exit(1);
  }
}

let running: HeadlessHost | undefined;
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  try {
    await running?.stop();
    process.exit(0);
  } catch (error) {
    logger.error('stop failed', errorFields(error));
    process.exit(1);
  }
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', errorFields(reason)));

try {
  running = await startHeadlessHost({ args, logger, clock, ...(firebase ? { firebase } : {}) });
  const { host, started } = running;
  console.log(`Comanda ${host.version} is running (${host.engine.kind} engine).`);
  console.log(`Kitchen screen: ${started.url}`);
  for (const url of running.device.getNetworkAccess().urls) console.log(`On the restaurant network: ${url}`);
  console.log(`Access token: ${join(resolve(args.dataDir), 'access-token')}`);
  // The API answers at once; the page follows as soon as it is built.
  void ensureRendererBuilt();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof MenuError) {
    console.error(`comanda: ${error.message}`);
    process.exit(2);
  }
  console.error(
    code === 'EADDRINUSE'
      ? `comanda: port ${args.port} is already in use; pick another with --port`
      : `comanda: could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}

/** A fresh checkout has no built page yet: build it once in the background so "/" works. */
async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) return;
  logger.info('building the kitchen screen once (dist/renderer is missing)');
  try {
    const { build } = await import('vite');
    await build({ configFile: join(APP_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    logger.warn('could not build the kitchen screen; the API still works', errorFields(error));
  }
}
