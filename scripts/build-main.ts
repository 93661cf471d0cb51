// Builds the main side for Electron: the main process (ESM, our code bundled, packages left to
// node_modules so whatsapp-web.js stays unbundled and unminified) and the sandboxed preload
// (one CommonJS file, as a sandboxed preload must be), and the WhatsApp engine worker that the app
// starts as a utilityProcess (ESM like main; whatsapp-web.js stays in node_modules). Assets and the
// tray icons go next to them.
import { build } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'main');
mkdirSync(out, { recursive: true });

const esmNode = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
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
