// The real WhatsApp engine: whatsapp-web.js in a supervised worker process. It turns what the
// worker reports into the one status the kitchen sees, decides each recovery (retry with backoff,
// restart the worker, wait for a tap, take the session back), sends customer messages the way a
// person would, and gives the protection layers their SessionControl.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { WhatsAppSettings } from '../host/settings.ts';
import { classifyDisconnect, classifyError, errorText } from './disconnect-reasons.ts';
import {
  NotConnectedError,
  SendError,
  type EngineHealth,
  type IncomingMessage,
  type LinkOptions,
  type SendRequest,
  type SendResult,
  type ChatBacklog,
  type RecentIncomingQuery,
  type StuckStartStep,
  type Unsubscribe,
  type WhatsAppEngine,
} from './engine.ts';
import { NumberCheckCache } from './number-check-cache.ts';
import { SendJournal } from './send-journal.ts';
import type { SpawnWorker, WaEvent, WorkerConfig, WorkerReplyValue, WorkerRequest } from './protocol.ts';
import type { BrowserMemory, SessionAlert, SessionControl } from './session-control.ts';
import { TEXT, nextStatus, type SessionInput } from './status-mapping.ts';
import { WorkerGoneError, WorkerSupervisor, WorkerTimeoutError, type SupervisorEvent } from './worker-supervisor.ts';
import type { OwnerLanguage } from './owner-alert-texts.ts';

export interface ProtectionLayersDeps {
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  settings: WhatsAppSettings;
  random?: () => number;
  timezone?: string;
  /** True while a message is being sent: planned and memory restarts wait for it. */
  busy?: () => boolean;
}

export type CreateProtectionLayers = (deps: ProtectionLayersDeps) => { start(): void; stop(): void };

export interface BackoffOptions {
  /** First wait after a failed start without internet. */
  offlineInitialMs: number;
  /** First wait before restarting a worker whose browser or session broke. */
  restartInitialMs: number;
  /** Longest wait between tries. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { offlineInitialMs: 5_000, restartInitialMs: 1_000, maxMs: 5 * 60_000 };

export interface WhatsAppEngineOptions {
  clock: Clock;
  logger: Logger;
  spawn: SpawnWorker;
  settings: WhatsAppSettings;
  /** DATA_DIR/whatsapp: LocalAuth's data, the web version cache, the browser pid file. */
  authDir: string;
  /** Runs before every launch, so a browser installed while the app runs is found. */
  discoverBrowser: () => { path: string | undefined; searched: string[]; configuredPathMissing?: string };
  /** The owner-facing message when no browser was found. */
  describeMissingBrowser: (searched: string[]) => string;
  browserArgs: (options: { headless: boolean }) => string[];
  /** Before every launch: ends a browser left from before, clears stale locks, quarantines a broken profile. */
  prepareProfile?: () => Promise<{ ok: true } | { ok: false; reason: string; quarantinedTo: string }>;
  /** Ends a browser a dead worker left behind, by pid (only if that pid is still that browser). */
  killBrowser: (pid: number) => void;
  /** Called when the session becomes ready (e.g. to mark the profile as linked). */
  onReady?: () => void;
  /**
   * Runs during a planned restart (quiet hours, browser memory) while the browser is closed: the
   * profile is at a consistent point, so the cloud backs the session up here.
   */
  whilePlannedStop?: () => Promise<void>;
  /** The fleet's pinned WhatsApp Web version (fleet/whatsapp), used at a start when settings pin none. */
  fleetPin?: () => { webVersion: string; webVersionCacheUrl?: string } | undefined;
  /** Removes LocalAuth's session when unlinking without a live session to log out. */
  removeSession: () => Promise<void>;
  /** This PC holds the restaurant's session lease (the cloud wires it): only then take a session back. */
  holdsLease?: () => boolean;
  random?: () => number;
  timezone?: string;
  /** The WhatsApp settings as they are now: the protection layers read their intervals from it at each tick. */
  currentSettings?: () => WhatsAppSettings;
  /** The owner's language for the protection layers' alerts; default English. */
  ownerLanguage?: () => OwnerLanguage;
  createProtectionLayers?: CreateProtectionLayers;
  backoff?: Partial<BackoffOptions>;
  /** Where sends in doubt are kept across host crashes; undefined: in memory only. */
  sendJournalPath?: string;
  /** Wait before looking again at a session that went TIMEOUT/OPENING. */
  recheckDelayMs?: number;
  protocolTimeoutMs?: number;
  stopTimeoutMs?: number;
}

