// The ordering conversation's entry: greet and show the menu, take dishes (with questions about
// anything unsure), then pickup or delivery (+ address), name, payment, a summary and an explicit
// yes. Slots are filled in whatever order the customer gives them. Commands work at any step. Pure:
// the only side effects go through BotEffects, called synchronously.
//
// Where things are: understanding/ reads a message (tokens, dishes and quantities, addresses,
// payments, yes/no, corrections, questions) with the region's words from lexicon/; dialogue/ holds
// the conversation state, one step per file (dialogue/steps/) and the policy of what to ask next;
// texts/ has one file per regional voice; terms/ the restaurant's hours.
import { cutText } from '../../shared/text.ts';
import { IDLE_RESET_MS, MAX_MESSAGE_CHARS, type BotEffects, type BotHandler, type BotInput } from './bot-types.ts';
import { cancel, LARGE_MENU_ITEMS, menuBlock, statusText } from './dialogue/commands.ts';
import { nextQuestion } from './dialogue/policy.ts';
import { freshState, loadState, type BotState } from './dialogue/state.ts';
import { takeLocation } from './dialogue/shared-location.ts';
import { takeOrder } from './dialogue/take-order.ts';
import { givesUpBelowMinimum } from './dialogue/steps/minimum.ts';
import { done, type Outcome, type Turn } from './dialogue/turn.ts';
import { wordsFor } from './lexicon/index.ts';
import { deliveryFacts } from './terms/delivery-and-payments.ts';
import { pausedNow, reopensAt } from './terms/orders-pause.ts';
import { hoursToday, nextOpen, openNow } from './terms/restaurant-hours.ts';
import { cartText, menuText } from './texts/blocks.ts';
import { botTexts } from './texts/index.ts';
import { detectIntents } from './understanding/intents.ts';
import { categoryNamed, menuIndex, scanOrder, visibleCategories } from './understanding/mentions.ts';

export { CANCEL_REASON, LARGE_MENU_ITEMS } from './dialogue/commands.ts';

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

function converse(input: BotInput, effects: BotEffects, loaded: BotState): Outcome {
  const { menu } = input;
  const t = botTexts(menu.locale);
  let state = loaded;
  const notices: string[] = [];

  if (input.conversation && input.now - state.updatedAt > IDLE_RESET_MS) {
    const hadCart = state.cart.length > 0;
    state = freshState(input.now);
    if (hadCart) notices.push(t.startedOver);
  }

  const kind = input.message.kind;
  // A voice note: the host has handed the chat to staff and answers the customer itself.
  if (kind === 'audio') return done(state, notices);
  if (kind === 'media') {
    // A photo or file without a caption: ask for the order in writing; one that keeps coming goes to a person.
    if (state.mediaWarned) {
      effects.requestHandoff(typeof input.message.body === 'string' ? input.message.body : '');
      return done(state, [...notices, t.handoff]);
    }
    state.mediaWarned = true;
    return done(state, [...notices, t.mediaNotRead]);
  }

  const words = wordsFor(menu.locale);
  if (kind === 'location') {
    const turn: Turn = { input, effects, t, words, index: menuIndex(menu), state, notices, answers: [] };
    return takeLocation(turn, input.message.location);
  }
  if (kind === 'edit') {
    // An edit of the last message before the order was placed: what that message did to the cart
    // is undone and the new text is read instead. After the order (or with nothing to undo) it is ignored.
    if (!state.beforeLast) return done(state, notices);
    state.cart = state.beforeLast.cart;
    state.pending = state.beforeLast.pending;
    state.lastLine = state.cart.length ? state.cart.length - 1 : null;
  }
  state.beforeLast = { cart: structuredClone(state.cart), pending: structuredClone(state.pending) };

  const body = typeof input.message.body === 'string' ? input.message.body : '';
  const text = cutText(body, MAX_MESSAGE_CHARS).text;
  const it = detectIntents(text, words);
  const turn: Turn = { input, effects, t, words, index: menuIndex(menu), state, notices, answers: [] };

  if (it.handoff) {
    effects.requestHandoff(text);
    return done(state, [...notices, t.handoff]);
  }

  const lastItemId = (state.lastLine !== null ? state.cart[state.lastLine] : state.cart.at(-1))?.itemId ?? null;
  const scan = scanOrder(text, it.folded, it.rest, turn.index, { cartItemIds: new Set(state.cart.map((l) => l.itemId)), words, lastItemId, correctable: state.pending.length === 0, focus: focusOf(state) });
  // Commands yield only to dishes the bot is sure of ("carta" is one typo from "tarta").
  const hasDish = scan.mentions.some((m) => m.itemId !== null);

  if (it.cancel && !hasDish) return cancel(turn);
  if (givesUpBelowMinimum(state, it, hasDish)) return cancel(turn);

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

  const zone = menu.timezone ?? input.timezone;
  const paused = pausedNow(input.pausedUntil, input.now);
  const openHours = openNow(menu, input.now, zone);
  const open = openHours && !paused;
  const closedText = () => {
    // Paused by the kitchen: when orders reopen; a cart in progress is kept for then.
    if (openHours && paused) {
      const at = reopensAt(input.pausedUntil, zone);
      return state.cart.length ? `${t.paused(at)} ${t.pausedCartKept}` : t.paused(at);
    }
    const parts = [t.closed(nextOpen(menu, input.now, zone))];
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
    category = categoryNamed(menu, text, words);
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
  if (it.asksHours) turn.answers.push(t.hoursToday(hoursToday(menu, input.now, zone), openHours, nextOpen(menu, input.now, zone)));
  if (it.asksDelivery) turn.answers.push(t.deliveryInfo(deliveryFacts(menu)));

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

/** The dish the bot just asked about: the option question open, or the dish just described. */
function focusOf(state: BotState): { itemId: string; asking: 'option' | 'offered' } | null {
  const question = state.pending[0];
  if (question?.kind === 'option' && question.options[0]) return { itemId: question.options[0], asking: 'option' };
  if (state.pending.length === 0 && state.offered) return { itemId: state.offered, asking: 'offered' };
  return null;
}
