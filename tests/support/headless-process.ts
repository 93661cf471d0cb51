// Starts the real headless host as a child process (npm run headless's own entry), for tests that
// must kill it with SIGKILL and start it again on the same data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient, waitFor } from './api-client.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HeadlessProcess {
  child: ChildProcess;
  api: ApiClient;
  base: string;
  port: number;
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The Node flags `npm run headless` gives the host (package.json), so tests run the same process. */
const HEADLESS_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts.headless!.split(/\s+/).filter((word) => word.startsWith('--'));

export async function startHeadless(options: { dataDir: string; port?: number; menu?: string; extraArgs?: string[]; env?: Record<string, string> }): Promise<HeadlessProcess> {
  const port = options.port ?? (await freePort());
  const args = [...HEADLESS_NODE_FLAGS, join(REPO_ROOT, 'electron', 'headless.ts'), '--data-dir', options.dataDir, '--port', String(port), '--engine', 'simulator'];
  if (options.menu) args.push('--menu', options.menu);
  args.push(...(options.extraArgs ?? []));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`headless host exited early:\n${output}`);
    try {
      return (await fetch(`${base}/api/health`)).ok;
    } catch {
      return false;
    }
  }, 20_000);
  const token = readFileSync(join(options.dataDir, 'access-token'), 'utf8').trim();
  return {
    child,
    api: new ApiClient(base, token),
    base,
    port,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
