import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { startHostWithPortFallback } from '../../electron/shell/host-start.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('starting the host inside the app', () => {
  it('opens on a free port when the usual one is taken, instead of not starting', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as { port: number }).port;
    const temp = makeTempDir('comanda-hoststart-');
    cleanups.push(temp.cleanup);
    const ports: (number | null)[] = [];
    const { host, started } = await startHostWithPortFallback(
      (port) => {
        ports.push(port);
        return createHost({ dataDir: temp.dir, engine: 'simulator', port, logger: silentLogger });
      },
      taken,
      silentLogger,
    );
    cleanups.push(() => host.stop());
    expect(ports).toEqual([taken, 0]);
    expect(started.port).not.toBe(taken);
    const health = await fetch(`http://127.0.0.1:${started.port}/api/health`);
    expect(health.ok).toBe(true);
  });

  it('passes other start failures through', async () => {
    const failing = { start: async () => Promise.reject(new Error('database is locked')), stop: async () => undefined } as unknown as Host;
    await expect(startHostWithPortFallback(() => failing, 4747, silentLogger)).rejects.toThrow('database is locked');
  });
});
