// What choosing a country fills in for a restaurant: the bot's regional locale, the currency, the
// time zone and the payment methods people there use. Every value stays editable. Pure data.
import type { MenuLocale, PaymentMethodId } from './menu.ts';

export const COUNTRY_IDS = ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'US', 'EN'] as const;
export type CountryId = (typeof COUNTRY_IDS)[number];

export interface CountryDefaults {
  locale: MenuLocale;
  currency: string;
  /** IANA zone of the capital; '' means "this computer's" (see defaultTimezone). */
  timezone: string;
  payments: PaymentMethodId[];
}

export const COUNTRY_DEFAULTS: Record<CountryId, CountryDefaults> = {
  ES: { locale: 'es-ES', currency: 'EUR', timezone: 'Europe/Madrid', payments: ['cash', 'card', 'bizum'] },
  MX: { locale: 'es-MX', currency: 'MXN', timezone: 'America/Mexico_City', payments: ['cash', 'card', 'transfer', 'spei', 'mercadopago'] },
  AR: { locale: 'es-AR', currency: 'ARS', timezone: 'America/Argentina/Buenos_Aires', payments: ['cash', 'card', 'transfer', 'mercadopago'] },
  CO: { locale: 'es-CO', currency: 'COP', timezone: 'America/Bogota', payments: ['cash', 'card', 'nequi', 'daviplata'] },
  CL: { locale: 'es-CL', currency: 'CLP', timezone: 'America/Santiago', payments: ['cash', 'card', 'transfer'] },
  PE: { locale: 'es-PE', currency: 'PEN', timezone: 'America/Lima', payments: ['cash', 'card', 'yape', 'plin'] },
  US: { locale: 'es-US', currency: 'USD', timezone: 'America/New_York', payments: ['cash', 'card', 'paypal'] },
  EN: { locale: 'en', currency: 'USD', timezone: '', payments: ['cash', 'card'] },
};

/** The country a menu's terms point to (its locale), for the country picker. */
export function countryOfLocale(locale: MenuLocale): CountryId {
  const found = COUNTRY_IDS.find((id) => COUNTRY_DEFAULTS[id].locale === locale);
  return found ?? 'ES';
}

/** A country's defaults with an empty zone filled by the computer's own. */
export function countryDefaults(country: CountryId, computerZone: string): CountryDefaults {
  const d = COUNTRY_DEFAULTS[country];
  return { ...d, payments: [...d.payments], timezone: d.timezone || computerZone };
}
