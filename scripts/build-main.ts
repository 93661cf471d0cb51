// Builds the main side for Electron: the main process (ESM, our code bundled, packages left to
// node_modules so whatsapp-web.js stays unbundled and unminified) and the sandboxed preload
// (one CommonJS file, as a sandboxed preload must be), and the WhatsApp engine worker that the app
// starts as a utilityProcess (ESM like main; whatsapp-web.js stays in node_modules). Assets and the
// tray icons go next to them. The cloud service's Firebase web config (COMANDA_FIREBASE_CONFIG or
// build/firebase-config.json) is built in, so a restaurant signs in from the screen alone.
import { build } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firebaseConfigDefine, readFirebaseConfigSource, type FirebaseWebConfig } from '../electron/cloud/firebase-config-source.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'main');
mkdirSync(out, { recursive: true });

// A broken config stops the build with the reason; none at all builds an app without the cloud.
let firebase: { config: FirebaseWebConfig; text: string; source: string } | undefined;
try {
  firebase = readFirebaseConfigSource({ env: process.env, root });
} catch (error) {
  console.error(`build stopped: ${(error as Error).message}`);
  process.exit(1);
}
console.log(firebase ? `cloud: Firebase project ${firebase.config.projectId} (from ${firebase.source})` : 'cloud: no Firebase config given; the app is built without cloud sign-in');

const esmNode = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: firebaseConfigDefine(firebase),
} as const;

await build({ ...esmNode, entryPoints: [join(root, 'electron', 'main.ts')], outfile: join(out, 'main.js') });
await build({ ...esmNode, entryPoints: [join(root, 'electron', 'whatsapp', 'engine-worker.ts')], outfile: join(out, 'engine-worker.js') });

await build({
  entryPoints: [join(root, 'electron', 'preload.ts')],
  outfile: join(out, 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  external: ['electron'],
  sourcemap: 'inline',
  logLevel: 'warning',
});

// The host finds its assets relative to its own module: dist/main → dist/assets.
cpSync(join(root, 'electron', 'assets'), join(root, 'dist', 'assets'), { recursive: true });
// Tray icons (drawn by scripts/make-icons.ts into build/icons) ship inside the app: dist/assets/tray.
const trayOut = join(root, 'dist', 'assets', 'tray');
mkdirSync(trayOut, { recursive: true });
for (const name of readdirSync(join(root, 'build', 'icons')).filter((n) => n.startsWith('tray-'))) {
  copyFileSync(join(root, 'build', 'icons', name), join(trayOut, name));
}
console.log('built dist/main/main.js, dist/main/engine-worker.js, dist/main/preload.cjs, dist/assets/tray');
