// The compiled lexicon for a menu's locale: sets and regexes built once and cached.
import { PAYMENT_METHOD_IDS, type MenuLocale, type PaymentMethodId } from '../../../shared/menu.ts';
import { WORD_END as E, wordsRegExp } from '../understanding/text-tokens.ts';
import { COMMON } from './common.ts';
import { EN } from './en.ts';
import { ES_AR } from './es-AR.ts';
import { ES_CO } from './es-CO.ts';
import { ES_ES } from './es-ES.ts';
import { ES_LATAM } from './es-LATAM.ts';
import { ES_MX } from './es-MX.ts';
import { mergeLexicons, type Lexicon, type LexiconPart } from './lexicon.ts';

export interface Words {
  locale: MenuLocale;
  fillers: ReadonlySet<string>;
  sizeWords: ReadonlySet<string>;
  people: ReadonlySet<string>;
  noteTriggers: ReadonlySet<string>;
  removeWords: ReadonlySet<string>;
  setWords: ReadonlySet<string>;
  addWords: ReadonlySet<string>;
  oneMoreWords: ReadonlySet<string>;
  quantityWords: ReadonlyMap<string, number>;
  quantityPhrases: readonly { words: string[]; value: number }[];
  yesStart: RegExp;
  yesAlone: RegExp;
  noStart: RegExp;
  pickup: RegExp;
  delivery: RegExp;
  focusWords: ReadonlySet<string>;
  /** Asking for a person. */
  handoff: RegExp;
  /** In PAYMENT_METHOD_IDS order; each with "pago con …" in front allowed. */
  payments: readonly { method: PaymentMethodId; re: RegExp }[];
}

const REGION: Record<MenuLocale, LexiconPart> = {
  'es-ES': ES_ES,
  'es-MX': ES_MX,
  'es-AR': ES_AR,
  'es-CO': ES_CO,
  'es-CL': ES_LATAM,
  'es-PE': ES_LATAM,
  'es-US': ES_LATAM,
  en: EN,
};

const PAY_PREFIX =
  "(?:(?:(?:forma|metodo|medio) de )?(?:pago|pagare|pagamos|pagaria|pagar|pagaremos|pay|paying|payment|i'?ll pay)(?:\\s*:\\s*|\\s+)(?:(?:con|en|por|by|with|in|via)\\s+)?)?(?:(?:con|en|por|by|with|via)\\s+)?";

const cache = new Map<MenuLocale, Words>();

/** The lexicon a locale reads with: the common words and the region's. */
export function lexiconOf(locale: MenuLocale): Lexicon {
  return mergeLexicons(COMMON, REGION[locale]);
}

export function wordsFor(locale: MenuLocale | 'es' = 'es-ES'): Words {
  const key: MenuLocale = locale === 'es' ? 'es-ES' : locale;
  const cached = cache.get(key);
  if (cached) return cached;
  const words = compile(key, lexiconOf(key));
  cache.set(key, words);
  return words;
}

function compile(locale: MenuLocale, lex: Lexicon): Words {
  const alt = (list: readonly string[]) => list.join('|');
  return {
    locale,
    fillers: new Set([...lex.fillers, ...lex.unitWords]),
    sizeWords: new Set(lex.sizeWords),
    people: new Set(lex.people),
    noteTriggers: new Set(lex.noteTriggers),
    removeWords: new Set(lex.removeWords),
    setWords: new Set(lex.setWords),
    addWords: new Set(lex.addWords),
    oneMoreWords: new Set(lex.oneMoreWords),
    quantityWords: new Map(Object.entries(lex.quantityWords)),
    quantityPhrases: lex.quantityPhrases,
    yesStart: new RegExp(`^\\s*(?:${alt(lex.yesStart)})${E}`, 'u'),
    yesAlone: new RegExp(`^(?:${alt(lex.yesAlone)})$`, 'u'),
    noStart: new RegExp(
      `^\\s*(?:${alt(lex.noStart)})${E}(?!\\s+(?:quiero|me|le|lleva|lleve|pongas|pongais|pon|pongan|la|el|los|las)${E})`,
      'u',
    ),
    pickup: wordsRegExp(alt(lex.pickup), 'gu'),
    delivery: wordsRegExp(alt(lex.delivery), 'gu'),
    focusWords: new Set(lex.focusWords),
    handoff: wordsRegExp(alt(lex.handoff), 'gu'),
    payments: PAYMENT_METHOD_IDS.flatMap((method) => {
      const said = lex.payments[method];
      return said && said.length ? [{ method, re: wordsRegExp(`${PAY_PREFIX}(?:${alt(said)})`, 'gu') }] : [];
    }),
  };
}
