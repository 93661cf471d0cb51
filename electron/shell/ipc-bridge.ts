// Serves KdsApi to the Electron window over IPC: one channel, every call's method and arguments
// validated with the same schemas as the HTTP API, and only from our own window's main frame.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { KDS_METHODS, KdsError, describeZodError, kdsArgsSchemas, type KdsApi, type KdsEvent, type KdsMethod } from '../../shared/kds-api.ts';
import { runAsCaller } from '../host/owner-guard.ts';

export const INVOKE_CHANNEL = 'kds:invoke';
export const EVENT_CHANNEL = 'kds:event';

/** The slice of ipcMain the bridge uses (injected, so tests need no Electron). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  api: KdsApi;
  /** The window allowed to call: its webContents and the URL prefix of our own page. */
  isTrustedSender: (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;
}

/** What travels beside a call (preload invokeWith): the owner token after unlockOwner. */
const envelopeSchema = z.object({ ownerToken: z.string().min(1).max(200).optional() }).optional();

/**
 * Errors cross IPC as plain Error messages: "code: message", rebuilt into KdsError by the renderer
 * (a 429's wait rides along as " [retryAfterSeconds=N]").
 */
export function encodeIpcError(error: unknown): Error {
  if (error instanceof KdsError) {
    const retry = error.retryAfterSeconds !== undefined ? ` [retryAfterSeconds=${error.retryAfterSeconds}]` : '';
    return new Error(`${error.code}: ${error.message}${retry}`);
  }
  return new Error(`internal: ${error instanceof Error ? error.message : String(error)}`);
}

export function serveKdsApiOverIpc(options: IpcBridgeOptions): () => void {
  const { ipcMain, api } = options;
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, args, envelope) => {
    try {
      if (!options.isTrustedSender(event)) throw new KdsError('unauthorized', 'IPC call from an untrusted frame');
      if (typeof method !== 'string' || !(KDS_METHODS as readonly string[]).includes(method)) {
        throw new KdsError('bad_request', `unknown method ${String(method).slice(0, 40)}`);
      }
      const parsed = kdsArgsSchemas[method as KdsMethod].safeParse(Array.isArray(args) ? args : []);
      if (!parsed.success) throw new KdsError('bad_request', describeZodError(parsed.error));
      const context = envelopeSchema.safeParse(envelope ?? undefined);
      if (!context.success) throw new KdsError('bad_request', 'malformed call envelope');
      const fn = api[method as KdsMethod] as (...a: unknown[]) => Promise<unknown>;
      // The host checks the owner token on owner operations, as it does for the HTTP header.
      return await runAsCaller({ ownerToken: context.data?.ownerToken }, () => fn.apply(api, parsed.data as unknown[]));
    } catch (error) {
      throw encodeIpcError(error);
    }
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Forwards host events to a window until it goes away. */
export function forwardEvents(api: KdsApi, contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>): () => void {
  const unsubscribe = api.subscribe((event: KdsEvent) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}

/** Our page is loaded from the app's files: only that main frame may call. */
export function trustedSenderCheck(getContents: () => WebContents | undefined, pageUrlPrefix: string) {
  return (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean => {
    const contents = getContents();
    if (!contents || event.sender !== contents) return false;
    const frame = event.senderFrame;
    return !!frame && frame === contents.mainFrame && frame.url.startsWith(pageUrlPrefix);
  };
}
