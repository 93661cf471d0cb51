// Taking the order: the steps read the message in a fixed order (an open dish question first, then
// the slots given, then bare answers to the question asked, then dishes), the summary is answered,
// and the reply says what changed and asks what the policy says comes next.
import type { Intents } from '../understanding/intents.ts';
import type { ScanResult } from '../understanding/mentions.ts';
import { reply, whatUnderstood } from './reply.ts';
import { addFloorOrDoor, addHouseNumber, addressAlone, bareAddress, markAddressOpen, takeAddress } from './steps/address.ts';
import { takeDishes } from './steps/cart.ts';
import { refuseOutsideTerms, takeFulfilment } from './steps/fulfilment.ts';
import { bareName, nameInMessage, nameWhenAskedFulfilment, takeName } from './steps/name.ts';
import { yesToAddMore } from './steps/minimum.ts';
import { takePayment } from './steps/payment.ts';
import { applyChange, confirmOrChange } from './steps/summary.ts';
import { answerWhichOne } from './steps/which-one.ts';
import type { Outcome, Reading, Turn } from './turn.ts';

export function takeOrder(turn: Turn, it: Intents, scan: ScanResult): Outcome {
  const { state } = turn;
  const r: Reading = {
    it,
    scan,
    mentions: [...scan.mentions],
    asked: state.asked,
    pending: undefined,
    addressBefore: state.address,
    nameBefore: state.name,
    paymentBefore: state.payment,
    cartBefore: JSON.stringify(state.cart),
    understood: false,
    cartChanged: false,
    slotChanged: false,
    yesUsed: false,
    addedToAddress: false,
    tookAddress: false,
    namedDish: false,
    otherSlot: false,
    askedAboutDish: false,
    refused: false,
    yesAfterRefusal: false,
    questionInstead: null,
  };
  nameInMessage(turn, r);

  // 1. An open question about a dish.
  r.pending = state.pending[0];
  answerWhichOne(turn, r);

  // 2. Slots given in this message, whatever was asked.
  r.namedDish = r.mentions.some((m) => !m.byNumber);
  refuseOutsideTerms(turn, r);
  applyChange(turn, r);
  addHouseNumber(turn, r);
  takeFulfilment(turn, r);
  takeAddress(turn, r);
  addFloorOrDoor(turn, r);
  takePayment(turn, r);
  takeName(turn, r);
  addressAlone(turn, r);
  r.otherSlot = !!(it.fulfilment || it.payment || it.address || it.done || (it.yes && !r.yesUsed));

  // 3. A bare answer to the question asked last.
  bareAddress(turn, r);
  markAddressOpen(turn, r);
  nameWhenAskedFulfilment(turn, r);
  bareName(turn, r);

  // 4. Dishes.
  takeDishes(turn, r);
  yesToAddMore(turn, r);
  whatUnderstood(turn, r);

  // 5. The confirmation.
  const confirmed = confirmOrChange(turn, r);
  if (confirmed) return confirmed;

  // 6. What to say.
  return reply(turn, r);
}
