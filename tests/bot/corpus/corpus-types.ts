// One corpus conversation: what a customer sends, turn by turn, and what the restaurant should end
// up with. Written from how people in each place write on WhatsApp, not from the bot's patterns.
import type { PaymentMethod } from '../../../shared/order.ts';
import type { MenuKey } from './menus.ts';

export interface Pin {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** A text message, or one of WhatsApp's other kinds. */
export type CustomerTurn =
  | string
  | { audio: true }
  | { pin: Pin }
  /** A photo with a caption: the host hands the caption to the bot as text. */
  | { photo: string }
  /** A photo without a caption. */
  | { photoOnly: true }
  /** The customer edits the message just sent. */
  | { edit: string };

/** What the kitchen should get. */
export interface ExpectedTicket {
  /** "2 pastor", "1 muzza [grande, extra-muzza]": quantity, item id, chosen option ids; any order. */
  items: string[];
  fulfilment: 'pickup' | 'delivery';
  /** Delivery: words the address must hold (case and accents aside). */
  address?: string;
  /** Delivery with a shared pin: the order's location. */
  pin?: Pin;
  /** Words the customer's name must hold (case aside). */
  name?: string;
  payment: PaymentMethod;
}

/** No order: the customer only asked something or gave up (`none`), or a person takes over (`handoff`). */
export type ExpectedOutcome = ExpectedTicket | { none: string } | { handoff: string };

export interface CorpusConversation {
  id: string;
  menu: MenuKey;
  /** The customer's WhatsApp profile name, when the phone shows one. */
  profileName?: string;
  turns: CustomerTurn[];
  expect: ExpectedOutcome;
}
