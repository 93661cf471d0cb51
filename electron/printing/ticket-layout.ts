// What the kitchen ticket, the customer receipt and the test page say, as neutral documents
// (ticket-document.ts). The kitchen ticket has no prices and makes notes stand out; the receipt has
// every amount. Wrapping is left to the printer side, so nothing here cuts text short.
import { formatMoney, type Order } from '../../shared/order.ts';
import { UI_STRINGS, type Locale } from '../../shared/i18n.ts';
import { PRINTING_STRINGS } from '../../shared/i18n-printing.ts';
import { dateTimeFormat } from '../../shared/intl-cache.ts';
import type { PrinterConfig } from '../../shared/settings.ts';
import type { TicketBlock, TicketDocument } from './ticket-document.ts';

export interface TicketContext {
  /** The kitchen's language for labels. */
  locale: Locale;
  /** The menu's regional locale, for money (es-MX, es-AR…). */
  moneyLocale: string;
  timezone: string;
  restaurant: string;
  /** 0 for the first print; a reprint says so on top. */
  reprint?: number;
  logoText?: string;
  footer?: string;
}

export function clockTime(epochMs: number, timezone: string): string {
  return dateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(epochMs));
}

export function dateAndTime(epochMs: number, timezone: string, locale: Locale): string {
  return dateTimeFormat(locale === 'en' ? 'en-GB' : 'es-ES', {
    timeZone: timezone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(epochMs));
}

function optionsLine(item: Order['items'][number]): string | undefined {
  return item.options?.length ? item.options.map((o) => o.name).join(', ') : undefined;
}

function acceptedAt(order: Order): number | undefined {
  const event = [...order.events].reverse().find((e) => e.to === 'accepted' && !e.undo);
  return event ? Date.parse(event.at) : undefined;
}

export function kitchenTicket(order: Order, ctx: TicketContext): TicketDocument {
  const t = PRINTING_STRINGS[ctx.locale].ticket;
  const blocks: TicketBlock[] = [];
  if (ctx.reprint) blocks.push({ type: 'text', text: `${t.reprint} ${ctx.reprint}`, align: 'center', bold: true });
  blocks.push(
    { type: 'text', text: t.kitchen, align: 'center' },
    { type: 'text', text: `#${order.number}`, size: 'huge', bold: true, align: 'center' },
    { type: 'text', text: order.fulfilment === 'delivery' ? t.delivery : t.pickup, size: 'large', bold: true, align: 'center' },
    { type: 'text', text: order.customer.name, size: 'large', align: 'center' },
  );
  if (order.requestedTime) {
    blocks.push({ type: 'text', text: `${t.requestedFor} ${order.requestedTime}`, size: 'large', bold: true, align: 'center', highlight: true });
  }
  blocks.push({ type: 'rule' });
  for (const item of order.items) {
    blocks.push({ type: 'text', text: `${item.quantity} x ${item.name}`, size: 'large', bold: true });
    const options = optionsLine(item);
    if (options) blocks.push({ type: 'text', text: `  + ${options}`, bold: true });
    if (item.note) blocks.push({ type: 'text', text: `${t.note}: ${item.note}`, bold: true, highlight: true });
  }
  blocks.push({ type: 'rule' });
  if (order.orderNote) {
    blocks.push({ type: 'text', text: `${t.orderNote}: ${order.orderNote}`, bold: true, highlight: true }, { type: 'rule' });
  }
  const accepted = acceptedAt(order);
  if (accepted !== undefined) {
    blocks.push({ type: 'text', text: `${t.accepted} ${clockTime(accepted, ctx.timezone)}` });
    if (order.etaMinutes) {
      const readyAt = clockTime(accepted + order.etaMinutes * 60_000, ctx.timezone);
      blocks.push({ type: 'text', text: `${t.ready} ${order.etaMinutes} ${t.minutes} (${t.readyAt} ${readyAt})`, bold: true });
    }
  } else {
    blocks.push({ type: 'text', text: dateAndTime(Date.parse(order.createdAt), ctx.timezone, ctx.locale) });
  }
  return { kind: 'kitchen', title: `kitchen #${order.number}`, blocks };
}

export function receiptTicket(order: Order, ctx: TicketContext): TicketDocument {
  const t = PRINTING_STRINGS[ctx.locale].ticket;
  const ui = UI_STRINGS[ctx.locale];
  const money = (amount: number) => formatMoney(amount, order.currency, ctx.moneyLocale);
  const blocks: TicketBlock[] = [];
  if (ctx.reprint) blocks.push({ type: 'text', text: `${t.reprint} ${ctx.reprint}`, align: 'center', bold: true });
  if (ctx.logoText) blocks.push({ type: 'text', text: ctx.logoText, size: 'large', bold: true, align: 'center' });
  blocks.push(
    { type: 'text', text: ctx.restaurant, bold: true, align: 'center' },
    { type: 'gap' },
    { type: 'text', text: `${t.order} #${order.number}`, size: 'large', bold: true, align: 'center' },
    { type: 'text', text: dateAndTime(Date.parse(order.createdAt), ctx.timezone, ctx.locale), align: 'center' },
    { type: 'text', text: order.fulfilment === 'delivery' ? t.delivery : t.pickup, bold: true, align: 'center' },
    { type: 'rule' },
  );
  for (const item of order.items) {
    blocks.push({ type: 'row', left: `${item.quantity} x ${item.name}`, right: money(item.quantity * item.unitPrice) });
    const options = optionsLine(item);
    if (options) blocks.push({ type: 'text', text: `  + ${options}` });
    if (item.note) blocks.push({ type: 'text', text: `  (${item.note})` });
  }
  blocks.push({ type: 'rule' });
  if (order.deliveryFee) blocks.push({ type: 'row', left: t.deliveryFee, right: money(order.deliveryFee) });
  blocks.push({ type: 'row', left: t.total, right: money(order.total), bold: true, size: 'large' });
  if (order.payment) blocks.push({ type: 'text', text: `${t.payment}: ${ui.payment[order.payment] ?? order.payment}` });
  blocks.push({ type: 'text', text: `${t.customer}: ${order.customer.name}` });
  if (order.fulfilment === 'delivery') {
    if (order.address) blocks.push({ type: 'text', text: `${t.address}: ${order.address}`, bold: true });
    if (order.location) {
      const place = [order.location.name, order.location.address].filter(Boolean).join(', ');
      blocks.push({ type: 'text', text: `${t.location}: ${place ? `${place} ` : ''}(${order.location.latitude.toFixed(5)}, ${order.location.longitude.toFixed(5)})` });
    }
    blocks.push({ type: 'text', text: `${t.phone}: +${order.customer.phone}` });
  }
  if (order.orderNote) blocks.push({ type: 'text', text: `${t.note}: ${order.orderNote}` });
  if (ctx.footer) blocks.push({ type: 'gap' }, { type: 'text', text: ctx.footer, align: 'center' });
  return { kind: 'receipt', title: `receipt #${order.number}`, blocks };
}

export function testPage(printer: PrinterConfig, ctx: Pick<TicketContext, 'locale' | 'timezone' | 'restaurant'> & { now: number }): TicketDocument {
  const t = PRINTING_STRINGS[ctx.locale].ticket;
  const blocks: TicketBlock[] = [
    { type: 'text', text: t.testTitle, size: 'large', bold: true, align: 'center' },
    { type: 'text', text: ctx.restaurant, align: 'center' },
    { type: 'rule' },
    { type: 'text', text: `${t.testPrinter}: ${printer.name}` },
    { type: 'text', text: `${t.testWidth}: ${printer.width} mm` },
    { type: 'text', text: `${t.testAccents}: áéíóú ÁÉÍÓÚ ñÑ üÜ ¿? ¡! €` },
    { type: 'row', left: '1 x Café con leche', right: '1,50 €' },
    { type: 'text', text: dateAndTime(ctx.now, ctx.timezone, ctx.locale) },
    { type: 'rule' },
    { type: 'text', text: t.testOk, bold: true, align: 'center' },
  ];
  return { kind: 'test', title: `test page ${printer.id}`, blocks };
}
