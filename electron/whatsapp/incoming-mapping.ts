// Maps a whatsapp-web.js Message to the engine port's IncomingMessage, faithfully: the host's
// incoming handler decides what to ignore (groups, status, broadcasts, own messages, stickers…).
// Read against node_modules/whatsapp-web.js/src/structures/Message.js (1.34): `body` is the caption
// when the message has media, `location` is built from `lat`/`lng`/`loc` ("name\naddress"), and the
// bytes come from downloadMedia() (a MessageMedia, or undefined when WhatsApp no longer has them).
import { FETCHED_MEDIA_TYPES, MAX_INCOMING_MEDIA_BYTES, type IncomingMedia, type IncomingMessage } from './engine.ts';

/** The fields of whatsapp-web.js's Message this mapping reads (its public shape). */
export interface WwebjsMessageLike {
  id: { _serialized: string; fromMe?: boolean; remote?: string | { _serialized: string } };
  from: string;
  to?: string;
  author?: string;
  body?: string;
  type?: string;
  fromMe: boolean;
  timestamp?: number;
  isStatus?: boolean;
  broadcast?: boolean;
  hasMedia?: boolean;
  location?: { latitude: number | string; longitude: number | string; name?: string; address?: string };
  /** Epoch ms of the sender's latest edit (message_edit). */
  latestEditSenderTimestampMs?: number;
  _data?: { notifyName?: string; from?: unknown; mimetype?: string; size?: number; filename?: string; caption?: string; comment?: string };
  downloadMedia?(): Promise<{ mimetype: string; data: string; filename?: string | null; filesize?: number | null } | undefined>;
}

export function digitsOf(wid: string | undefined): string {
  if (!wid) return '';
  const user = wid.split('@')[0] ?? '';
  return (user.split(':')[0] ?? '').replace(/\D/g, '');
}

/**
 * `resolvedPhone`: the sender's real number when the chat id is a privacy id (…@lid), resolved by
 * the worker from the contact; otherwise the digits of the chat id are the phone.
 */
export function toIncomingMessage(msg: WwebjsMessageLike, resolvedPhone?: string): IncomingMessage {
  const chatId = msg.fromMe ? (msg.to ?? msg.from) : msg.from;
  const isGroup = chatId.endsWith('@g.us');
  const isStatus = msg.isStatus === true || chatId === 'status@broadcast';
  const isBroadcast = !isStatus && (msg.broadcast === true || chatId.endsWith('@broadcast'));
  const sender = isGroup ? (msg.author ?? chatId) : chatId;
  const phone = resolvedPhone !== undefined && resolvedPhone !== '' ? resolvedPhone.replace(/\D/g, '') : digitsOf(sender);
  const type = msg.type ?? 'chat';
  const message: IncomingMessage = {
    id: msg.id._serialized,
    chatId,
    phone,
    // A location's body is WhatsApp's map thumbnail (base64), not words the customer wrote.
    body: type === 'location' ? '' : (msg.body ?? ''),
    type,
    fromMe: msg.fromMe === true,
    isGroup,
    isStatus,
    isBroadcast,
    at: typeof msg.timestamp === 'number' && msg.timestamp > 0 ? msg.timestamp * 1000 : Date.now(),
  };
  const name = msg._data?.notifyName;
  if (typeof name === 'string' && name.trim() !== '') message.profileName = name.trim();
  if (msg.hasMedia === true && typeof msg.body === 'string' && msg.body !== '') message.caption = msg.body;
  if (type === 'location' && typeof msg._data?.comment === 'string' && msg._data.comment.trim() !== '') {
    message.caption = msg._data.comment;
  }
  const location = toLocation(msg);
  if (location) message.location = location;
  return message;
}

function toLocation(msg: WwebjsMessageLike): IncomingMessage['location'] {
  if (msg.type !== 'location' || !msg.location) return undefined;
  const latitude = Number(msg.location.latitude);
  const longitude = Number(msg.location.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  const location: NonNullable<IncomingMessage['location']> = { latitude, longitude };
  const name = msg.location.name?.trim();
  const address = msg.location.address?.trim();
  if (name) location.name = name;
  if (address) location.address = address;
  return location;
}

/**
 * A customer's edit (the Client's `message_edit`: message, newBody, prevBody) as an incoming
 * message that replaces the earlier one, or undefined for what is not a customer's edit of words:
 * our own messages, a revoked one, and media whose `body` (the thumbnail) changed rather than the
 * caption — for those `newBody` is not the message's own text.
 */
export function toIncomingEdit(msg: WwebjsMessageLike, newBody: unknown, prevBody: unknown, resolvedPhone?: string): IncomingMessage | undefined {
  if (msg.fromMe || msg.type === 'revoked' || typeof newBody !== 'string') return undefined;
  if (typeof prevBody !== 'string' || prevBody === '' || newBody === prevBody) return undefined;
  if ((msg.body ?? '') !== newBody) return undefined;
  const original = toIncomingMessage(msg, resolvedPhone);
  return {
    ...original,
    id: `${original.id}#edit#${editStamp(newBody)}`,
    body: newBody,
    editOf: original.id,
    at: typeof msg.latestEditSenderTimestampMs === 'number' && msg.latestEditSenderTimestampMs > 0 ? msg.latestEditSenderTimestampMs : Date.now(),
  };
}

/** A short, stable stamp of an edit's text, so the same edit redelivered has the same id. */
function editStamp(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}${hash.toString(36)}`;
}

/**
 * Fetches the file of a voice note, audio, photo or document. A file WhatsApp announces as larger
 * than the limit is not fetched (its size and type still travel); a failed or expired download
 * leaves the bytes out. Never throws.
 */
export async function fetchIncomingMedia(
  msg: WwebjsMessageLike,
  options: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<IncomingMedia | undefined> {
  const type = msg.type ?? 'chat';
  if (!FETCHED_MEDIA_TYPES.includes(type) || msg.hasMedia !== true) return undefined;
  const maxBytes = options.maxBytes ?? MAX_INCOMING_MEDIA_BYTES;
  const media: IncomingMedia = { mimetype: msg._data?.mimetype ?? '' };
  if (typeof msg._data?.size === 'number') media.size = msg._data.size;
  if (typeof msg._data?.filename === 'string' && msg._data.filename !== '') media.filename = msg._data.filename;
  if ((media.size !== undefined && media.size > maxBytes) || !msg.downloadMedia) return media;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const file = await Promise.race([
      msg.downloadMedia(),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), options.timeoutMs ?? 60_000))),
    ]);
    if (!file || typeof file.data !== 'string') return media;
    if (file.mimetype) media.mimetype = file.mimetype;
    if (file.filename) media.filename = file.filename;
    const bytes = Buffer.byteLength(file.data, 'base64');
    media.size = bytes;
    if (bytes <= maxBytes) media.dataBase64 = file.data;
    return media;
  } catch {
    return media;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
