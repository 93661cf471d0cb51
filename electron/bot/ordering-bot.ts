// The ordering conversation: greet and show the menu, take dishes (with questions about anything
// unsure), then pickup or delivery (+ address), name, payment, a summary and an explicit yes. Slots
// are filled in whatever order the customer gives them. Commands work at any step. Pure: the only
// side effects go through BotEffects, called synchronously.
import { MAX_ORDER_NOTE_CHARS } from '../../shared/order.ts';
import { cutText, foldText } from '../../shared/text.ts';
import {
  IDLE_RESET_MS,
  MAX_MESSAGE_CHARS,
  type BotEffects,
  type BotHandler,
  type BotInput,
  type BotOutput,
  type CustomerOrderSummary,
  type OrderDraft,
} from './bot-types.ts';
import { botTexts, cartText, categoriesText, menuText, money, summaryText, type BotTexts } from './bot-texts.ts';
import {
  addToCart,
  cartHas,
  freshState,
  loadState,
  removeFromCart,
  setQuantity,
  type BotState,
  type PendingQuestion,
} from './conversation-state.ts';
import { cleanName, detectIntents, looksLikeAddress, tidyValue, type Intents } from './intents.ts';
import { categoryNamed, menuIndex, scanOrder, visibleCategories, type MenuIndex, type Mention, type ScanResult } from './menu-matcher.ts';
import { floorOrDoor, streetAndNumber } from './inline-address.ts';
import { isOpen, nextOpening, rangesToday } from './opening-hours.ts';
import { MAX_QUANTITY } from './quantity-words.ts';
import { judgeClockTime, judgeRequestedTime, type TimeVerdict } from './requested-time.ts';

/** A house number, or a customer's word that there is none. */
const HOUSE_NUMBER = /\d|s\/n|sin numero|no tiene numero/u;
/** "en la calle Sol" → "calle Sol". */
const STREET_AFTER_PREPOSITION =
  /^\s*(?:en|a|al|para|hasta)\s+(?:(?:la|el)\s+)?(?=(?:calle|c\/|avenida|avda|av\.?|plaza|pza|paseo|carrera|cra|calzada|colonia|col\.|jiron|jr\.|pasaje|carretera|ctra)(?![\p{L}\p{N}]))/iu;

/** Above this many dishes the greeting lists sections instead of every dish. */
export const LARGE_MENU_ITEMS = 25;
export const CANCEL_REASON = 'Cancelado por el cliente';

const ORDINALS: Record<string, number> = {
  primera: 1, primero: 1, first: 1, segunda: 2, segundo: 2, second: 2, tercera: 3, tercero: 3, third: 3,
  cuarta: 4, cuarto: 4, fourth: 4, quinta: 5, quinto: 5, fifth: 5, sexta: 6, sexto: 6, sixth: 6,
};

interface Turn {
  input: BotInput;
  effects: BotEffects;
  t: BotTexts;
  index: MenuIndex;
  state: BotState;
  notices: string[];
  /** Answers to the customer's own questions this turn (hours, delivery, prices), said after any greeting. */
  answers: string[];
}

export const handleMessage: BotHandler = (input, effects) => {
  const t = botTexts(input.menu.locale);
  const before = loadState(input.conversation, input.now);
  try {
    const { state, replies } = converse(input, effects, loadState(input.conversation, input.now));
    state.version = 1;
    state.updatedAt = input.now;
    return { conversation: state, replies: replies.filter((r) => r.trim().length > 0) };
  } catch {
    // Never leave the customer in silence, and never lose what the conversation held.
    before.updatedAt = input.now;
    return { conversation: before, replies: [t.notUnderstood] };
  }
};

