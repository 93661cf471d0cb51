// The headless host: the whole product without a display, for a server PC, extra kitchen screens
// on the network, and the end-to-end tests.
//   npm run headless -- --data-dir DIR --port 4747 --engine simulator|whatsapp [--menu FILE] [--host 127.0.0.1]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHost, APP_ROOT, DEFAULT_RENDERER_DIR } from './host/create-host.ts';
import { createJsonLogger, errorFields } from './host/logger.ts';
import { RotatingLogFile } from './host/log-file.ts';
import { MenuError } from './host/menu-source.ts';
import { parseHeadlessArgs, USAGE } from './headless-args.ts';
import { createEngineFactory, whatsappProfileDir } from './whatsapp/engine-factory.ts';
import { createSystemClock } from './host/clock.ts';
import { loadFirebaseFile, type FirebaseFile } from './cloud/firebase-file.ts';
import { engineCloudHooks, startHostCloud } from './cloud/host-cloud.ts';

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

let cloud: Awaited<ReturnType<typeof startHostCloud>> | undefined;
let host;
try {
  host = createHost({
    dataDir: resolve(args.dataDir),
    engine:
      args.engine === 'simulator'
        ? 'simulator'
        : createEngineFactory('whatsapp', engineCloudHooks(() => cloud?.cloud)),
    port: args.port,
    hostname: args.host,
    logger,
    clock,
    ...(args.menu ? { menuPath: resolve(args.menu) } : {}),
  });
} catch (error) {
  console.error(`comanda: ${error instanceof MenuError ? error.message : (error as Error).message}`);
  process.exit(2);
}

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  try {
    // The cloud reads the store: it stops first.
    await cloud?.stop();
    await host.stop();
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
  const started = await host.start();
  if (firebase) {
    const dataDir = resolve(args.dataDir);
    cloud = await startHostCloud({
      host,
      dataDir,
      firebase,
      logger,
      clock,
      ...(args.engine === 'whatsapp' ? { profileDir: whatsappProfileDir(dataDir) } : {}),
    });
  }
  console.log(`Comanda ${host.version} is running (${host.engine.kind} engine).`);
  console.log(`Kitchen screen: ${started.url}`);
  console.log(`Access token: ${join(resolve(args.dataDir), 'access-token')}`);
  // The API answers at once; the page follows as soon as it is built.
  void ensureRendererBuilt();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `comanda: port ${args.port} is already in use; pick another with --port`
      : `comanda: could not start: ${(error as Error).message}`,
  );
  await host.stop().catch(() => undefined);
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
