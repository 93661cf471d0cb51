// One KdsApi over any transport: the Electron preload bridge or the host's HTTP + WebSocket.
import type { KdsApi, KdsEvent, KdsMethod } from '../../../shared/kds-api.ts';

export interface KdsTransport {
  invoke(method: KdsMethod, args: unknown[]): Promise<unknown>;
  subscribe(listener: (event: KdsEvent) => void): () => void;
  /** Connection to the host (not WhatsApp): the screen shows when it is lost. */
  onConnection?(listener: (connected: boolean) => void): () => void;
}

export type KdsClient = KdsApi & { onConnection(listener: (connected: boolean) => void): () => void };

export function createKdsClient(transport: KdsTransport): KdsClient {
  const call =
    <M extends KdsMethod>(method: M) =>
    (...args: Parameters<KdsApi[M]>) =>
      transport.invoke(method, args) as ReturnType<KdsApi[M]>;
  return {
    getSnapshot: call('getSnapshot'),
    listOrders: call('listOrders'),
    transition: call('transition'),
    undo: call('undo'),
    acknowledge: call('acknowledge'),
    releaseHandoff: call('releaseHandoff'),
    simSend: call('simSend'),
    simConversation: call('simConversation'),
    subscribe: (listener) => transport.subscribe(listener),
    onConnection: (listener) => transport.onConnection?.(listener) ?? (() => undefined),
  };
}
