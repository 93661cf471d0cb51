// A fake network receipt printer: a TCP server on 127.0.0.1 that takes ESC/POS the way a real one
// on port 9100 does. It answers real-time status requests (DLE EOT n) like an Epson, keeps every
// job's bytes (one job = one connection), and can misbehave on demand: out of paper, silent (never
// answers status), stuck (never reads), hanging up mid-job, or not a printer at all. Turning it
// off and on keeps the port.
import { createServer, type Server, type Socket } from 'node:net';

export type FakePrinterMode = 'ok' | 'paper-out' | 'silent' | 'stuck' | 'hang-up' | 'http';

export interface ReceivedJob {
  /** Ticket bytes with the status requests taken out. */
  bytes: Buffer;
  /** performance.now() when the last byte arrived. */
  lastByteAt: number;
}

export class FakePrinter {
  mode: FakePrinterMode = 'ok';
  readonly jobs: ReceivedJob[] = [];
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly jobListeners = new Set<(job: ReceivedJob) => void>();

  async start(port = this.port): Promise<number> {
    const server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** Off: the port refuses connections (a printer switched off answers nothing). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  onJob(listener: (job: ReceivedJob) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const mode = this.mode;
    if (mode === 'stuck') {
      socket.pause(); // takes the connection, reads nothing
      return;
    }
    if (mode === 'http') {
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
      return;
    }
    const chunks: Buffer[] = [];
    let lastByteAt = 0;
    let pending: number[] = [];
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      lastByteAt = performance.now();
      // Pull out DLE EOT n (status requests) and answer them; keep everything else.
      const data = Buffer.concat([Buffer.from(pending), chunk]);
      pending = [];
      const kept: number[] = [];
      for (let i = 0; i < data.length; i++) {
        if (data[i] === 0x10) {
          if (i + 2 >= data.length) {
            pending = [...data.subarray(i)];
            break;
          }
          if (data[i + 1] === 0x04) {
            const n = data[i + 2]!;
            if (mode !== 'silent') socket.write(Buffer.from([this.statusByte(n, mode)]));
            i += 2;
            continue;
          }
        }
        kept.push(data[i]!);
      }
      received += kept.length;
      chunks.push(Buffer.from(kept));
      if (mode === 'hang-up' && received > 40) socket.destroy();
    });
    socket.on('end', () => socket.end());
    socket.on('close', () => {
      const bytes = Buffer.concat(chunks);
      if (bytes.length === 0 || mode === 'hang-up') return;
      const job = { bytes, lastByteAt };
      this.jobs.push(job);
      for (const l of this.jobListeners) l(job);
    });
  }

  private statusByte(n: number, mode: FakePrinterMode): number {
    if (n === 4) return mode === 'paper-out' ? 0x72 : 0x12; // roll paper sensor: bits 5-6 = paper end
    return mode === 'paper-out' ? 0x1e : 0x16; // printer status: bit 3 = offline
  }
}