/** Humanised typing: a person needs longer for a longer message, never under 1 s nor over 6 s. */
export function typingDelayMs(text: string, random: () => number): number {
  const base = 900 + text.length * 35;
  const jitter = (random() - 0.5) * 800;
  return Math.round(Math.min(6_000, Math.max(1_000, base + jitter)));
}

/** The first line of an error, short enough for the kitchen screen (browser errors run to pages). */
function briefly(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export function bodyHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

const RATE_LIMITED = /rate.?limit|too many|429|overlimit/i;
/** A send whose message_create / message_ack has not come back in this long means silent events. */
export const ECHO_TIMEOUT_MS = 2 * 60_000;
/** The phone's clock and ours differ a little: a matching message this much older still counts. */
const DUPLICATE_CLOCK_SKEW_MS = 2 * 60_000;

/** Restarts of a healthy session (planned-restart.ts), as opposed to recoveries of a broken one. */
const PLANNED_RESTARTS = new Set(['planned', 'memory']);

type Hold = 'qr-cap' | 'logged-out' | 'failed' | 'unlinked' | 'conflict';

export class WhatsAppWorkerEngine implements WhatsAppEngine, SessionControl {
  readonly kind = 'whatsapp' as const;
  private readonly options: WhatsAppEngineOptions;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly supervisor: WorkerSupervisor;
  private readonly numbers: NumberCheckCache;
  private readonly statusListeners = new Set<(status: WhatsAppStatus) => void>();
  private readonly messageListeners = new Set<(message: IncomingMessage) => void>();
  private readonly alertListeners = new Set<(alert: SessionAlert) => void>();
  /** Sends handed to WhatsApp and not confirmed (survives worker and, with a path, host crashes). */
  private readonly journal: SendJournal;
  private current: WhatsAppStatus;
  private readonly context = { ready: false };
  private started = false;
  private stopped = false;
  /** Why the engine waits for a person instead of retrying. */
  private hold: Hold | undefined;
  /** Consecutive failed tries since the last ready session. */
  private attempt = 0;
  /** A retry is already under way: later failure reports of the same worker add nothing. */
  private retrying = false;
  private readySeen = false;
  private reconnects = 0;
  private pairingPhone: string | undefined;
  private browserPath: string | undefined;
  private browserSearched: string[] | undefined;
  private browserRssBytes: number | undefined;
  private webVersion: string | undefined;
  /** Pinned by the never-ready recovery: wins over settings and the fleet until the host restarts. */
  private recoveryPin: { webVersion: string; webVersionCacheUrl?: string } | undefined;
  private lastHeartbeatAt: number | undefined;
  private lastActivity: number | undefined;
  /** Sends handed to the worker and not answered yet. */
  private sending = 0;
  private recheckTimer: TimerHandle | undefined;
  /** Our sends whose message_create/ack has not come back yet: id → its deadline timer. */
  private readonly awaitingEcho = new Map<string, TimerHandle>();
  /** Echoes that arrived before their send's reply (message_create fires inside sendMessage). */
  private readonly earlyEchoes = new Set<string>();
  private readonly echoListeners = new Set<(event: { missing: boolean; messageId: string }) => void>();
  private layers: { start(): void; stop(): void } | undefined;
  /** Serialises start/stop/restart so two recoveries never spawn two workers. */
  private lifecycle: Promise<void> = Promise.resolve();

  constructor(options: WhatsAppEngineOptions) {
    this.options = options;
    this.clock = options.clock;
    this.logger = options.logger.child({ part: 'whatsapp' });
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.current = { state: 'starting', since: new Date(this.clock.now()).toISOString(), engine: 'whatsapp' };
    this.numbers = new NumberCheckCache({ clock: this.clock });
    this.journal = new SendJournal({ ...(options.sendJournalPath ? { path: options.sendJournalPath } : {}), logger: this.logger });
    this.supervisor = new WorkerSupervisor({
      spawn: options.spawn,
      clock: this.clock,
      logger: this.logger,
      killBrowser: options.killBrowser,
      ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    });
    this.supervisor.onEvent((event) => this.onSupervisorEvent(event));
  }

  // ---- WhatsAppEngine -------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    if (this.options.createProtectionLayers) {
      this.layers = this.options.createProtectionLayers({
        control: this,
        clock: this.clock,
        logger: this.logger,
        settings: this.options.settings,
        random: this.random,
        ...(this.options.timezone !== undefined ? { timezone: this.options.timezone } : {}),
        ...(this.options.ownerLanguage ? { language: this.options.ownerLanguage } : {}),
        ...(this.options.currentSettings ? { currentSettings: this.options.currentSettings } : {}),
        busy: () => this.sending > 0,
      });
      this.layers.start();
    }
    await this.serial(() => this.launch());
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopped = true;
    this.layers?.stop();
    this.layers = undefined;
    this.cancelRecheck();
    for (const timer of this.awaitingEcho.values()) this.clock.clearTimeout(timer);
    this.awaitingEcho.clear();
    this.supervisor.cancelScheduledSpawn();
    await this.serial(() => this.supervisor.stop());
  }

  getStatus(): WhatsAppStatus {
    return this.current;
  }

  onStatus(listener: (status: WhatsAppStatus) => void): Unsubscribe {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onMessage(listener: (message: IncomingMessage) => void): Unsubscribe {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /**
   * A send's own echo (message_create / message_ack) came back, or did not within ECHO_TIMEOUT_MS:
   * the host reads a missing one as WhatsApp Web's events gone silent (events-silent).
   */
  onEcho(listener: (event: { missing: boolean; messageId: string }) => void): Unsubscribe {
    this.echoListeners.add(listener);
    return () => this.echoListeners.delete(listener);
  }

  onAlert(listener: (alert: SessionAlert) => void): Unsubscribe {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  async send(request: SendRequest): Promise<SendResult> {
    const to = request.to.replace(/\D/g, '');
    if (to === '') throw new SendError('no phone number to send to', { permanent: true });
    const chatId = await this.resolveChat(to);
    const hash = bodyHash(request.body);
    this.journal.prune(this.clock.now());
    const earlier = this.journal.get(request.idempotencyKey);
    if (earlier) {
      // The previous try may have gone out before its worker (or the host) died: look first.
      const duplicate = await this.findSent(earlier.chatId, hash, earlier.startedAt);
      if (duplicate) {
        this.journal.end(request.idempotencyKey);
        this.logger.info('send already delivered before the worker restarted; not sending again', { key: request.idempotencyKey });
        return { messageId: duplicate, duplicate: true };
      }
    }
    // Kept from the first try: a match anywhere since then is the same message.
    this.journal.begin(request.idempotencyKey, { chatId, bodyHash: hash, startedAt: earlier?.startedAt ?? this.clock.now() });
    const messageId = await this.deliver(chatId, request.body);
    this.journal.end(request.idempotencyKey);
    return { messageId, duplicate: false };
  }

  async listRecentIncoming(query: RecentIncomingQuery): Promise<ChatBacklog[]> {
    if (this.current.state !== 'connected' || !this.supervisor.running) throw new NotConnectedError(this.current.state);
    // getChats() serialises every chat in one page call: generous, since a phone may have thousands.
    const reply = await this.request({ op: 'recentIncoming', query }, 120_000);
    return reply.op === 'recentIncoming' ? reply.chats : [];
  }

  health(): EngineHealth {
    return {
      reconnects: this.reconnects,
      restarts: this.supervisor.restarts,
      ...(this.lastHeartbeatAt !== undefined ? { lastHeartbeatAt: this.lastHeartbeatAt } : {}),
      ...(this.browserPath !== undefined ? { browserPath: this.browserPath } : {}),
      ...(this.browserPath === undefined && this.browserSearched !== undefined ? { browserSearched: [...this.browserSearched] } : {}),
      ...(this.browserRssBytes !== undefined ? { browserRssBytes: this.browserRssBytes } : {}),
      ...(this.webVersion !== undefined ? { webVersion: this.webVersion } : {}),
    };
  }

  async link(options: LinkOptions): Promise<void> {
    if (this.current.state === 'connected') throw new Error('WhatsApp is already linked on this computer; unlink it first');
    if (options.method === 'code') {
      const phone = (options.phone ?? '').replace(/\D/g, '');
      if (phone.length < 8 || phone.length > 15) throw new Error('a pairing code needs the phone number with its country code');
      this.pairingPhone = phone;
      // A worker showing a QR right now can switch to a code without a new browser.
      if (this.supervisor.running && this.current.state === 'needs-link' && this.hold === undefined) {
        try {
          await this.request({ op: 'requestPairingCode', phone }, 60_000);
          return;
        } catch (error) {
          this.logger.warn('pairing code request failed; restarting the session with the number', { error: errorText(error) });
        }
      }
    } else {
      this.pairingPhone = undefined;
    }
    await this.restartFresh('link');
  }

  async unlink(): Promise<void> {
    this.cancelRecheck();
    this.hold = 'unlinked';
    if (this.supervisor.running && this.context.ready) {
      try {
        // whatsapp-web.js logs out, closes its browser and removes LocalAuth's data.
        await this.request({ op: 'logout' }, 30_000);
      } catch (error) {
        this.logger.warn('logout in the page failed; removing the saved session here', { error: errorText(error) });
        await this.serial(() => this.supervisor.stop());
        await this.options.removeSession();
      }
    } else {
      await this.serial(() => this.supervisor.stop());
      await this.options.removeSession();
    }
    await this.serial(() => this.supervisor.stop());
    this.numbers.clear();
    this.setStatus({ state: 'needs-link', since: this.isoNow(), engine: 'whatsapp', error: TEXT.unlinked });
  }

  async reconnect(): Promise<void> {
    if (this.hold === 'logged-out' || this.hold === 'unlinked' || this.hold === 'qr-cap') {
      // No session to reconnect: only linking (link()) helps, and an automatic reconnect (after
      // the PC wakes up) must not start rotating QR codes nobody is looking at.
      this.logger.info('reconnect skipped: WhatsApp needs linking', { hold: this.hold });
      return;
    }
    await this.restartFresh('reconnect');
  }

  // ---- SessionControl -------------------------------------------------------------------------

  status(): WhatsAppStatus {
    return this.current;
  }

  async getState(timeoutMs: number): Promise<string | null> {
    const reply = await this.request({ op: 'getState' }, timeoutMs);
    return reply.op === 'getState' ? reply.state : null;
  }

  async ping(timeoutMs: number): Promise<void> {
    await this.request({ op: 'ping' }, timeoutMs);
  }

  async resetState(): Promise<void> {
    await this.request({ op: 'resetState' }, 15_000);
  }

  async restartWorker(reason: string): Promise<void> {
    if (this.hold !== undefined || this.stopped) {
      // Waiting for a person (link, browser install): a restart would only rotate QR codes.
      this.logger.info('whatsapp worker restart skipped while waiting for the owner', { reason, hold: this.hold });
      return;
    }
    this.logger.info('restarting the whatsapp worker', { reason });
    this.cancelRecheck();
    this.apply({ kind: 'recovering', error: `Restarting WhatsApp (${reason}).` });
    await this.serial(async () => {
      await this.supervisor.stop();
      if (PLANNED_RESTARTS.has(reason) && this.options.whilePlannedStop && !this.stopped) {
        await this.options.whilePlannedStop().catch((error: unknown) => {
          this.logger.warn('work during the planned restart failed', errorFields(error));
        });
      }
      if (!this.stopped) await this.launch();
    });
  }

  async sendPresenceAvailable(): Promise<void> {
    await this.request({ op: 'sendPresenceAvailable' }, 15_000);
  }

  async activity(): Promise<void> {
    await this.request({ op: 'activity' }, 15_000);
  }

  async memory(): Promise<BrowserMemory> {
    const reply = await this.request({ op: 'memory' }, 15_000);
    if (reply.op !== 'memory') return {};
    if (reply.browserRssBytes !== undefined) this.browserRssBytes = reply.browserRssBytes;
    return {
      ...(reply.browserRssBytes !== undefined ? { browserRssBytes: reply.browserRssBytes } : {}),
      ...(reply.jsHeapBytes !== undefined ? { jsHeapBytes: reply.jsHeapBytes } : {}),
    };
  }

  async sendText(phone: string, body: string): Promise<void> {
    const chatId = await this.resolveChat(phone.replace(/\D/g, ''));
    await this.deliver(chatId, body);
  }

  lastActivityAt(): number | undefined {
    return this.lastActivity;
  }

  markSuspect(reason: string): void {
    this.logger.warn('session marked suspect', { reason });
    this.apply({ kind: 'recovering', error: `WhatsApp looks connected but is not answering (${reason}).` });
  }

  recordHeartbeat(at: number): void {
    this.lastHeartbeatAt = at;
  }

  alert(alert: SessionAlert): void {
    this.logger.warn('whatsapp alert', { kind: alert.kind, message: alert.message });
    for (const listener of [...this.alertListeners]) {
      try {
        listener(alert);
      } catch (error) {
        this.logger.error('alert listener failed', { error: errorText(error) });
      }
    }
  }

  // ---- Launching and recovering ---------------------------------------------------------------

  /** Runs lifecycle steps one after another (a restart never overlaps a stop). */
  private serial(step: () => Promise<void>): Promise<void> {
    const run = this.lifecycle.then(step, step);
    this.lifecycle = run.catch(() => undefined);
    return run;
  }

  /** Finds the browser, tidies the profile and spawns a worker; a missing browser is final. */
  private async launch(): Promise<void> {
    if (this.stopped || this.supervisor.running) return;
    try {
      const config = await this.workerConfig();
      if (this.stopped || this.supervisor.running) return;
      this.supervisor.spawn(config);
    } catch (error) {
      this.launchFailed(error);
    }
  }

  /** No browser needs the owner; anything else (a profile still locked, fork failing) is retried. */
  private launchFailed(error: unknown): void {
    if (error instanceof BrowserMissingError) {
      this.fail(error.message);
      return;
    }
    this.logger.error('the whatsapp worker could not be launched', { error: errorText(error) });
    this.retrying = false;
    this.scheduleRetry('reconnecting', `The WhatsApp engine could not start (${briefly(errorText(error))}). Retrying.`);
  }

  /** Everything a worker needs; throws (with the owner-facing text) when no browser exists. */
  private async workerConfig(): Promise<WorkerConfig> {
    const settings = this.options.settings;
    const found = this.options.discoverBrowser();
    this.browserPath = found.path;
    this.browserSearched = found.searched;
    if (found.configuredPathMissing !== undefined) {
      this.logger.warn('the browser path in settings does not exist; looking elsewhere', { path: found.configuredPathMissing });
    }
    if (found.path === undefined) {
      this.hold = 'failed';
      throw new BrowserMissingError(this.options.describeMissingBrowser(found.searched));
    }
    if (this.options.prepareProfile) {
      const prepared = await this.options.prepareProfile();
      if (!prepared.ok) {
        this.logger.warn('the WhatsApp profile was damaged and set aside; linking again', {
          reason: prepared.reason,
          quarantinedTo: prepared.quarantinedTo,
        });
      }
    }
    return {
      authDir: this.options.authDir,
      executablePath: found.path,
      browserArgs: this.options.browserArgs({ headless: settings.headless }),
      headless: settings.headless,
      ...this.webVersionChoice(settings.webVersion),
      webCacheDir: `${this.options.authDir}/web-cache`,
      ...(this.pairingPhone !== undefined ? { pairingPhone: this.pairingPhone } : {}),
      qrMaxRefreshes: settings.qrMaxRefreshes,
      protocolTimeoutMs: this.options.protocolTimeoutMs ?? 120_000,
      takeoverOnConflict: this.holdsLease(),
    };
  }

  /** The never-ready recovery's pin, else the owner's settings, else the fleet's, else the library's. */
  private webVersionChoice(fromSettings: string | undefined): { webVersion?: string; webVersionCacheUrl?: string } {
    if (this.recoveryPin) return { ...this.recoveryPin };
    if (fromSettings !== undefined) return { webVersion: fromSettings };
    const fleet = this.options.fleetPin?.();
    return fleet ? { ...fleet } : {};
  }

  /** The never-ready recovery (never-ready.ts): one step, logged by the caller. */
  async recoverStuckStart(step: StuckStartStep): Promise<void> {
    switch (step.kind) {
      case 'restart-worker':
        await this.restartFresh('never-ready: restart the worker');
        return;
      case 'clear-web-cache':
        // The next start fetches WhatsApp Web afresh instead of the cached page that hangs.
        await this.serial(() => this.supervisor.stop());
        await rm(`${this.options.authDir}/web-cache`, { recursive: true, force: true });
        await this.restartFresh('never-ready: cleared the cached WhatsApp Web version');
        return;
      case 'pinned-version':
        this.recoveryPin = { webVersion: step.webVersion, ...(step.webVersionCacheUrl ? { webVersionCacheUrl: step.webVersionCacheUrl } : {}) };
        await this.restartFresh(`never-ready: start with the pinned version ${step.webVersion}`);
        return;
      case 'give-up':
        this.fail(step.message);
        return;
    }
  }

  /** A person asked for a fresh start (link, reconnect): forget holds and backoff, start now. */
  private async restartFresh(reason: string): Promise<void> {
    this.logger.info('starting the whatsapp session again', { reason });
    this.hold = undefined;
    this.attempt = 0;
    this.retrying = false;
    this.cancelRecheck();
    this.supervisor.cancelScheduledSpawn();
    await this.serial(async () => {
      await this.supervisor.stop();
      if (this.stopped) return;
      this.setStatus({ state: 'starting', since: this.isoNow(), engine: 'whatsapp' });
      await this.launch();
    });
  }

  /**
   * Ends the current worker and starts another after a backoff. `state` is what the kitchen sees
   * meanwhile: offline (no internet) or reconnecting (anything else).
   */
  private scheduleRetry(state: 'offline' | 'reconnecting', error: string): void {
    if (this.stopped || this.hold !== undefined || this.retrying) return;
    this.retrying = true;
    this.cancelRecheck();
    this.attempt++;
    const initial = state === 'offline' ? this.backoff.offlineInitialMs : this.backoff.restartInitialMs;
    const delay = Math.min(this.backoff.maxMs, initial * 2 ** (this.attempt - 1));
    const nextTryAt = this.clock.now() + delay;
    this.logger.info('whatsapp will try again', { state, attempt: this.attempt, delayMs: delay, reason: error });
    this.apply({ kind: 'retry', state, attempt: this.attempt, nextTryAt, error });
    void this.serial(async () => {
      await this.supervisor.stop();
      if (this.stopped || this.hold !== undefined) return;
      this.supervisor.spawnAfter(
        Math.max(0, nextTryAt - this.clock.now()),
        () => this.workerConfig(),
        (spawnError) => this.launchFailed(spawnError),
      );
    });
  }

  /** Stops trying until a person acts (no browser, conflict without the lease). */
  private fail(error: string): void {
    this.hold ??= 'failed';
    this.retrying = false;
    this.logger.error('whatsapp engine needs attention', { error });
    this.apply({ kind: 'failed', error: error.replace(/^\w*Error: /, '') });
    void this.serial(() => this.supervisor.stop());
  }

  private holdsLease(): boolean {
    try {
      return this.options.holdsLease?.() ?? true;
    } catch {
      return false;
    }
  }

  // ---- What the worker reports ----------------------------------------------------------------

  private onSupervisorEvent(event: SupervisorEvent): void {
    switch (event.type) {
      case 'spawned':
        this.context.ready = false;
        this.retrying = false;
        this.apply({ kind: 'spawning' });
        return;
      case 'browser':
        return;
      case 'message':
        this.lastActivity = this.clock.now();
        for (const listener of [...this.messageListeners]) {
          try {
            listener(event.message);
          } catch (error) {
            this.logger.error('incoming message listener failed', { error: errorText(error), id: event.message.id });
          }
        }
        return;
      case 'error':
        // A fatal one ends the worker: its exit drives the restart.
        if (event.fatal) return;
        if (classifyError(event.error) === 'restart-worker' && this.sessionIsLive()) {
          this.scheduleRetry('reconnecting', TEXT.browserGone);
        }
        return;
      case 'exit':
        if (event.expected || this.stopped || this.hold !== undefined) return;
        this.scheduleRetry('reconnecting', TEXT.workerGone);
        return;
      case 'wa':
        this.onWaEvent(event.payload);
        return;
    }
  }

  private onWaEvent(event: WaEvent): void {
    // Unlinking on purpose: the worker's own logout/disconnect chatter is not news.
    if (this.hold === 'unlinked') return;
    switch (event.event) {
      case 'qr':
      case 'code':
      case 'authenticated':
      case 'loading_screen':
        this.apply({ kind: 'wa', payload: event });
        return;
      case 'qr_cap_reached':
        this.hold = 'qr-cap';
        this.apply({ kind: 'wa', payload: event });
        void this.serial(() => this.supervisor.stop());
        return;
      case 'auth_failure':
        this.hold = 'logged-out';
        this.apply({ kind: 'wa', payload: event });
        this.alert({ kind: 'logged-out', message: TEXT.authFailure });
        void this.serial(() => this.supervisor.stop());
        return;
      case 'ready':
        this.context.ready = true;
        this.attempt = 0;
        this.retrying = false;
        this.pairingPhone = undefined;
        if (this.readySeen) this.reconnects++;
        this.readySeen = true;
        if (event.webVersion !== undefined) this.webVersion = event.webVersion;
        this.cancelRecheck();
        this.apply({ kind: 'wa', payload: event });
        try {
          this.options.onReady?.();
        } catch (error) {
          this.logger.warn('onReady hook failed', { error: errorText(error) });
        }
        return;
      case 'change_state':
        this.onSocketState(event.state);
        return;
      case 'disconnected':
        this.onDisconnected(event.reason);
        return;
      case 'init_failed': {
        const kind = classifyError(event.error);
        this.logger.warn('whatsapp-web.js could not start', { error: event.error, kind });
        if (kind === 'offline') this.scheduleRetry('offline', TEXT.offline);
        // The page or browser went away under initialize() (a killed browser rejects it with
        // "Navigating frame was detached" before puppeteer reports the disconnect).
        else if (kind === 'restart-worker') this.scheduleRetry('reconnecting', TEXT.browserGone);
        else if (kind === 'browser-missing') {
          this.hold = 'failed';
          this.fail(`The browser could not be started (${event.error}). Install Google Chrome or Microsoft Edge.`);
        } else this.scheduleRetry('reconnecting', `WhatsApp could not start (${briefly(event.error)}). Retrying.`);
        return;
      }
      case 'browser_gone':
        this.scheduleRetry('reconnecting', TEXT.browserGone);
        return;
      case 'own_echo':
        this.echoSeen(event.id);
        return;
    }
  }

  private onSocketState(state: string): void {
    const kind = classifyDisconnect(state);
    this.apply({ kind: 'wa', payload: { event: 'change_state', state } });
    if (state === 'CONNECTED') {
      this.cancelRecheck();
      return;
    }
    if (!this.context.ready) return;
    // TIMEOUT / OPENING: WhatsApp Web usually reconnects by itself; look again before acting. A
    // CONFLICT we take over (the lease holder) settles the same way.
    if (kind === 'recheck' || (kind === 'conflict' && this.holdsLease())) this.scheduleRecheck(1);
  }

  private onDisconnected(reason: string): void {
    const kind = classifyDisconnect(reason);
    this.context.ready = false;
    this.logger.warn('whatsapp disconnected', { reason, kind });
    switch (kind) {
      case 'logged-out': {
        this.hold = 'logged-out';
        this.cancelRecheck();
        this.numbers.clear();
        this.apply({ kind: 'wa', payload: { event: 'disconnected', reason } });
        this.alert({ kind: 'logged-out', message: this.current.error ?? TEXT.loggedOut });
        void this.serial(() => this.supervisor.stop());
        return;
      }
      case 'conflict':
        if (this.holdsLease()) {
          // This PC holds the lease: a new WhatsApp Web here takes the session back.
          this.scheduleRetry('reconnecting', `${TEXT.conflict} Taking it back on this computer.`);
        } else {
          this.hold = 'conflict';
          this.fail(`${TEXT.conflict} This computer does not hold the session; use Reconnect to take it back.`);
        }
        return;
      case 'offline':
        this.scheduleRetry('offline', TEXT.offline);
        return;
      case 'outdated':
        this.scheduleRetry('reconnecting', TEXT.outdated);
        return;
      default:
        this.scheduleRetry('reconnecting', `WhatsApp disconnected (${briefly(reason)}).`);
    }
  }

  /** Looks at the socket state again after a pause: step 1 tries resetState(), step 2 restarts. */
  private scheduleRecheck(step: 1 | 2): void {
    if (this.recheckTimer !== undefined && step === 1) return;
    this.cancelRecheck();
    this.recheckTimer = this.clock.setTimeout(() => {
      this.recheckTimer = undefined;
      void this.recheck(step);
    }, this.options.recheckDelayMs ?? 15_000);
  }

  private async recheck(step: 1 | 2): Promise<void> {
    if (this.stopped || this.retrying || this.hold !== undefined) return;
    let state: string | null;
    try {
      state = await this.getState(10_000);
    } catch (error) {
      const kind = classifyError(error);
      this.scheduleRetry(kind === 'offline' ? 'offline' : 'reconnecting', errorText(error));
      return;
    }
    if (state === 'CONNECTED') {
      this.apply({ kind: 'wa', payload: { event: 'change_state', state } });
      return;
    }
    if (step === 1) {
      this.logger.info('session still not connected; resetting its state', { state });
      try {
        await this.resetState();
      } catch (error) {
        this.scheduleRetry('reconnecting', errorText(error));
        return;
      }
      this.scheduleRecheck(2);
      return;
    }
    this.scheduleRetry('reconnecting', `WhatsApp did not reconnect by itself (${state ?? 'no state'}).`);
  }

  private cancelRecheck(): void {
    if (this.recheckTimer !== undefined) this.clock.clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
  }

  private sessionIsLive(): boolean {
    return this.context.ready || this.current.state === 'loading' || this.current.state === 'authenticating';
  }

  // ---- Sending --------------------------------------------------------------------------------

  private async resolveChat(phone: string): Promise<string> {
    if (this.current.state !== 'connected' || !this.supervisor.running) throw new NotConnectedError(this.current.state);
    let chatId: string | null;
    try {
      chatId = await this.numbers.resolve(phone, async (p) => {
        const reply = await this.request({ op: 'checkNumber', phone: p }, 30_000);
        return reply.op === 'checkNumber' ? reply.chatId : null;
      });
    } catch (error) {
      throw this.sendFailure(error);
    }
    if (chatId === null) throw new SendError('number not on WhatsApp', { permanent: true });
    return chatId;
  }

  /** Seen, typing for a while, then the message. Resolves with WhatsApp's message id. */
  private async deliver(chatId: string, body: string): Promise<string> {
    if (this.current.state !== 'connected' || !this.supervisor.running) throw new NotConnectedError(this.current.state);
    const typingMs = typingDelayMs(body, this.random);
    this.sending++;
    try {
      const reply = await this.request({ op: 'send', chatId, body, typingMs, markSeen: true }, typingMs + 60_000);
      this.lastActivity = this.clock.now();
      const messageId = reply.op === 'send' ? reply.messageId : '';
      if (messageId) this.awaitEcho(messageId);
      return messageId;
    } catch (error) {
      throw this.sendFailure(error);
    } finally {
      this.sending--;
    }
  }

  private awaitEcho(messageId: string): void {
    // The echo may have come back before the send's own reply did.
    if (this.earlyEchoes.delete(messageId)) {
      this.emitEcho({ missing: false, messageId });
      return;
    }
    const timer = this.clock.setTimeout(() => {
      this.awaitingEcho.delete(messageId);
      // A session that went away meanwhile explains it; only a connected one is silent.
      if (this.current.state !== 'connected') return;
      this.logger.warn('our own message never came back as an event', { messageId });
      this.emitEcho({ missing: true, messageId });
    }, ECHO_TIMEOUT_MS);
    this.awaitingEcho.set(messageId, timer);
  }

  private echoSeen(messageId: string): void {
    const timer = this.awaitingEcho.get(messageId);
    if (timer === undefined) {
      this.earlyEchoes.add(messageId);
      if (this.earlyEchoes.size > 200) this.earlyEchoes.delete(this.earlyEchoes.values().next().value!);
      return;
    }
    this.clock.clearTimeout(timer);
    this.awaitingEcho.delete(messageId);
    this.emitEcho({ missing: false, messageId });
  }

  private emitEcho(event: { missing: boolean; messageId: string }): void {
    for (const listener of [...this.echoListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error('echo listener failed', { error: errorText(error) });
      }
    }
  }

  /** Did a message with this body go to this chat since `since`? Its id, if so. */
  private async findSent(chatId: string, hash: string, since: number): Promise<string | undefined> {
    let reply: WorkerReplyValue;
    try {
      reply = await this.request({ op: 'recentFromMe', chatId, limit: 20 }, 30_000);
    } catch (error) {
      throw this.sendFailure(error);
    }
    if (reply.op !== 'recentFromMe') return undefined;
    return reply.messages.find((m) => m.bodyHash === hash && m.at >= since - DUPLICATE_CLOCK_SKEW_MS)?.id;
  }

  private sendFailure(error: unknown): Error {
    if (error instanceof SendError || error instanceof NotConnectedError) return error;
    if (error instanceof WorkerGoneError) return new NotConnectedError('restarting');
    const text = errorText(error);
    if (error instanceof WorkerTimeoutError) return new SendError(text, { permanent: false, retryAfterMs: 30_000 });
    if (RATE_LIMITED.test(text)) return new SendError(`WhatsApp is limiting messages: ${text}`, { permanent: false, retryAfterMs: 60_000 });
    if (classifyError(error) === 'offline') return new NotConnectedError('offline');
    return new SendError(text, { permanent: false });
  }

  // ---- Status ---------------------------------------------------------------------------------

  private request(request: WorkerRequest, timeoutMs: number): Promise<WorkerReplyValue> {
    return this.supervisor.request(request, timeoutMs);
  }

  private apply(input: SessionInput): void {
    const next = nextStatus(this.current, input, this.context, this.clock.now());
    if (next) this.setStatus(next);
  }

  private setStatus(status: WhatsAppStatus): void {
    this.current = status;
    for (const listener of [...this.statusListeners]) {
      try {
        listener(status);
      } catch (error) {
        this.logger.error('status listener failed', { error: errorText(error) });
      }
    }
  }

  private isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

class BrowserMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserMissingError';
  }
}
