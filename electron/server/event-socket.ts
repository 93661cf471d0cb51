// Pushes every KdsEvent to every connected kitchen screen over a WebSocket. Browsers cannot set
// headers on a WebSocket, so the token comes as ?token=. Dead sockets are found by ping.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { KdsEvent } from '../../shared/kds-api.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';

export interface EventSocketOptions {
  server: Server;
  path: string;
  authorize: (token: string | null) => boolean;
  subscribe: (listener: (event: KdsEvent) => void) => () => void;
  clock: Clock;
  logger: Logger;
  pingEveryMs?: number;
}

/** A screen that cannot keep up is dropped rather than buffering without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export class EventSocketServer {
  private readonly wss: WebSocketServer;
  private readonly options: EventSocketOptions;
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private pingTimer: TimerHandle | undefined;
  private closed = false;

  constructor(options: EventSocketOptions) {
    this.options = options;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    options.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.wss.on('connection', (ws) => this.connected(ws));
    this.schedulePing();
  }

  get clientCount(): number {
    return this.wss.clients.size;
  }

  /**
   * The access token was rotated: every open screen presented the old one, so all are closed
   * (code 4001, "token rotated"); a screen with the new code connects again by itself.
   */
  disconnectAll(): number {
    const count = this.wss.clients.size;
    for (const ws of this.wss.clients) ws.close(4001, 'access token rotated');
    return count;
  }

  close(): void {
    this.closed = true;
    if (this.pingTimer) this.options.clock.clearTimeout(this.pingTimer);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== this.options.path) {
      socket.destroy();
      return;
    }
    if (!this.options.authorize(url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  private connected(ws: WebSocket): void {
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', (error) => this.options.logger.debug('screen socket error', { error: error.message }));
    // Screens only listen; anything they send is ignored.
    const unsubscribe = this.options.subscribe((event) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(event));
    });
    ws.on('close', unsubscribe);
  }

  private schedulePing(): void {
    if (this.closed) return;
    this.pingTimer = this.options.clock.setTimeout(() => {
      for (const ws of this.wss.clients) {
        if (this.alive.get(ws) === false) {
          ws.terminate();
          continue;
        }
        this.alive.set(ws, false);
        ws.ping();
      }
      this.schedulePing();
    }, this.options.pingEveryMs ?? 30_000);
  }
}
