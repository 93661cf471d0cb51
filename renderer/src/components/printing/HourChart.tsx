import type { DayReportHour } from '../../../../shared/day-report.ts';

/** Orders by hour as small bars: noon to midnight, widened to the first and last hour with an order. */
export function HourChart({ hours, label }: { hours: DayReportHour[]; label: string }) {
  const busy = hours.filter((h) => h.orders > 0);
  const from = Math.min(busy[0]?.hour ?? 12, 12);
  const to = 23;
  const shown = hours.filter((h) => h.hour >= from && h.hour <= to);
  const max = Math.max(1, ...shown.map((h) => h.orders));
  return (
    <figure className="hours" data-testid="hour-chart" aria-label={label}>
      <div className="hours__bars">
        {shown.map((h) => (
          <div key={h.hour} className="hours__col" title={`${String(h.hour).padStart(2, '0')}:00 — ${h.orders}`} data-hour={h.hour} data-orders={h.orders}>
            <span className="hours__n">{h.orders || ''}</span>
            <span className="hours__bar" style={{ height: `${Math.round((h.orders / max) * 100)}%` }} />
            <span className="hours__h">{String(h.hour).padStart(2, '0')}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
