// The order model both sides agree on. Pure data and pure functions only.
import { numberFormat } from './intl-cache.ts';
import type { PaymentMethodId as PaymentMethod } from './menu.ts';

export const ORDER_STATUSES = [
  'new',
  'accepted',
  'preparing',
  'ready',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** States still on the kitchen board (not yet handed over or dropped). */
export const OPEN_STATUSES: readonly OrderStatus[] = ['new', 'accepted', 'preparing', 'ready'];

export type Fulfilment = 'pickup' | 'delivery';
export { PAYMENT_METHOD_IDS as PAYMENT_METHODS } from './menu.ts';
export type { PaymentMethodId as PaymentMethod } from './menu.ts';

/** A dish option the customer chose ("Grande", "Extra queso"); its price is inside the line's unitPrice. */
export interface OrderItemOption {
  groupId: string;
  choiceId: string;
  name: string;
  price: number;
}

export interface OrderItem {
  itemId: string;
  name: string;
  quantity: number;
  /** The dish's price plus its chosen options' prices, for one. */
  unitPrice: number;
  note?: string;
  options?: OrderItemOption[];
}

/** A WhatsApp location pin the customer shared as the delivery address. */
export interface OrderLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface OrderEvent {
  at: string;
  from: OrderStatus;
  to: OrderStatus;
  by: string;
  reason?: string;
  undo?: boolean;
}

export type NotificationState = 'pending' | 'sent' | 'failed' | 'cancelled';

/** A customer message tied to an order, so the card can show a delivery failure. */
export interface OrderNotification {
  key: string;
  kind: string;
  state: NotificationState;
  attempts: number;
  error?: string;
}

export interface Order {
  id: string;
  number: number;
  status: OrderStatus;
  customer: { phone: string; name: string };
  fulfilment: Fulfilment;
  address?: string;
  location?: OrderLocation;
  payment?: PaymentMethod;
  items: OrderItem[];
  /** Delivery orders: the menu's delivery fee, already inside `total`. */
  deliveryFee?: number;
  total: number;
  currency: string;
  createdAt: string;
  updatedAt: string;
  etaMinutes?: number;
  /** The local time the customer wants it for ("HH:MM", 24 h, the restaurant's zone). */
  requestedTime?: string;
  /** A note for the whole order ("es para un cumpleaños", "llamad al timbre 2"); dish notes stay per item. */
  orderNote?: string;
  events: OrderEvent[];
  /** Staff have seen the new order: the sound and flashing stop. */
  acknowledged: boolean;
  notifications: OrderNotification[];
}

/** Legal moves. Forward skips are allowed (a busy kitchen bumps accepted straight to ready). */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['accepted', 'rejected', 'cancelled'],
  accepted: ['preparing', 'ready', 'completed', 'cancelled'],
  preparing: ['ready', 'completed', 'cancelled'],
  ready: ['completed', 'cancelled'],
  // A completed order can be recalled to the board.
  completed: ['ready'],
  rejected: [],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

/** States whose transition must carry a reason. */
export function requiresReason(to: OrderStatus): boolean {
  return to === 'rejected' || to === 'cancelled';
}

/** The one-tap "advance" of the KDS: what the next state is for a card. */
export function nextStatus(from: OrderStatus): OrderStatus | undefined {
  switch (from) {
    case 'new':
      return 'accepted';
    case 'accepted':
      return 'preparing';
    case 'preparing':
      return 'ready';
    case 'ready':
      return 'completed';
    default:
      return undefined;
  }
}

/** "HH:MM" from 00:00 to 23:59: the only shape a requested time is stored in. */
export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** Longest order note kept; the rest of a longer one is cut. */
export const MAX_ORDER_NOTE_CHARS = 300;

export function isOpen(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Sum in cents to avoid float drift (0.1 + 0.2); a delivery fee is added once. */
export function orderTotal(items: readonly Pick<OrderItem, 'quantity' | 'unitPrice'>[], deliveryFee = 0): number {
  const cents = items.reduce((sum, i) => sum + Math.round(i.unitPrice * 100) * i.quantity, 0);
  return (cents + Math.round(deliveryFee * 100)) / 100;
}

/** Where a currency is at home: its amounts are written as people there write them. */
const CURRENCY_REGION: Record<string, string> = {
  EUR: 'es-ES', MXN: 'es-MX', ARS: 'es-AR', COP: 'es-CO', CLP: 'es-CL', PEN: 'es-PE', USD: 'es-US',
  UYU: 'es-UY', PYG: 'es-PY', BOB: 'es-BO', CRC: 'es-CR', GTQ: 'es-GT', DOP: 'es-DO', HNL: 'es-HN', NIO: 'es-NI', PAB: 'es-PA', VES: 'es-VE',
};
/** Currencies whose whole amounts are written without cents ("$ 9.800", not "$ 9.800,00"). */
const WHOLE_WHEN_ROUND = new Set(['ARS', 'COP', 'CLP', 'UYU', 'PYG', 'CRC']);

/** The Intl locale money is written in: a regional menu locale as it is; a bare language by the currency's home. */
export function moneyLocale(locale: string, currency: string): string {
  if (locale.includes('-')) return locale;
  if (locale === 'en') return currency === 'USD' ? 'en-US' : 'en-GB';
  return CURRENCY_REGION[currency] ?? 'es-ES';
}

/**
 * Money as the restaurant's customers write it: "9,50 €", "$96.00", "$ 9.800", "$ 18.000", "S/ 65.00".
 * `locale` is a menu locale ("es-MX") or a screen language ("es", "en": the currency picks the region).
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const tag = moneyLocale(locale, currency);
  const whole = Number.isInteger(Math.round(amount * 100) / 100) && WHOLE_WHEN_ROUND.has(currency);
  try {
    return numberFormat(tag, whole ? { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 } : { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
