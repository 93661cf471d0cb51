// Turns an incoming WhatsApp message into the bot's answer, in one database transaction: the
// message is recorded as seen, the conversation advanced, any order placed and every reply queued
// together. A crash at any point leaves either all of it or none of it.
import { languageOf, type Menu } from '../../shared/menu.ts';
import { cutText } from '../../shared/text.ts';
import type { Clock } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { Store } from '../store/store.ts';
import type { OrderLifecycle } from '../orders/order-lifecycle.ts';
import type { IncomingMessage } from '../whatsapp/engine.ts';
import type { IncomingRateLimit } from './incoming-rate-limit.ts';
import { classifyIncoming, type IncomingKind } from './incoming-kinds.ts';
import type { MediaStore } from './media-store.ts';
import { mediaTexts } from './media-texts.ts';
import type { MediaKind } from '../store/media-repo.ts';
import type { CatchUpTexts } from './catch-up-texts.ts';
import {
  MAX_MESSAGE_CHARS,
  type BotEffects,
  type BotHandler,
  type BotMessage,
  type ConversationState,
  type CustomerOrderSummary,
} from '../bot/bot-types.ts';

/** `handed-off`: a voice note (or a run of photos) sent the chat to staff just now. */
export type IncomingOutcome = 'ignored' | 'duplicate' | 'with-staff' | 'handed-off' | 'rate-limited' | 'answered';

export interface IncomingMessagesOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  lifecycle: OrderLifecycle;
  bot: BotHandler;
  menu: () => Menu;
  timezone: () => string;
  /** The kitchen's orders pause (bot-types.ts BotInput.pausedUntil); absent: never paused. */
  pausedUntil?: () => number | null | undefined;
  onOutboxChange: () => void;
  onHandoffsChange: () => void;
  rateLimit?: IncomingRateLimit;
  /** Where voice notes and photos are kept for staff; without one their files are not kept. */
  media?: MediaStore;
}

/** This many photos or documents in a row without a word: a person looks at them. */
export const PICTURES_BEFORE_STAFF = 3;

/** Bot replies go out before status notices: a customer is waiting on the other end. */
export const REPLY_PRIORITY = 10;
const SLOW_DOWN = {
  es: 'Estás enviando muchos mensajes muy seguidos. Espera un minuto y te seguimos atendiendo 🙏',
  en: 'You are sending a lot of messages very quickly. Please wait a minute and we will carry on 🙏',
};
const SORRY = {
  es: 'Perdona, ha habido un problema al leer tu mensaje. ¿Puedes repetirlo? Escribe "persona" si prefieres hablar con alguien.',
  en: 'Sorry, something went wrong reading your message. Could you say it again? Write "person" to talk to someone.',
};

export class IncomingMessages {
  private readonly options: IncomingMessagesOptions;

  constructor(options: IncomingMessagesOptions) {
    this.options = options;
  }

