// The cart step: dishes added, taken out or changed, questions about dishes answered (price,
// contents, "¿tenéis …?"), a time and a note for the order, notes and quantities for the last line.
import { MAX_ORDER_NOTE_CHARS } from '../../../../shared/order.ts';
import { money } from '../../texts/blocks.ts';
import type { Mention } from '../../understanding/mentions.ts';
import { MAX_QUANTITY } from '../../understanding/quantities.ts';
import { judgeRequestedTime } from '../../understanding/requested-time.ts';
import { timeRefused } from '../policy.ts';
import { addToCart, cartHas, removeFromCart, setQuantity, type BotState } from '../state.ts';
import type { MenuItem } from '../../../../shared/menu.ts';
import type { OrderItemOption } from '../../../../shared/order.ts';
import { soldOutNamed } from '../../terms/sold-out.ts';
import { foldText } from '../../../../shared/text.ts';
import { tokenize } from '../../understanding/text-tokens.ts';
import { priceWith, readChoices } from '../../understanding/dish-options.ts';
import type { Reading, Turn } from '../turn.ts';
import { cartText } from '../../texts/blocks.ts';


/** A sold-out dish the customer named: said so, with the rest of its section; never added. */
function tellSoldOut(turn: Turn, r: Reading): void {
  const { menu } = turn.input;
  const told = new Set<string>();
  const tell = (words: string): boolean => {
    const found = soldOutNamed(menu, words);
    if (!found) return false;
    if (!told.has(found.item.id)) {
      told.add(found.item.id);
      turn.notices.push(turn.t.soldOut(found.item.name, found.others.slice(0, 6).map((i) => `${i.name} — ${money(i.price, menu)}`)));
    }
    return true;
  };
  for (let k = r.scan.unknown.length - 1; k >= 0; k--) {
    if (tell(r.scan.unknown[k] ?? '')) {
      r.scan.unknown.splice(k, 1);
      r.understood = true;
    }
  }
  for (let k = r.mentions.length - 1; k >= 0; k--) {
    const m = r.mentions[k];
    if (m && m.itemId === null && m.mode === 'add' && tell(m.label)) {
      r.mentions.splice(k, 1);
      r.understood = true;
    }
  }
  if (told.size > 0 || (r.scan.unknown.length === 0 && !r.mentions.some((m) => m.itemId === null))) return;
  // A name of several words the reading cut into pieces ("tortilla" … "patatas"): the whole message
  // names it; the pieces are its words, not unknown dishes.
  const whole = soldOutNamed(menu, r.it.restOriginal);
  if (!whole || !tell(r.it.restOriginal)) return;
  const nameWords = new Set(tokenize(foldText(whole.item.name)));
  const within = (words: string) => tokenize(foldText(words)).every((w) => nameWords.has(w));
  for (let k = r.scan.unknown.length - 1; k >= 0; k--) if (within(r.scan.unknown[k] ?? '')) r.scan.unknown.splice(k, 1);
  for (let k = r.mentions.length - 1; k >= 0; k--) {
    const m = r.mentions[k];
    if (m && m.itemId === null && within(m.label)) r.mentions.splice(k, 1);
  }
  r.understood = true;
}

/** "mejor grande", "con aceitunas" with no dish named: the options of the dish touched last. */
function changeOptionsOfLastLine(turn: Turn, r: Reading): void {
  const { state, index } = turn;
  const { it, scan, mentions } = r;
  if (mentions.length > 0 || state.pending.length > 0) return;
  const line = state.lastLine !== null ? state.cart[state.lastLine] : state.cart.at(-1);
  const item = line ? index.byId.get(line.itemId) : undefined;
  if (!line || !item?.options?.length) return;
  const read = readChoices(item, it.restOriginal, line.options ?? []);
  const key = (o: readonly { choiceId: string }[] | undefined) => (o ?? []).map((x) => x.choiceId).join(',');
  if (key(read.options) === key(line.options)) return;
  line.options = read.options;
  line.unitPrice = priceWith(item, read.options);
  scan.unknown.length = 0;
  scan.orphanNotes.length = 0;
  r.understood = true;
}

/**
 * After "si lo quieres, dime cuántos": "mandame una", "dame 2", "dale" order the dish just described
 * (a bare number is how many, not a dish number).
 */
