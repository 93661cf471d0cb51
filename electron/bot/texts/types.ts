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

export interface DeliveryFacts {
  delivery: boolean;
  pickup: boolean;
  /** The fee as money text, null when free. */
  fee: string | null;
  /** The minimum as money text, null when none. */
  minimum: string | null;
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
  /** The methods the restaurant accepts, in the customer's words ("Efectivo, tarjeta o Mercado Pago"). */
  askPayment(methods: string[]): string;
  /** A method the restaurant does not take: "No aceptamos X; puedes pagar con A, B o C". */
  paymentRefused(said: string, accepted: string[]): string;
  /** Each method's name as customers call it ("Transferencia", "Mercado Pago"). */
  paymentName: Record<PaymentMethod, string>;
  /** "A, B o C". */
  list(items: string[]): string;
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
  hoursToday(ranges: [string, string][] | null, openNow: boolean, next: NextOpening | null): string;
  deliveryInfo(terms: DeliveryFacts): string;
  /** Delivery asked for, but the restaurant does not deliver. */
  noDelivery: string;
  /** Pickup asked for, but the restaurant only delivers. */
  noPickup: string;
  /** Pickup is off: the order goes to an address. */
  onlyDelivery: string;
  /** Delivery is off: the order is picked up. */
  onlyPickup: string;
  /** The dishes come to less than the delivery minimum. */
  belowMinimum(minimum: string, subtotal: string, pickup: boolean): string;
  deliveryFeeLine(fee: string): string;
  /** The restaurant's note said with delivery ("solo repartimos en Palermo"). */
  deliveryNote(note: string): string;
  /** A dish marked sold out, and the rest of its section. */
  soldOut(name: string, others: string[]): string;
  /** Orders are paused: when they reopen ("HH:MM"), or null until the kitchen resumes. */
  paused(reopensAt: string | null): string;
  pausedCartKept: string;
  /** The same question twice without an answer: a person takes the chat. */
  stuckHandoff: string;
  /** A required option the customer did not give ("¿De qué tamaño quieres la Muzza?"). */
  askOption(dish: string, group: string, choices: string[]): string;
  /** A location pin taken as the delivery address. */
  locationTaken(address: string): string;
  /** A pin with a pickup order: kept out, and how to switch. */
  locationForPickup: string;
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
