// What the customer is told on WhatsApp when the kitchen moves their order, in the restaurant's
// regional voice (the menu's locale: es-ES, es-MX, es-AR, es-CO, neutral Latin American, en).
import type { MenuLocale } from '../../shared/menu.ts';
import type { Order, OrderStatus } from '../../shared/order.ts';

export interface CustomerNotification {
  kind: string;
  body: string;
}

interface NotificationTexts {
  accepted(o: Order): string;
  readyPickup(o: Order): string;
  readyDelivery(o: Order): string;
  rejected(o: Order, reason: string): string;
  cancelled(o: Order, reason: string): string;
}

const ES_ES: NotificationTexts = {
  accepted: (o) =>
    `✅ ¡Tu pedido #${o.number} ha sido aceptado!` + (o.etaMinutes ? ` Estará listo en unos ${o.etaMinutes} minutos.` : ' Lo estamos preparando.'),
  readyPickup: (o) => `🛎️ ¡Tu pedido #${o.number} está listo! Ya puedes pasar a recogerlo.`,
  readyDelivery: (o) => `🛵 ¡Tu pedido #${o.number} va de camino! Llegará en breve.`,
  rejected: (o, reason) => `Lo sentimos, no podemos preparar tu pedido #${o.number}. Motivo: ${reason}.`,
  cancelled: (o, reason) => `Tu pedido #${o.number} ha sido cancelado. Motivo: ${reason}.`,
};

const ES_LATAM: NotificationTexts = {
  accepted: (o) =>
    `✅ ¡Recibimos tu pedido #${o.number} y ya lo estamos preparando!` + (o.etaMinutes ? ` Estará listo en unos ${o.etaMinutes} minutos.` : ''),
  readyPickup: (o) => `🛎️ ¡Tu pedido #${o.number} está listo! Ya puedes pasar a retirarlo.`,
  readyDelivery: (o) => `🛵 ¡Tu pedido #${o.number} ya va en camino! Llega en un ratito.`,
  rejected: (o, reason) => `Lo sentimos, no podemos preparar tu pedido #${o.number}. Motivo: ${reason}.`,
  cancelled: (o, reason) => `Tu pedido #${o.number} fue cancelado. Motivo: ${reason}.`,
};

const ES_MX: NotificationTexts = {
  ...ES_LATAM,
  readyPickup: (o) => `🛎️ ¡Tu orden #${o.number} está lista! Ya puedes pasar por ella.`,
  readyDelivery: (o) => `🛵 ¡Tu orden #${o.number} ya va para allá! Llega en un ratito.`,
};

const ES_AR: NotificationTexts = {
  accepted: (o) => `✅ ¡Recibimos tu pedido #${o.number} y ya lo estamos preparando!` + (o.etaMinutes ? ` Va a estar listo en unos ${o.etaMinutes} minutos.` : ''),
  readyPickup: (o) => `🛎️ ¡Tu pedido #${o.number} está listo! Ya podés pasar a buscarlo.`,
  readyDelivery: (o) => `🛵 ¡Tu pedido #${o.number} ya salió! Llega en un rato.`,
  rejected: (o, reason) => `Uh, no podemos preparar tu pedido #${o.number}. Motivo: ${reason}.`,
  cancelled: (o, reason) => `Tu pedido #${o.number} se canceló. Motivo: ${reason}.`,
};

const ES_CO: NotificationTexts = {
  ...ES_LATAM,
  readyPickup: (o) => `🛎️ ¡Tu pedido #${o.number} está listo! Ya puedes pasar por él.`,
  readyDelivery: (o) => `🛵 ¡Tu domicilio #${o.number} ya va en camino! Llega en un momentico.`,
  rejected: (o, reason) => `Qué pena, no podemos preparar tu pedido #${o.number}. Motivo: ${reason}.`,
};

const EN: NotificationTexts = {
  accepted: (o) => `✅ Your order #${o.number} has been accepted!` + (o.etaMinutes ? ` It will be ready in about ${o.etaMinutes} minutes.` : ' We are on it.'),
  readyPickup: (o) => `🛎️ Your order #${o.number} is ready! You can come and pick it up.`,
  readyDelivery: (o) => `🛵 Your order #${o.number} is on its way!`,
  rejected: (o, reason) => `Sorry, we can't prepare your order #${o.number}. Reason: ${reason}.`,
  cancelled: (o, reason) => `Your order #${o.number} has been cancelled. Reason: ${reason}.`,
};

const SETS: Record<MenuLocale, NotificationTexts> = {
  'es-ES': ES_ES,
  'es-MX': ES_MX,
  'es-AR': ES_AR,
  'es-CO': ES_CO,
  'es-CL': ES_LATAM,
  'es-PE': ES_LATAM,
  'es-US': ES_LATAM,
  en: EN,
};

/**
 * The message for an order that just entered `to`, or null when the customer is not told.
 * `locale`: the menu's locale; a bare "es" means Spain's Spanish (older callers).
 */
export function notificationFor(
  order: Order,
  from: OrderStatus,
  to: OrderStatus,
  reason: string | undefined,
  locale: MenuLocale | 'es',
): CustomerNotification | null {
  const t = SETS[locale === 'es' ? 'es-ES' : locale] ?? ES_ES;
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
