// The name step: a name given with an intro ("a nombre de Ana"), alone on a line, as a bare answer
// to "¿a nombre de quién?", or the WhatsApp profile name confirmed with "sí".
import { cleanName, tidyValue } from '../../understanding/intents.ts';
import { setName, type Reading, type Turn } from '../turn.ts';


/** A capitalised word standing alone in a message that holds more: the name. */
export function nameInMessage(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions } = r;
  // A capitalised word standing alone in a message that holds more ("2 bravas\ncalle mayor 5\nMarta",
  // "… calle Sol 3, Ana, bizum", "… 2ºA. Juan. Tarjeta."): the name, when no dish matches it. On
  // a line of its own, even a near miss of a dish is the name (Marta ~ tarta); between commas or
  // full stops only a word that matches nothing.
  if (!state.name && !it.name) {
    const nameLike = (l: string) => /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u.test(l);
    const lines = new Set(it.original.includes('\n') ? it.original.split('\n').map((l) => tidyValue(l)).filter(nameLike) : []);
    const parts = it.original.split(/[\n.;,]+/u).map((l) => tidyValue(l)).filter((l) => l.length > 0);
    const segments = new Set(parts.filter(nameLike));
    const k = mentions.findIndex((m) => !m.itemId && m.candidates.length === 1 && m.mode === 'add' && !m.explicitQuantity && lines.has(tidyValue(m.label)));
    const m = mentions[k];
    const u = scan.unknown.findIndex((w) => segments.has(tidyValue(w)));
    // A word matching nothing is a name only beside another slot ("…, Ana, bizum"); beside dishes
    // alone ("una margarita, Sushi") it is a dish the menu does not have.
    const more = !!(it.address || it.payment || it.fulfilment);
    if (m) {
      setName(turn, tidyValue(m.label));
      mentions.splice(k, 1);
      r.slotChanged = true;
    } else if (u >= 0 && more && parts.length > 1 && r.asked !== 'address') {
      // (After "which address?", "…456, Lima" is the city: it stays with the address.)
      setName(turn, tidyValue(scan.unknown[u] ?? ''));
      scan.unknown.splice(u, 1);
      r.slotChanged = true;
    }
  }
}

/** "a nombre de Ana", "soy Ana": the name, whatever was asked. */
export function takeName(turn: Turn, r: Reading): void {
  const { it } = r;
  if (it.name) {
    setName(turn, it.name);
    r.slotChanged = true;
  }
}

/** "Juan" when asked pickup-or-delivery: the name given early. */
export function nameWhenAskedFulfilment(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions, pending } = r;
  // "Juan" when asked pickup-or-delivery, before any name was given: no dish came close (that would
  // be a "did you mean?"), and it is capitalised like a name, so it is the name given early; the
  // pickup-or-delivery question is asked again. Lowercase words stay "not on the menu".
  if (r.asked === 'fulfilment' && !pending && state.pending.length === 0 && !state.name && !it.name && !it.fulfilment && !r.tookAddress && mentions.length === 0 && scan.unknown.length > 0 && scan.unknownNumbers.length === 0) {
    const bare = cleanName(it.restOriginal);
    if (bare && /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u.test(bare)) {
      setName(turn, bare);
      r.slotChanged = true;
      scan.unknown.length = 0;
    }
  }
}

/** The answer to "¿a nombre de quién?". */
export function bareName(turn: Turn, r: Reading): void {
  const { state, input } = turn;
  const { customer } = input;
  const { it, scan, mentions } = r;
  if (r.asked === 'name' && !state.name && !it.name && !r.tookAddress && !r.addedToAddress) {
    // A bare menu number next to words the menu does not know ("Cliente 3", "Mesa 4") is a name.
    // "coca también", "y una coca", "además la tarta": more dishes, not a name.
    const moreDishes = /(?<![\p{L}\p{N}])(?:tambien|tb|tmb|tbn|ademas|also|too)(?![\p{L}\p{N}])|^\s*(?:y|and|plus)\s/u.test(it.folded.text);
    // All in lower case and every word a dish ("pizza", "una coca"): a dish; "Margarita" is a name.
    const capitalised = /^\s*\p{Lu}/u.test(it.restOriginal);
    // (A near miss alone, "marta" ~ tarta, is a name in lower case.)
    const allDish = mentions.length > 0 && scan.unknown.length === 0 && !capitalised && mentions.some((m) => m.itemId !== null || m.candidates.length > 1);
    const dishAnswer =
      allDish ||
      (moreDishes && mentions.length > 0) ||
      mentions.length > 1 ||
      mentions.some((m) => m.explicitQuantity || m.mode !== 'add') ||
      (mentions.some((m) => m.byNumber) && scan.unknown.length === 0);
    const profile = customer.profileName ? cleanName(customer.profileName) : null;
    const leftover = cleanName(it.restOriginal);
    if (it.yes && !r.yesUsed && profile && !state.profileDeclined && !leftover) {
      setName(turn, profile);
      r.yesUsed = true;
      r.slotChanged = true;
    } else if (it.no && !r.yesUsed && !leftover) {
      state.profileDeclined = true;
      r.understood = true;
    } else if (
      !dishAnswer &&
      leftover &&
      ((scan.unknown.length > 0 || mentions.length > 0) && !(r.otherSlot && scan.unknown.length === 0 && mentions.length === 0) ||
        // A name that is also a common word ("Will", "Dan", "Sean"): alone, it is the answer.
        (mentions.length === 0 && !r.otherSlot && !it.yes && !it.no && !it.thanks && !it.done && !it.asksPrice && /^\p{L}[\p{L}'’-]*(?:\s\p{L}[\p{L}'’-]*)?$/u.test(leftover)))
    ) {
      setName(turn, leftover);
      r.slotChanged = true;
      mentions.length = 0;
      scan.unknown.length = 0;
    } else if (r.otherSlot && profile && !state.profileDeclined) {
      setName(turn, profile);
      r.slotChanged = true;
    }
  }
}
