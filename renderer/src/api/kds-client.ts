// One KdsApi over any transport. A transport only knows how to call a named method and how to
// deliver events; the Electron bridge and HTTP + WebSocket are the two there are.
import type { KdsApi, KdsEvent, KdsMethod } from '../../../shared/kds-api.ts';

export interface KdsTransport {
  invoke(method: KdsMethod, args: readonly unknown[]): Promise<unknown>;
  subscribe(listener: (event: KdsEvent) => void): () => void;
  /** Link to the host (not to WhatsApp). Transports that cannot lose it leave this out. */
  onConnection?(listener: (connected: boolean) => void): () => void;
  /** HTTP only: fetches a diagnostics zip the host wrote, for a screen on another PC. */
  downloadDiagnostics?(fileName: string): Promise<Blob>;
}

export interface KdsClient extends KdsApi {
  /** Called with false when the link to the host drops and true each time it is (re)opened. */
  onConnection(listener: (connected: boolean) => void): () => void;
  /**
   * Set when the screen reaches the host over the network: the zip is on the host's disk, so the
   * screen offers it as a download. Inside the desktop app the file is already on this PC.
   */
  downloadDiagnostics: ((fileName: string) => Promise<Blob>) | undefined;
}

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
    // The host answers { ok: true }; the contract says void.
    simSend: async (message) => {
      await transport.invoke('simSend', [message]);
    },
    simConversation: call('simConversation'),
    getHealth: call('getHealth'),
    linkWhatsApp: call('linkWhatsApp'),
    unlinkWhatsApp: call('unlinkWhatsApp'),
    reconnectWhatsApp: call('reconnectWhatsApp'),
    exportDiagnostics: call('exportDiagnostics'),
    getCloudStatus: call('getCloudStatus'),
    takeOverSession: call('takeOverSession'),
    acknowledgeRecoveryCode: call('acknowledgeRecoveryCode'),
    enterRecoveryCode: call('enterRecoveryCode'),
    subscribe: (listener) => transport.subscribe(listener),
    onConnection: (listener) => transport.onConnection?.(listener) ?? (() => undefined),
    downloadDiagnostics: transport.downloadDiagnostics ? (fileName) => transport.downloadDiagnostics!(fileName) : undefined,
  };
}
