// A SessionControl for protection-layer tests: a status and a socket state the test sets, a page that
// can go silent (calls never settle, like a hung evaluate), and a log of every call with its virtual time.
import type { BrowserMemory, SessionAlert, SessionControl } from '../../electron/whatsapp/session-control.ts';
import type { WhatsAppState, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { FakeClock } from './fake-clock.ts';

export type ControlOp =
  | 'getState'
  | 'ping'
  | 'resetState'
  | 'restartWorker'
  | 'sendPresenceAvailable'
  | 'activity'
  | 'memory'
  | 'sendText'
  | 'markSuspect'
  | 'recordHeartbeat';

export interface ControlCall {
  op: ControlOp;
  at: number;
  arg?: string;
}

export class FakeSessionControl implements SessionControl {
  readonly clock: FakeClock;
  current: WhatsAppStatus;
  /** What getState() resolves with while the page answers. */
  socketState: string | null = 'CONNECTED';
  /** The page hangs: getState, ping, resetState, activity, presence and sendText never settle. */
  silent = false;
  pingError: Error | undefined;
  /** Rejects the named operations (one error each) while set. */
  readonly failing = new Map<ControlOp, Error>();
  rssBytes: number | undefined;
  lastActivity: number | undefined;
  readonly calls: ControlCall[] = [];
  readonly alerts: Array<SessionAlert & { at: number }> = [];
  readonly sent: Array<{ phone: string; body: string; at: number }> = [];
  /** What a restart does to the session; default: nothing changes (the fault persists). */
  onRestart: (reason: string) => void = () => {};
  /** What resetState does; default: nothing changes. */
  onReset: () => void = () => {};

  constructor(clock: FakeClock, state: WhatsAppState = 'connected') {
    this.clock = clock;
    this.current = { state, since: new Date(clock.now()).toISOString(), engine: 'whatsapp' };
  }

  setState(state: WhatsAppState, extra: Partial<WhatsAppStatus> = {}): void {
    this.current = { state, since: new Date(this.clock.now()).toISOString(), engine: 'whatsapp', ...extra };
  }

  /** A session that is fine again: connected, CONNECTED, answering. */
  heal(): void {
    this.silent = false;
    this.pingError = undefined;
    this.socketState = 'CONNECTED';
    if (this.current.state !== 'connected') this.setState('connected');
  }

  callsOf(op: ControlOp): ControlCall[] {
    return this.calls.filter((call) => call.op === op);
  }

  private record(op: ControlOp, arg?: string): void {
    this.calls.push({ op, at: this.clock.now(), ...(arg !== undefined ? { arg } : {}) });
  }

  private answer<T>(op: ControlOp, value: () => T, canHang = true): Promise<T> {
    if (canHang && this.silent) return new Promise<T>(() => {});
    const error = this.failing.get(op);
    if (error) return Promise.reject(error);
    return Promise.resolve().then(value);
  }

  status(): WhatsAppStatus {
    return this.current;
  }

  getState(timeoutMs: number): Promise<string | null> {
    this.record('getState', String(timeoutMs));
    return this.answer('getState', () => this.socketState);
  }

  ping(timeoutMs: number): Promise<void> {
    this.record('ping', String(timeoutMs));
    return this.answer('ping', () => {
      if (this.pingError) throw this.pingError;
    });
  }

  resetState(): Promise<void> {
    this.record('resetState');
    return this.answer('resetState', () => this.onReset());
  }

  restartWorker(reason: string): Promise<void> {
    this.record('restartWorker', reason);
    return this.answer('restartWorker', () => this.onRestart(reason), false);
  }

  sendPresenceAvailable(): Promise<void> {
    this.record('sendPresenceAvailable');
    return this.answer('sendPresenceAvailable', () => undefined);
  }

  activity(): Promise<void> {
    this.record('activity');
    return this.answer('activity', () => undefined);
  }

  memory(): Promise<BrowserMemory> {
    this.record('memory');
    return this.answer('memory', () => (this.rssBytes !== undefined ? { browserRssBytes: this.rssBytes } : {}), false);
  }

  sendText(phone: string, body: string): Promise<void> {
    this.record('sendText', phone);
    return this.answer('sendText', () => {
      this.sent.push({ phone, body, at: this.clock.now() });
    });
  }

  lastActivityAt(): number | undefined {
    return this.lastActivity;
  }

  markSuspect(reason: string): void {
    this.record('markSuspect', reason);
  }

  recordHeartbeat(at: number): void {
    this.record('recordHeartbeat', String(at));
  }

  alert(alert: SessionAlert): void {
    this.alerts.push({ ...alert, at: this.clock.now() });
  }
}
