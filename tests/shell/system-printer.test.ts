// The desktop app's PC printers with a stand-in window: the ticket page is loaded and printed
// silently to the chosen printer, as long as the ticket; a refusal, an unknown printer or a stuck
// job is a clear error; the hidden window never outlives the job.
import { describe, expect, it } from 'vitest';
import type { WebContentsPrintOptions } from 'electron';
import { createSystemPrinter, type PrintWindow } from '../../electron/shell/system-printer.ts';
import { createPrinterDriver } from '../../electron/printing/printer-drivers.ts';
import { PrinterError } from '../../electron/printing/tcp-printer.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import { printerSchema } from '../../shared/settings.ts';
import { kitchenTicket } from '../../electron/printing/ticket-layout.ts';
import { sampleOrder } from '../printing/order-fixtures.ts';

interface FakeWindowLog {
  loaded: string[];
  printed: WebContentsPrintOptions[];
  destroyed: number;
  created: number;
}

function fakeWindows(behaviour: { printers?: string[]; result?: [boolean, string]; hang?: boolean } = {}) {
  const log: FakeWindowLog = { loaded: [], printed: [], destroyed: 0, created: 0 };
  const createWindow = (): PrintWindow => {
    log.created++;
    let destroyed = false;
    return {
      webContents: {
        loadURL: async (url) => void log.loaded.push(url),
        executeJavaScript: async () => 600,
        print: (options, callback) => {
          log.printed.push(options);
          if (!behaviour.hang) setTimeout(() => callback(...(behaviour.result ?? [true, ''])), 5);
        },
        getPrintersAsync: async () => (behaviour.printers ?? ['EPSON TM-T20III', 'Microsoft Print to PDF']).map((name) => ({ name })),
      },
      destroy: () => {
        destroyed = true;
        log.destroyed++;
      },
      isDestroyed: () => destroyed,
    };
  };
  return { log, createWindow };
}

const ctx = { locale: 'es' as const, moneyLocale: 'es-ES', timezone: 'Europe/Madrid', restaurant: 'Casa Pepe' };
const printer = printerSchema.parse({ id: 'caja', name: 'Caja', kind: 'system', deviceName: 'EPSON TM-T20III', width: 58, copies: 2 });

describe('PC printer (desktop app)', () => {
  it('prints the HTML ticket silently to the chosen printer, as long as the ticket, then closes the window', async () => {
    const { log, createWindow } = fakeWindows();
    const driver = createPrinterDriver({ clock: createSystemClock(), systemPrinter: createSystemPrinter({ createWindow }) });
    await driver.print(kitchenTicket(sampleOrder(), ctx), printer);
    expect(log.printed).toHaveLength(1);
    expect(log.printed[0]).toMatchObject({ silent: true, deviceName: 'EPSON TM-T20III', copies: 2, printBackground: true, margins: { marginType: 'none' } });
    expect(log.printed[0]!.pageSize).toEqual({ width: 58_000, height: Math.ceil(600 * (25_400 / 96)) + 5_000 });
    const html = decodeURIComponent(log.loaded[0]!.replace('data:text/html;charset=utf-8,', ''));
    expect(html).toContain('#42');
    expect(html).toContain('Begoña Núñez');
    expect(log.destroyed).toBe(log.created);
  });

  it('a printer name the PC does not have is a clear failure, and nothing is printed', async () => {
    const { log, createWindow } = fakeWindows({ printers: ['Microsoft Print to PDF'] });
    const driver = createPrinterDriver({ clock: createSystemClock(), systemPrinter: createSystemPrinter({ createWindow }) });
    const error = await driver.print(kitchenTicket(sampleOrder(), ctx), printer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).problem).toBe('failed');
    expect((error as PrinterError).message).toMatch(/no printer named "EPSON TM-T20III"/);
    expect(log.printed).toHaveLength(0);
    expect(log.destroyed).toBe(log.created);
  });

  it('the OS refusing the job, or a job that never finishes, is a failure and the window goes', async () => {
    const refused = fakeWindows({ result: [false, 'Printer is out of paper'] });
    await expect(createSystemPrinter({ createWindow: refused.createWindow }).print('<p>x</p>', { deviceName: 'EPSON TM-T20III', copies: 1, widthMm: 80 })).rejects.toThrow(
      'Printer is out of paper',
    );
    expect(refused.log.destroyed).toBe(1);
    const stuck = fakeWindows({ hang: true });
    await expect(createSystemPrinter({ createWindow: stuck.createWindow, timeoutMs: 50 }).print('<p>x</p>', { deviceName: 'EPSON TM-T20III', copies: 1, widthMm: 80 })).rejects.toThrow(
      /did not finish within 50 ms/,
    );
    expect(stuck.log.destroyed).toBe(1);
  });

  it('lists the PC\'s printers for the owner to pick', async () => {
    const { createWindow, log } = fakeWindows();
    expect(await createSystemPrinter({ createWindow }).list()).toEqual(['EPSON TM-T20III', 'Microsoft Print to PDF']);
    expect(log.destroyed).toBe(1);
  });

  it('headless (no SystemPrinter): a PC printer is "unsupported"', async () => {
    const driver = createPrinterDriver({ clock: createSystemClock() });
    const error = await driver.print(kitchenTicket(sampleOrder(), ctx), printer).catch((e: unknown) => e);
    expect((error as PrinterError).problem).toBe('unsupported');
  });
});
