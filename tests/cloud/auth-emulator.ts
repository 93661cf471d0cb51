// Starts the official Firebase Auth emulator (pure Node, inside firebase-tools) for sign-in tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/firestore-emulator.ts';

export interface AuthEmulator {
  host: string;
  projectId: string;
  createUser(email: string, password: string, claims?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export async function startAuthEmulator(timeoutMs = 45_000): Promise<AuthEmulator | { skipped: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'comanda-auth-'));
  writeFileSync(join(dir, 'firebase.json'), JSON.stringify({ emulators: { auth: { host: '127.0.0.1', port }, ui: { enabled: false } } }));
  const bin = join(process.cwd(), 'node_modules', '.bin', 'firebase');
  const child: ChildProcess = spawn(bin, ['emulators:start', '--only', 'auth', '--project', 'demo-comanda'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true' },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const host = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
      await new Promise((r) => {
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
          r(undefined);
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          r(undefined);
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      return { skipped: `the Auth emulator exited: ${output.slice(-300)}` };
    }
    try {
      const response = await fetch(`http://${host}/`);
      if (response.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - start > timeoutMs) {
      await stop();
      return { skipped: `the Auth emulator did not start in ${timeoutMs} ms` };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const api = `http://${host}/identitytoolkit.googleapis.com/v1/projects/demo-comanda`;
  return {
    host,
    projectId: 'demo-comanda',
    async createUser(email, password, claims) {
      const created = (await (
        await fetch(`${api}/accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
          body: JSON.stringify({ email, password }),
        })
      ).json()) as { localId: string };
      if (claims) {
        await fetch(`${api}/accounts:update`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
          body: JSON.stringify({ localId: created.localId, customAttributes: JSON.stringify(claims) }),
        });
      }
      return created.localId;
    },
    stop,
  };
}
