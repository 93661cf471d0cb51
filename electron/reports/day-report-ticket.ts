// The day's close as a ticket for the receipt printer (the neutral document of electron/printing).
import type { DayReport } from '../../shared/day-report.ts';
import { UI_STRINGS, type Locale } from '../../shared/i18n.ts';
import { PRINTING_STRINGS } from '../../shared/i18n-printing.ts';
import { formatMoney } from '../../shared/order.ts';
import type { TicketBlock, TicketDocument } from '../printing/ticket-document.ts';

export function dayReportTicket(report: DayReport, ctx: { locale: Locale; moneyLocale: string; restaurant: string }): TicketDocument {
  const r = PRINTING_STRINGS[ctx.locale].report;
  const payment = UI_STRINGS[ctx.locale].payment as Record<string, string>;
  const money = (n: number) => formatMoney(n, report.currency, ctx.moneyLocale);
  const blocks: TicketBlock[] = [
    { type: 'text', text: r.title.toUpperCase(), size: 'large', bold: true, align: 'center' },
    { type: 'text', text: ctx.restaurant, align: 'center' },
    { type: 'text', text: report.date, bold: true, align: 'center' },
    { type: 'rule' },
    { type: 'row', left: r.orders, right: String(report.orders), bold: true },
    { type: 'row', left: r.revenue, right: money(report.revenue), bold: true, size: 'large' },
    { type: 'row', left: r.deliveryFees, right: money(report.deliveryFees) },
    { type: 'rule' },
    { type: 'text', text: r.byPayment, bold: true },
  ];
  for (const [method, m] of Object.entries(report.byPayment)) blocks.push({ type: 'row', left: `${payment[method] ?? method} (${m.orders})`, right: money(m.amount) });
  blocks.push({ type: 'text', text: r.byFulfilment, bold: true });
  blocks.push({ type: 'row', left: `${r.pickup} (${report.byFulfilment.pickup.orders})`, right: money(report.byFulfilment.pickup.amount) });
  blocks.push({ type: 'row', left: `${r.delivery} (${report.byFulfilment.delivery.orders})`, right: money(report.byFulfilment.delivery.amount) });
  blocks.push({ type: 'rule' }, { type: 'text', text: r.items, bold: true });
  for (const item of report.items) blocks.push({ type: 'row', left: `${item.quantity} x ${item.name}`, right: money(item.amount) });
  for (const [title, list] of [
    [r.cancelled, report.cancelled],
    [r.rejected, report.rejected],
  ] as const) {
    if (!list.length) continue;
    blocks.push({ type: 'rule' }, { type: 'text', text: `${title} (${list.length})`, bold: true });
    for (const o of list) blocks.push({ type: 'text', text: `#${o.number} ${o.customer} — ${o.reason}` });
  }
  blocks.push(
    { type: 'rule' },
    { type: 'text', text: `${r.prep}: ${r.average} ${r.minutes(report.prepMinutes.average)}, ${r.p90} ${r.minutes(report.prepMinutes.p90)}` },
    { type: 'text', text: r.byHour, bold: true },
  );
  for (const h of report.byHour.filter((h) => h.orders > 0)) {
    blocks.push({ type: 'row', left: `${String(h.hour).padStart(2, '0')}:00 ${'#'.repeat(Math.min(20, h.orders))}`, right: String(h.orders) });
  }
  return { kind: 'report', title: `day report ${report.date}`, blocks };
}
