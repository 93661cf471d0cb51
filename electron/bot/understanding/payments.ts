// "pago con tarjeta", "en efectivo", "te yapeo", "por transfe": the payment method the customer
// names, in the words of the restaurant's region (lexicon). Several named: a negated one is dropped
// ("ya no en efectivo, con tarjeta"), a preferred one wins ("efectivo… no, mejor tarjeta"),
// otherwise the first. Pure.
import type { PaymentMethodId } from '../../../shared/menu.ts';
import type { Words } from '../lexicon/index.ts';

const PAYMENT_NEGATED = /(?:^|[^\p{L}\p{N}])(?:no|ya no|nada de|en vez de|en lugar de|instead of|not)\s*(?:(?:pago|pagar|pagare|pay)\s+)?$/u;
const PAYMENT_PREFERRED = /(?:^|[^\p{L}\p{N}])(?:mejor|prefiero|mas bien|better|rather)\s*(?:(?:pago|pagar|pagare|pay)\s+)?$/u;

export interface PaymentReading {
  /** The method meant, null when none (or only a refused one) was named. */
  method: PaymentMethodId | null;
  /** Every phrase that named a method, to blank before dishes are read. */
  spans: { start: number; end: number }[];
}

export function readPayment(f: string, words: Words): PaymentReading {
  const found: { method: PaymentMethodId; at: number; rank: number }[] = [];
  const spans: PaymentReading['spans'] = [];
  for (const { method, re } of words.payments) {
    re.lastIndex = 0;
    const m = re.exec(f);
    re.lastIndex = 0;
    if (!m) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
    const before = f.slice(Math.max(0, m.index - 24), m.index);
    const rank = PAYMENT_NEGATED.test(before) ? 2 : PAYMENT_PREFERRED.test(before) ? 0 : 1;
    found.push({ method, at: m.index, rank });
  }
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  const chosen = found[0];
  return { method: chosen && chosen.rank < 2 ? chosen.method : null, spans };
}
