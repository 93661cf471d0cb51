import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { addRange, defaultHours, removeRange, setRange, WEEK, type Hours } from '../../state/terms.ts';
import { Toggle } from './fields.tsx';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Opening hours per weekday as ranges ("12:00–16:00", "20:00–23:30"); none = closed that day. */
export function HoursEditor({ hours, onChange, o }: { hours: Hours | undefined; onChange(hours: Hours | undefined): void; o: OwnerStrings }) {
  return (
    <div className="hours" data-testid="hours-editor">
      <Toggle label={o.useHours} on={hours !== undefined} o={o} testId="hours-on" onChange={(on) => onChange(on ? defaultHours() : undefined)} />
      {hours && <p className="ofield__hint">{o.hoursHint}</p>}
      {hours &&
        WEEK.map((day) => {
          const ranges = hours[day] ?? [];
          return (
            <div key={day} className="hours__day" data-testid={`hours-${day}`}>
              <span className="hours__name">{o.weekdays[day]}</span>
              <div className="hours__ranges">
                {ranges.length === 0 && <span className="hours__closed">{o.closedDay}</span>}
                {ranges.map(([from, to], i) => (
                  <span key={i} className="hours__range">
                    <input
                      className={`ofield__input hours__time${TIME.test(from) ? '' : ' ofield__input--bad'}`}
                      aria-label={`${o.weekdays[day]} ${o.from}`}
                      data-testid={`hours-${day}-${i}-from`}
                      value={from}
                      maxLength={5}
                      inputMode="numeric"
                      onChange={(e) => onChange(setRange(hours, day, i, 0, e.target.value))}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      className={`ofield__input hours__time${TIME.test(to) ? '' : ' ofield__input--bad'}`}
                      aria-label={`${o.weekdays[day]} ${o.to}`}
                      data-testid={`hours-${day}-${i}-to`}
                      value={to}
                      maxLength={5}
                      inputMode="numeric"
                      onChange={(e) => onChange(setRange(hours, day, i, 1, e.target.value))}
                    />
                    <button type="button" className="btn btn--small btn--ghost" aria-label={o.removeRange} data-testid={`hours-${day}-${i}-remove`} onClick={() => onChange(removeRange(hours, day, i))}>
                      ✕
                    </button>
                  </span>
                ))}
                {ranges.length < 4 && (
                  <button type="button" className="btn btn--small" data-testid={`hours-${day}-add`} onClick={() => onChange(addRange(hours, day))}>
                    {o.addRange}
                  </button>
                )}
              </div>
            </div>
          );
        })}
    </div>
  );
}
