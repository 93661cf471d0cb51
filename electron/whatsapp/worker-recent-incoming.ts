// The worker's half of the catch-up: one getChats() (a single page call that serialises every
// loaded chat), then fetchMessages({ limit }) only on chats worth opening (recent-incoming.ts). The
// window is read in both directions and filtered here: asking fetchMessages for fromMe:false would
// make it load ever earlier history until it found `limit` customer messages.
import type { ChatBacklog, IncomingMessage, RecentIncomingQuery } from './engine.ts';
import { errorText } from './disconnect-reasons.ts';
import { MAX_INCOMING_MEDIA_BYTES } from './engine.ts';
import { fetchIncomingMedia, toIncomingMessage, type WwebjsMessageLike } from './incoming-mapping.ts';
import { backlogOf, shouldOpenChat } from './recent-incoming.ts';
import type { WwebjsChatLike } from './worker-core.ts';

type FetchedMessage = WwebjsMessageLike & { getContact?: () => Promise<{ number?: string }> };

/**
 * Files of caught-up messages are downloaded up to this much per sweep (everything crosses the
 * worker channel at once); beyond it they are announced (type, size) as a file over the limit is.
 */
export const CATCH_UP_MEDIA_BUDGET_BYTES = 2 * MAX_INCOMING_MEDIA_BYTES;

export async function recentIncoming(
  client: { getChats(): Promise<WwebjsChatLike[]> },
  query: RecentIncomingQuery,
): Promise<{ chats: ChatBacklog[]; listed: number }> {
  const chats = await client.getChats();
  const backlogs: ChatBacklog[] = [];
  let mediaBudget = CATCH_UP_MEDIA_BUDGET_BYTES;
  for (const chat of chats) {
    const chatId = chat.id?._serialized;
    if (!chatId || chat.isGroup) continue;
    const unreadCount = typeof chat.unreadCount === 'number' ? chat.unreadCount : 0;
    const lastActivityAt = typeof chat.timestamp === 'number' ? chat.timestamp * 1000 : 0;
    if (!shouldOpenChat(query, chatId, unreadCount, lastActivityAt)) continue;
    const summary = { chatId, unreadCount, lastActivityAt };
    try {
      const fetched = (await chat.fetchMessages({ limit: query.perChatLimit })) as FetchedMessage[];
      const phone = await resolvedPhone(chatId, fetched);
      const byId = new Map<string, FetchedMessage>();
      const window = fetched.map((m) => {
        const fromMe = m.fromMe === true || m.id?.fromMe === true;
        const at = typeof m.timestamp === 'number' ? m.timestamp * 1000 : 0;
        const message = fromMe ? undefined : readable(m, chatId, phone);
        if (message) byId.set(message.id, m);
        return { message, fromMe, at };
      });
      const backlog = backlogOf(query, summary, window);
      for (const message of backlog.messages) {
        const original = byId.get(message.id);
        if (!original) continue;
        const media = await fetchIncomingMedia(original, { maxBytes: Math.max(0, mediaBudget) }).catch(() => undefined);
        if (!media) continue;
        message.media = media;
        mediaBudget -= media.size ?? 0;
      }
      backlogs.push(backlog);
    } catch (error) {
      // One chat that throws (a page error, a chat gone meanwhile) must not cost the others.
      backlogs.push({ ...summary, messages: [], truncated: false, error: errorText(error) });
    }
  }
  return { chats: backlogs, listed: chats.length };
}

/** A privacy chat id (…@lid) carries no phone: the contact behind it does. */
async function resolvedPhone(chatId: string, messages: FetchedMessage[]): Promise<string | undefined> {
  if (!chatId.endsWith('@lid')) return undefined;
  const incoming = messages.find((m) => !m.fromMe && m.getContact);
  if (!incoming?.getContact) return undefined;
  try {
    return (await incoming.getContact()).number ?? undefined;
  } catch {
    return undefined;
  }
}

/** A message whose fields cannot be read still counts: handed on with no body, never dropped. */
function readable(m: FetchedMessage, chatId: string, phone: string | undefined): IncomingMessage | undefined {
  try {
    return toIncomingMessage(m, phone);
  } catch {
    let id: string | undefined;
    try {
      id = m.id?._serialized;
    } catch {
      id = undefined;
    }
    if (!id) return undefined;
    return {
      id,
      chatId,
      phone: phone ?? chatId.split('@')[0]!.replace(/\D/g, ''),
      body: '',
      type: 'unreadable',
      fromMe: false,
      isGroup: false,
      isStatus: false,
      isBroadcast: false,
      at: typeof m.timestamp === 'number' ? m.timestamp * 1000 : Date.now(),
    };
  }
}
