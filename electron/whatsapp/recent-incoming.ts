// The rules both engines follow for listRecentIncoming (engine.ts), so the simulator exercises the
// catch-up exactly as the real engine does: which chats are opened, which of their messages are
// handed back, and when a chat counts as cut short by the per-chat limit.
import type { ChatBacklog, IncomingMessage, RecentIncomingQuery } from './engine.ts';

/** Customer chats only: groups, status updates, broadcast lists and channels are never orders. */
export function isCustomerChat(chatId: string): boolean {
  return chatId.endsWith('@c.us') || chatId.endsWith('@lid');
}

/** The cursor a chat is compared with: its own, else the host's floor for chats it never handled. */
export function floorFor(query: RecentIncomingQuery, chatId: string): number {
  return query.cursors[chatId] ?? query.since;
}

/**
 * A chat is opened when WhatsApp counts it unread (-1 is "marked unread" by a person) or its last
 * activity is newer than the cursor — and never when nothing happened there since the cursor.
 */
export function shouldOpenChat(query: RecentIncomingQuery, chatId: string, unreadCount: number, lastActivityAt: number): boolean {
  if (!isCustomerChat(chatId)) return false;
  const floor = floorFor(query, chatId);
  if (lastActivityAt <= floor && query.cursors[chatId] !== undefined) return false;
  return unreadCount !== 0 || lastActivityAt > floor;
}

export interface WindowMessage {
  fromMe: boolean;
  at: number;
}

/**
 * From the newest `limit` messages of a chat (oldest first, both directions), the incoming ones at
 * or after the floor. Equal times are kept: WhatsApp stamps in whole seconds and the host's inbox
 * drops what it already handled.
 */
export function backlogOf(
  query: RecentIncomingQuery,
  chat: { chatId: string; unreadCount: number; lastActivityAt: number },
  window: { message: IncomingMessage | undefined; fromMe: boolean; at: number }[],
): ChatBacklog {
  const floor = floorFor(query, chat.chatId);
  const messages = window
    .filter((w) => !w.fromMe && w.at >= floor && w.message !== undefined)
    .map((w) => w.message as IncomingMessage)
    .sort((a, b) => a.at - b.at);
  const oldest = window[0];
  // A full window whose oldest message is still newer than the floor may have more behind it.
  const truncated = window.length >= query.perChatLimit && oldest !== undefined && oldest.at > floor;
  return { chatId: chat.chatId, unreadCount: chat.unreadCount, lastActivityAt: chat.lastActivityAt, messages, truncated };
}
