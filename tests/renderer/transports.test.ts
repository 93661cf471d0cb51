import { describe, expect, it, vi } from 'vitest';
import { KDS_METHODS, KdsError, type KdsEvent } from '../../shared/kds-api.ts';
import { backoffMs, httpRoute } from '../../renderer/src/api/http-routes.ts';
import { createHttpTransport } from '../../renderer/src/api/http-transport.ts';
import { createIpcTransport, toKdsError, type ComandaBridge } from '../../renderer/src/api/ipc-transport.ts';
import { createKdsClient } from '../../renderer/src/api/kds-client.ts';
import { cleanTypedToken, tokenFromHash } from '../../renderer/src/api/access-token.ts';

describe('HTTP routes', () => {
  it('maps every method to the host API', () => {
    expect(httpRoute('getSnapshot', [])).toEqual({ method: 'GET', path: 'api/snapshot' });
    expect(httpRoute('listOrders', [{ status: ['new', 'ready'], since: '2026-11-20', search: 'josé' }])).toEqual({
      method: 'GET',
      path: 'api/orders?status=new%2Cready&since=2026-11-20&search=jos%C3%A9',
    });
    expect(httpRoute('listOrders', [])).toEqual({ method: 'GET', path: 'api/orders' });
    expect(httpRoute('transition', ['a/b', { to: 'accepted', etaMinutes: 20, undoable: true }])).toEqual({
      method: 'POST',
      path: 'api/orders/a%2Fb/transition',
      body: { to: 'accepted', etaMinutes: 20, undoable: true },
    });
    expect(httpRoute('undo', ['o1'])).toEqual({ method: 'POST', path: 'api/orders/o1/undo' });
    expect(httpRoute('acknowledge', ['o1'])).toEqual({ method: 'POST', path: 'api/orders/o1/acknowledge' });
    expect(httpRoute('releaseHandoff', ['34600'])).toEqual({ method: 'POST', path: 'api/handoffs/34600/release' });
    expect(httpRoute('simSend', [{ from: '34600', body: 'hola' }])).toEqual({ method: 'POST', path: 'api/sim/incoming', body: { from: '34600', body: 'hola' } });
    expect(httpRoute('getMedia', ['0123456789abcdef0123456789abcdef'])).toEqual({ method: 'GET', path: 'api/media/0123456789abcdef0123456789abcdef' });
    expect(httpRoute('simConversation', ['34600'])).toEqual({ method: 'GET', path: 'api/sim/conversation?phone=34600' });
    expect(httpRoute('getHealth', [])).toEqual({ method: 'GET', path: 'api/whatsapp/health' });
    expect(httpRoute('linkWhatsApp', [{ method: 'code', phone: '34600111222' }])).toEqual({ method: 'POST', path: 'api/whatsapp/link', body: { method: 'code', phone: '34600111222' } });
    expect(httpRoute('unlinkWhatsApp', [])).toEqual({ method: 'POST', path: 'api/whatsapp/unlink' });
    expect(httpRoute('reconnectWhatsApp', [])).toEqual({ method: 'POST', path: 'api/whatsapp/reconnect' });
    expect(httpRoute('exportDiagnostics', [])).toEqual({ method: 'POST', path: 'api/diagnostics' });
  });

  it('covers every KdsApi method (a new one cannot be forgotten)', () => {
    for (const method of KDS_METHODS) expect(httpRoute(method, [{ method: 'qr' }]), method).toMatchObject({ path: expect.stringMatching(/^api\//) });
  });

  it('backs off from half a second to ten seconds', () => {
    const mid = () => 0.5;
    expect(backoffMs(0, mid)).toBe(500);
    expect(backoffMs(1, mid)).toBe(1000);
    expect(backoffMs(4, mid)).toBe(8000);
    expect(backoffMs(5, mid)).toBe(10_000);
    expect(backoffMs(50, mid)).toBe(10_000);
    expect(backoffMs(0, () => 0)).toBeGreaterThanOrEqual(400);
    expect(backoffMs(0, () => 1)).toBeLessThanOrEqual(600);
  });
});

class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.all.push(this);
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
}

function http(responder: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const onUnauthorized = vi.fn();
  FakeSocket.all = [];
  const transport = createHttpTransport({
    base: 'http://kitchen:4747/',
    token: 'tok',
    onUnauthorized,
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return responder(url, init);
    }) as unknown as typeof fetch,
    WebSocket: FakeSocket as unknown as new (url: string) => WebSocket,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
    random: () => 0.5,
  });
  return { transport, api: createKdsClient(transport), calls, timers, onUnauthorized };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HTTP transport', () => {
  it('sends the bearer token and JSON bodies, and returns the answer', async () => {
    const { api, calls } = http(() => json(200, { id: 'o1', status: 'accepted' }));
    const order = await api.transition('o1', { to: 'accepted', etaMinutes: 20, undoable: true });
    expect(order).toEqual({ id: 'o1', status: 'accepted' });
    expect(calls[0]!.url).toBe('http://kitchen:4747/api/orders/o1/transition');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ to: 'accepted', etaMinutes: 20, undoable: true });
  });

  it('resolves simSend to nothing', async () => {
    const { api } = http(() => json(200, { ok: true }));
    await expect(api.simSend({ from: '34600', body: 'hola' })).resolves.toBeUndefined();
  });

  it('throws KdsError with the host error code and message', async () => {
    const { api } = http(() => json(409, { error: { code: 'conflict', message: 'the undo window has closed' } }));
    const error = await api.undo('o1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KdsError);
    expect(error).toMatchObject({ code: 'conflict', message: 'the undo window has closed' });
  });

  it('falls back to the status code when the body is not the error shape', async () => {
    const { api } = http(() => new Response('nope', { status: 404 }));
    await expect(api.getSnapshot()).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports 401 so the screen asks for the token', async () => {
    const { api, onUnauthorized } = http(() => json(401, { error: { code: 'unauthorized', message: 'missing or wrong access token' } }));
    await expect(api.getSnapshot()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('fetches a voice note with the token as a blob: URL (never the token in a URL), and reports a missing one', async () => {
    const id = '0123456789abcdef0123456789abcdef';
    const wav = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
    const { api, calls } = http((url) => (url.endsWith(id) ? new Response(wav, { status: 200, headers: { 'Content-Type': 'audio/wav' } }) : json(404, { error: { code: 'not_found', message: 'no such file' } })));
    const url = await api.mediaUrl(id);
    expect(url).toMatch(/^blob:/);
    expect(url).not.toContain('tok');
    const blob = await fetch(url).then((r) => r.blob());
    expect(blob.type).toBe('audio/wav');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(wav);
    URL.revokeObjectURL(url);
    expect(calls[0]!.url).toBe(`http://kitchen:4747/api/media/${id}`);
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    await expect(api.mediaUrl('f'.repeat(32))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('downloads a diagnostics zip with the token, and reports a missing one as not_found', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const { api, calls } = http((url) => (url.endsWith('.zip') && url.includes('20261120') ? new Response(zip, { status: 200, headers: { 'Content-Type': 'application/zip' } }) : json(404, { error: { code: 'not_found', message: 'no such diagnostics file' } })));
    const blob = await api.downloadDiagnostics!('comanda-diagnostics-20261120-120000.zip');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(zip);
    expect(calls[0]!.url).toBe('http://kitchen:4747/api/diagnostics/comanda-diagnostics-20261120-120000.zip');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    await expect(api.downloadDiagnostics!('../access-token')).rejects.toMatchObject({ code: 'not_found', message: 'no such diagnostics file' });
    expect(calls[1]!.url).toBe('http://kitchen:4747/api/diagnostics/..%2Faccess-token');
  });

  it('turns a network failure into a KdsError', async () => {
    const { api } = http(() => {
      throw new TypeError('fetch failed');
    });
    await expect(api.getSnapshot()).rejects.toBeInstanceOf(KdsError);
  });

  it('streams events from the WebSocket and reconnects with backoff', () => {
    const { api, timers } = http(() => json(200, {}));
    const events: KdsEvent[] = [];
    const connection: boolean[] = [];
    api.onConnection((c) => connection.push(c));
    const unsubscribe = api.subscribe((e) => events.push(e));
    const first = FakeSocket.all[0]!;
    expect(first.url).toBe('ws://kitchen:4747/api/events?token=tok');
    first.onopen?.();
    first.onmessage?.({ data: JSON.stringify({ type: 'handoffs', handoffs: [] }) });
    first.onmessage?.({ data: 'not json' });
    expect(events).toEqual([{ type: 'handoffs', handoffs: [] }]);

    first.onclose?.();
    expect(connection).toEqual([true, false]);
    expect(timers.map((t) => t.ms)).toEqual([500]);
    timers.shift()!.fn();
    const second = FakeSocket.all[1]!;
    second.onclose?.(); // still down: wait longer
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    timers.shift()!.fn();
    FakeSocket.all[2]!.onopen?.();
    expect(connection).toEqual([true, false, true]);

    unsubscribe();
    expect(FakeSocket.all[2]!.closed).toBe(true);
    expect(timers).toEqual([]);
  });
});

describe('Electron bridge transport', () => {
  it('passes calls and events through window.comanda', async () => {
    const listeners: ((e: KdsEvent) => void)[] = [];
    const bridge: ComandaBridge = {
      invoke: vi.fn(async (method: string, ...args: unknown[]) => ({ method, args })),
      onEvent: (l) => {
        listeners.push(l);
        return () => undefined;
      },
    };
    const api = createKdsClient(createIpcTransport(bridge));
    expect(await api.acknowledge('o7')).toEqual({ method: 'acknowledge', args: ['o7'] });
    expect(await api.linkWhatsApp({ method: 'qr' })).toEqual({ method: 'linkWhatsApp', args: [{ method: 'qr' }] });
    expect(await api.exportDiagnostics()).toEqual({ method: 'exportDiagnostics', args: [] });
    // The desktop app writes the zip on this PC: nothing to download.
    expect(api.downloadDiagnostics).toBeUndefined();
    const seen: KdsEvent[] = [];
    api.subscribe((e) => seen.push(e));
    listeners[0]!({ type: 'handoffs', handoffs: [] });
    expect(seen).toHaveLength(1);
  });

  it('turns a voice note from getMedia (base64 over IPC) into a playable blob: URL', async () => {
    const bytes = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 255, 7]);
    const bridge: ComandaBridge = {
      invoke: vi.fn(async (method: string, id: unknown) => ({ id, mimetype: 'audio/ogg', dataBase64: Buffer.from(bytes).toString('base64'), method })),
      onEvent: () => () => undefined,
    };
    const url = await createKdsClient(createIpcTransport(bridge)).mediaUrl('a'.repeat(32));
    expect(bridge.invoke).toHaveBeenCalledWith('getMedia', 'a'.repeat(32));
    const blob = await fetch(url).then((r) => r.blob());
    expect(blob.type).toBe('audio/ogg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    URL.revokeObjectURL(url);
  });

  it('recovers the error code Electron strips from errors', async () => {
    expect(toKdsError(new Error("Error invoking remote method 'kds:invoke': KdsError: not_found: no order o9"))).toMatchObject({ code: 'not_found', message: 'no order o9' });
    expect(toKdsError(Object.assign(new Error('window closed'), { code: 'conflict' }))).toMatchObject({ code: 'conflict', message: 'window closed' });
    expect(toKdsError(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
    const bridge: ComandaBridge = { invoke: async () => Promise.reject(new Error('x: bad_request: reason is required')), onEvent: () => () => undefined };
    await expect(createKdsClient(createIpcTransport(bridge)).undo('o1')).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('access token', () => {
  it('reads it from the hash the host prints, or from a pasted URL', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('#x=1&token=abc')).toBe('abc');
    expect(tokenFromHash('')).toBeNull();
    expect(cleanTypedToken('  abc  ')).toBe('abc');
    expect(cleanTypedToken('http://192.168.1.10:4747/#token=xyz')).toBe('xyz');
  });
});

describe('the owner token over HTTP', () => {
  it('sends X-Owner-Token after unlockOwner, maps 403/429 to forbidden/too_many_requests, and unwraps the engine', async () => {
    const seen: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
    const answers: [number, unknown][] = [
      [200, { ownerToken: 'own-1', expiresAt: '2026-12-07T00:15:00Z' }],
      [200, { undoSeconds: 3 }],
      [200, { kind: 'whatsapp' }],
      [403, { error: { code: 'owner-pin-required', message: 'the owner PIN is needed' } }],
      [429, { error: { code: 'too_many_requests', message: 'too many wrong PINs' }, retryAfterSeconds: 60 }],
    ];
    const fetchStub = vi.fn(async (url: string, init: RequestInit) => {
      seen.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, ...(init.body ? { body: String(init.body) } : {}) });
      const [status, body] = answers.shift()!;
      return new Response(JSON.stringify(body), { status });
    });
    const client = createKdsClient(createHttpTransport({ base: 'http://kds:4747/', token: 'T', onUnauthorized: () => undefined, fetch: fetchStub as never }));
    await client.unlockOwner('1234');
    expect(seen[0]).toMatchObject({ url: 'http://kds:4747/api/owner/unlock', method: 'POST', body: '{"pin":"1234"}' });
    expect(seen[0]!.headers['X-Owner-Token']).toBeUndefined();
    await client.updateSettings({ undoSeconds: 3 });
    expect(seen[1]).toMatchObject({ url: 'http://kds:4747/api/settings', method: 'PUT', headers: { 'X-Owner-Token': 'own-1', Authorization: 'Bearer T' } });
    expect(await client.setEngine('whatsapp')).toBe('whatsapp');
    const forbidden = await client.saveMenu({ restaurant: 'X', categories: [] }).catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ code: 'forbidden', wireCode: 'owner-pin-required' });
    expect(client.isOwnerUnlocked()).toBe(false);
    expect(seen[3]!.headers['X-Owner-Token']).toBe('own-1');
    await expect(client.unlockOwner('0000')).rejects.toMatchObject({ code: 'too_many_requests', retryAfterSeconds: 60 });
  });

  it('rebuilds forbidden and a 429 wait from an IPC error message', () => {
    expect(toKdsError(new Error("Error invoking remote method 'kds:invoke': Error: forbidden: the owner PIN is needed"))).toMatchObject({ code: 'forbidden' });
    expect(toKdsError(new Error('too_many_requests: too many wrong PINs: try again in 60 s [retryAfterSeconds=60]'))).toMatchObject({
      code: 'too_many_requests',
      message: 'too many wrong PINs: try again in 60 s',
      retryAfterSeconds: 60,
    });
  });
});
