// The engine worker's logic, independent of how the process was started: it drives one
// whatsapp-web.js Client, reports its events and answers the parent's requests. engine-worker.ts
// runs it in a child process with the real Client; tests run it in-process with the fake Client.
// The worker never decides to retry: it reports, closes its browser when the session is over, and
// the parent (whatsapp-engine.ts) decides what happens next.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { activityInPage } from './activity.ts';
import { errorText } from './disconnect-reasons.ts';
import { digitsOf, fetchIncomingMedia, toIncomingEdit, toIncomingMessage, type WwebjsMessageLike } from './incoming-mapping.ts';
import { recordBrowserPid } from './profile-hygiene.ts';
import { recentIncoming } from './worker-recent-incoming.ts';
import type { ParentToWorker, WorkerConfig, WorkerPort, WorkerReplyValue, WorkerRequest } from './protocol.ts';

/** The part of whatsapp-web.js's Client the worker uses (the fake implements the same). */
export interface WwebjsClientLike {
  // EventEmitter's own listener type: each event has its own arguments.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  logout(): Promise<void>;
  getState(): Promise<string | null>;
  resetState(): Promise<void>;
  sendPresenceAvailable(): Promise<unknown>;
  getNumberId(number: string): Promise<{ _serialized: string } | null>;
  getChatById(chatId: string): Promise<WwebjsChatLike | undefined>;
  /** Every chat WhatsApp Web has loaded, serialised in one page call (Client.getChats). */
  getChats(): Promise<WwebjsChatLike[]>;
  sendMessage(chatId: string, content: string, options?: Record<string, unknown>): Promise<{ id: { _serialized: string } }>;
  requestPairingCode(phone: string, showNotification?: boolean, intervalMs?: number): Promise<string>;
  getWWebVersion(): Promise<string>;
  info?: { wid?: { user?: string; _serialized?: string } } | undefined;
  pupPage: WwebjsPageLike | null;
  pupBrowser: WwebjsBrowserLike | null;
}

export interface WwebjsBrowserLike {
  process(): { pid?: number } | null;
  isConnected(): boolean;
  on(event: 'disconnected', listener: () => void): unknown;
}

export interface WwebjsChatLike {
  /** getChats() fills these from the page's Chat model; getChatById() too. */
  id?: { _serialized: string };
  /** Unread messages; -1 when a person marked the chat unread. */
  unreadCount?: number;
  /** Unix seconds of the chat's last activity (either direction). */
  timestamp?: number;
  isGroup?: boolean;
  sendSeen(): Promise<unknown>;
  sendStateTyping(): Promise<unknown>;
  clearState(): Promise<unknown>;
  /**
   * The chat's newest `limit` messages, oldest first, notifications left out (Chat.fetchMessages
   * loads earlier ones from the phone until it has `limit`). `fromMe` filters on the id's fromMe.
   */
  fetchMessages(options: { limit: number; fromMe?: boolean }): Promise<(WwebjsMessageLike & { getContact?: () => Promise<{ number?: string }> })[]>;
}

export interface WwebjsPageLike {
  evaluate<T>(fn: (() => T | Promise<T>) | string): Promise<T>;
  metrics?(): Promise<{ JSHeapUsedSize?: number }>;
}

export interface WorkerDeps {
  createClient(config: WorkerConfig): WwebjsClientLike;
  /** Resident memory of a process (the browser), in bytes; undefined where unknown. */
  processRss?(pid: number): number | undefined;
  /** Ends a process that did not close when asked (the browser after a failed destroy()). */
  killProcess?(pid: number): void;
  sleep?(ms: number): Promise<void>;
  /** Longest destroy() may take before the browser is killed. */
  closeTimeoutMs?: number;
}

export interface RunningWorker {
  /** An error that escaped whatsapp-web.js (process-level handlers call this). */
  escapedError(error: unknown, fatal: boolean): Promise<void>;
}

