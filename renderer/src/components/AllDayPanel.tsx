import { useMemo } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { Order } from '../../../shared/order.ts';
import { allDayCounts } from '../state/selectors.ts';

/** "Todo el día": every dish still to cook across open orders, with its total quantity. */
export function AllDayPanel({ open, t }: { open: Order[]; t: UiStrings }) {
  const counts = useMemo(() => allDayCounts(open), [open]);
  return (
    <section className="panel__body" data-testid="all-day">
      <h2>
        {t.allDay} <small>· {t.itemsToCook}</small>
      </h2>
      {counts.length === 0 && <p className="panel__empty">{t.noAllDay}</p>}
      <ul className="allday">
        {counts.map((c) => (
          <li key={c.name} data-testid="all-day-row">
            <span className="allday__qty">{c.quantity}</span>
            <span className="allday__name" dir="auto">
              {c.name}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