function converse(input: BotInput, effects: BotEffects, loaded: BotState): BotOutput & { state: BotState } {
  const { menu } = input;
  const t = botTexts(menu.locale);
  let state = loaded;
  const notices: string[] = [];

  if (input.conversation && input.now - state.updatedAt > IDLE_RESET_MS) {
    const hadCart = state.cart.length > 0;
    state = freshState(input.now);
    if (hadCart) notices.push(t.startedOver);
  }

  if (input.message.kind === 'media') {
    if (state.mediaWarned) return { state, conversation: state, replies: [] };
    state.mediaWarned = true;
    return done(state, [...notices, t.mediaNotRead]);
  }

  const body = typeof input.message.body === 'string' ? input.message.body : '';
  const text = cutText(body, MAX_MESSAGE_CHARS).text;
  const it = detectIntents(text);
  const turn: Turn = { input, effects, t, index: menuIndex(menu), state, notices, answers: [] };

  if (it.handoff) {
    effects.requestHandoff(text);
    return done(state, [...notices, t.handoff]);
  }

  const scan = scanOrder(text, it.folded, it.rest, turn.index, { cartItemIds: new Set(state.cart.map((l) => l.itemId)) });
  // Commands yield only to dishes the bot is sure of ("carta" is one typo from "tarta").
  const hasDish = scan.mentions.some((m) => m.itemId !== null);

  if (it.cancel && !hasDish) return cancel(turn);

  const active = input.recentOrders[0] && ['new', 'accepted', 'preparing', 'ready'].includes(input.recentOrders[0].status);
  if ((it.status || it.asksHowLong) && it.asksHowLong && !hasDish && !active && state.cart.length > 0) {
    // "¿cuánto tarda?" before ordering: how it works, then carry on.
    return done(state, [...notices, `${t.etaBeforeOrder}\n\n${nextQuestion(turn)}`]);
  }

  if (it.status && !hasDish) {
    const replies = [...notices, statusText(turn, input.recentOrders)];
    if (state.cart.length) replies.push(`${t.cartInProgress}\n${cartText(state.cart, menu)}\n\n${nextQuestion(turn)}`);
    return done(state, replies);
  }

  const open = isOpen(menu.hours, input.now, menu.timezone ?? input.timezone);
  const closedText = () => {
    const next = nextOpening(menu.hours, input.now, menu.timezone ?? input.timezone);
    const parts = [t.closed(next)];
    if (state.cart.length) parts.push(t.closedCannotConfirm);
    return parts.join(' ');
  };

  // Sections of a large menu: a bare number right after the list, or a section's name.
  const bareNumber = /^\D{0,12}?(\d{1,3})\D{0,3}$/u.exec(text.trim());
  let category: number | null = null;
  if (state.numbersMean === 'categories' && bareNumber && !it.address) {
    const n = Number.parseInt(bareNumber[1] ?? '', 10);
    if (n >= 1 && n <= visibleCategories(menu).length) category = n - 1;
  }
  if (category === null && turn.index.items.length > LARGE_MENU_ITEMS && !scan.mentions.some((m) => m.itemId)) {
    category = categoryNamed(menu, text);
  }
  if (category !== null && state.pending.length === 0) {
    state.numbersMean = 'items';
    state.greeted = true;
    const replies = [...notices, `${menuText(menu, category)}\n\n${t.categoryHint}`];
    if (!open) replies.push(closedText());
    else if (state.cart.length) replies.push(nextQuestion(turn));
    return done(state, replies);
  }

  if (it.menu && !hasDish) {
    state.greeted = true;
    const replies = [...notices, menuBlock(turn)];
    if (!open) replies.push(closedText());
    else if (state.cart.length) replies.push(`${cartText(state.cart, menu)}\n\n${nextQuestion(turn)}`);
    return done(state, replies);
  }

  // Questions asked along the way are answered, and the order goes on.
  if (it.asksHours) {
    const zone = menu.timezone ?? input.timezone;
    turn.answers.push(t.hoursToday(rangesToday(menu.hours, input.now, zone), open, nextOpening(menu.hours, input.now, zone)));
  }
  if (it.asksDelivery) turn.answers.push(t.deliveryInfo);

  if (!open) {
    const answered = turn.answers.length > 0 && !state.cart.length;
    return done(state, [...notices, ...turn.answers, ...(answered ? [] : [closedText()])]);
  }

  if (it.clear && !hasDish) {
    const kept = { mediaWarned: state.mediaWarned };
    state = freshState(input.now);
    state.greeted = true;
    state.mediaWarned = kept.mediaWarned;
    return done(state, [...notices, `${t.cartCleared} ${t.askWhat}`]);
  }

  // Right after an order: "gracias", "ok" get a short friendly answer, not the whole menu.
  if (state.lastPlaced && state.cart.length === 0 && state.pending.length === 0 && !hasDish && (it.thanks || it.yes) && !it.fulfilment && !it.payment) {
    return done(state, [...notices, t.thanksReply]);
  }

  return takeOrder(turn, it, scan);
}