/** Where the worker records its browser's pid (profile hygiene ends a leftover browser by it). */
export const BROWSER_PID_FILE = 'browser.pid';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function runWorker(port: WorkerPort, deps: WorkerDeps): RunningWorker {
  let client: WwebjsClientLike | undefined;
  let config: WorkerConfig | undefined;
  /** The browser is being closed on purpose: its 'disconnected' is not news. */
  let closing = false;
  let exiting = false;
  let qrCount = 0;
  let browserPid: number | undefined;
  let watchedBrowser: WwebjsBrowserLike | undefined;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const closeTimeoutMs = deps.closeTimeoutMs ?? 5_000;
  const log = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) =>
    port.post({ type: 'log', level, msg, ...(fields ? { fields } : {}) });

  /** Records the browser's pid (file + parent) and watches it die, once per browser. */
  const watchBrowser = () => {
    const browser = client?.pupBrowser;
    if (!browser || browser === watchedBrowser) return;
    watchedBrowser = browser;
    const pid = browser.process()?.pid;
    if (pid !== undefined) {
      browserPid = pid;
      if (config) {
        try {
          recordBrowserPid(join(config.authDir, BROWSER_PID_FILE), pid);
        } catch (error) {
          log('warn', 'could not record the browser pid', { error: errorText(error) });
        }
      }
    }
    port.post({ type: 'browser', pid: pid ?? null });
    browser.on('disconnected', () => {
      if (closing || exiting) return;
      log('warn', 'the browser disconnected', { pid });
      port.post({ type: 'wa', payload: { event: 'browser_gone' } });
    });
  };

  /** destroy() with a deadline; a browser that does not close is killed by its pid. */
  const closeBrowser = async () => {
    const c = client;
    if (!c) return;
    closing = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closed = await Promise.race([
      c.destroy().then(
        () => true,
        (error: unknown) => {
          log('debug', 'destroy() failed', { error: errorText(error) });
          return false;
        },
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), closeTimeoutMs))),
    ]);
    if (timer !== undefined) clearTimeout(timer);
    const pid = c.pupBrowser?.process()?.pid ?? browserPid;
    if ((!closed || c.pupBrowser?.isConnected()) && pid !== undefined) {
      try {
        deps.killProcess?.(pid);
      } catch {
        /* already gone */
      }
    }
  };

  const start = (cfg: WorkerConfig) => {
    config = cfg;
    const c = deps.createClient(cfg);
    client = c;
    c.on('qr', (qr: string) => {
      watchBrowser();
      qrCount++;
      if (qrCount > cfg.qrMaxRefreshes) {
        // Nobody scanned: stop rotating codes until someone taps "show a new code".
        if (qrCount === cfg.qrMaxRefreshes + 1) {
          void closeBrowser().then(() => port.post({ type: 'wa', payload: { event: 'qr_cap_reached', count: cfg.qrMaxRefreshes } }));
        }
        return;
      }
      port.post({ type: 'wa', payload: { event: 'qr', qr, count: qrCount } });
    });
    c.on('code', (code: string) => port.post({ type: 'wa', payload: { event: 'code', code: String(code) } }));
    c.on('authenticated', () => {
      watchBrowser();
      port.post({ type: 'wa', payload: { event: 'authenticated' } });
    });
    c.on('auth_failure', (message: string) => port.post({ type: 'wa', payload: { event: 'auth_failure', message: String(message) } }));
    c.on('loading_screen', (percent: number) => port.post({ type: 'wa', payload: { event: 'loading_screen', percent: Number(percent) } }));
    c.on('ready', () => {
      void (async () => {
        watchBrowser();
        // Only for the health panel: a slow page must not hold the kitchen's "connected" back.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const webVersion = await Promise.race([
          c.getWWebVersion().catch(() => undefined),
          new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 5_000))),
        ]);
        if (timer !== undefined) clearTimeout(timer);
        const wid = c.info?.wid;
        const phone = wid?.user ?? digitsOf(wid?._serialized);
        port.post({
          type: 'wa',
          payload: { event: 'ready', ...(phone ? { phone } : {}), ...(webVersion ? { webVersion } : {}) },
        });
      })();
    });
    // whatsapp-web.js emits message_create for every new message, ours included, and message_ack as
    // WhatsApp confirms it: our own send coming back proves the page's events still flow.
    c.on('message_create', (msg: { fromMe?: boolean; id?: { _serialized?: string } }) => {
      if (msg?.fromMe && msg.id?._serialized) port.post({ type: 'wa', payload: { event: 'own_echo', id: msg.id._serialized } });
    });
    c.on('message_ack', (msg: { fromMe?: boolean; id?: { _serialized?: string } }) => {
      if (msg?.fromMe && msg.id?._serialized) port.post({ type: 'wa', payload: { event: 'own_echo', id: msg.id._serialized } });
    });
    c.on('change_state', (state: string) => port.post({ type: 'wa', payload: { event: 'change_state', state: String(state) } }));
    c.on('disconnected', (reason: string) => {
      // whatsapp-web.js destroys the client itself after most of these: its browser closing is expected.
      closing = true;
      port.post({ type: 'wa', payload: { event: 'disconnected', reason: String(reason) } });
    });
    // Messages are posted in the order WhatsApp gave them, even when one waits for its file.
    let incoming: Promise<void> = Promise.resolve();
    const inOrder = (work: () => Promise<void>) => {
      incoming = incoming
        .then(work)
        .catch((error: unknown) => log('warn', 'incoming message could not be mapped', { error: errorText(error) }));
    };
    const senderPhone = async (msg: WwebjsMessageLike & { getContact?: () => Promise<{ number?: string }> }) => {
      const sender = msg.from?.endsWith('@g.us') ? msg.author : msg.from;
      if (!sender?.endsWith('@lid') || !msg.getContact) return undefined;
      try {
        return (await msg.getContact()).number ?? undefined;
      } catch {
        return undefined; // keep the lid digits
      }
    };
    c.on('message', (msg: WwebjsMessageLike & { getContact?: () => Promise<{ number?: string }> }) => {
      inOrder(async () => {
        const message = toIncomingMessage(msg, await senderPhone(msg));
        const media = await fetchIncomingMedia(msg);
        if (media) message.media = media;
        port.post({ type: 'message', message });
      });
    });
    c.on('message_edit', (msg: WwebjsMessageLike & { getContact?: () => Promise<{ number?: string }> }, newBody: unknown, prevBody: unknown) => {
      if (msg.fromMe) return;
      inOrder(async () => {
        const edit = toIncomingEdit(msg, newBody, prevBody, await senderPhone(msg));
        if (edit) port.post({ type: 'message', message: edit });
      });
    });
    log('info', 'initializing whatsapp-web.js');
    c.initialize().then(
      () => watchBrowser(),
      async (error: unknown) => {
        if (exiting) return;
        // whatsapp-web.js leaves its browser open when initialize() fails: close it before reporting,
        // so the parent's next worker never finds a second browser on the same profile.
        watchBrowser();
        await closeBrowser();
        port.post({ type: 'wa', payload: { event: 'init_failed', error: errorText(error) } });
      },
    );
    // The browser exists shortly after initialize() starts; report its pid as soon as it does so
    // the parent can end it if this worker dies before whatsapp-web.js says anything.
    void (async () => {
      for (let i = 0; i < 300 && !exiting && !c.pupBrowser; i++) await sleep(50);
      watchBrowser();
    })();
  };

  const page = (c: WwebjsClientLike) => {
    if (!c.pupPage) throw new Error('Target closed: the WhatsApp page is not open');
    return c.pupPage;
  };

  const handle = async (request: WorkerRequest): Promise<WorkerReplyValue> => {
    const c = client;
    if (!c) throw new Error('the worker has no client');
    switch (request.op) {
      case 'getState':
        return { op: 'getState', state: await c.getState() };
      case 'ping': {
        const two = await page(c).evaluate<number>('1 + 1');
        if (two !== 2) throw new Error('the page answered nonsense');
        return { op: 'ping', ok: true };
      }
      case 'resetState':
        await c.resetState();
        return { op: 'done' };
      case 'sendPresenceAvailable':
        await c.sendPresenceAvailable();
        return { op: 'done' };
      case 'activity':
        await page(c).evaluate(activityInPage);
        return { op: 'done' };
      case 'memory': {
        const pid = c.pupBrowser?.process()?.pid;
        const browserRssBytes = pid !== undefined ? deps.processRss?.(pid) : undefined;
        const metrics = c.pupPage?.metrics ? await c.pupPage.metrics() : undefined;
        return {
          op: 'memory',
          ...(browserRssBytes !== undefined ? { browserRssBytes } : {}),
          ...(metrics?.JSHeapUsedSize !== undefined ? { jsHeapBytes: metrics.JSHeapUsedSize } : {}),
        };
      }
      case 'logout':
        // logout() closes the browser and removes LocalAuth's data itself.
        closing = true;
        await c.logout();
        return { op: 'done' };
      case 'requestPairingCode':
        // The code also arrives as the client's 'code' event, which is what the parent shows.
        await c.requestPairingCode(request.phone, true);
        return { op: 'done' };
      case 'checkNumber': {
        const wid = await c.getNumberId(request.phone);
        return { op: 'checkNumber', chatId: wid ? wid._serialized : null };
      }
      case 'recentFromMe': {
        const chat = await c.getChatById(request.chatId);
        if (!chat) return { op: 'recentFromMe', messages: [] };
        const messages = await chat.fetchMessages({ limit: request.limit, fromMe: true });
        return {
          op: 'recentFromMe',
          messages: messages
            .filter((m) => m.fromMe)
            .map((m) => ({ id: m.id._serialized, bodyHash: sha256(m.body ?? ''), at: (m.timestamp ?? 0) * 1000 })),
        };
      }
      case 'recentIncoming':
        return { op: 'recentIncoming', ...(await recentIncoming(c, request.query)) };
      case 'send': {
        const chat = await c.getChatById(request.chatId).catch(() => undefined);
        if (chat && request.markSeen) await chat.sendSeen().catch(() => undefined);
        const typing = chat !== undefined && request.typingMs > 0;
        if (typing) {
          await chat.sendStateTyping().catch(() => undefined);
          await sleep(request.typingMs);
        }
        const sent = await c.sendMessage(request.chatId, request.body, { sendSeen: false });
        if (typing) await chat.clearState().catch(() => undefined);
        return { op: 'send', messageId: sent.id._serialized };
      }
    }
  };

  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    await closeBrowser();
    port.exit(code);
  };

  port.onMessage((message: ParentToWorker) => {
    switch (message.type) {
      case 'start':
        if (client) return;
        try {
          start(message.config);
        } catch (error) {
          port.post({ type: 'wa', payload: { event: 'init_failed', error: errorText(error) } });
        }
        return;
      case 'request':
        handle(message.request).then(
          (value) => port.post({ type: 'reply', id: message.id, ok: true, value }),
          (error: unknown) => port.post({ type: 'reply', id: message.id, ok: false, error: errorText(error) }),
        );
        return;
      case 'stop':
        void exit(0);
        return;
    }
  });

  return {
    async escapedError(error, fatal) {
      port.post({ type: 'error', error: errorText(error), fatal });
      if (fatal) await exit(1);
    },
  };
}
