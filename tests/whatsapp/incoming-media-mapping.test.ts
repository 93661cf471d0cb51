// What the real engine makes of what customers send besides text, through worker-core and the fake
// whatsapp-web.js Client: voice notes and photos with their bytes (downloadMedia), captions, location
// pins, message_edit, and the things that never reach the host (reactions, deleted messages).
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_INCOMING_MEDIA_BYTES, type IncomingMessage } from '../../electron/whatsapp/engine.ts';
import { toIncomingEdit, toIncomingMessage } from '../../electron/whatsapp/incoming-mapping.ts';
import { createEngineHarness, type EngineHarness } from '../support/whatsapp-engine-harness.ts';
import { oggLike, solidPng } from '../support/media-files.ts';

let h: EngineHarness | undefined;
afterEach(async () => {
  await h?.engine.stop();
  h = undefined;
});

const CUSTOMER = '5491155550000';
const chat = `${CUSTOMER}@c.us`;

async function listening(): Promise<{ got: IncomingMessage[] }> {
  h = createEngineHarness();
  await h.connect();
  const got: IncomingMessage[] = [];
  h.engine.onMessage((m) => got.push(m));
  return { got };
}

describe('real engine: what customers send besides text', () => {
  it('a voice note arrives with its bytes, type and size from downloadMedia()', async () => {
    const { got } = await listening();
    const voice = oggLike(3_000);
    h!.client().receive({ from: chat, type: 'ptt', id: 'v1', media: { mimetype: 'audio/ogg; codecs=opus', dataBase64: voice.toString('base64') } });
    await h!.settle();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ id: 'v1', type: 'ptt', body: '', phone: CUSTOMER, media: { mimetype: 'audio/ogg; codecs=opus', size: 3_000 } });
    expect(Buffer.from(got[0]!.media!.dataBase64!, 'base64').equals(voice)).toBe(true);
    expect(got[0]!.caption).toBeUndefined();
    expect(h!.client().calls).toContain('downloadMedia:v1');
  });

  it('a photo or document carries its caption as caption and body (Message.js: body = caption when hasMedia)', async () => {
    const { got } = await listening();
    const png = solidPng(4).toString('base64');
    h!.client().receive({ from: chat, type: 'image', id: 'i1', caption: 'dos de estas porfa', media: { mimetype: 'image/png', dataBase64: png } });
    h!.client().receive({ from: chat, type: 'document', id: 'd1', caption: 'mi pedido', media: { mimetype: 'application/pdf', dataBase64: 'JVBERi0=', filename: 'pedido.pdf' } });
    h!.client().receive({ from: chat, type: 'image', id: 'i2', media: { mimetype: 'image/jpeg', dataBase64: png } });
    await h!.settle();
    expect(got.map((m) => [m.id, m.type, m.body, m.caption])).toEqual([
      ['i1', 'image', 'dos de estas porfa', 'dos de estas porfa'],
      ['d1', 'document', 'mi pedido', 'mi pedido'],
      ['i2', 'image', '', undefined],
    ]);
    expect(got[1]!.media).toMatchObject({ mimetype: 'application/pdf', filename: 'pedido.pdf', size: 5 });
  });

  it('a file WhatsApp announces over 16 MB is not downloaded; an expired one arrives without bytes', async () => {
    const { got } = await listening();
    h!.client().receive({
      from: chat,
      type: 'audio',
      id: 'big',
      media: { mimetype: 'audio/mpeg', dataBase64: 'SUQz', announcedSize: MAX_INCOMING_MEDIA_BYTES + 1 },
    });
    h!.client().receive({ from: chat, type: 'ptt', id: 'gone', media: { mimetype: 'audio/ogg', dataBase64: 'T2dnUw==', expired: true } });
    await h!.settle();
    expect(got.map((m) => m.media)).toEqual([
      { mimetype: 'audio/mpeg', size: MAX_INCOMING_MEDIA_BYTES + 1 },
      { mimetype: 'audio/ogg', size: 4 },
    ]);
    expect(h!.client().calls).not.toContain('downloadMedia:big');
    expect(h!.client().calls).toContain('downloadMedia:gone');
  });

  it('a location pin: coordinates, name and address from loc, and no thumbnail as body', async () => {
    const { got } = await listening();
    h!.client().receive({
      from: chat,
      type: 'location',
      id: 'l1',
      location: { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. 9 de Julio s/n, CABA' },
    });
    h!.client().receive({ from: chat, type: 'location', id: 'l2', location: { latitude: 19.4326, longitude: -99.1332 } });
    await h!.settle();
    expect(got[0]).toMatchObject({ type: 'location', body: '', location: { latitude: -34.6037, longitude: -58.3816, name: 'Obelisco', address: 'Av. 9 de Julio s/n, CABA' } });
    expect(got[1]!.location).toEqual({ latitude: 19.4326, longitude: -99.1332 });
    expect(got[1]!.body).toBe('');
  });

  it('message_edit of a customer message becomes an edit of that message; the same edit twice has the same id', async () => {
    const { got } = await listening();
    h!.client().receive({ from: chat, id: 'm1', body: 'dos de carne' });
    await h!.settle();
    h!.client().edit('m1', 'tres de carne');
    h!.client().emit('message_edit', h!.client().received.get('m1'), 'tres de carne', 'dos de carne');
    await h!.settle();
    expect(got).toHaveLength(3);
    expect(got[1]).toMatchObject({ body: 'tres de carne', editOf: 'm1', type: 'chat', phone: CUSTOMER });
    expect(got[1]!.id).not.toBe('m1');
    expect(got[2]!.id).toBe(got[1]!.id);
  });

  it('a caption edit is an edit; a thumbnail change of a photo is not', async () => {
    const { got } = await listening();
    const png = solidPng(2).toString('base64');
    const msg = h!.client().receive({ from: chat, type: 'image', id: 'p1', caption: 'una', media: { mimetype: 'image/png', dataBase64: png } });
    await h!.settle();
    h!.client().edit('p1', 'dos');
    h!.client().emit('message_edit', msg, '/9j/4AAQSkZJRgABAQ', 'dos'); // body (thumbnail) changed, caption did not
    await h!.settle();
    expect(got.map((m) => [m.body, m.editOf])).toEqual([
      ['una', undefined],
      ['dos', 'p1'],
    ]);
  });

  it('reactions and deleted-for-everyone never reach the host; stickers and contacts pass as their type', async () => {
    const { got } = await listening();
    h!.client().receive({ from: chat, id: 'm1', body: 'hola' });
    h!.client().react('m1', '👍');
    h!.client().revoke('m1');
    h!.client().receive({ from: chat, type: 'sticker', id: 's1', media: { mimetype: 'image/webp', dataBase64: 'UklGRg==' } });
    h!.client().receive({ from: chat, type: 'vcard', id: 'c1', body: 'BEGIN:VCARD\nFN:Ana\nEND:VCARD' });
    await h!.settle();
    expect(got.map((m) => [m.id, m.type])).toEqual([
      ['m1', 'chat'],
      ['s1', 'sticker'],
      ['c1', 'vcard'],
    ]);
    expect(got[1]!.media).toBeUndefined(); // a sticker's file is never fetched
    expect(h!.client().calls).not.toContain('downloadMedia:s1');
  });

  it('messages keep their order while a voice note is being downloaded', async () => {
    const { got } = await listening();
    h!.client().receive({ from: chat, type: 'ptt', id: 'v1', media: { mimetype: 'audio/ogg', dataBase64: oggLike(100).toString('base64') } });
    h!.client().receive({ from: chat, id: 't1', body: 'es para llevar' });
    await h!.settle();
    expect(got.map((m) => m.id)).toEqual(['v1', 't1']);
  });
});

describe('mapping functions', () => {
  const base = { id: { _serialized: 'x' }, from: chat, fromMe: false };
  it('an edit of our own message, a revoked one or an edit from nothing is not an edit', () => {
    expect(toIncomingEdit({ ...base, fromMe: true, body: 'b' }, 'b', 'a')).toBeUndefined();
    expect(toIncomingEdit({ ...base, type: 'revoked', body: 'b' }, 'b', 'a')).toBeUndefined();
    expect(toIncomingEdit({ ...base, body: 'b' }, 'b', '')).toBeUndefined();
    expect(toIncomingEdit({ ...base, body: 'b' }, 'b', 'b')).toBeUndefined();
    expect(toIncomingEdit({ ...base, body: 'b' }, 'b', 'a')).toMatchObject({ editOf: 'x', body: 'b' });
  });
  it('a location with coordinates that are not numbers has no location', () => {
    const m = toIncomingMessage({ ...base, type: 'location', body: '/9j/', location: { latitude: 'abc', longitude: 2 } });
    expect(m.location).toBeUndefined();
    expect(m.body).toBe('');
  });
});
