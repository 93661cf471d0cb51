// "Cierre del día": one day's orders and takings from the host's local database, any day from the
// date picker (default the restaurant's today), exported as CSV or printed on the receipt printers.
import { useCallback, useEffect, useState } from 'react';
import { UI_STRINGS, type Locale } from '../../../../shared/i18n.ts';
import { PRINTING_STRINGS } from '../../../../shared/i18n-printing.ts';
import { formatMoney } from '../../../../shared/order.ts';
import type { DayReport } from '../../../../shared/day-report.ts';
import type { KdsClient } from '../../api/kds-client.ts';
import { HourChart } from './HourChart.tsx';

interface Props {
  api: Pick<KdsClient, 'getDayReport' | 'getDayReportCsv' | 'printDayReport'>;
  locale: Locale;
  /** The reason to show, or null when the owner's PIN session lapsed (the owner area closes). */
  fail(error: unknown): string | null;
}

export function DayClosePanel({ api, locale, fail }: Props) {
  const r = PRINTING_STRINGS[locale].report;
  const payment = UI_STRINGS[locale].payment as Record<string, string>;
  const [date, setDate] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<DayReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [printed, setPrinted] = useState(false);

  useEffect(() => {
    let alive = true;
    setProblem(null);
    api.getDayReport(date).then(
      (rep) => alive && setReport(rep),
      (e: unknown) => alive && setProblem(fail(e)),
    );
    return () => {
      alive = false;
    };
  }, [api, date, fail]);

  const onError = useCallback((e: unknown) => setProblem(fail(e)), [fail]);

  const money = (n: number) => formatMoney(n, report?.currency ?? 'EUR', locale);

  const downloadCsv = useCallback(() => {
    if (!report) return;
    api.getDayReportCsv(report.date).then((csv) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `cierre-${report.date}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }, onError);
  }, [api, report, onError]);

  const print = useCallback(() => {
    if (!report) return;
    api.printDayReport(report.date).then(() => {
      setPrinted(true);
      setTimeout(() => setPrinted(false), 3000);
    }, onError);
  }, [api, report, onError]);

  return (
    <section className="close" data-testid="day-close">
      <h2>{r.title}</h2>
      <div className="close__bar">
        <label>
          {r.date}{' '}
          <input
            className="field field--date"
            type="date"
            data-testid="close-date"
            value={report?.date ?? date ?? ''}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
        <button type="button" className="btn btn--small" data-testid="close-csv" disabled={!report} onClick={downloadCsv}>
          ⬇ {r.csv}
        </button>
        <button type="button" className="btn btn--small" data-testid="close-print" disabled={!report} onClick={print}>
          🖨 {printed ? `✓ ${r.printed}` : r.print}
        </button>
      </div>
      {problem && (
        <p className="panel__empty" role="alert" data-testid="close-problem">
          {problem}
        </p>
      )}
      {report && (
        <>
          <div className="close__totals">
            <div>
              <span>{r.orders}</span>
              <strong data-testid="close-orders">{report.orders}</strong>
            </div>
            <div>
              <span>{r.revenue}</span>
              <strong data-testid="close-revenue">{money(report.revenue)}</strong>
            </div>
            <div>
              <span>{r.deliveryFees}</span>
              <strong>{money(report.deliveryFees)}</strong>
            </div>
            <div>
              <span>{r.prep}</span>
              <strong data-testid="close-prep">
                {r.minutes(report.prepMinutes.average)} · p90 {r.minutes(report.prepMinutes.p90)}
              </strong>
            </div>
          </div>
          {report.orders === 0 && report.cancelled.length === 0 && report.rejected.length === 0 && <p className="panel__empty">{r.none}</p>}
          <h3>{r.byHour}</h3>
          <HourChart hours={report.byHour} label={r.byHour} />
          <div className="close__split">
            <table className="close__table" data-testid="close-payments">
              <caption>{r.byPayment}</caption>
              <tbody>
                {Object.entries(report.byPayment).map(([method, m]) => (
                  <tr key={method}>
                    <td>{payment[method] ?? method}</td>
                    <td className="num">{m.orders}</td>
                    <td className="num">{money(m.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="close__table">
              <caption>{r.byFulfilment}</caption>
              <tbody>
                <tr>
                  <td>{r.pickup}</td>
                  <td className="num">{report.byFulfilment.pickup.orders}</td>
                  <td className="num">{money(report.byFulfilment.pickup.amount)}</td>
                </tr>
                <tr>
                  <td>{r.delivery}</td>
                  <td className="num">{report.byFulfilment.delivery.orders}</td>
                  <td className="num">{money(report.byFulfilment.delivery.amount)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <table className="close__table close__table--wide" data-testid="close-items">
            <caption>{r.items}</caption>
            <thead>
              <tr>
                <th />
                <th className="num">{r.quantity}</th>
                <th className="num">{r.amount}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => (
                <tr key={`${item.itemId}:${item.name}`}>
                  <td dir="auto">{item.name}</td>
                  <td className="num">{item.quantity}</td>
                  <td className="num">{money(item.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {[
            [r.cancelled, report.cancelled, 'close-cancelled'],
            [r.rejected, report.rejected, 'close-rejected'],
          ].map(([title, list, testId]) =>
            (list as DayReport['cancelled']).length ? (
              <div key={testId as string} data-testid={testId as string}>
                <h3>
                  {title as string} ({(list as DayReport['cancelled']).length})
                </h3>
                <ul className="close__dropped">
                  {(list as DayReport['cancelled']).map((o) => (
                    <li key={o.id} dir="auto">
                      #{o.number} {o.customer} · {money(o.total)} — <em>{o.reason}</em>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </>
      )}
    </section>
  );
}
