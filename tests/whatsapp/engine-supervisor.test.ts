// The worker supervisor alone, over a scripted WorkerHandle: replies matched to requests with
// deadlines, a dead worker failing what waits on it, stale workers ignored, scheduled spawns.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import type { ParentToWorker, WorkerConfig, WorkerHandle, WorkerToParent } from '../../electron/whatsapp/protocol.ts';
import { WorkerGoneError, WorkerSupervisor, WorkerTimeoutError, type SupervisorEvent } from '../../electron/whatsapp/worker-supervisor.ts';
import { FakeClock, flushPromises } from '../support/fake-clock.ts';

class ScriptedWorker implements WorkerHandle {
  static next = 1;
  readonly pid = ScriptedWorker.next++;
  readonly received: ParentToWorker[] = [];
  private messageListener: ((message: WorkerToParent) => void) | undefined;
  private exitListener: ((code: number | null, signal: string | null) => void) | undefined;
  killedWith: string | undefined;
  send(message: ParentToWorker) {
    this.received.push(message);
  }
  onMessage(listener: (message: WorkerToParent) => void) {
    this.messageListener = listener;
  }
  onExit(listener: (code: number | null, signal: string | null) => void) {
    this.exitListener = listener;
  }
  kill(signal = 'SIGTERM') {
    this.killedWith = signal;
    this.exit(null, signal);
  }
  post(message: WorkerToParent) {
    this.messageListener?.(message);
  }
  exit(code: number | null, signal: string | null = null) {
    this.exitListener?.(code, signal);
  }
  lastRequestId(): number {
    const request = [...this.received].reverse().find((m) => m.type === 'request');
    if (!request || request.type !== 'request') throw new Error('no request sent');
    return request.id;
  }
}

const CONFIG = { authDir: '/x' } as WorkerConfig;

function setup() {
  const clock = new FakeClock();
  const workers: ScriptedWorker[] = [];
  const killedBrowsers: number[] = [];
  const events: SupervisorEvent[] = [];
  const supervisor = new WorkerSupervisor({
    spawn: () => {
      const worker = new ScriptedWorker();
      workers.push(worker);
      return worker;
    },
    clock,
    logger: silentLogger,
    killBrowser: (pid) => killedBrowsers.push(pid),
    stopTimeoutMs: 5_000,
  });
  supervisor.onEvent((event) => events.push(event));
  return { clock, workers, killedBrowsers, events, supervisor };
}

describe('WorkerSupervisor', () => {
  it('spawns, sends the config, and matches replies to requests', async () => {
    const { supervisor, workers, events } = setup();
    supervisor.spawn(CONFIG);
    expect(workers[0]!.received[0]).toEqual({ type: 'start', config: CONFIG });
    expect(events[0]).toEqual({ type: 'spawned', pid: workers[0]!.pid });
    const first = supervisor.request({ op: 'getState' }, 1_000);
    const firstId = workers[0]!.lastRequestId();
    const second = supervisor.request({ op: 'ping' }, 1_000);
    const secondId = workers[0]!.lastRequestId();
    workers[0]!.post({ type: 'reply', id: secondId, ok: true, value: { op: 'ping', ok: true } });
    workers[0]!.post({ type: 'reply', id: firstId, ok: false, error: 'Error: window.require is not a function' });
    await expect(second).resolves.toEqual({ op: 'ping', ok: true });
    await expect(first).rejects.toThrow('window.require is not a function');
    expect(() => supervisor.spawn(CONFIG)).toThrow(/already running/);
  });

  it('a request with no answer times out; the late reply is ignored', async () => {
    const { supervisor, workers, clock } = setup();
    supervisor.spawn(CONFIG);
    const pending = supervisor.request({ op: 'getState' }, 2_000).catch((e: unknown) => e);
    await clock.advance(2_000);
    expect(await pending).toBeInstanceOf(WorkerTimeoutError);
    workers[0]!.post({ type: 'reply', id: workers[0]!.lastRequestId(), ok: true, value: { op: 'getState', state: 'CONNECTED' } });
    expect(clock.pendingTimers).toBe(0);
  });

  it('a worker that dies fails what waits on it, ends its browser and reports an unexpected exit', async () => {
    const { supervisor, workers, killedBrowsers, events } = setup();
    supervisor.spawn(CONFIG);
    workers[0]!.post({ type: 'browser', pid: 4242 });
    const pending = supervisor.request({ op: 'getState' }, 60_000).catch((e: unknown) => e);
    workers[0]!.exit(null, 'SIGKILL');
    expect(await pending).toBeInstanceOf(WorkerGoneError);
    expect(killedBrowsers).toEqual([4242]);
    expect(events.at(-1)).toEqual({ type: 'exit', code: null, signal: 'SIGKILL', expected: false });
    expect(supervisor.running).toBe(false);
    await expect(supervisor.request({ op: 'ping' }, 1_000)).rejects.toBeInstanceOf(WorkerGoneError);
  });

  it('stop() asks first, kills after the timeout, and the exit is expected', async () => {
    const { supervisor, workers, clock, killedBrowsers, events } = setup();
    supervisor.spawn(CONFIG);
    workers[0]!.post({ type: 'browser', pid: 77 });
    const stopping = supervisor.stop();
    await flushPromises();
    expect(workers[0]!.received.at(-1)).toEqual({ type: 'stop' });
    expect(workers[0]!.killedWith).toBeUndefined();
    await clock.advance(5_000);
    await stopping;
    expect(workers[0]!.killedWith).toBe('SIGKILL');
    expect(killedBrowsers).toContain(77);
    expect(events.at(-1)).toMatchObject({ type: 'exit', expected: true });
  });

  it('ignores messages from a worker that is no longer the current one', async () => {
    const { supervisor, workers, events } = setup();
    supervisor.spawn(CONFIG);
    const old = workers[0]!;
    const stopping = supervisor.stop();
    old.exit(0);
    await stopping;
    supervisor.spawn(CONFIG);
    const before = events.length;
    old.post({ type: 'wa', payload: { event: 'ready' } });
    expect(events.length).toBe(before);
    workers[1]!.post({ type: 'wa', payload: { event: 'ready' } });
    expect(events.at(-1)).toEqual({ type: 'wa', payload: { event: 'ready' } });
    expect(supervisor.restarts).toBe(1);
  });

  it('spawnAfter waits, and stop() cancels a scheduled spawn', async () => {
    const { supervisor, workers, clock } = setup();
    supervisor.spawnAfter(3_000, () => CONFIG, () => undefined);
    expect(supervisor.spawnPending).toBe(true);
    await clock.advance(2_999);
    expect(workers).toHaveLength(0);
    await clock.advance(1);
    expect(workers).toHaveLength(1);
    const stopping = supervisor.stop();
    workers[0]!.exit(0);
    await stopping;
    supervisor.spawnAfter(3_000, () => CONFIG, () => undefined);
    await supervisor.stop();
    await clock.advance(10_000);
    expect(workers).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
