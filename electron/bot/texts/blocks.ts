// The blocks built from the texts: the menu, the sections, the cart and the summary, with money
// written as the menu's region writes it. Pure.
import type { Menu } from '../../../shared/menu.ts';
import { formatMoney, orderTotal, type Fulfilment, type PaymentMethod } from '../../../shared/order.ts';
import type { CartLine } from '../bot-types.ts';
import { visibleCategories } from '../understanding/menu-index.ts';
import { botTexts, type BotTexts } from './index.ts';
import { GENERIC_METHODS } from './payment-names.ts';

export function money(amount: number, menu: Menu): string {
  return formatMoney(amount, menu.currency, menu.locale);
}

/** The methods the restaurant takes, as words inside a sentence ("efectivo", "Mercado Pago"). */
export function acceptedNames(menu: Menu, t: BotTexts): string[] {
  return menu.payments.map((m) => methodWord(m, t));
}

export function methodWord(method: PaymentMethod, t: BotTexts): string {
  const name = t.paymentName[method];
  return GENERIC_METHODS.has(method) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** Every available dish under its category, numbered 1..N in menu order. */
export function menuText(menu: Menu, only?: number): string {
  const t = botTexts(menu.locale);
  const lines: string[] = [t.menuTitle(menu.restaurant)];
  let n = 0;
  const visible = visibleCategories(menu);
  visible.forEach((category, k) => {
    const items = category.items.filter((i) => i.available !== false);
    const show = only === undefined || only === k;
    if (show) lines.push('', `*${category.name}*`);
    for (const item of items) {
      n++;
      if (show) lines.push(`${n}. ${item.name} — ${money(item.price, menu)}`);
    }
  });
  return lines.join('\n');
}

export function categoriesText(menu: Menu): string {
  const t = botTexts(menu.locale);
  const lines = [t.menuTitle(menu.restaurant), t.categoriesIntro];
  visibleCategories(menu).forEach((c, k) => lines.push(`${k + 1}. ${c.name}`));
  return lines.join('\n');
}

/** "2 × Hamburguesa clásica — 19,00 €" lines with notes. */
export function cartLines(cart: readonly CartLine[], menu: Menu): string[] {
  const lines: string[] = [];
  for (const line of cart) {
    const options = line.options?.length ? ` (${line.options.map((o) => o.name).join(', ')})` : '';
    lines.push(`${line.quantity} × ${line.name}${options} — ${money(orderTotal([line]), menu)}`);
    if (line.note) lines.push(`   ↳ ${line.note}`);
  }
  return lines;
}

export function cartText(cart: readonly CartLine[], menu: Menu): string {
  const t = botTexts(menu.locale);
  if (cart.length === 0) return t.emptyCart;
  return [t.cartTitle, ...cartLines(cart, menu), `${t.subtotal}: ${money(orderTotal(cart), menu)}`].join('\n');
}

export interface SummaryFacts {
  cart: readonly CartLine[];
  fulfilment: Fulfilment;
  address: string | null;
  name: string;
  payment: PaymentMethod;
  requestedTime?: string | null;
  orderNote?: string | null;
  /** Delivery orders: the menu's fee (0: none). */
  deliveryFee?: number;
}

export function summaryText(s: SummaryFacts, menu: Menu): string {
  const t = botTexts(menu.locale);
  return [
    t.summaryTitle,
    ...cartLines(s.cart, menu),
    ...(s.deliveryFee ? [t.deliveryFeeLine(money(s.deliveryFee, menu))] : []),
    `*${t.total}: ${money(orderTotal(s.cart, s.deliveryFee ?? 0), menu)}*`,
    '',
    t.deliveryLine(s.fulfilment, s.address),
    ...(s.fulfilment === 'delivery' && menu.delivery.note ? [t.deliveryNote(menu.delivery.note)] : []),
    t.nameLine(s.name),
    t.paymentLine(s.payment),
    ...(s.requestedTime ? [t.requestedTimeLine(s.requestedTime)] : []),
    ...(s.orderNote ? [t.orderNoteLine(s.orderNote)] : []),
    '',
    t.askConfirm,
  ].join('\n');
}