function done(state: BotState, replies: string[]): BotOutput & { state: BotState } {
  return { state, conversation: state, replies };
}

function menuBlock(turn: Turn): string {
  const { menu } = turn.input;
  if (turn.index.items.length > LARGE_MENU_ITEMS) {
    turn.state.numbersMean = 'categories';
    return categoriesText(menu);
  }
  turn.state.numbersMean = 'items';
  return `${menuText(menu)}\n\n${turn.t.orderHint}`;
}

function cancel(turn: Turn): BotOutput & { state: BotState } {
  const { t, input, notices } = turn;
  const state = turn.state;
  if (state.cart.length > 0 || state.pending.length > 0) {
    const fresh = freshState(input.now);
    fresh.greeted = true;
    fresh.mediaWarned = state.mediaWarned;
    return done(fresh, [...notices, t.cartCancelled]);
  }
  state.asked = null;
  const newest = input.recentOrders[0];
  if (!newest) return done(state, [...notices, t.nothingToCancel]);
  if (newest.status === 'new') {
    const ok = turn.effects.cancelOrder(newest.id, CANCEL_REASON);
    return done(state, [...notices, ok ? t.orderCancelled(newest.number) : t.cannotCancel(newest.number)]);
  }
  if (newest.status === 'accepted' || newest.status === 'preparing' || newest.status === 'ready') {
    return done(state, [...notices, t.cannotCancel(newest.number)]);
  }
  return done(state, [...notices, t.nothingToCancel]);
}

function statusText(turn: Turn, orders: readonly CustomerOrderSummary[]): string {
  const newest = orders[0];
  if (!newest) return turn.t.noOrders;
  let minutesLeft: number | null = null;
  if (newest.etaMinutes !== undefined && (newest.status === 'accepted' || newest.status === 'preparing')) {
    const since = newest.acceptedAt ? Date.parse(newest.acceptedAt) : Number.NaN;
    const elapsed = Number.isFinite(since) ? Math.max(0, (turn.input.now - since) / 60_000) : 0;
    minutesLeft = Math.ceil(newest.etaMinutes - elapsed);
  }
  return turn.t.status({ number: newest.number, status: newest.status, fulfilment: newest.fulfilment, minutesLeft });
}

function setName(turn: Turn, name: string): void {
  turn.state.name = name;
  turn.effects.rememberName(name);
}

