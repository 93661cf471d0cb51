// The media store's limits: known audio and image formats up to 16 MiB are kept as one file per
// message; empty, oversized, unknown or script-capable files are recorded as not kept; ids are
// hashes (never paths); old files are pruned.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaStore, MEDIA_RETENTION_MS, mediaIdOf } from '../../electron/messaging/media-store.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { Store } from '../../electron/store/store.ts';
import { MAX_INCOMING_MEDIA_BYTES } from '../../electron/whatsapp/engine.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { oggLike, solidPng, toneWav } from '../support/media-files.ts';

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let clock: FakeClock;
let media: MediaStore;
const dir = () => join(tmp.dir, 'media');

beforeEach(() => {
  tmp = makeTempDir();
  store = Store.open(join(tmp.dir, 'db.sqlite'));
  clock = new FakeClock();
  media = new MediaStore({ dir: dir(), store, clock, logger: silentLogger });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const audio = (messageId: string, bytes: Buffer | undefined, mimetype = 'audio/ogg; codecs=opus', size?: number) =>
  media.keep({
    messageId,
    phone: '5215512345678',
    kind: 'audio',
    media: { mimetype, ...(bytes ? { dataBase64: bytes.toString('base64'), size: bytes.length } : {}), ...(size !== undefined ? { size } : {}) },
    captioned: false,
  });

describe('media store', () => {
  it('keeps a voice note as one file named by a hash of the message id, served with its real type', () => {
    const voice = oggLike(5_000);
    const record = audio('false_5215512345678@c.us_3EB0AB', voice);
    expect(record).toMatchObject({ id: mediaIdOf('false_5215512345678@c.us_3EB0AB'), kind: 'audio', mimetype: 'audio/ogg', bytes: 5_000 });
    expect(record.missing).toBeUndefined();
    expect(readdirSync(dir())).toEqual([record.id]);
    const file = media.read(record.id)!;
    expect(file.mimetype).toBe('audio/ogg');
    expect(file.data.equals(voice)).toBe(true);
  });

  it('keeps exactly 16 MiB; one byte more is recorded as too large and not written', () => {
    const limit = Buffer.alloc(MAX_INCOMING_MEDIA_BYTES, 0);
    limit.write('OggS', 0, 'latin1');
    expect(audio('at-limit', limit).missing).toBeUndefined();
    const over = Buffer.concat([limit, Buffer.from([0])]);
    const record = audio('over-limit', over);
    expect(record).toMatchObject({ missing: 'too-large', bytes: MAX_INCOMING_MEDIA_BYTES + 1 });
    expect(existsSync(join(dir(), record.id))).toBe(false);
    expect(media.read(record.id)).toBeUndefined();
    // Announced too large by WhatsApp, never fetched:
    expect(audio('announced', undefined, 'audio/ogg', MAX_INCOMING_MEDIA_BYTES * 2)).toMatchObject({ missing: 'too-large' });
  });

  it('a 0-byte audio is empty, an undownloaded one not-downloaded, and neither is written', () => {
    expect(audio('zero', Buffer.alloc(0))).toMatchObject({ missing: 'empty', bytes: 0 });
    expect(audio('none', undefined)).toMatchObject({ missing: 'not-downloaded' });
    expect(readdirSync(dir())).toEqual([]);
  });

  it('unknown types are not kept: bytes that are no known audio, an audio claim on a picture, SVG, HTML', () => {
    expect(audio('txt', Buffer.from('hello, not audio at all'), 'audio/ogg').missing).toBe('unknown-type');
    expect(audio('claim', oggLike(50), 'application/x-msdownload').missing).toBe('unknown-type');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const image = (id: string, bytes: Buffer, mimetype: string) =>
      media.keep({ messageId: id, phone: '1', kind: 'image', media: { mimetype, dataBase64: bytes.toString('base64') }, captioned: false });
    expect(image('svg', svg, 'image/svg+xml').missing).toBe('unknown-type');
    expect(image('html', Buffer.from('<html><script>x</script></html>'), 'image/png').missing).toBe('unknown-type');
    expect(image('png', solidPng(4), 'image/png')).toMatchObject({ mimetype: 'image/png' });
    expect(media.keep({ messageId: 'pdf', phone: '1', kind: 'document', media: { mimetype: 'application/pdf', dataBase64: 'JVBERi0xLjQK' }, captioned: true }).missing).toBe('unknown-type');
    expect(readdirSync(dir())).toEqual([mediaIdOf('png')]);
  });

  it('recognises the usual audio formats by their bytes, whatever the claim says', () => {
    expect(audio('wav', toneWav(50), 'audio/wav').mimetype).toBe('audio/wav');
    expect(audio('mp3', Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000 tail', 'latin1'), 'audio/mpeg').mimetype).toBe('audio/mpeg');
    const m4a = Buffer.alloc(32);
    m4a.write('ftypM4A ', 4, 'latin1');
    expect(audio('m4a', m4a, 'audio/mp4').mimetype).toBe('audio/mp4');
    expect(audio('amr', Buffer.from('#!AMR\n....'), 'audio/amr').mimetype).toBe('audio/amr');
    expect(audio('mislabelled', oggLike(40), 'audio/mpeg').mimetype).toBe('audio/ogg');
  });

  it('reads only well-formed ids: no paths, no other files of the data directory', () => {
    const record = audio('v', oggLike(10));
    for (const bad of ['../comanda.sqlite', '..%2Fcomanda.sqlite', record.id.toUpperCase(), `${record.id}/x`, '', record.id.slice(1)]) {
      expect(media.read(bad)).toBeUndefined();
    }
    expect(media.read(record.id)).toBeDefined();
  });

  it('prunes files and records past the retention, at most once an hour', async () => {
    const old = audio('old', oggLike(10));
    await clock.advance(MEDIA_RETENTION_MS + 3600_000);
    const fresh = audio('fresh', oggLike(10)); // keep() prunes on its way
    expect(media.read(old.id)).toBeUndefined();
    expect(store.media.get(old.id)).toBeUndefined();
    expect(readdirSync(dir())).toEqual([fresh.id]);
  });
});
