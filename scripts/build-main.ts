// Builds the main side for Electron: the main process (ESM, our code bundled, packages left to
// node_modules so whatsapp-web.js stays unbundled and unminified) and the sandboxed preload
// (one CommonJS file, as a sandboxed preload must be). Assets go next to them.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'main');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(root, 'electron', 'main.ts')],
  outfile: join(out, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

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
console.log('built dist/main/main.js, dist/main/preload.cjs');
