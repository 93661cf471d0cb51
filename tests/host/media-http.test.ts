// POST /api/sim/incoming with every message type and the bad inputs of issue 10, and
// GET /api/media/:id: the token, the real content type, no path traversal, JSON for the desktop app.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { BotHandler, BotMessage } from '../../electron/bot/bot-types.ts';
import type { Handoff, MediaFile } from '../../shared/kds-api.ts';
import { MAX_INCOMING_MEDIA_BYTES } from '../../electron/whatsapp/engine.ts';
import { ApiClient } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { solidPng, toneWav } from '../support/media-files.ts';

const PHONE = '5215512345678';
let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let api: ApiClient;
let base: string;
let seen: BotMessage[];

const bot: BotHandler = (input) => {
  seen.push(input.message);
  return { conversation: { version: 1, updatedAt: input.now }, replies: [`ok ${input.message.kind} ${seen.length}`] };
};

beforeEach(async () => {
  tmp = makeTempDir();
  seen = [];
  host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot });
  const started = await host.start();
  base = `http://127.0.0.1:${started.port}`;
  api = new ApiClient(base, started.token);
});
afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

const incoming = (body: Record<string, unknown>) => api.post<{ ok?: boolean; id?: string; error?: { code: string; message: string } }>('/api/sim/incoming', { from: PHONE, name: 'Lupita', ...body });
const handoffs = async () => (await api.get<Handoff[]>('/api/handoffs')).body;

