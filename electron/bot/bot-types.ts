// The ordering bot's boundary with the host. The bot itself is pure: it reads its input, calls the
// effects synchronously (inside the host's database transaction) and returns the new conversation
// state and the replies to send. Nothing here touches a clock, a file or the network.
import type { Menu } from '../../shared/menu.ts';
import type { Fulfilment, OrderItemOption, OrderLocation, OrderStatus, PaymentMethod } from '../../shared/order.ts';

export interface CartLine {
  itemId: string;
  name: string;
  quantity: number;
  /** The dish's price plus its options'. */
  unitPrice: number;
  note?: string;
  options?: OrderItemOption[];
}

/** What a confirmed conversation turns into. The host assigns id and number. */
export interface OrderDraft {
  customer: { phone: string; name: string };
  fulfilment: Fulfilment;
  address?: string;
  /** A shared WhatsApp location pin (the address text is its address or name). */
  location?: OrderLocation;
  payment: PaymentMethod;
  items: CartLine[];
  /** Delivery only: the menu's fee, added to the total by the host. */
  deliveryFee?: number;
  currency: string;
  /** "HH:MM", local: when the customer wants it (checked against the opening hours by the bot). */
  requestedTime?: string;
  /** A note for the whole order, not for one dish. */
  orderNote?: string;
}

/** The customer's recent orders, for "mi pedido" and for cancelling one not yet accepted. */
export interface CustomerOrderSummary {
  id: string;
  number: number;
  status: OrderStatus;
  fulfilment: Fulfilment;
  etaMinutes?: number;
  createdAt: string;
  /** When the kitchen accepted it (ISO), to say how long is left. */
  acceptedAt?: string;
  total: number;
  currency: string;
}

export interface BotEffects {
  placeOrder(draft: OrderDraft): { id: string; number: number };
  /** Cancels the order only if the kitchen has not accepted it yet. */
  cancelOrder(orderId: string, reason: string): boolean;
  /** Hands the chat to staff; the host stops calling the bot for it until released. */
  requestHandoff(lastMessage: string): void;
  rememberName(name: string): void;
}

/**
 * Persisted as JSON between messages (a host restart continues where the customer left off).
 * The bot owns its inner shape; the host stores it opaquely. `updatedAt` (epoch ms) is the host's
 * to read for the 30-minute idle reset as well.
 */
export interface ConversationState {
  version: 1;
  updatedAt: number;
  [key: string]: unknown;
}

/**
 * What the customer sent, as the bot sees it. `text` includes a photo's or document's caption;
 * `media` is a photo/document without a caption or another kind the bot cannot read; `location` is a
 * shared pin; `edit` replaces the customer's previous message (WhatsApp's message_edit) and `body`
 * is the new text; `audio` is a voice note (the host has handed the chat to staff).
 */
export type BotMessage =
  | { kind: 'text'; body: string }
  | { kind: 'media'; body: string; mediaType?: string }
  | { kind: 'audio'; body: string }
  | { kind: 'location'; body: string; location: { latitude: number; longitude: number; name?: string; address?: string } }
  | { kind: 'edit'; body: string };

export interface BotInput {
  /** Epoch ms. */
  now: number;
  message: BotMessage;
  /** null for a first message (or after the state was dropped). */
  conversation: ConversationState | null;
  customer: { phone: string; profileName?: string; rememberedName?: string };
  menu: Menu;
  /** Newest first, at most a few. */
  recentOrders: CustomerOrderSummary[];
  /** IANA zone for opening hours; the menu's `timezone` wins, else this (the host's zone). */
  timezone: string;
  /** New orders are paused by the kitchen: epoch ms when they reopen, or null "until resumed". */
  pausedUntil?: number | null;
}

export interface BotOutput {
  conversation: ConversationState;
  replies: string[];
}

export type BotHandler = (input: BotInput, effects: BotEffects) => BotOutput;

/** Incoming text beyond this is cut before the bot sees it. */
export const MAX_MESSAGE_CHARS = 2000;
/** A conversation idle this long starts over. */
export const IDLE_RESET_MS = 30 * 60 * 1000;
