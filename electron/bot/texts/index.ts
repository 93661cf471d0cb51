// The bot's text set for a menu's locale. One file per regional set, same keys (types.ts).
import { WEEKDAYS, type MenuLocale } from '../../../shared/menu.ts';
import { EN, DAYS_EN } from './en.ts';
import { ES_AR } from './es-AR.ts';
import { ES_CO } from './es-CO.ts';
import { DAYS_ES, ES_ES } from './es-ES.ts';
import { ES_LATAM } from './es-LATAM.ts';
import { ES_MX } from './es-MX.ts';
import type { BotTexts } from './types.ts';

export type { BotTexts, StatusFacts } from './types.ts';

const SETS: Record<MenuLocale, BotTexts> = {
  'es-ES': ES_ES,
  'es-MX': ES_MX,
  'es-AR': ES_AR,
  'es-CO': ES_CO,
  'es-CL': ES_LATAM,
  'es-PE': ES_LATAM,
  'es-US': ES_LATAM,
  en: EN,
};

export function botTexts(locale: MenuLocale | 'es'): BotTexts {
  return SETS[locale === 'es' ? 'es-ES' : locale] ?? ES_ES;
}

/** Weekday names, exported for tests that build expectations. */
export const WEEKDAY_NAMES = { es: DAYS_ES, en: DAYS_EN, order: WEEKDAYS };