function takeOrder(turn: Turn, it: Intents, scan: ScanResult): BotOutput & { state: BotState } {
  const { state, t, input, notices } = turn;
  const { menu, customer } = input;
  let asked = state.asked;
  const mentions = [...scan.mentions];
  const addressBefore = state.address;
  const nameBefore = state.name;
  const paymentBefore = state.payment;
  let understood = false;
  let cartChanged = false;
  let slotChanged = false;
  let yesUsed = false;
  const cartBefore = JSON.stringify(state.cart);

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
      slotChanged = true;
    } else if (u >= 0 && more && parts.length > 1 && asked !== 'address') {
      // (After "which address?", "…456, Lima" is the city: it stays with the address.)
      setName(turn, tidyValue(scan.unknown[u] ?? ''));
      scan.unknown.splice(u, 1);
      slotChanged = true;
    }
  }

  // 1. An open question about a dish.
  const pending = state.pending[0];
  if (pending) {
    let chosen: string | null = null;
    let quantity = pending.quantity;
    let explicit = pending.explicitQuantity;
    let note = pending.note;
    let dropped = false;
    const choice = optionNumber(it);
    if (pending.kind === 'choose' && choice !== null && choice >= 1 && choice <= pending.options.length) {
      chosen = pending.options[choice - 1] ?? null;
      mentions.length = 0;
      // "la tercera", "la 3ª": the whole answer is the choice, nothing is left to look up.
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    } else if (pending.kind === 'confirm' && it.yes) {
      chosen = pending.options[0] ?? null;
      yesUsed = true;
    } else {
      const k = mentions.findIndex((m) => resolvesTo(m, pending) !== null);
      const m = mentions[k];
      if (m) {
        chosen = resolvesTo(m, pending);
        if (m.explicitQuantity) {
          quantity = m.quantity;
          explicit = true;
        }
        if (m.note) note = note ? `${note}, ${m.note}` : m.note;
        mentions.splice(k, 1);
      } else if (it.no || it.none) {
        dropped = true;
        yesUsed = true;
      }
    }
    // "Irene" while a dish question is open but the name is what comes next: the name.
    const nameNext = !state.name && state.cart.length > 0 && (state.fulfilment === 'pickup' || (state.fulfilment === 'delivery' && !!state.address));
    const bareName = cleanName(it.restOriginal);
    if (!chosen && !dropped && nameNext && !it.name && mentions.length === 0 && scan.unknown.length > 0 && bareName && /^\p{Lu}/u.test(bareName) && bareName.split(/\s+/).length <= 3) {
      setName(turn, bareName);
      slotChanged = true;
      scan.unknown.length = 0;
    }
    // The customer moved on (a slot, "nada más", another dish, an address, a name): the question never traps.
    const movedOn =
      !chosen &&
      !dropped &&
      (slotChanged || it.done || !!it.fulfilment || !!it.payment || !!it.address || !!it.name || !!it.change || mentions.length > 0 ||
        scan.lastQuantity !== null || scan.repeatLast !== null || looksLikeAddress(it.restOriginal));
    if (chosen) {
      state.pending.shift();
      applyMention(turn, { mode: pending.mode, quantity, explicitQuantity: explicit, oneMore: pending.oneMore, itemId: chosen, candidates: [], note, label: pending.label, byNumber: false, definite: false });
      understood = true;
    } else if (dropped) {
      state.pending.shift();
      notices.push(t.droppedItem);
      understood = true;
    } else if (movedOn) {
      notices.push(t.skippedQuestion(state.pending.map((p) => p.label).filter((l) => l.length > 0).slice(0, 3)));
      state.pending = [];
      understood = true;
    }
  }

  // 2. Slots given in this message, whatever was asked.
  const namedDish = mentions.some((m) => !m.byNumber);
  if (it.change) {
    if (it.change === 'address') {
      state.address = null;
      state.fulfilment = 'delivery';
    }
    if (it.change === 'name') state.name = null;
    if (it.change === 'payment') state.payment = null;
    if (it.change === 'fulfilment') {
      state.fulfilment = null;
      state.address = null;
    }
    slotChanged = true;
  }
  // The house number of an address given without one ("en la calle Sol", then "número 3" or "sol 3, 2ºB").
  let addedToAddress = false;
  if (state.addressOpen && state.address && state.fulfilment === 'delivery' && !it.address && !it.change && !it.fulfilment && !pending) {
    const said = tidyValue(it.restOriginal);
    if (/\d/u.test(said) && !namedDish && said.length <= 80) {
      state.address = `${state.address} ${said}`.slice(0, 200);
      addedToAddress = true;
      slotChanged = true;
      mentions.length = 0;
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    } else if (asked === 'addressNumber') {
      // Never a trap: "sin número", "no", or anything else closes the question; the address stays as given.
      state.addressOpen = false;
      understood = true;
      if (it.no || /sin numero|s\/n|no (?:tiene|hay|tengo)/u.test(it.folded.text)) {
        // "sin número" is about the address, not a note for the last dish.
        state.address = `${state.address} s/n`.slice(0, 200);
        scan.unknown.length = 0;
        scan.orphanNotes.length = 0;
      } else if (!state.name) asked = 'name';
    }
  }
  if (it.fulfilment && it.fulfilment !== state.fulfilment) {
    state.fulfilment = it.fulfilment;
    if (it.fulfilment === 'pickup') state.address = null;
    slotChanged = true;
  } else if (it.fulfilment) understood = true;
  if (it.address) {
    const given = it.address;
    let value = given;
    // "Jr. de la Unión 456, Lima" as the answer to "which address?": words after it that are no
    // dish (a city, a landmark) belong to it.
    const at = it.original.indexOf(given);
    if (asked === 'address' && !state.address && mentions.length === 0 && at >= 0 && scan.unknown.length > 0 && scan.unknown.every((w) => it.original.indexOf(w, at + given.length) >= 0)) {
      value = tidyValue(`${given}, ${scan.unknown.join(', ')}`).slice(0, 200);
      scan.unknown.length = 0;
    }
    state.address = value;
    state.fulfilment = 'delivery';
    slotChanged = true;
  }
  // "ah, y es 3ºB", "el piso es 2ºA" once the address is known: its floor or door, added to it.
  // Not while a dish question is open: "la 3ª" answers "which one?".
  const addition = state.fulfilment === 'delivery' && state.address && !addedToAddress && !it.address && !it.change && !pending ? floorOrDoor(it.restOriginal) : null;
  if (addition && state.address) {
    if (!foldText(state.address).includes(foldText(addition))) state.address = `${state.address}, ${addition}`.slice(0, 200);
    addedToAddress = true;
    slotChanged = true;
    mentions.length = 0;
    scan.unknown.length = 0;
    scan.unknownNumbers.length = 0;
  }
  if (it.payment) {
    if (it.payment !== state.payment) slotChanged = true;
    state.payment = it.payment;
    understood = true;
  }
  if (it.name) {
    setName(turn, it.name);
    slotChanged = true;
  }
  // "Calle Mayor 5" when asked pickup-or-delivery (or anywhere): delivery to that address.
  let tookAddress = false;
  if (!it.address && !addedToAddress && !namedDish && asked !== 'address' && it.fulfilment !== 'pickup' && looksLikeAddress(it.restOriginal)) {
    const value = tidyValue(it.restOriginal.replace(/^\s*(?:en|a|al|es|para|to|at)\s+/iu, '')).slice(0, 200);
    if (value) {
      state.address = value;
      state.fulfilment = 'delivery';
      slotChanged = true;
      tookAddress = true;
      mentions.length = 0;
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    }
  }
  const otherSlot = !!(it.fulfilment || it.payment || it.address || it.done || (it.yes && !yesUsed));

  // 3. A bare answer to the question asked last.
  if (asked === 'address' && state.fulfilment === 'delivery' && !state.address && (!namedDish || streetAndNumber(it.restOriginal)) && !it.fulfilment) {
    // "en la calle Sol": the address starts at its street word.
    const value = tidyValue(it.restOriginal.replace(STREET_AFTER_PREPOSITION, '')).slice(0, 200);
    if (/[\p{L}\p{N}]{2,}/u.test(value) && !(it.yes || it.no)) {
      state.address = value;
      slotChanged = true;
      mentions.length = 0;
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    }
  }
  // An address without a house number is asked for it next.
  if (state.address !== addressBefore) state.addressOpen = state.address !== null && !HOUSE_NUMBER.test(foldText(state.address));

  // "Juan" when asked pickup-or-delivery, before any name was given: no dish came close (that would
  // be a "did you mean?"), and it is capitalised like a name, so it is the name given early; the
  // pickup-or-delivery question is asked again. Lowercase words stay "not on the menu".
  if (asked === 'fulfilment' && !pending && state.pending.length === 0 && !state.name && !it.name && !it.fulfilment && !tookAddress && mentions.length === 0 && scan.unknown.length > 0 && scan.unknownNumbers.length === 0) {
    const bare = cleanName(it.restOriginal);
    if (bare && /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u.test(bare)) {
      setName(turn, bare);
      slotChanged = true;
      scan.unknown.length = 0;
    }
  }
  if (asked === 'name' && !state.name && !it.name && !tookAddress && !addedToAddress) {
    // A bare menu number next to words the menu does not know ("Cliente 3", "Mesa 4") is a name.
    // "coca también", "y una coca", "además la tarta": more dishes, not a name.
    const moreDishes = /(?<![\p{L}\p{N}])(?:tambien|tb|tmb|tbn|ademas|also|too)(?![\p{L}\p{N}])|^\s*(?:y|and|plus)\s/u.test(it.folded.text);
    // All in lower case and every word a dish ("pizza", "una coca"): a dish; "Margarita" is a name.
    const capitalised = /^\s*\p{Lu}/u.test(it.restOriginal);
    const allDish = mentions.length > 0 && scan.unknown.length === 0 && !capitalised;
    const dishAnswer =
      allDish ||
      (moreDishes && mentions.length > 0) ||
      mentions.length > 1 ||
      mentions.some((m) => m.explicitQuantity || m.mode !== 'add') ||
      (mentions.some((m) => m.byNumber) && scan.unknown.length === 0);
    const profile = customer.profileName ? cleanName(customer.profileName) : null;
    const leftover = cleanName(it.restOriginal);
    if (it.yes && !yesUsed && profile && !state.profileDeclined && !leftover) {
      setName(turn, profile);
      yesUsed = true;
      slotChanged = true;
    } else if (it.no && !yesUsed && !leftover) {
      state.profileDeclined = true;
      understood = true;
    } else if (!dishAnswer && leftover && (scan.unknown.length > 0 || mentions.length > 0) && !(otherSlot && scan.unknown.length === 0 && mentions.length === 0)) {
      setName(turn, leftover);
      slotChanged = true;
      mentions.length = 0;
      scan.unknown.length = 0;
    } else if (otherSlot && profile && !state.profileDeclined) {
      setName(turn, profile);
      slotChanged = true;
    }
  }

  // 4. Dishes. "¿Tenéis …?", "¿cuánto cuesta …?", "¿qué lleva …?" are answered with what the menu
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
      if (state.requestedTime !== verdict.time) slotChanged = true;
      state.requestedTime = verdict.time;
      turn.answers.push(t.timeNoted(verdict.time));
    } else {
      turn.answers.push(verdict ? timeRefused(t, verdict) : t.timeUnclear);
    }
  }
  if (it.orderNote && !(state.orderNote ?? '').includes(it.orderNote)) {
    state.orderNote = (state.orderNote ? `${state.orderNote}. ${it.orderNote}` : it.orderNote).slice(0, MAX_ORDER_NOTE_CHARS);
    slotChanged = true;
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
  }
  for (const orphan of scan.orphanNotes) {
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
  cartChanged = JSON.stringify(state.cart) !== cartBefore;
  // A message that answered a slot and named no dish: its other words ("pago cuando llegue en
  // efectivo") are not missing dishes.
  if ((slotChanged || it.payment || it.fulfilment || it.done || it.name) && mentions.length === 0 && !cartChanged) scan.unknown.length = 0;
  // "no" to "pickup or delivery? (anything else, write it)": nothing else; ask again plainly.
  if (it.no && !yesUsed && asked === 'fulfilment' && state.pending.length === 0) understood = true;
  // "sí" to "what do you want to change?": nothing after all; the summary again (not placed on an
  // answer that may mean "yes, I want to change something").
  if (it.yes && !yesUsed && asked === 'change' && state.pending.length === 0) understood = true;
  const askedAboutDish = state.pending.length > 0 && state.pending[0] !== pending;
  understood ||= cartChanged || slotChanged || askedAboutDish || mentions.length > 0 || it.done || scan.unknownNumbers.length > 0 || scan.tooMany || turn.answers.length > 0;

  // 5. The confirmation.
  if (asked === 'confirm' && !cartChanged && !slotChanged && !askedAboutDish && state.pending.length === 0) {
    if (it.yes && !yesUsed && isComplete(state)) return placeOrder(turn);
    // "No. Mejor para recoger." when it already was: nothing changes, the summary again.
    if (it.no && !(it.fulfilment || it.payment || it.address || it.name)) {
      state.asked = 'change';
      return done(state, [...notices, t.askChange]);
    }
  }

  // 6. What to say.
  if (!state.greeted && state.cart.length === 0 && state.pending.length === 0) {
    state.greeted = true;
    // Words the menu does not know in a first message count towards offering help.
    state.misses = scan.unknown.length > 0 && !understood ? 1 : 0;
    const question = nextQuestion(turn);
    const greeting = [t.greeting(menu.restaurant), ...turn.answers, menuBlock(turn)].join('\n\n');
    return done(state, [...notices.filter((n) => !scan.unknown.length || n !== ''), greeting, ...(slotChanged ? [question] : [])]);
  }
  const parts: string[] = [];
  if (!state.greeted) parts.push(t.greeting(menu.restaurant));
  state.greeted = true;
  parts.push(...notices, ...turn.answers);
  if (scan.unknown.length) parts.push(t.unknownItems(scan.unknown));
  if (!understood && scan.unknown.length === 0) parts.push(t.notUnderstood);
  // Two replies in a row not understood: the menu and a person, and no open question left to trap.
  if (understood || it.thanks) state.misses = 0;
  else state.misses++;
  if (state.misses >= 2) {
    state.misses = 0;
    state.pending = [];
    parts.push(`${t.stuckHelp}\n\n${menuBlock(turn)}`);
  }
  // (Read before nextQuestion, which may fill in a remembered name.)
  const nameTaken = state.name !== nameBefore ? state.name : null;
  const question = nextQuestion(turn);
  // A name or payment taken before its turn is said back (the summary shows it anyway).
  if (asked !== null && state.asked !== 'confirm') {
    if (nameTaken && asked !== 'name') parts.push(t.notedName(nameTaken));
    if (state.payment && state.payment !== paymentBefore && asked !== 'payment') parts.push(t.notedPayment(state.payment));
  }
  if (cartChanged && state.cart.length > 0 && state.asked !== 'confirm') parts.push(cartText(state.cart, menu));
  parts.push(question);
  // One WhatsApp message: short lines first, then the cart and the question.
  const replies = [parts.join('\n\n')];
  return done(state, replies);
}

