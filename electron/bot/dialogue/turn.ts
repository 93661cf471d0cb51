// One message being handled: what the steps share. `Turn` is the conversation and the menu;
// `Reading` is what this message said and what the steps have done with it so far.
import type { BotEffects, BotInput, BotOutput } from '../bot-types.ts';
import type { Words } from '../lexicon/index.ts';
import type { BotTexts } from '../texts/index.ts';
import type { Intents } from '../understanding/intents.ts';
import type { MenuIndex, Mention, ScanResult } from '../understanding/mentions.ts';
import type { Asked, BotState, PendingQuestion } from './state.ts';

export interface Turn {
  input: BotInput;
  effects: BotEffects;
  t: BotTexts;
  words: Words;
  index: MenuIndex;
  state: BotState;
  notices: string[];
  /** Answers to the customer's own questions this turn (hours, delivery, prices), said after any greeting. */
  answers: string[];
}

export interface Reading {
  it: Intents;
  scan: ScanResult;
  /** The dishes named, as the steps leave them (a step that takes words for a slot removes them). */
  mentions: Mention[];
  /** The question asked before this message (a step may move it on). */
  asked: Asked;
  /** The dish question open before this message. */
  pending: PendingQuestion | undefined;
  addressBefore: string | null;
  nameBefore: string | null;
  paymentBefore: BotState['payment'];
  cartBefore: string;
  understood: boolean;
  cartChanged: boolean;
  slotChanged: boolean;
  /** A "sí"/"no" already spent on a question (not to be read again as a confirmation). */
  yesUsed: boolean;
  addedToAddress: boolean;
  tookAddress: boolean;
  /** A dish named by words (not only by its number). */
  namedDish: boolean;
  /** Another slot came in this message (pickup/delivery, payment, address, "nada más", a yes). */
  otherSlot: boolean;
  askedAboutDish: boolean;
  /** Something was refused by the restaurant's terms (a payment it does not take): asked again. */
  refused: boolean;
  /** A bare yes right after a payment method was refused: the question again, no "not understood". */
  yesAfterRefusal: boolean;
  /** A step's own question in place of the policy's (the policy still records what it asks). */
  questionInstead: string | null;
}

export type Outcome = BotOutput & { state: BotState };

export function done(state: BotState, replies: string[]): Outcome {
  return { state, conversation: state, replies };
}

export function setName(turn: Turn, name: string): void {
  turn.state.name = name;
  turn.effects.rememberName(name);
}
