// The Electron preload bridge (window.comanda), when the screen runs inside the desktop app.
import { KdsError, type KdsErrorCode, type KdsEvent, type KdsMethod } from '../../../shared/kds-api.ts';
import type { KdsTransport } from './kds-client.ts';

export interface ComandaBridge {
  invoke(method: KdsMethod, ...args: unknown[]): Promise<unknown>;
  onEvent(listener: (event: KdsEvent) => void): () => void;
}

export function bridgeFromWindow(): ComandaBridge | undefined {
  return (window as unknown as { comanda?: ComandaBridge }).comanda;
}

export function createIpcTransport(bridge: ComandaBridge): KdsTransport {
  return {
    async invoke(method, args) {
      try {
        return await bridge.invoke(method, ...args);
      } catch (error) {
        // IPC drops custom error classes: the code travels in the message or as a property.
        const e = error as { code?: string; message?: string };
        const match = /\b(bad_request|unauthorized|not_found|conflict|too_large|internal)\b: (.*)$/s.exec(e.message ?? '');
        const code = (e.code ?? match?.[1] ?? 'internal') as KdsErrorCode;
        throw new KdsError(code, match?.[2] ?? e.message ?? 'error');
      }
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