/** "2", "el 2", "la segunda", "opción 1": the number of an option in a "which one?" list. */
function optionNumber(it: Intents): number | null {
  const words = it.folded.text.replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim().split(/\s+/).filter((w) => w && !['el', 'la', 'los', 'las', 'opcion', 'option', 'numero', 'number', 'the', 'de', 'del', 'pues', 'a', 'ver'].includes(w));
  if (words.length !== 1) return null;
  const w = words[0] ?? '';
  const digits = /^(\d{1,2})[ºª°]?$/u.exec(w);
  if (digits) return Number.parseInt(digits[1] ?? '', 10);
  return ORDINALS[w] ?? null;
}

function resolvesTo(m: Mention, p: PendingQuestion): string | null {
  if (m.itemId && p.options.includes(m.itemId)) return m.itemId;
  const inter = m.candidates.filter((c) => p.options.includes(c));
  return inter.length === 1 ? (inter[0] ?? null) : null;
}

function applyMention(turn: Turn, m: Mention): void {
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
    } else if (m.definite && m.note && !m.explicitQuantity && cartHas(state, item.id)) {
      // "y las bravas poco picantes": a note for the bravas already in the cart.
      const k = state.cart.findLastIndex((l) => l.itemId === item.id);
      const line = state.cart[k];
      if (line) {
        line.note = (line.note ? `${line.note}, ${m.note}` : m.note).slice(0, 200);
        state.lastLine = k;
      }
    } else {
      addToCart(state, item, m.quantity, m.note);
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

/** How many of the mention's dish (or its candidates) the cart holds. */
function countInCart(state: BotState, m: Mention): number {
  const ids = m.itemId ? [m.itemId] : m.candidates;
  return state.cart.filter((l) => ids.includes(l.itemId)).reduce((sum, l) => sum + l.quantity, 0);
}

function isComplete(state: BotState): boolean {
  return (
    state.cart.length > 0 &&
    state.fulfilment !== null &&
    (state.fulfilment === 'pickup' || !!state.address) &&
    !!state.name &&
    state.payment !== null
  );
}

/** The next thing to ask, in order; sets `asked`. */
function nextQuestion(turn: Turn): string {
  const { state, t, input, index } = turn;
  const { menu, customer } = input;
  const pending = state.pending[0];
  if (pending) {
    state.asked = null;
    const describe = (id: string) => {
      const item = index.byId.get(id);
      return item ? `${item.name} — ${money(item.price, menu)}` : id;
    };
    if (pending.kind === 'confirm') {
      const item = index.byId.get(pending.options[0] ?? '');
      return t.confirmItem(item ? `*${item.name}* (${money(item.price, menu)})` : '');
    }
    return t.choose(pending.label, pending.options.map(describe));
  }
  if (state.cart.length === 0) {
    state.asked = null;
    return t.askWhat;
  }
  if (!state.fulfilment) {
    state.asked = 'fulfilment';
    return t.askFulfilment;
  }
  if (state.fulfilment === 'delivery' && !state.address) {
    state.asked = 'address';
    return t.askAddress;
  }
  if (state.fulfilment === 'delivery' && state.address && state.addressOpen) {
    state.asked = 'addressNumber';
    return t.askAddressNumber(state.address);
  }
  if (!state.name && customer.rememberedName) {
    const remembered = cleanName(customer.rememberedName);
    if (remembered) state.name = remembered;
  }
  if (!state.name) {
    state.asked = 'name';
    const profile = customer.profileName ? cleanName(customer.profileName) : null;
    return t.askName(state.profileDeclined ? null : profile);
  }
  if (!state.payment) {
    state.asked = 'payment';
    return t.askPayment(menu.currency);
  }
  state.asked = 'confirm';
  return summaryText(
    {
      cart: state.cart,
      fulfilment: state.fulfilment,
      address: state.address,
      name: state.name,
      payment: state.payment,
      requestedTime: state.requestedTime,
      orderNote: state.orderNote,
    },
    menu,
  );
}

/** What to say about a time that cannot be taken: gone by, or when the restaurant is closed. */
function timeRefused(t: BotTexts, verdict: Exclude<TimeVerdict, { kind: 'ok' }>): string {
  return verdict.kind === 'past' ? t.timePast(verdict.time) : t.timeClosed(verdict.time, verdict.ranges);
}

function placeOrder(turn: Turn): BotOutput & { state: BotState } {
  const { state, input, t } = turn;
  if (!state.fulfilment || !state.name || !state.payment) return done(state, [nextQuestion(turn)]);
  // The time was fine when given; the summary may have waited past it.
  if (state.requestedTime) {
    const verdict = judgeClockTime(state.requestedTime, input.now, input.menu.hours, input.menu.timezone ?? input.timezone);
    if (verdict.kind !== 'ok') {
      state.requestedTime = null;
      return done(state, [...turn.notices, `${timeRefused(t, verdict)}\n\n${nextQuestion(turn)}`]);
    }
  }
  const draft: OrderDraft = {
    customer: { phone: input.customer.phone, name: state.name },
    fulfilment: state.fulfilment,
    payment: state.payment,
    items: state.cart.map((l) => ({ ...l })),
    currency: input.menu.currency,
  };
  if (state.fulfilment === 'delivery' && state.address) draft.address = state.address;
  if (state.requestedTime) draft.requestedTime = state.requestedTime;
  if (state.orderNote) draft.orderNote = state.orderNote;
  const placed = turn.effects.placeOrder(draft);
  const next = freshState(input.now);
  next.greeted = true;
  next.mediaWarned = state.mediaWarned;
  next.lastPlaced = { number: placed.number, at: input.now };
  return done(next, [...turn.notices, t.placed(placed.number)]);
}
