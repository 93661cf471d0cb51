// The bot's text set for a menu's locale. One file per regional set, same keys (types.ts).
import { WEEKDAYS, type MenuLocale } from '../../../shared/menu.ts';
import { EN, DAYS_EN } from './en.ts';
import { DAYS_ES, ES_ES } from './es-ES.ts';
import type { BotTexts } from './types.ts';

export type { BotTexts, StatusFacts } from './types.ts';

const SETS: Record<MenuLocale, BotTexts> = {
  'es-ES': ES_ES,
  'es-MX': ES_ES,
  'es-AR': ES_ES,
  'es-CO': ES_ES,
  'es-CL': ES_ES,
  'es-PE': ES_ES,
  'es-US': ES_ES,
  en: EN,
};

export function botTexts(locale: MenuLocale | 'es'): BotTexts {
  return SETS[locale === 'es' ? 'es-ES' : locale] ?? ES_ES;
}

/** Weekday names, exported for tests that build expectations. */
export const WEEKDAY_NAMES = { es: DAYS_ES, en: DAYS_EN, order: WEEKDAYS };
