// The screen's language: the restaurant's setting, unless this screen chose otherwise.
import type { Locale } from '../../../shared/i18n.ts';

export const LOCALE_STORAGE_KEY = 'comanda.locale';

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return value === 'es' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