function orderWhatWasOffered(turn: Turn, r: Reading): void {
  const { state } = turn;
  const offered = state.offered ? turn.index.byId.get(state.offered) : undefined;
  state.offered = null;
  if (!offered) return;
  const { it, scan, mentions } = r;
  // "me regala una personal": the dish was read with its choice already.
  if (mentions.some((m) => m.itemId === offered.id && !m.byNumber)) return;
  let quantity: number | null = null;
  if (mentions.length === 0 && scan.bareQuantity !== null) quantity = scan.bareQuantity;
  else if (mentions.length === 1 && mentions[0]?.byNumber && scan.unknown.length === 0) {
    const digits = /(?<![\p{L}\p{N}])(\d{1,2})(?![\p{L}\p{N}])/u.exec(it.restOriginal);
    if (digits) quantity = Number.parseInt(digits[1] ?? '', 10);
  } else if (mentions.length === 0 && scan.unknown.length === 0 && it.yes && !r.yesUsed) quantity = 1;
  let alone = true;
  if (quantity === null) {
    // "cool, ill take 2", "va, dame 3", "dale, mandame una": a quantity among words that only
    // acknowledge and ask; "ponme una y unas bravas": a quantity before the other dishes.
    const focus = quantityForFocus(turn, it.rest, mentions.length > 0);
    if (focus) {
      quantity = focus.quantity;
      alone = !focus.beforeOthers;
      if (alone) scan.unknown.length = 0;
    }
  }
  if (quantity === null || quantity < 1) return;
  if (alone) mentions.length = 0;
  scan.bareQuantity = null;
  if (it.yes) r.yesUsed = true;
  addWithOptions(turn, offered, Math.min(quantity, MAX_QUANTITY), null, [], { explicitQuantity: true, oneMore: false });
}

/**
 * The quantity asked for the dish in focus: the words around it only acknowledge or ask ("cool",
 * "va", "dale", "take", "ponme") — or, with other dishes named, it comes first, before "y"/"and"/",".
 */
function quantityForFocus(turn: Turn, rest: string, othersNamed: boolean): { quantity: number; beforeOthers: boolean } | null {
  const { words } = turn;
  const quiet = (w: string) => words.fillers.has(w) || words.focusWords.has(w) || words.yesAlone.test(w) || words.yesStart.test(w);
  const tokens = tokenize(rest).filter((k) => k.kind !== 'sep' || othersNamed);
  let k = 0;
  const skippable = (t: (typeof tokens)[number] | undefined) =>
    !!t && (t.kind === 'sep' || (t.kind === 'word' && !words.quantityWords.has(t.text) && quiet(t.text)));
  while (k < tokens.length && skippable(tokens[k])) k++;
  const q = tokens[k];
  if (!q) return null;
  const quantity = q.kind === 'num' ? q.value : q.kind === 'word' ? (words.quantityWords.get(q.text) ?? null) : null;
  if (quantity === null || quantity < 1) return null;
  const after = tokens.slice(k + 1);
  if (othersNamed) {
    const next = after[0];
    return next && (next.kind === 'soft' || next.kind === 'sep') ? { quantity, beforeOthers: true } : null;
  }
  return after.every((w) => (w.kind === 'word' && quiet(w.text)) || w.kind === 'sep') ? { quantity, beforeOthers: false } : null;
}