  /** `extra.leadingReply`: sent before the bot's answer (the catch-up's apology for the wait). */
  handle(message: IncomingMessage, extra: { leadingReply?: string } = {}): IncomingOutcome {
    const { store, clock, logger } = this.options;
    // Groups, status updates, broadcast lists and our own messages are not orders.
    if (message.isGroup || message.isStatus || message.isBroadcast || message.fromMe || message.phone === '') {
      return 'ignored';
    }
    const what = classifyIncoming(message);
    // Stickers, reactions, contacts, deleted messages: no answer, no state, however many arrive.
    if (what.kind === 'ignore') return 'ignored';
    const log = logger.child({ messageId: message.id, type: message.type });
    return store.transaction(() => {
      const now = clock.now();
      // Before this message is recorded: an edit counts only for the customer's last message.
      const lastId = what.kind === 'edit' ? store.media.lastMessages(message.phone, 1)[0]?.messageId : undefined;
      if (!store.conversations.markIncomingSeen(message.id, message.phone, now)) return 'duplicate';
      const kept = this.keepMedia(message, what);
      const body = cutText('body' in what ? what.body : '', MAX_MESSAGE_CHARS).text;
      const record = store.conversations.get(message.phone);
      if (record?.handoffSince != null) {
        store.conversations.noteHandoffMessage(message.phone, now, handoffLine(what, body));
        store.afterCommit(this.options.onHandoffsChange);
        return 'with-staff';
      }
      const menu = this.options.menu();
      // A voice note goes to a person straight away, even from a customer over the rate limit.
      if (what.kind === 'audio') return this.toStaff(message, '🎤', mediaTexts(menu.locale).audioToStaff, now);
      if (what.kind === 'picture' && !what.captioned && kept && this.picturesInARow(message.phone) >= PICTURES_BEFORE_STAFF) {
        return this.toStaff(message, '📷', mediaTexts(menu.locale).picturesToStaff, now);
      }
      if (what.kind === 'edit' && what.editOf !== lastId) {
        // An edit of an older message: the conversation has moved on, re-reading it would undo more.
        log.info('incoming: edit of an earlier message ignored');
        return 'ignored';
      }
      const rate = this.options.rateLimit?.check(message.phone) ?? 'allow';
      if (rate !== 'allow') {
        if (rate === 'warn') this.queueReplies(message, [SLOW_DOWN[languageOf(menu.locale)]], now);
        log.warn('incoming: customer over the message rate limit', { decision: rate });
        return 'rate-limited';
      }
      let replies: string[];
      try {
        const output = this.options.bot(
          {
            now,
            message: botMessage(what, body),
            conversation: parseState(record?.stateJson ?? null),
            customer: this.customer(message),
            menu,
            recentOrders: this.recentOrders(message.phone),
            timezone: this.options.timezone(),
            ...pauseField(this.options.pausedUntil?.()),
          },
          this.effects(message),
        );
        store.conversations.saveState(message.phone, JSON.stringify(output.conversation), now, message.profileName ?? null);
        replies = output.replies;
      } catch (error) {
        // A bot bug must not lose the message or leave the customer in silence.
        log.error('bot failed on a message', errorFields(error));
        replies = [SORRY[languageOf(menu.locale)]];
      }
      this.queueReplies(message, extra.leadingReply ? [extra.leadingReply, ...replies] : replies, now);
      return 'answered';
    });
  }

  /**
   * Messages of one chat that waited (the catch-up found them on the phone), oldest first: one
   * transaction. Already-handled ids are dropped; runs of text are read together as one message, so
   * the customer gets one answer, not one per old message. Messages older than `tooOldBefore` are
   * not taken as an order: the chat goes to staff with `texts.handoffNote` and the customer gets at
   * most one reply, as does a chat cut short by the engine's limit.
   */
  handleCaughtUp(batch: CaughtUpBatch): CaughtUpResult {
    const { store, clock } = this.options;
    return store.transaction(() => {
      const customer = batch.messages.filter((m) => !(m.isGroup || m.isStatus || m.isBroadcast || m.fromMe || m.phone === ''));
      const seen = store.catchUp.seenIds(customer.map((m) => m.id));
      const fresh = customer.filter((m, i) => !seen.has(m.id) && customer.findIndex((o) => o.id === m.id) === i);
      if (fresh.length === 0) return { outcome: 'duplicate', fresh: [] };
      const now = clock.now();
      const recent = fresh.filter((m) => m.at >= batch.tooOldBefore);
      const last = fresh.at(-1)!;
      const record = store.conversations.get(last.phone);
      if (recent.length === 0 || batch.truncated || record?.handoffSince != null) {
        for (const m of fresh) store.conversations.markIncomingSeen(m.id, m.phone, now);
        const body = cutText(last.caption ?? last.body, MAX_MESSAGE_CHARS).text || `[${last.type}]`;
        if (record?.handoffSince != null) {
          store.conversations.noteHandoffMessage(last.phone, now, body);
        } else {
          store.conversations.startHandoff(last.phone, now, `${batch.texts.handoffNote}: ${body}`, last.profileName ?? null);
          this.queueReplies(last, [batch.texts.tooOld], now, 'catch-up');
        }
        store.afterCommit(this.options.onHandoffsChange);
        return { outcome: 'with-staff', fresh };
      }
      // The old ones were seen by the customer's own clock long ago: recorded, not answered.
      for (const m of fresh) if (m.at < batch.tooOldBefore) store.conversations.markIncomingSeen(m.id, m.phone, now);
      let outcome: IncomingOutcome = 'duplicate';
      segmentsOf(recent).forEach((segment, i) => {
        const lead = segment.at(-1)!;
        for (const m of segment) if (m !== lead) store.conversations.markIncomingSeen(m.id, m.phone, now);
        const merged: IncomingMessage =
          segment.length === 1 ? lead : { ...lead, body: segment.map((m) => m.body.trim()).filter(Boolean).join('\n') };
        const apology = i === 0 && recent[0]!.at < batch.apologizeBefore ? { leadingReply: batch.texts.apology } : {};
        const result = this.handle(merged, apology);
        if (result !== 'duplicate') outcome = result;
      });
      return { outcome, fresh };
    });
  }

