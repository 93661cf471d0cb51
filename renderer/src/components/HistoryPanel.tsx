import { useDeferredValue, useMemo, useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import { formatMoney, type Order } from '../../../shared/order.ts';
import { averagePrepMinutes, formatMinutes, historyOrders } from '../state/selectors.ts';
import { formatClock } from '../state/timer.ts';
import { ReprintMenu } from './printing/ReprintMenu.tsx';
import type { PrintCopy } from '../../../shared/printing.ts';
import { MEDIA_STRINGS } from '../../../shared/i18n-media.ts';
import { LocationLink } from './LocationLink.tsx';

/** Today's orders in any state, searchable, with Recall on completed ones and the average prep time. */
export function HistoryPanel({
  orders,
  t,
  locale,
  onRecall,
  onReprint,
}: {
  orders: Order[];
  t: UiStrings;
  locale: 'es' | 'en';
  onRecall(order: Order): void;
  onReprint(order: Order, copy: PrintCopy): Promise<boolean>;
}) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const list = useMemo(() => historyOrders(orders, deferred), [orders, deferred]);
  const avg = useMemo(() => averagePrepMinutes(orders), [orders]);
  return (
    <section className="panel__body" data-testid="history">
      <h2>{t.history}</h2>
      <div className="history__avg">
        {t.avgPrep}: <strong data-testid="avg-prep">{avg === null ? '—' : `${formatMinutes(avg)} ${t.minutes}`}</strong>
      </div>
      <input
        className="field"
        type="search"
        data-testid="history-search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t.searchPlaceholder}
        aria-label={t.searchPlaceholder}
        dir="auto"
      />
      {list.length === 0 && <p className="panel__empty">{t.noHistory}</p>}
      <ul className="history">
        {list.map((o) => (
          <li key={o.id} className={`history__row history__row--${o.status}`} data-testid="history-row" data-order-id={o.id}>
            <span className="history__num">#{o.number}</span>
            <span className="history__main">
              <span className="history__name" dir="auto">
                {o.customer.name}
              </span>
              <span className="history__sub">
                {formatClock(Date.parse(o.createdAt), locale)} · {t.status[o.status]} · {formatMoney(o.total, o.currency, locale)}
                {o.requestedTime && <span data-testid="history-requested-time"> · ⏰ {t.requestedFor(o.requestedTime)}</span>}
              </span>
              {o.orderNote && (
                <span className="history__note" data-testid="history-order-note" dir="auto">
                  📝 {o.orderNote}
                </span>
              )}
              {o.items.some((i) => i.options?.length) && (
                <span className="history__items" data-testid="history-items" dir="auto">
                  {o.items.map((i) => `${i.quantity} × ${i.name}${i.options?.length ? ` (${i.options.map((c) => c.name).join(', ')})` : ''}`).join(' · ')}
                </span>
              )}
              {o.location && <LocationLink location={o.location} address={o.address} tm={MEDIA_STRINGS[locale]} className="history__location" />}
            </span>
            {o.status === 'completed' && (
              <button type="button" className="btn btn--small" data-testid="recall" onClick={() => onRecall(o)}>
                ↩ {t.recall}
              </button>
            )}
            <ReprintMenu locale={locale} onPrint={(copy) => onReprint(o, copy)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
