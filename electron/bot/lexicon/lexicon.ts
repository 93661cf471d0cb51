// The words the bot reads, as data: one file per region (es-ES.ts, es-MX.ts, …) adds its own words
// to the ones every Spanish and English customer uses (common.ts). Phrases are regex sources over
// folded text (lowercase, no accents); plain words are single folded words. The understanding
// modules take a compiled lexicon (sets and regexes, built once per locale).
import type { MenuLocale, PaymentMethodId } from '../../../shared/menu.ts';

export interface Lexicon {
  /** Words that never name a dish: greetings, politeness, verbs of ordering, articles. */
  fillers: string[];
  /** Size and temperature words after a dish: a note for the kitchen ("una coca grande"). */
  sizeWords: string[];
  /** "para 4 personas": how many people, never a dish number or a dish. */
  people: string[];
  /** Words that start a note for a dish ("sin cebolla", "bien hecha"). */
  noteTriggers: string[];
  /** "quita la coca". */
  removeWords: string[];
  /** "mejor 3 margaritas", "son 3": that many in all. */
  setWords: string[];
  /** "falta una coca", "agrega": one more dish. */
  addWords: string[];
  /** Quantity words ("dos" = 2). */
  quantityWords: Record<string, number>;
  /** Quantity phrases and dish units ("media docena" = 6, "un par" = 2), longest first. */
  quantityPhrases: { words: string[]; value: number }[];
  /** Words that say "one more" ("otra"). */
  oneMoreWords: string[];
  /** Words that, after a quantity, only name the unit ("3 porciones de", "una orden de"). */
  unitWords: string[];
  /** Yes at the start of a message (regex sources). */
  yesStart: string[];
  /** Yes when it is the whole message. */
  yesAlone: string[];
  /** No at the start of a message. */
  noStart: string[];
  /** Pickup phrases. */
  pickup: string[];
  /** Delivery phrases. */
  delivery: string[];
  /** Words that only acknowledge a dish just described and ask for it ("cool, ill take 2", "va, dame 3"). */
  focusWords: string[];
  /** Asking for a person instead of the bot ("pásame con el encargado", "can I talk to someone"). */
  handoff: string[];
  /** The customer's words for each payment method (without "pago con"). */
  payments: Partial<Record<PaymentMethodId, string[]>>;
}

export type LexiconPart = Partial<Lexicon>;

export function mergeLexicons(base: Lexicon, ...parts: LexiconPart[]): Lexicon {
  const out: Lexicon = structuredClone(base);
  for (const part of parts) {
    for (const [key, value] of Object.entries(part) as [keyof Lexicon, unknown][]) {
      if (value === undefined) continue;
      if (key === 'quantityWords') Object.assign(out.quantityWords, value);
      else if (key === 'payments') {
        for (const [method, phrases] of Object.entries(value as Lexicon['payments']) as [PaymentMethodId, string[]][]) {
          out.payments[method] = [...(out.payments[method] ?? []), ...phrases];
        }
      } else if (key === 'quantityPhrases') {
        out.quantityPhrases = [...(value as Lexicon['quantityPhrases']), ...out.quantityPhrases].sort((a, b) => b.words.length - a.words.length);
      } else (out[key] as string[]) = [...(out[key] as string[]), ...(value as string[])];
    }
  }
  return out;
}

export type { MenuLocale };
