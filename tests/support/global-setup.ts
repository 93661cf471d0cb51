// Runs once before the suites: browser, end-to-end and crash suites need the built kitchen screen
// (a headless host started by a test would otherwise build it itself, in the middle of a timing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(): Promise<void> {
  if (existsSync(join(root, 'dist', 'renderer', 'index.html'))) return;
  if (!existsSync(join(root, 'renderer', 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
