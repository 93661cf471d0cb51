// How the host handles each kind of WhatsApp message besides text, through the simulator engine and
// a recording bot: voice notes go to staff with the file kept and the customer told; captions are
// read as text; photos without words are media, and a run of them goes to staff; pins and edits reach
// the bot as such; stickers, reactions, contacts and deleted messages get nothing, however many.
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { MAX_MESSAGE_CHARS, type BotHandler, type BotMessage } from '../../electron/bot/bot-types.ts';
import { MEDIA_TEXTS } from '../../electron/messaging/media-texts.ts';
import { PICTURES_BEFORE_STAFF } from '../../electron/messaging/incoming-messages.ts';
import type { SimulatorInput } from '../../electron/whatsapp/simulator-engine.ts';
import { MAX_INCOMING_MEDIA_BYTES } from '../../electron/whatsapp/engine.ts';
import type { Menu } from '../../shared/menu.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { oggLike, solidPng } from '../support/media-files.ts';

const PHONE = '573001112233';
let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let seen: BotMessage[];

const recordingBot: BotHandler = (input, effects) => {
  seen.push(input.message);
  if (input.message.body === 'persona') effects.requestHandoff('persona');
  return { conversation: { version: 1, updatedAt: input.now }, replies: [`bot: ${input.message.kind}`] };
};

const menu = (locale: Menu['locale']): Menu =>
  ({
    restaurant: 'La Esquina',
    currency: 'COP',
    locale,
    categories: [{ id: 'c', name: 'Platos', items: [{ id: 'bandeja', name: 'Bandeja paisa', price: 32000 }] }],
  }) as unknown as Menu;

async function start(locale: Menu['locale'] = 'es-CO') {
  host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: null, logger: silentLogger, bot: recordingBot, menu: menu(locale) });
  await host.start();
}

const send = (input: Omit<SimulatorInput, 'from'>) => host.simulator!.receive({ from: PHONE, name: 'Valentina', ...input });
const queued = () =>
  (host.store.db.prepare('SELECT body FROM outbox WHERE phone = ? ORDER BY created_at, key').all(PHONE) as { body: string }[]).map((r) => r.body);
const b64 = (b: Buffer) => b.toString('base64');