/** A note that reads as paying with something ("con oxxo", "with venmo"). */
const PAY_WITH = /^\s*(?:con|with|en|por|via)\s/iu;
/** Dishes, questions about dishes, the time and the order note. */
export function takeDishes(turn: Turn, r: Reading): void {
  const { state, t, notices, input } = turn;
  const { menu } = input;
  const { it, scan, mentions } = r;
  tellSoldOut(turn, r);
  orderWhatWasOffered(turn, r);
  changeOptionsOfLastLine(turn, r);
  // "¿Tenéis …?", "¿cuánto cuesta …?", "¿qué lleva …?" are answered with what the menu
  // has, and nothing is added.
  const asksAbout = it.asksAvailability || it.asksPrice || it.asksContents;
  if (asksAbout && mentions.every((m) => m.mode === 'add') && (mentions.length > 0 || scan.unknown.length > 0)) {
    const ids = [...new Set(mentions.flatMap((m) => (m.itemId ? [m.itemId] : m.candidates)))];
    const describe = (id: string) => {
      const item = turn.index.byId.get(id);
      if (!item) return id;
      const info = it.asksContents && item.description ? `: ${item.description}` : '';
      return `• ${item.name} — ${money(item.price, menu)}${info}`;
    };
    // The dish asked about, for "dame 2" next: the one named for sure, else the only candidate.
    const sure = [...new Set(mentions.flatMap((m) => (m.itemId ? [m.itemId] : [])))];
    state.offered = sure.length === 1 ? (sure[0] ?? null) : ids.length === 1 ? (ids[0] ?? null) : null;
    if (ids.length) turn.answers.push(it.asksAvailability ? t.available(ids.slice(0, 9).map((id) => describe(id).slice(2))) : t.dishInfo(ids.slice(0, 9).map(describe)));
    else turn.answers.push(t.notAvailable(scan.unknown));
    mentions.length = 0;
    scan.unknown.length = 0;
    scan.unknownNumbers.length = 0;
  } else if (it.asksPrice && mentions.length === 0 && scan.unknown.length === 0) {
    // "¿cuánto es?": the cart so far (the summary at the end shows the total as well).
    if (state.cart.length) turn.answers.push(`${t.cartSoFar}\n${cartText(state.cart, menu)}`);
  }
  // A time and a note for the whole order ("para las 21:30", "es para un cumpleaños").
  if (it.time) {
    const verdict = it.clock ? judgeRequestedTime(it.clock, input.now, menu.hours, menu.timezone ?? input.timezone) : null;
    if (verdict?.kind === 'ok') {
      if (state.requestedTime !== verdict.time) r.slotChanged = true;
      state.requestedTime = verdict.time;
      turn.answers.push(t.timeNoted(verdict.time));
    } else {
      turn.answers.push(verdict ? timeRefused(t, verdict) : t.timeUnclear);
    }
  }
  if (it.orderNote && !(state.orderNote ?? '').includes(it.orderNote)) {
    state.orderNote = (state.orderNote ? `${state.orderNote}. ${it.orderNote}` : it.orderNote).slice(0, MAX_ORDER_NOTE_CHARS);
    r.slotChanged = true;
    turn.answers.push(t.notedOrderNote(it.orderNote));
  }
  let replaced = 0;
  for (const m of mentions) {
    if (m.replacement === 'new' && !m.explicitQuantity && replaced > 0) m.quantity = replaced;
    const before = m.replacement === 'old' ? countInCart(state, m) : 0;
    applyMention(turn, m);
    if (m.replacement === 'old') replaced = before - countInCart(state, m);
  }
  if (mentions.length === 0) {
    const line = state.lastLine !== null ? state.cart[state.lastLine] : state.cart.at(-1);
    if (line && scan.lastQuantity !== null && scan.lastQuantity >= 1) line.quantity = scan.lastQuantity;
    if (line && scan.repeatLast) line.quantity = Math.min(MAX_QUANTITY, line.quantity + (scan.repeatLast.quantity ?? line.quantity));
    // "quita una", "take one off": one fewer of the last line (the line goes when none is left).
    if (line && scan.removeLast !== null) {
      const item = turn.index.byId.get(line.itemId);
      const taken = Math.min(line.quantity, scan.removeLast);
      line.quantity -= taken;
      if (line.quantity <= 0) {
        state.cart.splice(state.cart.indexOf(line), 1);
        state.lastLine = state.cart.length ? state.cart.length - 1 : null;
      }
      if (taken > 0) notices.push(t.removed(`${taken} × ${item?.name ?? line.name}`));
    }
  }
  for (const orphan of scan.orphanNotes) {
    // "con oxxo" to "how will you pay?": a method the bot does not know, no note for the last dish.
    if (r.asked === 'payment' && !state.payment && PAY_WITH.test(orphan.note)) continue;
    const line = state.lastLine !== null ? state.cart[state.lastLine] : state.cart.at(-1);
    if (!line) continue;
    if (orphan.quantity !== null && line.quantity > orphan.quantity) {
      line.quantity -= orphan.quantity;
      state.cart.push({ itemId: line.itemId, name: line.name, quantity: orphan.quantity, unitPrice: line.unitPrice, note: orphan.note });
      state.lastLine = state.cart.length - 1;
    } else {
      line.note = (line.note ? `${line.note}, ${orphan.note}` : orphan.note).slice(0, 200);
    }
  }
  for (const n of scan.unknownNumbers) notices.push(t.unknownNumber(n, turn.index.items.length));
  if (scan.tooMany) notices.push(t.tooMany);
}

