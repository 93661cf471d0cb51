// Runs once before the suites: browser, end-to-end and crash suites need the built kitchen screen
// (a headless host started by a test would otherwise build it itself, in the middle of a timing).
// A build older than the screen's sources is rebuilt, so no browser test ever sees a stale screen.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export default async function setup(): Promise<void> {
  if (!existsSync(join(root, 'renderer', 'index.html'))) return;
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(built)) {
    const sources = Math.max(...SOURCES.map((s) => join(root, s)).filter(existsSync).map(newestMtime));
    if (statSync(built).mtimeMs >= sources) return;
  }
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
