import { describe, expect, it, vi } from 'vitest';
import { utilityProcessWorker } from '../../electron/shell/utility-process-worker.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { WorkerToParent } from '../../electron/whatsapp/protocol.ts';
import { createUtilityProcess } from '../support/electron-mock.ts';

describe('engine worker as an Electron utilityProcess', () => {
  const setup = () => {
    const utility = createUtilityProcess();
    const warn = vi.fn();
    const spawn = utilityProcessWorker({ fork: utility.fork as never, entryPath: '/app/dist/main/engine-worker.js', env: { A: '1', B: undefined }, logger: { ...silentLogger, warn } });
    const handle = spawn();
    return { utility, handle, child: utility.forked[0]!, warn };
  };

  it('forks the worker entry with a service name, stdio and a clean env', () => {
    const { child } = setup();
    expect(child.modulePath).toBe('/app/dist/main/engine-worker.js');
    expect(child.args).toEqual([]);
    expect(child.options).toEqual({ serviceName: 'Comanda WhatsApp', stdio: 'inherit', env: { A: '1' } });
  });

  it('passes messages both ways and reports the pid once spawned', () => {
    const { handle, child, warn } = setup();
    expect(handle.pid).toBeUndefined();
    child.spawned(4321);
    expect(handle.pid).toBe(4321);
    const received: WorkerToParent[] = [];
    handle.onMessage((m) => received.push(m));
    child.emit('message', { type: 'hello', pid: 4321 });
    child.emit('message', 'garbage');
    expect(received).toEqual([{ type: 'hello', pid: 4321 }]);
    expect(warn).toHaveBeenCalledTimes(1);
    handle.send({ type: 'stop' });
    expect(child.posted).toEqual([{ type: 'stop' }]);
  });

  it('reports the exit once, refuses to send afterwards, and kill is a no-op then', () => {
    const { handle, child } = setup();
    const exits: [number | null, string | null][] = [];
    handle.onExit((code, signal) => exits.push([code, signal]));
    handle.kill('SIGTERM');
    expect(child.killed).toBe(true);
    child.exit(15);
    child.exit(15);
    expect(exits).toEqual([[15, null]]);
    expect(() => handle.send({ type: 'stop' })).toThrow(/exited/);
    child.killed = false;
    handle.kill();
    expect(child.killed).toBe(false);
  });

  it('starts a fresh process on every spawn (the supervisor restarts by spawning again)', () => {
    const utility = createUtilityProcess();
    const spawn = utilityProcessWorker({ fork: utility.fork as never, entryPath: '/w.js', logger: silentLogger });
    spawn();
    spawn();
    expect(utility.forked).toHaveLength(2);
  });
});
