import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import { formatMoney, type Order } from '../../../shared/order.ts';
import { allDayCounts, averagePrepMinutes, historyOrders } from '../state/kds-selectors.ts';

export function AllDayPanel({ orders, t }: { orders: Order[]; t: UiStrings }) {
  const counts = allDayCounts(orders);
  return (
    <section className="panel" data-testid="all-day">
      <h2>{t.allDay}</h2>
      <ul className="allday">
        {counts.map((c) => (
          <li key={c.name}>
            <span className="allday__qty">{c.quantity}</span> <span dir="auto">{c.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HistoryPanel({ orders, t, locale, onRecall }: { orders: Order[]; t: UiStrings; locale: 'es' | 'en'; onRecall(order: Order): void }) {
  const [search, setSearch] = useState('');
  const list = historyOrders(orders, search);
  const avg = averagePrepMinutes(orders);
  return (
    <section className="panel" data-testid="history">
      <h2>{t.history}</h2>
      <div className="history__avg">
        {t.avgPrep}: <strong data-testid="avg-prep">{avg === null ? '—' : `${avg.toFixed(1)} ${t.minutes}`}</strong>
      </div>
      <input className="history__search" data-testid="history-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t.searchPlaceholder} dir="auto" />
      <ul className="history">
        {list.map((o) => (
          <li key={o.id} className={`history__row history__row--${o.status}`} data-testid="history-row">
            <span className="history__num">#{o.number}</span>
            <span className="history__name" dir="auto">
              {o.customer.name}
            </span>
            <span className="history__status">{t.status[o.status]}</span>
            <span>{formatMoney(o.total, o.currency, locale)}</span>
            {o.status === 'completed' && (
              <button className="btn btn--small" data-testid="recall" onClick={() => onRecall(o)}>
                {t.recall}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
