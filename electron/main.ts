// The Electron entry: composition only. The host (plain Node) does the work; this file gives it a
// data folder, a window that shows the kitchen screen through the preload bridge, and a clean exit.
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHost, type Host } from './host/create-host.ts';
import { createJsonLogger } from './host/logger.ts';
import { forwardEvents, serveKdsApiOverIpc, trustedSenderCheck } from './shell/ipc-bridge.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_INDEX = join(here, '..', 'renderer', 'index.html');
const PRELOAD = join(here, 'preload.cjs');
const logger = createJsonLogger();

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the first one's window forward.
  app.quit();
} else {
  let host: Host | undefined;
  let window: BrowserWindow | undefined;
  let quitting = false;

  const createWindow = () => {
    window = new BrowserWindow({
      width: 1400,
      height: 900,
      backgroundColor: '#0b0d10',
      title: 'Comanda',
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    const contents = window.webContents;
    // The KDS never navigates away or opens windows; links go to the system browser.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    forwardEvents(host!.service, contents);
    void window.loadFile(RENDERER_INDEX);
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('before-quit', (event) => {
    if (quitting || !host) return;
    // Stop the host (database, WhatsApp engine) before the process goes.
    event.preventDefault();
    quitting = true;
    void host.stop().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    host = createHost({ dataDir: app.getPath('userData'), engine: 'simulator', port: 4747, logger });
    serveKdsApiOverIpc({
      ipcMain,
      api: host.service,
      isTrustedSender: trustedSenderCheck(() => window?.webContents, pathToFileURL(RENDERER_INDEX).href),
    });
    await host.start();
    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
}