  /** Records the file of a voice note, photo or document (kept or not); true when there is a record. */
  private keepMedia(message: IncomingMessage, what: IncomingKind): boolean {
    let kind: MediaKind | undefined;
    if (what.kind === 'audio') kind = 'audio';
    else if (what.kind === 'picture' && what.mediaKind !== 'video') kind = what.mediaKind;
    if (!kind || !this.options.media) return false;
    this.options.media.keep({
      messageId: message.id,
      phone: message.phone,
      kind,
      media: message.media,
      captioned: what.kind === 'picture' && what.captioned,
    });
    return true;
  }

  /** How many of the customer's latest messages, this one included, are photos or documents without words. */
  private picturesInARow(phone: string): number {
    let count = 0;
    for (const m of this.options.store.media.lastMessages(phone, PICTURES_BEFORE_STAFF)) {
      if (!m.media || m.media.kind === 'audio' || m.media.captioned) break;
      count++;
    }
    return count;
  }

  /** Hands the chat to staff now and tells the customer a person will answer. */
  private toStaff(message: IncomingMessage, line: string, reply: string, now: number): IncomingOutcome {
    const { store } = this.options;
    store.conversations.startHandoff(message.phone, now, line, message.profileName ?? null);
    store.afterCommit(this.options.onHandoffsChange);
    this.queueReplies(message, [reply], now);
    return 'handed-off';
  }

  private queueReplies(message: IncomingMessage, replies: string[], now: number, keyPrefix = 'reply'): void {
    const { store } = this.options;
    replies.forEach((text, i) => {
      store.outbox.enqueue({
        key: `${keyPrefix}:${message.id}:${i}`,
        phone: message.phone,
        body: text,
        kind: 'reply',
        priority: REPLY_PRIORITY,
        createdAt: now,
      });
    });
    if (replies.length) store.afterCommit(this.options.onOutboxChange);
  }

  private customer(message: IncomingMessage) {
    const customer: { phone: string; profileName?: string; rememberedName?: string } = { phone: message.phone };
    if (message.profileName) customer.profileName = message.profileName;
    const remembered = this.options.store.conversations.rememberedName(message.phone);
    if (remembered) customer.rememberedName = remembered;
    return customer;
  }

