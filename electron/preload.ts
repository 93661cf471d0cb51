// The only bridge between the sandboxed KDS page and the host: `window.comanda`, exactly the
// invoke/onEvent pair the renderer's IPC transport expects (invokeWith adds the owner token), plus onUpdate for the app's own
// update progress. Bundled to one CommonJS file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { UpdateState } from '../shared/update-state.ts';

const INVOKE_CHANNEL = 'kds:invoke';
const EVENT_CHANNEL = 'kds:event';
const UPDATE_CHANNEL = 'kds:update';

/** Subscribes to one main→page channel; returns the unsubscribe. */
function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

contextBridge.exposeInMainWorld('comanda', {
  invoke: (method: string, ...args: unknown[]) => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
  /** A call with its envelope: the owner token the page got from unlockOwner (checked by the host). */
  invokeWith: (envelope: { ownerToken?: string }, method: string, ...args: unknown[]) =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, args, { ownerToken: typeof envelope?.ownerToken === 'string' ? envelope.ownerToken : undefined }),
  onEvent: (listener: (event: unknown) => void) => listen(EVENT_CHANNEL, listener),
  /** The desktop app's update progress; the page checks each payload with readUpdateState. */
  onUpdate: (listener: (state: UpdateState) => void) => listen(UPDATE_CHANNEL, listener as (payload: unknown) => void),
});
