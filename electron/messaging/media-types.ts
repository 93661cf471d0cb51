// Which files the kitchen screen may play or show, recognised by their first bytes rather than by
// the type the sender claimed: the screen serves them from its own address, so only plain audio
// and raster images are kept (no SVG, HTML or PDF that could carry script). A synchronous table,
// because the incoming handler records a message inside one database transaction.
import type { MediaKind } from '../store/media-repo.ts';

interface Format {
  kind: 'audio' | 'image';
  /** The content type the file is served with. */
  mimetype: string;
  matches(bytes: Buffer): boolean;
}

const at = (bytes: Buffer, offset: number, ascii: string) =>
  bytes.length >= offset + ascii.length && bytes.toString('latin1', offset, offset + ascii.length) === ascii;

const FORMATS: readonly Format[] = [
  // WhatsApp voice notes are Opus in Ogg ("audio/ogg; codecs=opus").
  { kind: 'audio', mimetype: 'audio/ogg', matches: (b) => at(b, 0, 'OggS') },
  { kind: 'audio', mimetype: 'audio/mpeg', matches: (b) => at(b, 0, 'ID3') || (b.length > 1 && b[0] === 0xff && (b[1]! & 0xe6) === 0xe2) },
  { kind: 'audio', mimetype: 'audio/aac', matches: (b) => b.length > 1 && b[0] === 0xff && (b[1]! & 0xf6) === 0xf0 },
  { kind: 'audio', mimetype: 'audio/wav', matches: (b) => at(b, 0, 'RIFF') && at(b, 8, 'WAVE') },
  { kind: 'audio', mimetype: 'audio/amr', matches: (b) => at(b, 0, '#!AMR') },
  { kind: 'audio', mimetype: 'audio/webm', matches: (b) => b.length > 3 && b.readUInt32BE(0) === 0x1a45dfa3 },
  // MP4/M4A/3GPP audio: an ISO box "ftyp" at offset 4.
  { kind: 'audio', mimetype: 'audio/mp4', matches: (b) => at(b, 4, 'ftyp') },
  { kind: 'image', mimetype: 'image/jpeg', matches: (b) => b.length > 2 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { kind: 'image', mimetype: 'image/png', matches: (b) => b.length > 7 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a },
  { kind: 'image', mimetype: 'image/gif', matches: (b) => at(b, 0, 'GIF87a') || at(b, 0, 'GIF89a') },
  { kind: 'image', mimetype: 'image/webp', matches: (b) => at(b, 0, 'RIFF') && at(b, 8, 'WEBP') },
];

/** The declared family a message's file must belong to ("audio/ogg; codecs=opus" → audio). */
export function declaredFamily(mimetype: string): 'audio' | 'image' | 'other' {
  const base = mimetype.split(';')[0]!.trim().toLowerCase();
  if (base.startsWith('audio/')) return 'audio';
  if (base.startsWith('image/') && base !== 'image/svg+xml') return 'image';
  return 'other';
}

/**
 * The served content type of a file of `kind`, or undefined when its bytes are not a format of
 * that kind the screen can play or show (whatever the sender's type said).
 */
export function recognise(kind: MediaKind, bytes: Buffer): string | undefined {
  if (kind === 'document') return undefined;
  return FORMATS.find((f) => f.kind === kind && f.matches(bytes))?.mimetype;
}
