// The keys every regional text set fills in (texts/es-ES.ts, es-MX.ts, es-AR.ts, es-CO.ts,
// es-LATAM.ts, en.ts): every customer-facing sentence of the ordering bot. Pure.
import type { Fulfilment, OrderStatus, PaymentMethod } from '../../../shared/order.ts';
import type { NextOpening } from '../terms/opening-hours.ts';

export interface StatusFacts {
  number: number;
  status: OrderStatus;
  fulfilment: Fulfilment;
  /** Minutes left, null when unknown; 0 or less = any moment now. */
  minutesLeft: number | null;
}

export interface BotTexts {
  greeting(restaurant: string): string;
  menuTitle(restaurant: string): string;
  orderHint: string;
  categoriesIntro: string;
  categoryHint: string;
  startedOver: string;
  mediaNotRead: string;
  handoff: string;
  cartCancelled: string;
  orderCancelled(n: number): string;
  cannotCancel(n: number): string;
  nothingToCancel: string;
  status(facts: StatusFacts): string;
  noOrders: string;
  cartInProgress: string;
  cartCleared: string;
  closed(next: NextOpening | null): string;
  askWhat: string;
  notUnderstood: string;
  unknownItems(words: string[]): string;
  unknownNumber(n: number, max: number): string;
  tooMany: string;
  choose(label: string, options: string[]): string;
  confirmItem(option: string): string;
  droppedItem: string;
  notInCart(label: string): string;
  removed(name: string): string;
  cartTitle: string;
  subtotal: string;
  total: string;
  emptyCart: string;
  askFulfilment: string;
  askAddress: string;
  /** The address came without a house number. */
  askAddressNumber(address: string): string;
  askName(profileName: string | null): string;
  /** Bizum is Spanish: offered only when the menu's currency is the euro. */
  askPayment(currency: string): string;
  summaryTitle: string;
  deliveryLine(fulfilment: Fulfilment, address: string | null): string;
  nameLine(name: string): string;
  paymentLine(method: PaymentMethod): string;
  askConfirm: string;
  askChange: string;
  /** A name or a payment given before it was asked for: said back, so the customer sees it was taken. */
  notedName(name: string): string;
  notedPayment(method: PaymentMethod): string;
  placed(n: number): string;
  thanksReply: string;
  closedCannotConfirm: string;
  skippedQuestion(labels: string[]): string;
  stuckHelp: string;
  hoursToday(ranges: [string, string][] | null, openNow: boolean, next: NextOpening | null): string;
  deliveryInfo: string;
  etaBeforeOrder: string;
  available(items: string[]): string;
  notAvailable(words: string[]): string;
  dishInfo(items: string[]): string;
  cartSoFar: string;
  /** A time taken for the order ("HH:MM"). */
  timeNoted(time: string): string;
  /** The time has already gone by today: asked again. */
  timePast(time: string): string;
  /** Later today, but closed then: the hours, and asked again. */
  timeClosed(time: string, ranges: [string, string][] | null): string;
  /** "a las 25": no clock time. */
  timeUnclear: string;
  requestedTimeLine(time: string): string;
  notedOrderNote(note: string): string;
  orderNoteLine(note: string): string;
}
