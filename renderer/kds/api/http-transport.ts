// The host's HTTP API and WebSocket event stream, for browsers on the restaurant network.
import { KdsError, type KdsErrorCode, type KdsEvent, type KdsMethod, type ListOrdersQuery } from '../../../shared/kds-api.ts';
import type { KdsTransport } from './kds-client.ts';

type Route = { method: 'GET' | 'POST'; path: string; body?: unknown };

function route(method: KdsMethod, args: unknown[]): Route {
  const id = (i: number) => encodeURIComponent(String(args[i]));
  switch (method) {
    case 'getSnapshot':
      return { method: 'GET', path: '/api/snapshot' };
    case 'listOrders': {
      const q = (args[0] ?? {}) as ListOrdersQuery;
      const params = new URLSearchParams();
      if (q.status?.length) params.set('status', q.status.join(','));
      if (q.since) params.set('since', q.since);
      if (q.search) params.set('search', q.search);
      if (q.phone) params.set('phone', q.phone);
      const qs = params.toString();
      return { method: 'GET', path: `/api/orders${qs ? `?${qs}` : ''}` };
    }
    case 'transition':
      return { method: 'POST', path: `/api/orders/${id(0)}/transition`, body: args[1] };
    case 'undo':
      return { method: 'POST', path: `/api/orders/${id(0)}/undo` };
    case 'acknowledge':
      return { method: 'POST', path: `/api/orders/${id(0)}/acknowledge` };
    case 'releaseHandoff':
      return { method: 'POST', path: `/api/handoffs/${id(0)}/release` };
    case 'simSend':
      return { method: 'POST', path: '/api/sim/incoming', body: args[0] };
    case 'simConversation':
      return { method: 'GET', path: `/api/sim/conversation?phone=${id(0)}` };
  }
}

export function createHttpTransport(options: { base: string; token: string; onUnauthorized: () => void }): KdsTransport {
  const listeners = new Set<(e: KdsEvent) => void>();
  const connectionListeners = new Set<(c: boolean) => void>();
  let socket: WebSocket | undefined;
  let retry = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setConnected = (c: boolean) => connectionListeners.forEach((l) => l(c));
  const connect = () => {
    if (listeners.size === 0) return;
    const url = new URL('api/events', options.base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', options.token);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retry = 0;
      setConnected(true);
    };
    ws.onmessage = (message) => {
      try {
        const event = JSON.parse(String(message.data)) as KdsEvent;
        listeners.forEach((l) => l(event));
      } catch {
        // a frame we do not understand is skipped
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      setConnected(false);
      // Back off up to 10 s; the screen re-reads the snapshot when it is back.
      timer = setTimeout(connect, Math.min(10_000, 500 * 2 ** retry++));
    };
  };

  return {
    async invoke(method, args) {
      const r = route(method, args);
      let response: Response;
      try {
        response = await fetch(new URL(r.path.slice(1), options.base), {
          method: r.method,
          headers: { Authorization: `Bearer ${options.token}`, ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
          ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
        });
      } catch {
        throw new KdsError('internal', 'no connection with the Comanda host');
      }
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      if (response.status === 401) options.onUnauthorized();
      if (!response.ok) {
        throw new KdsError((body.error?.code as KdsErrorCode) ?? 'internal', body.error?.message ?? `HTTP ${response.status}`);
      }
      return body;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearTimeout(timer);
          const ws = socket;
          socket = undefined;
          ws?.close();
        }
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
