import { COUNTRY_IDS, countryDefaults, countryOfLocale, type CountryId } from '../../../../shared/countries.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { MENU_LOCALES, type MenuLocale } from '../../../../shared/menu.ts';
import type { Terms } from '../../state/terms.ts';
import { Field, TextField } from './fields.tsx';

/** This computer's zone: the default for a country without one of its own. */
export function computerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const ZONES: readonly string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
})();

type Region = Pick<Terms, 'locale' | 'currency' | 'timezone' | 'payments'>;

/**
 * Country, then what it fills in (the bot's regional Spanish or English, currency, zone, the usual
 * payments), each still editable.
 */
export function CountryFields({ value, onChange, o }: { value: Region; onChange(next: Region): void; o: OwnerStrings }) {
  const country = countryOfLocale(value.locale);
  const zoneOk = !value.timezone || ZONES.length === 0 || ZONES.includes(value.timezone);
  return (
    <div className="form-grid">
      <Field label={o.country} hint={o.countryHint}>
        {(id) => (
          <select
            id={id}
            className="ofield__input"
            data-testid="country"
            value={country}
            onChange={(e) => {
              const d = countryDefaults(e.target.value as CountryId, computerZone());
              onChange({ ...value, locale: d.locale, currency: d.currency, timezone: d.timezone, payments: d.payments });
            }}
          >
            {COUNTRY_IDS.map((id) => (
              <option key={id} value={id}>
                {o.countries[id]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={o.locale}>
        {(id) => (
          <select id={id} className="ofield__input" data-testid="menu-locale" value={value.locale} onChange={(e) => onChange({ ...value, locale: e.target.value as MenuLocale })}>
            {MENU_LOCALES.map((l) => (
              <option key={l} value={l}>
                {o.localeNames[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={o.currency}
        testId="currency"
        value={value.currency}
        maxLength={3}
        error={/^[A-Z]{3}$/.test(value.currency) ? null : o.currency}
        onChange={(v) => onChange({ ...value, currency: v.toUpperCase().replace(/[^A-Z]/g, '') })}
      />
      <Field label={o.timezone} error={zoneOk ? null : o.timezone}>
        {(id) => (
          <>
            <input id={id} className="ofield__input" data-testid="timezone" list={`${id}-zones`} value={value.timezone} autoComplete="off" spellCheck={false} onChange={(e) => onChange({ ...value, timezone: e.target.value.trim() })} />
            <datalist id={`${id}-zones`}>
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
    </div>
  );
}
