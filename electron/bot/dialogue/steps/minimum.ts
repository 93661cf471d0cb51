// Below the delivery minimum the bot asks "add something or pick it up?". Dishes named go on to
// delivery once the minimum is reached; pickup ("paso a buscar", "lo recojo", "pick up") is taken
// by the fulfilment step; a plain "no" / "nada más" / "no gracias" gives the order up.
import type { Intents } from '../../understanding/intents.ts';
import type { BotState } from '../state.ts';
import type { Reading, Turn } from '../turn.ts';

/** "vale"/"ok" to "add something or pick it up?": what to add, not the minimum again. */
export function yesToAddMore(turn: Turn, r: Reading): void {
  const { it } = r;
  if (r.asked !== 'minimum' || !it.yes || r.yesUsed || r.mentions.length > 0 || it.fulfilment || turn.state.pending.length > 0) return;
  r.yesUsed = true;
  r.understood = true;
  r.questionInstead = turn.t.askWhat;
}

/** The customer declines to add more while a delivery is below the minimum: the order is given up. */
export function givesUpBelowMinimum(state: BotState, it: Intents, hasDish: boolean): boolean {
  if (state.asked !== 'minimum' || hasDish || state.pending.length > 0) return false;
  if (it.fulfilment || it.address || it.payment || it.yes) return false;
  return it.no || it.done;
}
