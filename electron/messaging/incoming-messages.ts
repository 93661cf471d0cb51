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
import {
  MAX_MESSAGE_CHARS,
  type BotEffects,
  type BotHandler,
  type ConversationState,
  type CustomerOrderSummary,
} from '../bot/bot-types.ts';

export type IncomingOutcome = 'ignored' | 'duplicate' | 'with-staff' | 'rate-limited' | 'answered';

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
}

/** Bot replies go out before status notices: a customer is waiting on the other end. */
export const REPLY_PRIORITY = 10;
const TEXT_TYPES = new Set(['chat', 'text']);
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

  handle(message: IncomingMessage): IncomingOutcome {
    const { store, clock, logger } = this.options;
    // Groups, status updates, broadcast lists and our own messages are not orders.
    if (message.isGroup || message.isStatus || message.isBroadcast || message.fromMe || message.phone === '') {
      return 'ignored';
    }
    const log = logger.child({ messageId: message.id, type: message.type });
    return store.transaction(() => {
      const now = clock.now();
      if (!store.conversations.markIncomingSeen(message.id, message.phone, now)) return 'duplicate';
      const body = cutText(message.body, MAX_MESSAGE_CHARS).text;
      const record = store.conversations.get(message.phone);
      if (record?.handoffSince != null) {
        store.conversations.noteHandoffMessage(message.phone, now, body || `[${message.type}]`);
        store.afterCommit(this.options.onHandoffsChange);
        return 'with-staff';
      }
      const menu = this.options.menu();
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
            message: { kind: TEXT_TYPES.has(message.type) ? 'text' : 'media', body },
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
      this.queueReplies(message, replies, now);
      return 'answered';
    });
  }

  private queueReplies(message: IncomingMessage, replies: string[], now: number): void {
    const { store } = this.options;
    replies.forEach((text, i) => {
      store.outbox.enqueue({
        key: `reply:${message.id}:${i}`,
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
