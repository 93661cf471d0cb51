// The Electron preload bridge (window.comanda), when the screen runs inside the desktop app.
import { KDS_ERROR_CODES, KdsError, type KdsErrorCode, type KdsEvent, type KdsMethod } from '../../../shared/kds-api.ts';
import type { CallContext, KdsTransport } from './kds-client.ts';

export interface ComandaBridge {
  invoke(method: KdsMethod, ...args: unknown[]): Promise<unknown>;
  /** A call with its envelope (the owner token); older preloads lack it. */
  invokeWith?(envelope: CallContext, method: KdsMethod, ...args: unknown[]): Promise<unknown>;
  onEvent(listener: (event: KdsEvent) => void): () => void;
  /** The desktop app's update progress (payloads unchecked: see update-feed.ts); older preloads lack it. */
  onUpdate?(listener: (state: unknown) => void): () => void;
}

export function bridgeFrom(win: unknown): ComandaBridge | undefined {
  const bridge = (win as { comanda?: Partial<ComandaBridge> } | undefined)?.comanda;
  return typeof bridge?.invoke === 'function' && typeof bridge.onEvent === 'function' ? (bridge as ComandaBridge) : undefined;
}

/**
 * Electron's invoke() loses custom error classes on the way: what arrives is an Error whose
 * message reads "Error invoking remote method 'kds': KdsError: not_found: order x". The code
 * travels as a property when the preload keeps it, or inside the message.
 */
export function toKdsError(error: unknown): KdsError {
  if (error instanceof KdsError) return error;
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const match = /\b(bad_request|unauthorized|forbidden|not_found|conflict|too_large|too_many_requests|internal)\b:\s*([\s\S]*)$/.exec(message);
  const code = KDS_ERROR_CODES.find((c) => c === e.code) ?? (match?.[1] as KdsErrorCode | undefined) ?? 'internal';
  // encodeIpcError (electron/shell/ipc-bridge.ts) appends " [retryAfterSeconds=N]" to a 429.
  let text = (match?.[2] ?? message).trim();
  const retry = /\s*\[retryAfterSeconds=(\d+)\]$/.exec(text);
  if (retry) text = text.slice(0, retry.index);
  return new KdsError(code, text || code, retry ? { retryAfterSeconds: Number(retry[1]) } : {});
}

export function createIpcTransport(bridge: ComandaBridge): KdsTransport {
  return {
    async invoke(method, args, context) {
      try {
        if (context?.ownerToken && typeof bridge.invokeWith === 'function') return await bridge.invokeWith(context, method, ...args);
        return await bridge.invoke(method, ...args);
      } catch (error) {
        throw toKdsError(error);
      }
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
