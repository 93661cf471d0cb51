// What to say after a message was read: the greeting and menu on a first message, the notices and
// answers, "not understood" (twice in a row: the menu and a person), the cart and the next question.
import { cartText } from '../texts/blocks.ts';
import { menuBlock } from './commands.ts';
import { nextQuestion } from './policy.ts';
import { done, type Outcome, type Reading, type Turn } from './turn.ts';


/** Whether the message moved anything; the words of a slot answer are no missing dishes. */
export function whatUnderstood(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions, pending } = r;
  r.cartChanged = JSON.stringify(state.cart) !== r.cartBefore;
  // A message that answered a slot and named no dish: its other words ("pago cuando llegue en
  // efectivo") are not missing dishes.
  if ((r.slotChanged || it.payment || it.fulfilment || it.done || it.name) && mentions.length === 0 && !r.cartChanged) scan.unknown.length = 0;
  // "no" to "pickup or delivery? (anything else, write it)": nothing else; ask again plainly.
  if (it.no && !r.yesUsed && r.asked === 'fulfilment' && state.pending.length === 0) r.understood = true;
  // "sí" to "what do you want to change?": nothing after all; the summary again (not placed on an
  // answer that may mean "yes, I want to change something").
  if (it.yes && !r.yesUsed && r.asked === 'change' && state.pending.length === 0) r.understood = true;
  r.askedAboutDish = state.pending.length > 0 && state.pending[0] !== pending;
  r.understood ||= r.cartChanged || r.slotChanged || r.askedAboutDish || mentions.length > 0 || it.done || scan.unknownNumbers.length > 0 || scan.tooMany || turn.answers.length > 0;
}

/** An answer to "how will you pay?" while no method is taken yet. */
function paymentQuestion(turn: Turn, r: Reading): boolean {
  return r.asked === 'payment' && turn.state.payment === null && turn.state.pending.length === 0 && !r.cartChanged;
}

/**
 * The payment question counts its own misses (earlier misses elsewhere do not): a refused method or
 * an unclear answer is asked again at most twice, then a person is offered. A bare "va"/"dale" after
 * "No aceptamos X" asks again and is no miss.
 */
function paymentMissed(turn: Turn, r: Reading): boolean {
  const { state } = turn;
  const { it } = r;
  state.misses = 0;
  r.yesAfterRefusal = state.paymentRefused && !r.refused && (it.yes || it.thanks) && !r.understood;
  if (r.refused || (!r.understood && !r.yesAfterRefusal)) state.paymentMisses++;
  state.paymentRefused = r.refused;
  if (state.paymentMisses < 3) return false;
  state.paymentMisses = 0;
  state.paymentRefused = false;
  return true;
}

/**
 * The same question is asked at most twice in a row: a third miss hands the chat to a person (the
 * conversation is kept; when the kitchen releases the chat it goes on from here).
 */
function generalMissed(turn: Turn, r: Reading): boolean {
  const { state } = turn;
  if (state.payment) {
    state.paymentMisses = 0;
    state.paymentRefused = false;
  }
  if ((r.understood && !r.refused) || r.it.thanks) state.misses = 0;
  else state.misses++;
  if (state.misses < 2) return false;
  state.misses = 0;
  return true;
}

/** The reply: one WhatsApp message, short lines first, then the cart and the question. */
export function reply(turn: Turn, r: Reading): Outcome {
  const { state, t, input, notices } = turn;
  const { menu } = input;
  const { it, scan } = r;
  if (!state.greeted && state.cart.length === 0 && state.pending.length === 0) {
    state.greeted = true;
    // Words the menu does not know in a first message count towards offering help.
    state.misses = scan.unknown.length > 0 && !r.understood ? 1 : 0;
    const question = nextQuestion(turn);
    const greeting = [t.greeting(menu.restaurant), ...turn.answers, menuBlock(turn)].join('\n\n');
    return done(state, [...notices.filter((n) => !scan.unknown.length || n !== ''), greeting, ...(r.slotChanged ? [question] : [])]);
  }
  const parts: string[] = [];
  if (!state.greeted) parts.push(t.greeting(menu.restaurant));
  state.greeted = true;
  parts.push(...notices, ...turn.answers);
  if (scan.unknown.length) parts.push(t.unknownItems(scan.unknown));
  // A refused method counts towards the payment question's own limit, whatever was asked.
  const stuck = paymentQuestion(turn, r) || r.refused ? paymentMissed(turn, r) : generalMissed(turn, r);
  if (!r.understood && !r.refused && scan.unknown.length === 0 && !r.yesAfterRefusal) parts.push(t.notUnderstood);
  if (stuck) {
    turn.effects.requestHandoff(it.original);
    return done(state, [[...notices, ...turn.answers, t.stuckHandoff].join('\n\n')]);
  }
  // (Read before nextQuestion, which may fill in a remembered name.)
  const nameTaken = state.name !== r.nameBefore ? state.name : null;
  const policyQuestion = nextQuestion(turn);
  const question = r.questionInstead && state.asked === r.asked ? r.questionInstead : policyQuestion;
  // A name or payment taken before its turn is said back (the summary shows it anyway).
  if (r.asked !== null && state.asked !== 'confirm') {
    if (nameTaken && r.asked !== 'name') parts.push(t.notedName(nameTaken));
    if (state.payment && state.payment !== r.paymentBefore && r.asked !== 'payment') parts.push(t.notedPayment(state.payment));
  }
  if (r.cartChanged && state.cart.length > 0 && state.asked !== 'confirm') parts.push(cartText(state.cart, menu));
  // After "No aceptamos X; puedes pagar con A o B" the payment question says nothing new.
  if (!(r.refused && state.asked === 'payment')) parts.push(question);
  // One WhatsApp message: short lines first, then the cart and the question.
  const replies = [parts.join('\n\n')];
  return done(state, replies);
}
