// One KdsApi over any transport. A transport only knows how to call a named method and how to
// deliver events; the Electron bridge and HTTP + WebSocket are the two there are.
import { KdsError, type KdsApi, type KdsEvent, type KdsMethod, type MediaFile } from '../../../shared/kds-api.ts';

/** What travels beside a call: the owner token after unlockOwner (HTTP header, IPC envelope). */
export interface CallContext {
  ownerToken?: string;
}

export interface KdsTransport {
  invoke(method: KdsMethod, args: readonly unknown[], context?: CallContext): Promise<unknown>;
  subscribe(listener: (event: KdsEvent) => void): () => void;
  /** Link to the host (not to WhatsApp). Transports that cannot lose it leave this out. */
  onConnection?(listener: (connected: boolean) => void): () => void;
  /** HTTP only: fetches a diagnostics zip the host wrote, for a screen on another PC. */
  downloadDiagnostics?(fileName: string): Promise<Blob>;
  /** HTTP only: a customer's voice note or photo as bytes (with the access token); others use getMedia. */
  fetchMedia?(id: string): Promise<Blob>;
}

export interface KdsClient extends KdsApi {
  /** Called with false when the link to the host drops and true each time it is (re)opened. */
  onConnection(listener: (connected: boolean) => void): () => void;
  /**
   * Set when the screen reaches the host over the network: the zip is on the host's disk, so the
   * screen offers it as a download. Inside the desktop app the file is already on this PC.
   */
  downloadDiagnostics: ((fileName: string) => Promise<Blob>) | undefined;
  /** An owner token is held (unlockOwner succeeded and no call has been refused since). */
  isOwnerUnlocked(): boolean;
  /** Forgets the owner token (the owner leaves "Ajustes"): owner calls need the PIN again. */
  lockOwner(): void;
  /**
   * A customer's voice note or photo (Handoff.media[].id) as a blob: URL an <audio> or <img> can
   * use on every transport (the host's media route needs the token, which an element cannot send).
   * The caller revokes it with URL.revokeObjectURL when done.
   */
  mediaUrl(id: string): Promise<string>;
}

export function createKdsClient(transport: KdsTransport): KdsClient {
  // Kept in memory only: a reload or a refused call asks for the PIN again.
  let ownerToken: string | undefined;
  const invoke = async (method: KdsMethod, args: readonly unknown[]): Promise<unknown> => {
    try {
      return await transport.invoke(method, args, ownerToken ? { ownerToken } : {});
    } catch (error) {
      // The host no longer takes this token (expired after 15 idle minutes, PIN changed or reset).
      if (error instanceof KdsError && error.code === 'forbidden') ownerToken = undefined;
      throw error;
    }
  };
  const call =
    <M extends KdsMethod>(method: M) =>
    (...args: Parameters<KdsApi[M]>) =>
      invoke(method, args) as ReturnType<KdsApi[M]>;
  return {
    getSnapshot: call('getSnapshot'),
    listOrders: call('listOrders'),
    transition: call('transition'),
    undo: call('undo'),
    acknowledge: call('acknowledge'),
    releaseHandoff: call('releaseHandoff'),
    getMedia: call('getMedia'),
    // The host answers { ok: true }; the contract says void.
    simSend: async (message) => {
      await invoke('simSend', [message]);
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
    getMenu: call('getMenu'),
    saveMenu: call('saveMenu'),
    setItemAvailability: call('setItemAvailability'),
    pauseOrders: call('pauseOrders'),
    resumeOrders: call('resumeOrders'),
    getSettings: call('getSettings'),
    updateSettings: call('updateSettings'),
    getOwnerStatus: call('getOwnerStatus'),
    setOwnerPin: call('setOwnerPin'),
    unlockOwner: async (pin) => {
      const unlock = (await invoke('unlockOwner', [pin])) as Awaited<ReturnType<KdsApi['unlockOwner']>>;
      ownerToken = unlock.ownerToken;
      return unlock;
    },
    getSetup: call('getSetup'),
    updateSetup: call('updateSetup'),
    getEngine: call('getEngine'),
    setEngine: call('setEngine'),
    getNetworkAccess: call('getNetworkAccess'),
    setNetworkAccess: call('setNetworkAccess'),
    rotateAccessToken: call('rotateAccessToken'),
    cloudSignIn: async (request) => {
      await invoke('cloudSignIn', [request]);
    },
    cloudSignOut: async () => {
      await invoke('cloudSignOut', []);
    },
    isOwnerUnlocked: () => ownerToken !== undefined,
    lockOwner: () => {
      ownerToken = undefined;
    },
    printOrder: call('printOrder'),
    testPrinter: call('testPrinter'),
    getPrintingStatus: call('getPrintingStatus'),
    listSystemPrinters: call('listSystemPrinters'),
    getDayReport: call('getDayReport'),
    getDayReportCsv: call('getDayReportCsv'),
    printDayReport: call('printDayReport'),
    subscribe: (listener) => transport.subscribe(listener),
    onConnection: (listener) => transport.onConnection?.(listener) ?? (() => undefined),
    downloadDiagnostics: transport.downloadDiagnostics ? (fileName) => transport.downloadDiagnostics!(fileName) : undefined,
    mediaUrl: async (id) => URL.createObjectURL(await mediaBlob(transport, id)),
  };
}

async function mediaBlob(transport: KdsTransport, id: string): Promise<Blob> {
  if (transport.fetchMedia) return transport.fetchMedia(id);
  const file = (await transport.invoke('getMedia', [id])) as MediaFile;
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mimetype });
}
