// How a job reaches a printer. A network printer gets ESC/POS over TCP; a PC printer (desktop app)
// gets the HTML ticket through the shell's SystemPrinter, which the host receives injected (the
// host never imports electron). Headless has no SystemPrinter and says so.
import type { PrinterConfig } from '../../shared/settings.ts';
import type { Clock } from '../host/clock.ts';
import { encodeEscPos } from './escpos-encoder.ts';
import { PrinterError, printOverTcp, type SocketFactory, type TcpPrinterTimeouts } from './tcp-printer.ts';
import { ticketHtml } from './ticket-html.ts';
import type { TicketDocument } from './ticket-document.ts';

/** The desktop app's silent printing to an OS printer (electron/shell/system-printer.ts). */
export interface SystemPrinter {
  /** Prints the page to `deviceName` without a dialog; rejects with the OS's reason. */
  print(html: string, options: { deviceName: string; copies: number; widthMm: 58 | 80 }): Promise<void>;
  /** The PC's printer names, for the owner to pick from. */
  list(): Promise<string[]>;
}

export interface PrinterDriver {
  print(document: TicketDocument, printer: PrinterConfig): Promise<void>;
}

export interface PrinterDriverOptions {
  clock: Clock;
  systemPrinter?: SystemPrinter;
  connect?: SocketFactory;
  tcpTimeouts?: Partial<TcpPrinterTimeouts>;
}

export function createPrinterDriver(options: PrinterDriverOptions): PrinterDriver {
  return {
    async print(document, printer) {
      if (printer.kind === 'network') {
        if (!printer.host) throw new PrinterError('unreachable', `printer ${printer.id} has no address`);
        const tcp: Parameters<typeof printOverTcp>[2] = { clock: options.clock };
        if (options.connect) tcp.connect = options.connect;
        if (options.tcpTimeouts) tcp.timeouts = options.tcpTimeouts;
        await printOverTcp({ host: printer.host, port: printer.port }, encodeEscPos(document, printer), tcp);
        return;
      }
      if (!options.systemPrinter) {
        throw new PrinterError('unsupported', 'PC printers print only from the desktop app; this host runs headless');
      }
      try {
        await options.systemPrinter.print(ticketHtml(document, printer.width), {
          deviceName: printer.deviceName ?? '',
          copies: printer.copies,
          widthMm: printer.width,
        });
      } catch (error) {
        if (error instanceof PrinterError) throw error;
        throw new PrinterError('failed', `the PC printer ${printer.deviceName ?? ''} refused the job: ${(error as Error).message}`);
      }
    },
  };
}
