// The only bridge between the sandboxed KDS page and the host: `window.comanda`, exactly the
// invoke/onEvent pair the renderer's IPC transport expects. Bundled to one CommonJS file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'kds:invoke';
const EVENT_CHANNEL = 'kds:event';

contextBridge.exposeInMainWorld('comanda', {
  invoke: (method: string, ...args: unknown[]) => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
  onEvent: (listener: (event: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});
