// The PC's own printers in the desktop app: the HTML ticket is loaded into a hidden, sandboxed
// window and printed silently (webContents.print with silent and deviceName) through the OS driver,
// for USB receipt printers. The host receives it as a SystemPrinter and never imports electron.
// Every print has a deadline, and the window is always destroyed.
import type { WebContentsPrintOptions } from 'electron';
import type { SystemPrinter } from '../printing/printer-drivers.ts';

/** What this needs of a BrowserWindow (a hidden one per job). */
export interface PrintWindow {
  webContents: {
    loadURL(url: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    getPrintersAsync(): Promise<{ name: string }[]>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

export interface SystemPrinterOptions {
  /** A hidden window: show false, sandbox, contextIsolation, no preload. */
  createWindow(): PrintWindow;
  /** Longest a job may take before it is reported as failed. */
  timeoutMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

const CSS_PX_MICRONS = 25_400 / 96;

export function createSystemPrinter(options: SystemPrinterOptions): SystemPrinter {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const setTimer = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  async function withWindow<T>(work: (window: PrintWindow) => Promise<T>): Promise<T> {
    const window = options.createWindow();
    let timer: unknown;
    try {
      return await Promise.race([
        work(window),
        new Promise<never>((_, reject) => {
          timer = setTimer(() => reject(new Error(`the PC printer did not finish within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimer(timer);
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    list: () => withWindow(async (window) => (await window.webContents.getPrintersAsync()).map((p) => p.name)),
    print: (html, { deviceName, copies, widthMm }) =>
      withWindow(async (window) => {
        const names = (await window.webContents.getPrintersAsync()).map((p) => p.name);
        if (!names.includes(deviceName)) {
          throw new Error(`this PC has no printer named "${deviceName}" (it has: ${names.join(', ') || 'none'})`);
        }
        await window.webContents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        // A roll has no page length: the page is as long as the ticket.
        const heightPx = Number(await window.webContents.executeJavaScript('document.documentElement.scrollHeight')) || 1000;
        await new Promise<void>((resolve, reject) => {
          window.webContents.print(
            {
              silent: true,
              deviceName,
              copies,
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: { width: widthMm * 1000, height: Math.ceil(heightPx * CSS_PX_MICRONS) + 5_000 },
            },
            (success, failureReason) => (success ? resolve() : reject(new Error(failureReason || 'the print was not done'))),
          );
        });
      }),
  };
}
