// The restaurant's terms the conversation follows: which payment methods it takes, pickup and
// delivery on or off, the delivery fee and minimum. Pure.
import type { Menu, PaymentMethodId } from '../../../shared/menu.ts';
import { orderTotal, type Fulfilment } from '../../../shared/order.ts';
import type { CartLine } from '../bot-types.ts';
import { money } from '../texts/blocks.ts';
import type { DeliveryFacts } from '../texts/types.ts';

export function accepts(menu: Menu, method: PaymentMethodId): boolean {
  return menu.payments.includes(method);
}

export function pickupOn(menu: Menu): boolean {
  return menu.pickup.enabled || !menu.delivery.enabled;
}

export function deliveryOn(menu: Menu): boolean {
  return menu.delivery.enabled;
}

/** The only way the restaurant hands orders over, when just one is on. */
export function onlyFulfilment(menu: Menu): Fulfilment | null {
  if (!menu.delivery.enabled) return 'pickup';
  if (!menu.pickup.enabled) return 'delivery';
  return null;
}

/** The delivery fee on this order (0 for pickup or a free delivery). */
export function deliveryFee(menu: Menu, fulfilment: Fulfilment | null): number {
  return fulfilment === 'delivery' ? menu.delivery.fee : 0;
}

/** Delivery refused for this cart: its dishes come to less than the minimum. */
export function belowMinimum(menu: Menu, cart: readonly CartLine[]): boolean {
  return menu.delivery.minimumOrder > 0 && orderTotal(cart) < menu.delivery.minimumOrder;
}

/** The delivery terms as the texts say them. */
export function deliveryFacts(menu: Menu): DeliveryFacts {
  return {
    delivery: menu.delivery.enabled,
    pickup: pickupOn(menu),
    fee: menu.delivery.enabled && menu.delivery.fee > 0 ? money(menu.delivery.fee, menu) : null,
    minimum: menu.delivery.enabled && menu.delivery.minimumOrder > 0 ? money(menu.delivery.minimumOrder, menu) : null,
  };
}
