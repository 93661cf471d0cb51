// "Cocina": the card timer's colours, the ETA choices offered when accepting, the undo window and
// the screen's language — the kitchen's settings, saved for every screen.
import { useEffect, useState } from 'react';
import { parseNumberList } from '../../state/amount.ts';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { Field, NumberField, SaveBar } from './fields.tsx';
import { useSettings } from './use-settings.ts';

interface Draft {
  amber: number | null;
  red: number | null;
  eta: string;
  undo: number | null;
  locale: 'es' | 'en' | '';
}

export function KitchenTab({ api, t, o, fail }: OwnerTabProps) {
  const { settings, loadError, save, setSave, update } = useSettings(api, fail);
  const [draft, setDraft] = useState<Draft | null>(null);
  const fromSettings = (): Draft | null =>
    settings && { amber: settings.amberAfterMinutes, red: settings.redAfterMinutes, eta: settings.etaChoices.join(', '), undo: settings.undoSeconds, locale: settings.locale ?? '' };
  useEffect(() => setDraft(fromSettings()), [settings]);

  if (loadError) return <p className="owner__problem">⚠ {loadError}</p>;
  if (!draft || !settings) return <p className="owner__wait">{t.loading}</p>;
  const base = fromSettings();
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  const eta = parseNumberList(draft.eta);
  const etaOk = eta !== null && eta.length <= 6 && eta.every((n) => n >= 1 && n <= 600);
  const orderOk = draft.amber === null || draft.red === null || draft.red >= draft.amber;
  const edit = (next: Draft) => {
    setDraft(next);
    if (save.kind === 'error' || save.kind === 'saved') setSave({ kind: 'idle' });
  };

  return (
    <div className="owner-form" data-testid="kitchen-tab">
      <h3 className="owner-form__section">{o.kitchenTitle}</h3>
      <div className="form-grid">
        <NumberField label={o.amberAfter} testId="amber-after" value={draft.amber} onChange={(amber) => edit({ ...draft, amber })} />
        <NumberField label={o.redAfter} testId="red-after" value={draft.red} error={orderOk ? null : o.redAfterAmber} onChange={(red) => edit({ ...draft, red })} />
        <Field label={o.etaChoices} error={etaOk ? null : o.numberList}>
          {(id) => <input id={id} className="ofield__input" data-testid="eta-choices" value={draft.eta} inputMode="numeric" onChange={(e) => edit({ ...draft, eta: e.target.value })} />}
        </Field>
        <NumberField label={o.undoSeconds} testId="undo-seconds" value={draft.undo} onChange={(undo) => edit({ ...draft, undo })} />
        <Field label={o.screenLanguage}>
          {(id) => (
            <select id={id} className="ofield__input" data-testid="screen-language" value={draft.locale || 'es'} onChange={(e) => edit({ ...draft, locale: e.target.value as 'es' | 'en' })}>
              <option value="es">{o.languageNames.es}</option>
              <option value="en">{o.languageNames.en}</option>
            </select>
          )}
        </Field>
      </div>
      <p className="ofield__hint">{o.kitchenHint}</p>
      <SaveBar
        state={save}
        dirty={dirty}
        o={o}
        testId="kitchen-save"
        onDiscard={() => setDraft(base)}
        onSave={() => {
          // The host checks every value; a bad one comes back as the reason.
          void update({
            amberAfterMinutes: draft.amber ?? Number.NaN,
            redAfterMinutes: draft.red ?? Number.NaN,
            etaChoices: eta ?? [],
            undoSeconds: draft.undo ?? Number.NaN,
            ...(draft.locale ? { locale: draft.locale } : {}),
          });
        }}
      />
    </div>
  );
}
