// "Is the page really there?": whatsapp-web.js getState() must say CONNECTED and a trivial evaluate
// must come back, both within a deadline. The two run together so a silent page costs one timeout,
// not two. Shared by the watchdog, the heartbeat and the session monitor.
import { errorFields } from '../host/logger.ts';
import type { LayerTimers } from './layer-loop.ts';
import type { SessionControl } from './session-control.ts';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

export async function probeSession(control: SessionControl, timers: LayerTimers, timeoutMs: number): Promise<ProbeResult> {
  const [state, ping] = await Promise.allSettled([
    timers.deadline(() => control.getState(timeoutMs), timeoutMs, 'getState'),
    timers.deadline(() => control.ping(timeoutMs), timeoutMs, 'ping'),
  ]);
  if (state.status === 'rejected') return { ok: false, reason: `getState failed: ${String(errorFields(state.reason).error)}` };
  if (state.value !== 'CONNECTED') return { ok: false, reason: `getState is ${state.value ?? 'null'}` };
  if (ping.status === 'rejected') return { ok: false, reason: `ping failed: ${String(errorFields(ping.reason).error)}` };
  return { ok: true };
}