export function applyMention(turn: Turn, m: Mention): void {
  const { state, index, t } = turn;
  let candidates = m.itemId ? [m.itemId] : m.candidates;
  let sure = !!m.itemId || m.mode !== 'add';
  if (!sure && m.definite && m.note && !m.explicitQuantity) {
    // "la hamburguesa sin cebolla" with one burger in the cart: a note for that one.
    const inCart = candidates.filter((id) => cartHas(state, id));
    if (inCart.length === 1) {
      candidates = inCart;
      sure = true;
    }
  }
  if (m.mode !== 'add') {
    // Taking out or changing: only dishes in the cart count.
    const inCart = candidates.filter((id) => cartHas(state, id));
    if (inCart.length === 0 && m.mode === 'remove') {
      turn.notices.push(t.notInCart(m.label || (index.byId.get(candidates[0] ?? '')?.name ?? '')));
      return;
    }
    if (inCart.length > 0) candidates = inCart;
  }
  if (candidates.length === 1 && sure) {
    const item = index.byId.get(candidates[0] ?? '');
    if (!item) return;
    if (m.mode === 'remove') {
      const taken = removeFromCart(state, item.id, m.explicitQuantity ? m.quantity : null);
      if (taken > 0) turn.notices.push(t.removed(m.explicitQuantity ? `${taken} × ${item.name}` : item.name));
    } else if (m.mode === 'set' && m.explicitQuantity && !m.oneMore) {
      setQuantity(state, item, m.quantity);
    } else if (m.definite && !m.note && !m.explicitQuantity && !m.oneMore && m.mode === 'add' && cartHas(state, item.id)) {
      // "ok, solo la napo": the one already in the cart, not another.
      state.lastLine = state.cart.findLastIndex((l) => l.itemId === item.id);
    } else if (m.definite && m.note && !m.explicitQuantity && cartHas(state, item.id)) {
      // "y las bravas poco picantes": a note for the bravas already in the cart.
      const k = state.cart.findLastIndex((l) => l.itemId === item.id);
      const line = state.cart[k];
      if (line) {
        // "la muzza con extra queso": its options change; the rest is a note.
        const read = readChoices(item, m.note, line.options ?? []);
        if (read.options.length) {
          line.options = read.options;
          line.unitPrice = priceWith(item, read.options);
        } else delete line.options;
        if (read.note) line.note = (line.note ? `${line.note}, ${read.note}` : read.note).slice(0, 200);
        state.lastLine = k;
      }
    } else if (m.sameAsBefore) {
      // "otra muzza igual": as the one in the cart, choices and note.
      const like = state.cart.findLast((l) => l.itemId === item.id);
      addWithOptions(turn, item, m.quantity, m.note ?? like?.note ?? null, like?.options ?? [], m);
    } else {
      addWithOptions(turn, item, m.quantity, m.note, [], m);
    }
    return;
  }
  if (candidates.length === 0) return;
  state.pending.push({
    kind: candidates.length === 1 ? 'confirm' : 'choose',
    options: candidates,
    quantity: m.quantity,
    explicitQuantity: m.explicitQuantity,
    oneMore: m.oneMore,
    note: m.note,
    mode: m.mode,
    label: m.label,
  });
}

/**
 * Adds a dish with the options its note names; a required option not given is asked for first
 * (the dish waits in the question, nothing is lost).
 */
export function addWithOptions(
  turn: Turn,
  item: MenuItem,
  quantity: number,
  note: string | null,
  already: OrderItemOption[],
  m: Pick<Mention, 'explicitQuantity' | 'oneMore'>,
): void {
  const read = readChoices(item, note, already);
  const group = read.missing[0];
  if (!group) {
    addToCart(turn.state, item, quantity, read.note, read.options);
    return;
  }
  turn.state.pending.push({
    kind: 'option',
    options: [item.id],
    quantity,
    explicitQuantity: m.explicitQuantity,
    oneMore: m.oneMore,
    note: read.note,
    mode: 'add',
    label: item.name,
    group: group.id,
    chosen: read.options,
  });
}

/** How many of the mention's dish (or its candidates) the cart holds. */
function countInCart(state: BotState, m: Mention): number {
  const ids = m.itemId ? [m.itemId] : m.candidates;
  return state.cart.filter((l) => ids.includes(l.itemId)).reduce((sum, l) => sum + l.quantity, 0);
}
