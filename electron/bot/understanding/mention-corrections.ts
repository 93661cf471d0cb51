// Corrections and replacements after the scan: "no espera, mejor una cuatro quesos" takes the place
// of the dish touched last; "en vez de pastor que sea de suadero" is the cart's "Orden de pastor"
// becoming the "Orden de suadero". Pure.
import { matchAt, nameTokens, type MenuIndex } from './menu-index.ts';
import { sameWord, type Token } from './text-tokens.ts';
import type { ScanOptions, ScanResult } from './mentions.ts';

/** How sure the message is a correction: strong ("no perdón, …", "instead") or weak (a leading "mejor"). */
export type Correcting = 'strong' | 'weak' | null;

/** Words that, right after a leading "no", make it a correction ("no perdón, media docena"). */
export const CORRECTION_AFTER_NO = new Set(['perdon', 'perdona', 'perdone', 'disculpa', 'disculpe', 'espera', 'esperate', 'espere', 'mejor', 'sorry', 'wait', 'actually', 'mas', 'bien', 'corrijo']);

/**
 * "no espera, mejor una cuatro quesos", "make that a cheeseburger instead": one new dish and
 * nothing taken out — it takes the place of the dish touched last.
 */
export function replaceLastIfCorrected(result: ScanResult, index: MenuIndex, options: ScanOptions, correcting: Correcting, addSaid: boolean): void {
  const last = options.lastItemId;
  if (!correcting || addSaid || options.correctable === false || !last || result.mentions.length !== 1) return;
  const m = result.mentions[0];
  if (!m || !m.itemId || m.mode === 'remove' || m.replacement || m.itemId === last || options.cartItemIds.has(m.itemId)) return;
  if (!options.cartItemIds.has(last)) return;
  if (correcting === 'weak' && !index.categories.some((c) => c.itemIds.includes(last) && c.itemIds.includes(m.itemId ?? ''))) return;
  const item = index.byId.get(last);
  m.mode = 'add';
  m.replacement = 'new';
  result.mentions.unshift({ mode: 'remove', quantity: 1, explicitQuantity: false, oneMore: false, itemId: last, candidates: [], note: null, label: item?.name ?? last, byNumber: false, definite: true, replacement: 'old' });
}

/**
 * "en vez de pastor que sea de suadero" with an "Orden de pastor" in the cart: the old dish is the
 * cart's one those words name, and the new one keeps its unit ("Orden de suadero").
 */
export function replaceWithinUnit(result: ScanResult, index: MenuIndex, options: ScanOptions): void {
  const list = result.mentions;
  for (let k = 0; k < list.length; k++) {
    const old = list[k];
    if (!old || old.replacement !== 'old' || !old.itemId || options.cartItemIds.has(old.itemId)) continue;
    const said = nameTokens(old.label);
    if (said.length === 0) continue;
    const names = (id: string) => index.variants.filter((v) => v.itemId === id);
    const inCart = [...options.cartItemIds].filter((id) => names(id).some((v) => said.every((w) => v.tokens.some((x) => sameWord(x, w)))));
    const cartId = inCart.length === 1 ? inCart[0] : undefined;
    if (!cartId) continue;
    old.itemId = cartId;
    const head = names(cartId).find((v) => v.tokens.length > said.length && !said.some((w) => sameWord(v.tokens[0] ?? '', w)))?.tokens[0];
    const next = list.slice(k + 1).find((m) => m.replacement === 'new');
    if (!head || !next?.itemId) continue;
    const withHead: Token[] = [head, ...nameTokens(next.label)].map((text) => ({ kind: 'word', text, value: 0, start: 0, end: 0 }));
    const m = matchAt(withHead, 0, index);
    if (m && m.full && m.kind === 'certain' && m.end === withHead.length && m.itemIds[0]) next.itemId = m.itemIds[0];
  }
}
