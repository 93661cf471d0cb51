// The day's close as CSV (GET /api/reports/day.csv): one table with a `section` column, so it opens
// in any spreadsheet and reads back by program. Amounts use a dot and two decimals; text that a
// spreadsheet would run as a formula is defused with a leading apostrophe.
import type { DayReport } from '../../shared/day-report.ts';
import { UI_STRINGS, type Locale } from '../../shared/i18n.ts';

export const DAY_REPORT_CSV_HEADER = ['section', 'key', 'label', 'orders', 'quantity', 'amount', 'detail'] as const;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const amount = (n: number) => n.toFixed(2);

export function dayReportCsv(report: DayReport, locale: Locale): string {
  const payment = UI_STRINGS[locale].payment as Record<string, string>;
  const rows: (string | number | null | undefined)[][] = [[...DAY_REPORT_CSV_HEADER]];
  const row = (...cells: (string | number | null | undefined)[]) =>
    rows.push([...cells, ...Array<null>(Math.max(0, DAY_REPORT_CSV_HEADER.length - cells.length)).fill(null)]);
  row('summary', 'date', report.date, null, null, null, report.timezone);
  row('summary', 'currency', report.currency);
  row('summary', 'orders', null, report.orders);
  row('summary', 'revenue', null, null, null, amount(report.revenue));
  row('summary', 'deliveryFees', null, null, null, amount(report.deliveryFees));
  row('summary', 'prepMinutesAverage', null, report.prepMinutes.count, null, null, report.prepMinutes.average);
  row('summary', 'prepMinutesP90', null, report.prepMinutes.count, null, null, report.prepMinutes.p90);
  for (const [method, m] of Object.entries(report.byPayment)) row('payment', method, payment[method] ?? method, m.orders, null, amount(m.amount));
  for (const kind of ['pickup', 'delivery'] as const) {
    const m = report.byFulfilment[kind];
    row('fulfilment', kind, UI_STRINGS[locale][kind], m.orders, null, amount(m.amount));
  }
  for (const item of report.items) row('item', item.itemId, item.name, null, item.quantity, amount(item.amount), item.options?.join(' | '));
  for (const o of report.cancelled) row('cancelled', o.id, `#${o.number} ${o.customer}`, null, null, amount(o.total), o.reason);
  for (const o of report.rejected) row('rejected', o.id, `#${o.number} ${o.customer}`, null, null, amount(o.total), o.reason);
  for (const h of report.byHour) row('hour', String(h.hour).padStart(2, '0'), `${String(h.hour).padStart(2, '0')}:00`, h.orders, null, amount(h.amount));
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