beforeEach(async () => {
  tmp = makeTempDir();
  seen = [];
  await start();
});
afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('voice notes and audio', () => {
  it('hand the chat to staff with the file kept, tell the customer in the menu\'s voice, and skip the bot', async () => {
    send({ type: 'ptt', id: 'v1', media: { mimetype: 'audio/ogg; codecs=opus', dataBase64: b64(oggLike(4_000)) } });
    expect(seen).toEqual([]);
    expect(queued()).toEqual([MEDIA_TEXTS['es-CO'].audioToStaff]);
    const [handoff] = host.service.handoffs();
    expect(handoff).toMatchObject({ phone: PHONE, name: 'Valentina', lastMessage: '🎤' });
    expect(handoff!.media).toEqual([
      { kind: 'audio', at: expect.any(String), id: expect.stringMatching(/^[0-9a-f]{32}$/), url: expect.stringMatching(/^\/api\/media\//), mimetype: 'audio/ogg', bytes: 4_000 },
    ]);
    const file = await host.service.getMedia(handoff!.media![0]!.id!);
    expect(Buffer.from(file.dataBase64, 'base64').equals(oggLike(4_000))).toBe(true);
    // More messages while with staff: no bot, no reply, the list shows the latest and every file.
    send({ type: 'audio', id: 'v2', media: { mimetype: 'audio/mpeg', dataBase64: b64(Buffer.from('ID3\u0004\u0000rest', 'latin1')) } });
    send({ body: 'me oyes?' });
    expect(seen).toEqual([]);
    expect(queued()).toHaveLength(1);
    expect(host.service.handoffs()[0]).toMatchObject({ lastMessage: 'me oyes?' });
    expect(host.service.handoffs()[0]!.media!.map((m) => m.mimetype)).toEqual(['audio/ogg', 'audio/mpeg']);
  });

  it('the kitchen releases the chat: the bot answers again and the old files leave the list', async () => {
    send({ type: 'ptt', media: { mimetype: 'audio/ogg', dataBase64: b64(oggLike(100)) } });
    await host.service.releaseHandoff(PHONE);
    expect(host.service.handoffs()).toEqual([]);
    send({ body: 'una bandeja paisa' });
    expect(seen).toEqual([{ kind: 'text', body: 'una bandeja paisa' }]);
    send({ body: 'persona' }); // a later handoff starts without the released voice note
    expect(host.service.handoffs()[0]!.media).toBeUndefined();
  });

  it('a 0-byte, an oversized and an undownloadable audio still reach staff as "audio received", without a file', async () => {
    send({ type: 'ptt', id: 'zero', media: { mimetype: 'audio/ogg', dataBase64: '' } });
    send({ type: 'ptt', id: 'big', media: { mimetype: 'audio/ogg', dataBase64: b64(Buffer.concat([oggLike(16), Buffer.alloc(MAX_INCOMING_MEDIA_BYTES)])) } });
    send({ type: 'audio', id: 'none' });
    send({ type: 'ptt', id: 'odd', media: { mimetype: 'audio/x-unknown', dataBase64: b64(Buffer.from('just text')) } });
    const media = host.service.handoffs()[0]!.media!;
    expect(media.map((m) => [m.kind, m.missing, m.id])).toEqual([
      ['audio', 'empty', undefined],
      ['audio', 'too-large', undefined],
      ['audio', 'not-downloaded', undefined],
      ['audio', 'unknown-type', undefined],
    ]);
    expect(media[1]!.bytes).toBe(MAX_INCOMING_MEDIA_BYTES + 16);
    expect(readdirSync(join(tmp.dir, 'media'))).toEqual([]);
    expect(queued()).toEqual([MEDIA_TEXTS['es-CO'].audioToStaff]); // told once
  });

  it.each([
    ['es-ES', 'Hemos recibido tu audio'],
    ['es-AR', 'por acá'],
    ['es-MX', 'Recibimos tu audio'],
    ['en', 'voice message'],
  ] as const)('speaks %s', async (locale, words) => {
    await host.stop();
    await start(locale);
    send({ type: 'ptt', id: `v-${locale}`, media: { mimetype: 'audio/ogg', dataBase64: b64(oggLike(10)) } });
    expect(queued().at(-1)).toContain(words);
  });
});

describe('photos and documents', () => {
  it('a caption is read as text (cut to the message limit); the photo is kept', () => {
    send({ type: 'image', caption: 'dos bandejas paisas', media: { mimetype: 'image/png', dataBase64: b64(solidPng(4)) } });
    send({ type: 'document', caption: 'x'.repeat(200_000) + 'FIN', media: { mimetype: 'application/pdf', dataBase64: 'JVBERi0=' } });
    expect(seen[0]).toEqual({ kind: 'text', body: 'dos bandejas paisas' });
    expect(seen[1]!.kind).toBe('text');
    expect(seen[1]!.body).toHaveLength(MAX_MESSAGE_CHARS);
    expect(seen[1]!.body).not.toContain('FIN');
    expect(readdirSync(join(tmp.dir, 'media'))).toHaveLength(1);
  });

  it(`without words the bot gets media; the ${PICTURES_BEFORE_STAFF}rd in a row goes to staff with every picture`, () => {
    const photo = { type: 'image', media: { mimetype: 'image/jpeg', dataBase64: b64(solidPng(8)) } };
    send(photo);
    send({ body: 'perdón' });
    send(photo);
    send(photo);
    expect(seen).toEqual([
      { kind: 'media', body: '', mediaType: 'image' },
      { kind: 'text', body: 'perdón' },
      { kind: 'media', body: '', mediaType: 'image' },
      { kind: 'media', body: '', mediaType: 'image' },
    ]);
    expect(host.service.handoffs()).toEqual([]);
    send({ type: 'document', media: { mimetype: 'image/png', dataBase64: b64(solidPng(8)) } }); // a photo sent as a file
    expect(seen).toHaveLength(4);
    const [handoff] = host.service.handoffs();
    expect(handoff!.lastMessage).toBe('📷');
    expect(handoff!.media!.map((m) => [m.kind, m.mimetype])).toEqual([
      ['image', 'image/png'],
      ['image', 'image/png'],
      ['image', 'image/png'],
      ['image', 'image/png'],
    ]);
    expect(queued().at(-1)).toBe(MEDIA_TEXTS['es-CO'].picturesToStaff);
  });
});

describe('location pins and edits', () => {
  it('a pin reaches the bot as a location, with its caption as body', () => {
    send({ type: 'location', location: { latitude: 6.2442, longitude: -75.5812, name: 'Parque Lleras', address: 'Cra. 37A, Medellín' } });
    send({ location: { latitude: 6.25, longitude: -75.56 }, caption: 'aquí estoy' });
    expect(seen).toEqual([
      { kind: 'location', body: '', location: { latitude: 6.2442, longitude: -75.5812, name: 'Parque Lleras', address: 'Cra. 37A, Medellín' } },
      { kind: 'location', body: 'aquí estoy', location: { latitude: 6.25, longitude: -75.56 } },
    ]);
  });

  it('an edit of the last message is an edit; of an earlier one, or redelivered, nothing', () => {
    send({ id: 'm1', body: 'dos bandejas' });
    send({ id: 'm2', body: 'para llevar' });
    send({ editOf: 'm1', body: 'tres bandejas' });
    send({ editOf: 'm2', body: 'a domicilio', id: 'e2' });
    send({ editOf: 'm2', body: 'a domicilio', id: 'e2' });
    send({ editOf: 'm2', body: 'a domicilio ya' }); // editing the same message again still counts
    expect(seen.map((m) => [m.kind, m.body])).toEqual([
      ['text', 'dos bandejas'],
      ['text', 'para llevar'],
      ['edit', 'a domicilio'],
      ['edit', 'a domicilio ya'],
    ]);
  });
});

describe('what gets no reply', () => {
  it('a flood of stickers, reactions, contacts and deleted messages: no bot, no reply, the chat answers next text', () => {
    for (let i = 0; i < 200; i++) send({ type: 'sticker', media: { mimetype: 'image/webp', dataBase64: 'UklGRg==' } });
    send({ type: 'reaction', body: '👍' });
    send({ type: 'vcard', body: 'BEGIN:VCARD\nEND:VCARD' });
    send({ type: 'multi_vcard' });
    send({ type: 'revoked' });
    expect(seen).toEqual([]);
    expect(queued()).toEqual([]);
    expect(host.service.handoffs()).toEqual([]);
    send({ body: 'hola' });
    expect(seen).toEqual([{ kind: 'text', body: 'hola' }]);
    expect(queued()).toEqual(['bot: text']);
  });
});
