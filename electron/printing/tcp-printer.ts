// Sends a ticket to a network receipt printer over raw TCP (port 9100), with a deadline on every
// step, so a printer that is off, slow, hangs up mid-ticket or is not a printer at all becomes a
// clear PrinterError and never a hung queue. The socket comes through an injected factory.
//
// The exchange:
//  1. connect (connectMs);
//  2. ask the printer's status in real time (DLE EOT 1 and DLE EOT 4). A printer answers one status
//     byte each, whose fixed bits (bit 1 and bit 4 set, bits 0 and 7 clear) tell a printer from any
//     other server; out of paper or offline is refused before a byte of the ticket is sent, so the
//     retry cannot print it twice. A printer that never answers status (some clones) is still
//     printed to, after statusMs;
//  3. write the ticket, followed by one more DLE EOT 1 when the printer answers status: it answers
//     only after reading everything before it, which confirms the whole ticket arrived (writeMs);
//  4. close.
import { connect as netConnect, type Socket } from 'node:net';
import type { Clock, TimerHandle } from '../host/clock.ts';
import type { PrinterProblem } from '../../shared/printing.ts';

export class PrinterError extends Error {
  readonly problem: PrinterProblem;
  constructor(problem: PrinterProblem, message: string) {
    super(message);
    this.name = 'PrinterError';
    this.problem = problem;
  }
}

export interface TcpPrinterTimeouts {
  connectMs: number;
  statusMs: number;
  /** From the first byte of the ticket to the printer's confirmation (or the flush, for silent ones). */
  writeMs: number;
  closeMs: number;
}

export const DEFAULT_TCP_TIMEOUTS: TcpPrinterTimeouts = { connectMs: 4_000, statusMs: 1_500, writeMs: 20_000, closeMs: 2_000 };

export type SocketFactory = (host: string, port: number) => Socket;

export interface TcpPrintResult {
  /** true: the printer confirmed reading the whole ticket; false: it never answers status. */
  confirmed: boolean;
}

const DLE_EOT_PRINTER = [0x10, 0x04, 0x01];
const DLE_EOT_PAPER = [0x10, 0x04, 0x04];

/** A real-time status byte: bits 1 and 4 are always 1, bits 0 and 7 always 0. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

export function printOverTcp(
  target: { host: string; port: number },
  data: Uint8Array,
  options: { clock: Clock; connect?: SocketFactory; timeouts?: Partial<TcpPrinterTimeouts> },
): Promise<TcpPrintResult> {
  const { clock } = options;
  const timeouts = { ...DEFAULT_TCP_TIMEOUTS, ...options.timeouts };
  const where = `${target.host}:${target.port}`;
  return new Promise<TcpPrintResult>((resolve, reject) => {
    let phase: 'connect' | 'status' | 'write' | 'confirm' | 'done' = 'connect';
    let timer: TimerHandle | undefined;
    let answersStatus = false;
    const status: number[] = [];
    let settled = false;
    let socket: Socket;
    try {
      socket = (options.connect ?? defaultConnect)(target.host, target.port);
    } catch (error) {
      reject(new PrinterError('unreachable', `cannot connect to ${where}: ${(error as Error).message}`));
      return;
    }

    const clear = () => {
      if (timer) clock.clearTimeout(timer);
      timer = undefined;
    };
    const arm = (ms: number, onTimeout: () => void) => {
      clear();
      timer = clock.setTimeout(() => {
        timer = undefined;
        onTimeout();
      }, ms);
    };
    const fail = (error: PrinterError) => {
      if (settled) return;
      settled = true;
      clear();
      socket.destroy();
      reject(error);
    };
    const succeed = (confirmed: boolean) => {
      if (settled) return;
      settled = true;
      phase = 'done';
      clear();
      // The ticket is there: close politely, and make sure the socket goes away even if the peer lingers.
      socket.end();
      const closer = clock.setTimeout(() => socket.destroy(), timeouts.closeMs);
      socket.once('close', () => clock.clearTimeout(closer));
      resolve({ confirmed });
    };

    const sendTicket = () => {
      phase = 'write';
      arm(timeouts.writeMs, () => fail(new PrinterError('timeout', `${where} did not take the ticket within ${timeouts.writeMs} ms`)));
      const trailer = answersStatus ? Uint8Array.from(DLE_EOT_PRINTER) : new Uint8Array(0);
      const payload = Buffer.concat([data, trailer]);
      socket.write(payload, (error) => {
        if (error || settled) return; // 'error' / 'close' report it
        if (answersStatus) phase = 'confirm';
        else succeed(false);
      });
    };

    const onStatusByte = (byte: number) => {
      if (!isStatusByte(byte)) {
        fail(new PrinterError('not-a-printer', `${where} answered something that is not a printer's status (0x${byte.toString(16)})`));
        return;
      }
      if (phase === 'confirm') {
        succeed(true);
        return;
      }
      status.push(byte);
      if (status.length < 2) return;
      const [printer, paper] = status as [number, number];
      // Paper sensor: bits 5 and 6 = roll end. Printer status: bit 3 = offline (cover open, feeding, error).
      if ((paper & 0x60) === 0x60) fail(new PrinterError('paper-out', `${where} is out of paper`));
      else if (printer & 0x08) fail(new PrinterError('offline', `${where} is offline (cover open or error)`));
      else {
        answersStatus = true;
        sendTicket();
      }
    };

    socket.on('data', (chunk: Buffer) => {
      // The confirmation can come back before Node reports the write flushed.
      if (phase === 'write' && answersStatus) phase = 'confirm';
      if (phase !== 'status' && phase !== 'confirm') return;
      for (const byte of chunk) {
        if (settled) return;
        onStatusByte(byte);
        if (phase !== 'status' && phase !== 'confirm') return;
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (phase === 'connect' && UNREACHABLE_CODES.has(code)) fail(new PrinterError('unreachable', `nothing answers at ${where} (${code})`));
      else if (code === 'ETIMEDOUT') fail(new PrinterError('timeout', `${where} timed out`));
      else fail(new PrinterError('closed', `${where} broke the connection (${code || error.message})`));
    });
    socket.on('end', () => {
      if (phase !== 'done') fail(new PrinterError('closed', `${where} hung up ${phase === 'connect' || phase === 'status' ? 'before' : 'in the middle of'} the ticket`));
    });
    socket.on('close', () => {
      if (phase !== 'done') fail(new PrinterError('closed', `${where} closed the connection during ${phase}`));
    });
    socket.once('connect', () => {
      if (settled) return;
      socket.setNoDelay(true);
      phase = 'status';
      arm(timeouts.statusMs, () => sendTicket());
      socket.write(Uint8Array.from([...DLE_EOT_PRINTER, ...DLE_EOT_PAPER]));
    });
    arm(timeouts.connectMs, () => fail(new PrinterError('unreachable', `no answer from ${where} within ${timeouts.connectMs} ms`)));
  });
}

function defaultConnect(host: string, port: number): Socket {
  return netConnect({ host, port });
}
