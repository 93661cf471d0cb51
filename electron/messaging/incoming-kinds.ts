// What a customer's WhatsApp message is, for the host: words (typed, or a photo's caption), a file
// without words, a voice note, a location pin, an edit of an earlier message, or something that
// gets no answer at all (stickers, reactions, contacts, deleted messages, WhatsApp's own notices).
import type { IncomingLocation, IncomingMessage } from '../whatsapp/engine.ts';

export type IncomingKind =
  | { kind: 'ignore' }
  | { kind: 'text'; body: string }
  /** A photo, video or document; `body` is its caption ('' without one). */
  | { kind: 'picture'; body: string; mediaKind: 'image' | 'document' | 'video'; captioned: boolean }
  | { kind: 'audio' }
  | { kind: 'location'; body: string; location: IncomingLocation }
  | { kind: 'edit'; body: string; editOf: string }
  /** Anything else WhatsApp may carry (polls, list answers…): the bot sees it as media with its body. */
  | { kind: 'other'; body: string; type: string };

const TEXT_TYPES = new Set(['chat', 'text']);
const AUDIO_TYPES = new Set(['ptt', 'audio']);
const PICTURE_TYPES = new Set(['image', 'document', 'video']);
/**
 * No reply, no state change: a sticker flood never fills the chat with answers, and WhatsApp's own
 * notices (encryption, calls, group changes) are not the customer talking.
 */
export const SILENT_TYPES: ReadonlySet<string> = new Set([
  'sticker',
  'reaction',
  'vcard',
  'multi_vcard',
  'revoked',
  'ciphertext',
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'broadcast_notification',
  'call_log',
  'protocol',
  'debug',
  'unknown',
]);

export function classifyIncoming(message: IncomingMessage): IncomingKind {
  const type = message.type || 'chat';
  if (message.editOf !== undefined) {
    return SILENT_TYPES.has(type) ? { kind: 'ignore' } : { kind: 'edit', body: message.body, editOf: message.editOf };
  }
  if (SILENT_TYPES.has(type)) return { kind: 'ignore' };
  if (TEXT_TYPES.has(type)) return { kind: 'text', body: message.body };
  if (AUDIO_TYPES.has(type)) return { kind: 'audio' };
  if (type === 'location') {
    if (!message.location) return { kind: 'other', body: message.caption ?? '', type };
    return { kind: 'location', body: message.caption ?? '', location: message.location };
  }
  if (PICTURE_TYPES.has(type)) {
    const caption = (message.caption ?? message.body ?? '').trim() === '' ? '' : (message.caption ?? message.body);
    const mediaKind = type === 'document' && message.media?.mimetype.toLowerCase().startsWith('image/') ? 'image' : (type as 'image' | 'document' | 'video');
    return { kind: 'picture', body: caption, mediaKind, captioned: caption !== '' };
  }
  return { kind: 'other', body: message.body, type };
}
