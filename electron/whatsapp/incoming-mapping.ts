// Maps a whatsapp-web.js Message to the engine port's IncomingMessage, faithfully: the host's
// incoming handler decides what to ignore (groups, status, broadcasts, own messages).
import type { IncomingMessage } from './engine.ts';

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
  _data?: { notifyName?: string; from?: unknown };
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
  const message: IncomingMessage = {
    id: msg.id._serialized,
    chatId,
    phone,
    body: msg.body ?? '',
    type: msg.type ?? 'chat',
    fromMe: msg.fromMe === true,
    isGroup,
    isStatus,
    isBroadcast,
    at: typeof msg.timestamp === 'number' && msg.timestamp > 0 ? msg.timestamp * 1000 : Date.now(),
  };
  const name = msg._data?.notifyName;
  if (typeof name === 'string' && name.trim() !== '') message.profileName = name.trim();
  return message;
}
