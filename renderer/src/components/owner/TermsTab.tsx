// "Restaurante y condiciones": name, region, hours, closed days, payments, pickup and delivery.
// They are part of the menu document (they travel with it to the cloud and the bot), so Save sends
// the whole menu with them; a refusal leaves the running menu as it was.
import { useEffect, useState } from 'react';
import { useNow } from '../../state/ticker.ts';
import { addClosedDate, isClosedToday, removeClosedDate, setClosedToday, termsOf, withTerms, type Terms } from '../../state/terms.ts';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { describeMenuProblem } from '../../state/menu-errors.ts';
import { CountryFields } from './CountryFields.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import { PaymentsPicker } from './PaymentsPicker.tsx';
import { FulfilmentFields } from './FulfilmentFields.tsx';
import { SaveBar, TextField, Toggle, type SaveState } from './fields.tsx';

export function TermsTab({ api, menu, onMenu, t, o, fail }: OwnerTabProps) {
  const [draft, setDraft] = useState<Terms | null>(menu ? termsOf(menu) : null);
  const [base, setBase] = useState<Terms | null>(draft);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [newDate, setNewDate] = useState('');
  const now = useNow();

  // The menu arrives (or changes on another screen) while nothing here is being edited.
  useEffect(() => {
    if (!menu) return;
    const fresh = termsOf(menu);
    setBase(fresh);
    setDraft((d) => (d === null || JSON.stringify(d) === JSON.stringify(base) ? fresh : d));
  }, [menu]);

  if (!draft || !menu) return <p className="owner__wait">{t.loading}</p>;
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  const edit = (next: Terms) => {
    setDraft(next);
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };

  const doSave = () => {
    setSave({ kind: 'saving' });
    api.saveMenu(withTerms(menu, draft)).then(
      (saved) => {
        onMenu(saved);
        const fresh = termsOf(saved);
        setBase(fresh);
        setDraft(fresh);
        setSave({ kind: 'saved' });
      },
      (e: unknown) => {
        const reason = fail(e);
        if (reason !== null) setSave({ kind: 'error', message: describeMenuProblem(reason, menu, o) });
      },
    );
  };

  return (
    <div className="owner-form" data-testid="terms-tab">
      <TextField label={o.restaurantName} testId="restaurant-name" value={draft.restaurant} maxLength={200} onChange={(v) => edit({ ...draft, restaurant: v })} />
      <CountryFields value={draft} o={o} onChange={(region) => edit({ ...draft, ...region })} />

      <h3 className="owner-form__section">🕒 {o.hours}</h3>
      <Toggle label={`⛔ ${o.closedToday}`} on={isClosedToday(draft, now)} o={o} testId="closed-today" onChange={(on) => edit(setClosedToday(draft, on, now))} />
      <p className="ofield__hint">{o.closedTodayHint}</p>
      <HoursEditor hours={draft.hours} o={o} onChange={(hours) => edit({ ...draft, hours })} />

      <h3 className="owner-form__section">📅 {o.closedDates}</h3>
      {draft.closedDates.length === 0 && <p className="ofield__hint">{o.noClosedDates}</p>}
      <ul className="closed-dates" data-testid="closed-dates">
        {draft.closedDates.map((d) => (
          <li key={d}>
            <span>{d}</span>
            <button type="button" className="btn btn--small btn--ghost" aria-label={`${o.remove} ${d}`} onClick={() => edit(removeClosedDate(draft, d))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="owner-form__row">
        <input className="ofield__input" type="date" data-testid="closed-date-input" aria-label={o.closedDates} value={newDate} onChange={(e) => setNewDate(e.target.value)} />
        <button
          type="button"
          className="btn"
          data-testid="closed-date-add"
          disabled={!newDate}
          onClick={() => {
            edit(addClosedDate(draft, newDate));
            setNewDate('');
          }}
        >
          {o.addClosedDate}
        </button>
      </div>

      <h3 className="owner-form__section">💳 {o.payments}</h3>
      <PaymentsPicker payments={draft.payments} t={t} o={o} onChange={(payments) => edit({ ...draft, payments })} />

      <h3 className="owner-form__section">🛵 {o.pickup} · {o.delivery}</h3>
      <FulfilmentFields value={draft} o={o} onChange={(f) => edit({ ...draft, ...f })} />

      <SaveBar state={save} dirty={dirty} o={o} testId="terms-save" extra={o.menuKept} onSave={doSave} onDiscard={() => base && edit(base)} />
    </div>
  );
}
