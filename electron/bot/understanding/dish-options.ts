// A dish's options in the customer's words: "una grande de muzza", "con extra queso y aceitunas",
// "quesadilla de tinga". The words come to the dish as its note (the mention scanner keeps size
// words, "con …" and the dish's own choice words with it); here the choices are taken out of that
// note and what is left ("sin cebolla") stays a note. Choices after "sin"/"no" are never taken. Pure.
import type { MenuItem, OptionChoice, OptionGroup } from '../../../shared/menu.ts';
import type { OrderItemOption } from '../../../shared/order.ts';
import { foldText } from '../../../shared/text.ts';
import { sameWord, tokenize } from './text-tokens.ts';
import { nearWord } from './typos.ts';

const SKIP = new Set(['de', 'del', 'la', 'el', 'con', 'y', 'e', 'a', 'al', 'en', 'the', 'of', 'with', 'and', 'extra', 'mas', 'tamano', 'size']);
const NEGATION = new Set(['sin', 'no', 'without', 'ni']);
const POSITIVE = new Set(['con', 'with', 'extra', 'y', 'and', 'mas', 'mejor', 'better', 'pero', 'but']);

export interface ChoiceReading {
  options: OrderItemOption[];
  /** The note without the words that named choices (null when nothing is left). */
  note: string | null;
  /** Required groups with no choice yet. */
  missing: OptionGroup[];
}

function choiceTokens(text: string): string[] {
  return tokenize(foldText(text))
    .filter((t) => t.kind === 'word' || t.kind === 'num')
    .map((t) => t.text);
}

function variantsOf(choice: OptionChoice): string[][] {
  return [choice.name, choice.id.replace(/[-_.]+/g, ' '), ...(choice.aliases ?? [])]
    .map((v) => choiceTokens(v).filter((w) => !SKIP.has(w)))
    .filter((v) => v.length > 0);
}

const same = (a: string, b: string) => sameWord(a, b) || nearWord(a, b);

/** Every word of the choice's dish-words that the customer gives names a choice (the dish's words are "the menu's"). */
export function choiceWords(item: MenuItem): Set<string> {
  const out = new Set<string>();
  for (const group of item.options ?? []) for (const choice of group.choices) for (const v of variantsOf(choice)) for (const w of v) out.add(w);
  return out;
}

/**
 * The choices named in `note` for `item`, in each group at most `max` (a one-choice group keeps the
 * last named: "chica… no, grande"), with `already` chosen kept.
 */
export function readChoices(item: MenuItem, note: string | null, already: readonly OrderItemOption[] = []): ChoiceReading {
  const groups = item.options ?? [];
  const chosen = [...already];
  if (groups.length === 0) return { options: chosen, note, missing: [] };
  const words = note ? tokenize(foldText(note)).filter((t) => t.kind === 'word' || t.kind === 'num') : [];
  const used = new Set<number>();
  // Words after "sin"/"no" (until "con"/"y") belong to a removal, not a choice.
  const negated = new Set<number>();
  let off = false;
  words.forEach((w, k) => {
    if (NEGATION.has(w.text)) off = true;
    else if (POSITIVE.has(w.text) && w.text !== 'y' && w.text !== 'and') off = false;
    if (off) negated.add(k);
  });
  for (const group of groups) {
    const hits: { choice: OptionChoice; at: number; span: number[] }[] = [];
    for (const choice of group.choices) {
      let best: number[] | null = null;
      for (const v of variantsOf(choice)) {
        const span: number[] = [];
        for (const w of v) {
          const k = words.findIndex((t, n) => !used.has(n) && !negated.has(n) && !span.includes(n) && same(t.text, w));
          if (k < 0) break;
          span.push(k);
        }
        if (span.length === v.length && (!best || span.length > best.length)) best = span;
      }
      if (best) hits.push({ choice, at: Math.min(...best), span: best });
    }
    hits.sort((a, b) => a.at - b.at);
    const fromGroup = chosen.filter((o) => o.groupId === group.id);
    let taken = group.max === 1 ? hits.slice(-1) : hits.slice(0, Math.max(0, group.max - fromGroup.length));
    if (group.max === 1 && taken.length) {
      for (let k = chosen.length - 1; k >= 0; k--) if (chosen[k]?.groupId === group.id) chosen.splice(k, 1);
    }
    taken = taken.filter((h) => !chosen.some((o) => o.groupId === group.id && o.choiceId === h.choice.id));
    for (const h of hits) for (const k of h.span) used.add(k);
    for (const h of taken) chosen.push({ groupId: group.id, choiceId: h.choice.id, name: h.choice.name, price: h.choice.price });
  }
  // What is left of the note: its words that named no choice, minus a lone "con"/"extra".
  let left: string | null = note;
  if (note && used.size > 0) {
    const kept = words.filter((_, k) => !used.has(k)).map((t) => note.slice(t.start, t.end));
    const text = kept.join(' ').replace(/^(?:(?:con|with|extra|y|and|de|,)\s*)+|(?:\s*(?:con|with|y|and|de))+$/giu, '').trim();
    left = text.length > 0 && !/^(?:con|with|extra|y|and)$/iu.test(text) ? text : null;
  }
  const missing = groups.filter((g) => g.required && !chosen.some((o) => o.groupId === g.id));
  // Keep the menu's order of groups.
  chosen.sort((a, b) => groups.findIndex((g) => g.id === a.groupId) - groups.findIndex((g) => g.id === b.groupId));
  return { options: chosen, note: left, missing };
}

/** A choice of `group` in a bare answer: its number in the list, or its words. */
export function choiceAnswer(group: OptionGroup, text: string, number: number | null): OptionChoice | null {
  if (number !== null && number >= 1 && number <= group.choices.length) return group.choices[number - 1] ?? null;
  const item: MenuItem = { id: '_', name: '_', price: 0, options: [{ ...group, required: false, max: 1 }] };
  const found = readChoices(item, text).options[0];
  return found ? (group.choices.find((c) => c.id === found.choiceId) ?? null) : null;
}

/** The dish's price with its choices, for one. */
export function priceWith(item: MenuItem, options: readonly OrderItemOption[]): number {
  return Math.round((item.price + options.reduce((sum, o) => sum + o.price, 0)) * 100) / 100;
}
