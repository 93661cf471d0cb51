// What the customer is told on WhatsApp when the kitchen moves their order.
import type { Order, OrderStatus } from '../../shared/order.ts';

export interface CustomerNotification {
  kind: string;
  body: string;
}

type Locale = 'es' | 'en';

const TEXTS = {
  es: {
    accepted: (o: Order) =>
      `✅ ¡Tu pedido #${o.number} ha sido aceptado!` +
      (o.etaMinutes ? ` Estará listo en unos ${o.etaMinutes} minutos.` : ' Lo estamos preparando.'),
    readyPickup: (o: Order) => `🛎️ ¡Tu pedido #${o.number} está listo! Ya puedes pasar a recogerlo.`,
    readyDelivery: (o: Order) => `🛵 ¡Tu pedido #${o.number} va de camino! Llegará en breve.`,
    rejected: (o: Order, reason: string) =>
      `Lo sentimos, no podemos preparar tu pedido #${o.number}. Motivo: ${reason}.`,
    cancelled: (o: Order, reason: string) => `Tu pedido #${o.number} ha sido cancelado. Motivo: ${reason}.`,
  },
  en: {
    accepted: (o: Order) =>
      `✅ Your order #${o.number} has been accepted!` +
      (o.etaMinutes ? ` It will be ready in about ${o.etaMinutes} minutes.` : ' We are on it.'),
    readyPickup: (o: Order) => `🛎️ Your order #${o.number} is ready! You can come and pick it up.`,
    readyDelivery: (o: Order) => `🛵 Your order #${o.number} is on its way!`,
    rejected: (o: Order, reason: string) => `Sorry, we can't prepare your order #${o.number}. Reason: ${reason}.`,
    cancelled: (o: Order, reason: string) => `Your order #${o.number} has been cancelled. Reason: ${reason}.`,
  },
} satisfies Record<Locale, unknown>;

/** The message for an order that just entered `to`, or null when the customer is not told. */
export function notificationFor(
  order: Order,
  from: OrderStatus,
  to: OrderStatus,
  reason: string | undefined,
  locale: Locale,
): CustomerNotification | null {
  const t = TEXTS[locale];
  const why = (reason ?? '').replace(/[.\s]+$/u, '');
  switch (to) {
    case 'accepted':
      return { kind: 'accepted', body: t.accepted(order) };
    case 'ready':
      // A recalled order (completed → ready) is a kitchen matter, not news for the customer.
      if (from === 'completed') return null;
      return order.fulfilment === 'delivery'
        ? { kind: 'on-the-way', body: t.readyDelivery(order) }
        : { kind: 'ready', body: t.readyPickup(order) };
    case 'rejected':
      return { kind: 'rejected', body: t.rejected(order, why) };
    case 'cancelled':
      return { kind: 'cancelled', body: t.cancelled(order, why) };
    default:
      return null;
  }
}
