// Ellipsis: what the customer leaves out because it was said before — "una orden de pastor y una de
// suadero" (the unit word carries over), "otra igual" (with the same choices as in the cart), "mejor
// 2", "otra más", "lo mismo otra vez" (no dish named: the cart line touched last). Pure.
import { matchAt, nameTokens, type MenuIndex } from './menu-index.ts';
import { MAX_QUANTITY } from './quantities.ts';
import { sameWord, type Token } from './text-tokens.ts';
import type { Correcting } from './mention-corrections.ts';
import type { Mention, Mode, ScanResult } from './mentions.ts';

/**
 * "una orden de pastor y una de suadero": the unit word of the dish before ("orden") carries over to
 * the words at tokens[start, end) ("de suadero") when the menu has that dish with it. The dish ids
 * it then names for certain, or null.
 */
export function unitCarriedOver(tokens: Token[], start: number, end: number, before: Mention | undefined, mode: Mode, matchedId: string | undefined, index: MenuIndex): string[] | null {
  if (!((tokens[start - 1]?.text === 'de' || tokens[start - 1]?.text === 'del') && before?.itemId && before.mode === mode && !before.byNumber)) return null;
  const said = nameTokens(before.label)[0] ?? '';
  const head = index.variants.find((v) => v.itemId === before.itemId && v.tokens.length > 1 && sameWord(said, v.tokens[0] ?? ''))?.tokens[0];
  if (head && !nameTokens(tokens.slice(start, end).map((x) => x.text).join(' ')).some((w) => sameWord(w, head))) {
    const withHead: Token[] = [{ kind: 'word', text: head, value: 0, start: 0, end: 0 }, ...tokens.slice(start, end)];
    const m = matchAt(withHead, 0, index);
    if (m && m.full && m.kind === 'certain' && m.end === withHead.length && m.itemIds[0] !== matchedId) return m.itemIds;
  }
  return null;
}

/**
 * No dish and no note in the message: a quantity said alone is for the cart line touched last —
 * "mejor 2" (its new quantity), "quita una" (taken off it), "otra más" / "lo mismo otra vez" (it
 * again), or "dame 2" (for the dish just asked about).
 */
export function readLooseQuantity(result: ScanResult, loose: { value: number; oneMore: boolean; mode: Mode } | null, words: ReadonlySet<string>, correcting: Correcting): void {
  const again = (words.has('mismo') || words.has('misma') || words.has('repite') || words.has('repiteme') || (words.has('otra') && words.has('vez')) || words.has('again'));
  if (again) result.repeatLast = { quantity: null };
  else if (loose && loose.mode === 'set') result.lastQuantity = loose.value;
  else if (loose && loose.mode === 'remove') result.removeLast = loose.value;
  else if (loose && loose.mode === 'add' && correcting === 'strong' && !loose.oneMore) result.lastQuantity = loose.value;
  else if (loose && loose.mode === 'add' && (loose.oneMore || words.has('mas') || words.has('more'))) result.repeatLast = { quantity: loose.value };
  else if (loose && loose.mode === 'add') result.bareQuantity = loose.value;
  if (result.lastQuantity !== null && result.lastQuantity > MAX_QUANTITY) {
    result.lastQuantity = null;
    result.tooMany = true;
  }
}

/** "otra muzza igual", "another one the same": one more of a dish in the cart, with its choices there. */
export function markSameAsBefore(mentions: Mention[], words: ReadonlySet<string>, cartItemIds: ReadonlySet<string>): void {
  if (words.has('igual') || words.has('same') || words.has('misma') || words.has('mismo')) {
    for (const m of mentions) if (m.itemId && m.mode === 'add' && m.oneMore && !m.note && cartItemIds.has(m.itemId)) m.sameAsBefore = true;
  }
}
