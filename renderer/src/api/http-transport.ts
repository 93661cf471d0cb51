// The host's HTTP API and WebSocket event stream, for browsers on the restaurant network (and the
// end-to-end tests). Same origin as the page; every call carries the access token.
import { KDS_ERROR_CODES, KdsError, type KdsErrorCode, type KdsEvent } from '../../../shared/kds-api.ts';
import { OWNER_PIN_REQUIRED, OWNER_TOKEN_HEADER } from '../../../shared/owner-api.ts';
import type { KdsTransport } from './kds-client.ts';
import { backoffMs, diagnosticsDownloadPath, httpRoute, mediaPath, unwrapHttpResult } from './http-routes.ts';

export interface HttpTransportOptions {
  /** The page's base URL, e.g. http://kitchen-pc:4747/ (a trailing slash matters). */
  base: string;
  token: string;
  /** The host said 401: the token is wrong or was rotated. */
  onUnauthorized(): void;
  fetch?: typeof fetch;
  WebSocket?: new (url: string) => WebSocket;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  random?: () => number;
}

const STATUS_CODES: Record<number, KdsErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'too_many_requests',
};

/** Calls whose 401 is about the owner PIN typed, not about the screen's access token. */
const PIN_CHECKS: ReadonlySet<string> = new Set(['unlockOwner', 'setOwnerPin']);

export function createHttpTransport(options: HttpTransportOptions): KdsTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const Socket = options.WebSocket ?? WebSocket;
  const later = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = options.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  const listeners = new Set<(e: KdsEvent) => void>();
  const connectionListeners = new Set<(c: boolean) => void>();
  let socket: WebSocket | undefined;
  let attempt = 0;
  let retryTimer: unknown;
  let connected: boolean | undefined;

  const setConnected = (value: boolean) => {
    connected = value;
    for (const l of connectionListeners) l(value);
  };

  const connect = () => {
    retryTimer = undefined;
    if (listeners.size === 0) return;
    const url = new URL('api/events', options.base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', options.token);
    const ws = new Socket(url.href);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setConnected(true);
    };
    ws.onmessage = (message: MessageEvent) => {
      let event: KdsEvent;
      try {
        event = JSON.parse(String(message.data)) as KdsEvent;
      } catch {
        return; // a frame we do not understand is skipped
      }
      if (!event || typeof event !== 'object' || typeof event.type !== 'string') return;
      for (const l of listeners) l(event);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      if (connected !== false) setConnected(false);
      if (listeners.size > 0) retryTimer = later(connect, backoffMs(attempt++, options.random));
    };
  };

  const request = async (method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, accept: string, ownerToken?: string): Promise<Response> => {
    try {
      return await doFetch(new URL(path, options.base).href, {
        method,
        headers: {
          Authorization: `Bearer ${options.token}`,
          Accept: accept,
          ...(ownerToken ? { [OWNER_TOKEN_HEADER]: ownerToken } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        cache: 'no-store',
      });
    } catch {
      throw new KdsError('internal', 'no connection with the Comanda host');
    }
  };

  /** A failed answer as a KdsError; a 401 also tells the screen the token is no good. */
  const failure = (response: Response, body: unknown): KdsError => {
    const answer = body as { error?: { code?: unknown; message?: unknown }; retryAfterSeconds?: unknown } | undefined;
    const error = answer?.error;
    const code =
      (error?.code === OWNER_PIN_REQUIRED ? 'forbidden' : KDS_ERROR_CODES.find((c) => c === error?.code)) ?? STATUS_CODES[response.status] ?? 'internal';
    const retryAfterSeconds = typeof answer?.retryAfterSeconds === 'number' ? answer.retryAfterSeconds : undefined;
    return new KdsError(code, typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`, {
      ...(typeof error?.code === 'string' && error.code !== code ? { wireCode: error.code } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  };

  /** A file from the host (with the token), or its JSON error as a KdsError. */
  const downloadBlob = async (path: string, accept: string): Promise<Blob> => {
    const response = await request('GET', path, undefined, accept);
    if (response.status === 401) options.onUnauthorized();
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      throw failure(response, body);
    }
    return response.blob();
  };

  return {
    async invoke(method, args, context) {
      const route = httpRoute(method, args);
      const response = await request(route.method, route.path, route.body, 'application/json', context?.ownerToken);
      const text = await response.text().catch(() => '');
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // A text answer (the day's close as CSV) is the result itself.
        body = response.ok ? text : undefined;
      }
      // A wrong owner PIN is a 401 too, but the access token is fine: only other calls mean "token rejected".
      if (response.status === 401 && !PIN_CHECKS.has(method)) options.onUnauthorized();
      if (!response.ok) throw failure(response, body);
      return unwrapHttpResult(method, body);
    },
    async downloadDiagnostics(fileName) {
      return downloadBlob(diagnosticsDownloadPath(fileName), 'application/zip');
    },
    async fetchMedia(id) {
      return downloadBlob(mediaPath(id), 'audio/*, image/*');
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket && retryTimer === undefined) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        if (retryTimer !== undefined) cancel(retryTimer);
        retryTimer = undefined;
        const ws = socket;
        socket = undefined;
        ws?.close();
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