  private recentOrders(phone: string): CustomerOrderSummary[] {
    return this.options.store.orders.list({ phone, newestFirst: true, limit: 3 }).map((o) => {
      const summary: CustomerOrderSummary = {
        id: o.id,
        number: o.number,
        status: o.status,
        fulfilment: o.fulfilment,
        createdAt: o.createdAt,
        total: o.total,
        currency: o.currency,
      };
      if (o.etaMinutes !== undefined) summary.etaMinutes = o.etaMinutes;
      const accepted = o.events.findLast((e) => e.to === 'accepted' && !e.undo);
      if (accepted) summary.acceptedAt = accepted.at;
      return summary;
    });
  }

  private effects(message: IncomingMessage): BotEffects {
    const { store, clock, lifecycle } = this.options;
    return {
      placeOrder: (draft) => {
        const order = lifecycle.create(draft);
        return { id: order.id, number: order.number };
      },
      cancelOrder: (orderId, reason) => lifecycle.cancelByCustomer(orderId, reason),
      requestHandoff: (lastMessage) => {
        store.conversations.startHandoff(message.phone, clock.now(), lastMessage, message.profileName ?? null);
        store.afterCommit(this.options.onHandoffsChange);
      },
      rememberName: (name) => store.conversations.rememberName(message.phone, name, clock.now()),
    };
  }
}

/** What the bot reads: a caption as words, a photo without one as media, a pin, an edit. */
function botMessage(what: Exclude<IncomingKind, { kind: 'ignore' } | { kind: 'audio' }>, body: string): BotMessage {
  switch (what.kind) {
    case 'text':
      return { kind: 'text', body };
    case 'picture':
      return what.captioned ? { kind: 'text', body } : { kind: 'media', body: '', mediaType: what.mediaKind };
    case 'location':
      return { kind: 'location', body, location: { ...what.location } };
    case 'edit':
      return { kind: 'edit', body };
    case 'other':
      return { kind: 'media', body, mediaType: what.type };
  }
}

/** The handoff list's "last message" for something a customer sent while with staff. */
function handoffLine(what: IncomingKind, body: string): string {
  switch (what.kind) {
    case 'audio':
      return '🎤';
    case 'picture':
      return body ? `📷 ${body}` : '📷';
    case 'location': {
      const place = [what.location.name, what.location.address].filter(Boolean).join(', ');
      return `📍 ${place || `${what.location.latitude}, ${what.location.longitude}`}${body ? ` ${body}` : ''}`;
    }
    case 'edit':
      return `✏️ ${body}`;
    default:
      return body || '…';
  }
}

export interface CaughtUpBatch {
  /** One chat's messages, oldest first. */
  messages: IncomingMessage[];
  /** Epoch ms: messages before this are too old to take as an order (whatsapp.catchUpHours). */
  tooOldBefore: number;
  /** Epoch ms: when the oldest waited from before this, the answer starts with an apology. */
  apologizeBefore: number;
  /** The engine's limit cut the chat short: staff read it on the phone. */
  truncated: boolean;
  texts: CatchUpTexts;
}

export interface CaughtUpResult {
  outcome: IncomingOutcome;
  /** The messages handled now for the first time (nothing had delivered them). */
  fresh: IncomingMessage[];
}

/** Consecutive text messages form one segment (read together); any other kind stands alone. */
function segmentsOf(messages: IncomingMessage[]): IncomingMessage[][] {
  const segments: IncomingMessage[][] = [];
  for (const m of messages) {
    const current = segments.at(-1);
    if (current && isPlainText(m) && isPlainText(current[0]!)) current.push(m);
    else segments.push([m]);
  }
  return segments;
}

function isPlainText(message: IncomingMessage): boolean {
  return message.editOf === undefined && classifyIncoming(message).kind === 'text';
}

function parseState(json: string | null): ConversationState | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as ConversationState;
    return value && typeof value === 'object' && value.version === 1 ? value : null;
  } catch {
    return null;
  }
}

/** pausedUntil is left out while orders are open (exactOptionalPropertyTypes). */
function pauseField(pausedUntil: number | null | undefined): { pausedUntil?: number | null } {
  return pausedUntil === undefined ? {} : { pausedUntil };
}