describe('POST /api/sim/incoming, every type', () => {
  it('chat, image and document captions, location, sticker: each has its outcome', async () => {
    const png = solidPng(6).toString('base64');
    expect((await incoming({ body: 'hola' })).status).toBe(200);
    expect((await incoming({ type: 'chat', body: 'dos tacos' })).status).toBe(200);
    expect((await incoming({ type: 'image', caption: 'tres de pastor', media: { mimetype: 'image/png', dataBase64: png } })).status).toBe(200);
    expect((await incoming({ type: 'document', caption: 'mi pedido', media: { mimetype: 'application/pdf', dataBase64: 'JVBERi0=', filename: 'pedido.pdf' } })).status).toBe(200);
    expect((await incoming({ type: 'image', media: { mimetype: 'image/png', dataBase64: png } })).status).toBe(200);
    expect((await incoming({ type: 'location', location: { latitude: 19.4326, longitude: -99.1332, name: 'Zócalo', address: 'Centro, CDMX' } })).status).toBe(200);
    expect((await incoming({ type: 'sticker', media: { mimetype: 'image/webp', dataBase64: 'UklGRg==' } })).status).toBe(200);
    expect(seen).toEqual([
      { kind: 'text', body: 'hola' },
      { kind: 'text', body: 'dos tacos' },
      { kind: 'text', body: 'tres de pastor' },
      { kind: 'text', body: 'mi pedido' },
      { kind: 'media', body: '', mediaType: 'image' },
      { kind: 'location', body: '', location: { latitude: 19.4326, longitude: -99.1332, name: 'Zócalo', address: 'Centro, CDMX' } },
    ]);
    expect((await api.sent(PHONE)).map((m) => m.body)).toEqual(['ok text 1', 'ok text 2', 'ok text 3', 'ok text 4', 'ok media 5', 'ok location 6']);
    const chat = (await api.get<{ direction: string; body: string }[]>(`/api/sim/conversation?phone=${PHONE}`)).body.filter((m) => m.direction === 'in');
    expect(chat.map((m) => m.body)).toEqual(['hola', 'dos tacos', 'tres de pastor', 'mi pedido', '[image]', '📍 Zócalo, Centro, CDMX', '[sticker]']);
  });

  it('a voice note (ptt) goes to staff and plays from GET /api/media/:id with the token and its real type', async () => {
    const wav = toneWav(300);
    expect((await incoming({ type: 'ptt', media: { mimetype: 'audio/wav', dataBase64: wav.toString('base64') } })).status).toBe(200);
    const [handoff] = await handoffs();
    expect(handoff).toMatchObject({ phone: PHONE, name: 'Lupita', lastMessage: '🎤' });
    const media = handoff!.media![0]!;
    expect(media).toMatchObject({ kind: 'audio', mimetype: 'audio/wav', bytes: wav.length, url: `/api/media/${media.id}` });
    expect((await api.sent(PHONE))[0]!.body).toMatch(/audio/);

    const res = await fetch(base + media.url!, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    // The desktop app's transport asks for JSON.
    const json = await api.request<MediaFile>('GET', media.url!, undefined, { Accept: 'application/json' });
    expect(json.body).toMatchObject({ id: media.id, mimetype: 'audio/wav' });
    expect(Buffer.from(json.body.dataBase64, 'base64').equals(wav)).toBe(true);
    // No token, a wrong one, a path, an unknown id:
    expect((await fetch(base + media.url!)).status).toBe(401);
    expect((await fetch(base + media.url!, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    for (const bad of ['..%2Fcomanda.sqlite', '..%2F..%2Faccess-token', 'ABC', media.id!.toUpperCase()]) {
      expect((await api.get(`/api/media/${bad}`)).status, bad).toBe(400);
    }
    // Dot segments are resolved by the URL parser before routing: no route, no file.
    expect((await api.get('/api/media/../access-token')).status).toBe(404);
    const outside = await api.get('/api/media/%2E%2E/%2E%2E/access-token'); // becomes /access-token: the page, never the file
    expect(String(outside.body)).not.toContain(api.token);
    expect((await api.get(`/api/media/${'0'.repeat(32)}`)).status).toBe(404);
    // Released: the bot answers again.
    expect((await api.post(`/api/handoffs/${PHONE}/release`)).status).toBe(200);
    await incoming({ body: 'ya' });
    expect(seen).toEqual([{ kind: 'text', body: 'ya' }]);
  });

  it('a 16 MiB audio is kept; one over the limit is accepted, not kept, and staff still see it', async () => {
    const limit = Buffer.alloc(MAX_INCOMING_MEDIA_BYTES, 0);
    limit.write('OggS', 0, 'latin1');
    expect((await incoming({ type: 'audio', media: { mimetype: 'audio/ogg', dataBase64: limit.toString('base64') } })).status).toBe(200);
    const over = Buffer.concat([limit, Buffer.alloc(1024)]);
    expect((await incoming({ type: 'audio', media: { mimetype: 'audio/ogg', dataBase64: over.toString('base64') } })).status).toBe(200);
    const media = (await handoffs())[0]!.media!;
    expect(media.map((m) => [m.missing, m.bytes])).toEqual([
      [undefined, MAX_INCOMING_MEDIA_BYTES],
      ['too-large', MAX_INCOMING_MEDIA_BYTES + 1024],
    ]);
    expect((await api.get(media[0]!.url!)).status).toBe(200);
  });

  it('a 0-byte audio: accepted, staff see it without a player', async () => {
    expect((await incoming({ type: 'ptt', media: { mimetype: 'audio/ogg', dataBase64: '' } })).status).toBe(200);
    expect((await handoffs())[0]!.media).toEqual([{ kind: 'audio', at: expect.any(String), bytes: 0, missing: 'empty' }]);
  });

  it('a 200 kB caption is accepted and cut for the bot', async () => {
    const res = await incoming({ type: 'image', caption: 'una '.repeat(50_000), media: { mimetype: 'image/png', dataBase64: solidPng(2).toString('base64') } });
    expect(res.status).toBe(200);
    expect(seen[0]!.body.length).toBeLessThanOrEqual(2000);
  });

  it('bad input is a clear 400 or 413 and delivers nothing', async () => {
    const bad = [
      { type: 'location', location: { latitude: 500, longitude: 0 } },
      { type: 'location', location: { latitude: 0, longitude: -181 } },
      { type: 'location', location: { latitude: '19.4', longitude: -99 } },
      { type: 'location' },
      { type: 'chat', location: { latitude: 1, longitude: 1 } },
      { type: 'ptt', media: { mimetype: 'audio/ogg', dataBase64: 'not base64!' } },
      { type: 'ptt', media: { dataBase64: 'T2dnUw==' } },
      { type: 'chat', media: { mimetype: 'audio/ogg', dataBase64: 'T2dnUw==' } },
    ];
    for (const body of bad) {
      const res = await incoming(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error!.code).toBe('bad_request');
    }
    const lat = await incoming({ type: 'location', location: { latitude: 500, longitude: 0 } });
    expect(lat.body.error!.message).toMatch(/latitude/);
    expect((await incoming({ body: 'x'.repeat(2 * 1024 * 1024) })).status).toBe(413);
    const tooBig = await incoming({ type: 'ptt', media: { mimetype: 'audio/ogg', dataBase64: 'A'.repeat(25 * 1024 * 1024) } });
    expect(tooBig.status).toBe(413);
    expect(seen).toEqual([]);
    expect(await handoffs()).toEqual([]);
  });
});
