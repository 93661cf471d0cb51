// The conversation's stored shape (JSON between messages) and the cart operations on it. Pure.
import type { MenuItem } from '../../../shared/menu.ts';
import { isClockTime, MAX_ORDER_NOTE_CHARS, PAYMENT_METHODS, type Fulfilment, type OrderItemOption, type OrderLocation, type PaymentMethod } from '../../../shared/order.ts';
import type { CartLine, ConversationState } from '../bot-types.ts';
import { priceWith } from '../understanding/dish-options.ts';
import type { Mode } from '../understanding/mentions.ts';

/** The question the bot asked last, so a bare answer ("sí", "Ana", "Calle Mayor 5") is read right. */
export type Asked = 'fulfilment' | 'minimum' | 'address' | 'addressNumber' | 'name' | 'payment' | 'confirm' | 'change' | null;

/** A dish the bot is not sure of: "which one?" (choose) or "did you mean?" (confirm). */
export interface PendingQuestion {
  /** choose: which dish; confirm: did you mean; option: a required option of the dish `options[0]`. */
  kind: 'choose' | 'confirm' | 'option';
  options: string[];
  quantity: number;
  explicitQuantity: boolean;
  oneMore: boolean;
  note: string | null;
  mode: Mode;
  label: string;
  /** kind option: the group asked about, and the choices already taken. */
  group?: string;
  chosen?: OrderItemOption[];
}

export interface BotState extends ConversationState {
  cart: CartLine[];
  /** Index of the cart line touched last (a note-only message belongs to it). */
  lastLine: number | null;
  fulfilment: Fulfilment | null;
  address: string | null;
  /** A shared location pin: the address is its address or name. */
  location: OrderLocation | null;
  /** The address has no house number yet ("en la calle Sol"): the next number is added to it. */
  addressOpen: boolean;
  name: string | null;
  payment: PaymentMethod | null;
  /** "HH:MM", local: when the customer wants the order (already checked against the hours). */
  requestedTime: string | null;
  /** A note for the whole order ("es para un cumpleaños"). */
  orderNote: string | null;
  pending: PendingQuestion[];
  asked: Asked;
  greeted: boolean;
  mediaWarned: boolean;
  /** The customer said the profile name is not theirs. */
  profileDeclined: boolean;
  /** With a large menu, a bare number right after the section list picks a section. */
  numbersMean: 'items' | 'categories';
  lastPlaced: { number: number; at: number } | null;
  /** Replies in a row the bot did not understand; at two a person takes the chat. */
  misses: number;
  /** Unclear or refused answers to the payment question itself; at three a person takes the chat. */
  paymentMisses: number;
  /** The last reply refused a payment method: a bare "va" after it asks again, it is no miss. */
  paymentRefused: boolean;
  /** The cart and dish questions before the customer's last text message: an edit of that message replaces its effect. */
  beforeLast: { cart: CartLine[]; pending: PendingQuestion[] } | null;
  /** The dish just described on request ("¿cuánto sale la napo?"): "dame 2" or "dale" orders it. */
  offered: string | null;
}

export function freshState(now: number): BotState {
  return {
    version: 1,
    updatedAt: now,
    cart: [],
    lastLine: null,
    fulfilment: null,
    address: null,
    location: null,
    addressOpen: false,
    name: null,
    payment: null,
    requestedTime: null,
    orderNote: null,
    pending: [],
    asked: null,
    greeted: false,
    mediaWarned: false,
    profileDeclined: false,
    numbersMean: 'items',
    lastPlaced: null,
    misses: 0,
    paymentMisses: 0,
    paymentRefused: false,
    offered: null,
    beforeLast: null,
  };
}

const ASKED = new Set(['fulfilment', 'minimum', 'address', 'addressNumber', 'name', 'payment', 'confirm', 'change']);

function str(v: unknown, max: number): string | null {
  return typeof v === 'string' && v.length > 0 ? v.slice(0, max) : null;
}
function int(v: unknown, min: number, max: number): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

function cartLine(v: unknown): CartLine | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const itemId = str(o.itemId, 100);
  const name = str(o.name, 200);
  const quantity = int(o.quantity, 1, 1000);
  const unitPrice = typeof o.unitPrice === 'number' && Number.isFinite(o.unitPrice) && o.unitPrice >= 0 ? o.unitPrice : null;
  if (!itemId || !name || quantity === null || unitPrice === null) return null;
  const line: CartLine = { itemId, name, quantity, unitPrice };
  const note = str(o.note, 200);
  if (note) line.note = note;
  const options = lineOptions(o.options);
  if (options) line.options = options;
  return line;
}

function pin(v: unknown): OrderLocation | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const lat = typeof o.latitude === 'number' && Number.isFinite(o.latitude) && Math.abs(o.latitude) <= 90 ? o.latitude : null;
  const lon = typeof o.longitude === 'number' && Number.isFinite(o.longitude) && Math.abs(o.longitude) <= 180 ? o.longitude : null;
  if (lat === null || lon === null) return null;
  const out: OrderLocation = { latitude: lat, longitude: lon };
  const name = str(o.name, 200);
  const address = str(o.address, 300);
  if (name) out.name = name;
  if (address) out.address = address;
  return out;
}

function lineOptions(v: unknown): OrderItemOption[] | null {
  if (!Array.isArray(v)) return null;
  const out: OrderItemOption[] = [];
  for (const x of v.slice(0, 20)) {
    if (!x || typeof x !== 'object') continue;
    const o = x as Record<string, unknown>;
    const groupId = str(o.groupId, 100);
    const choiceId = str(o.choiceId, 100);
    const name = str(o.name, 200);
    const price = typeof o.price === 'number' && Number.isFinite(o.price) && o.price >= 0 ? o.price : null;
    if (groupId && choiceId && name && price !== null) out.push({ groupId, choiceId, name, price });
  }
  return out.length ? out : null;
}

function pendingQuestion(v: unknown): PendingQuestion | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const options = Array.isArray(o.options) ? o.options.filter((x): x is string => typeof x === 'string') : [];
  if ((o.kind !== 'choose' && o.kind !== 'confirm' && o.kind !== 'option') || options.length === 0) return null;
  const mode: Mode = o.mode === 'remove' || o.mode === 'set' ? o.mode : 'add';
  return {
    kind: o.kind,
    options: options.slice(0, 9),
    quantity: int(o.quantity, 1, 1000) ?? 1,
    explicitQuantity: o.explicitQuantity === true,
    oneMore: o.oneMore === true,
    note: str(o.note, 200),
    mode,
    label: str(o.label, 60) ?? '',
    ...(o.kind === 'option' ? { group: str(o.group, 100) ?? '', chosen: lineOptions(o.chosen) ?? [] } : {}),
  };
}

/** Reads a stored state defensively: anything malformed falls back to a fresh field. */
export function loadState(raw: ConversationState | null, now: number): BotState {
  const state = freshState(now);
  if (!raw || typeof raw !== 'object' || raw.version !== 1) return state;
  const o = raw as Record<string, unknown>;
  state.updatedAt = typeof o.updatedAt === 'number' && Number.isFinite(o.updatedAt) ? o.updatedAt : now;
  state.cart = Array.isArray(o.cart) ? o.cart.map(cartLine).filter((l): l is CartLine => l !== null).slice(0, 100) : [];
  state.lastLine = int(o.lastLine, 0, state.cart.length - 1);
  state.fulfilment = o.fulfilment === 'pickup' || o.fulfilment === 'delivery' ? o.fulfilment : null;
  state.address = str(o.address, 200);
  state.location = state.address !== null ? pin(o.location) : null;
  state.addressOpen = state.address !== null && o.addressOpen === true;
  state.name = str(o.name, 60);
  state.payment = (PAYMENT_METHODS as readonly unknown[]).includes(o.payment) ? (o.payment as PaymentMethod) : null;
  state.requestedTime = isClockTime(o.requestedTime) ? o.requestedTime : null;
  state.orderNote = str(o.orderNote, MAX_ORDER_NOTE_CHARS);
  state.pending = Array.isArray(o.pending) ? o.pending.map(pendingQuestion).filter((p): p is PendingQuestion => p !== null).slice(0, 10) : [];
  state.asked = typeof o.asked === 'string' && ASKED.has(o.asked) ? (o.asked as Asked) : null;
  state.greeted = o.greeted === true;
  state.mediaWarned = o.mediaWarned === true;
  state.profileDeclined = o.profileDeclined === true;
  state.numbersMean = o.numbersMean === 'categories' ? 'categories' : 'items';
  state.misses = int(o.misses, 0, 100) ?? 0;
  state.paymentMisses = int(o.paymentMisses, 0, 100) ?? 0;
  state.paymentRefused = o.paymentRefused === true;
  state.offered = str(o.offered, 100);
  const before = o.beforeLast as Record<string, unknown> | null | undefined;
  state.beforeLast =
    before && typeof before === 'object' && Array.isArray(before.cart) && Array.isArray(before.pending)
      ? {
          cart: before.cart.map(cartLine).filter((l): l is CartLine => l !== null).slice(0, 100),
          pending: before.pending.map(pendingQuestion).filter((p): p is PendingQuestion => p !== null).slice(0, 10),
        }
      : null;
  const placed = o.lastPlaced as Record<string, unknown> | null | undefined;
  state.lastPlaced =
    placed && typeof placed === 'object' && typeof placed.number === 'number' && typeof placed.at === 'number'
      ? { number: placed.number, at: placed.at }
      : null;
  return state;
}

const optionsKey = (options: readonly OrderItemOption[] | undefined) => (options ?? []).map((o) => `${o.groupId}:${o.choiceId}`).join(',');

/** Adds to a line with the same dish, options and note, or starts a new line. Returns the line's index. */
export function addToCart(state: BotState, item: MenuItem, quantity: number, note: string | null, options: readonly OrderItemOption[] = []): number {
  const k = state.cart.findIndex((l) => l.itemId === item.id && (l.note ?? null) === note && optionsKey(l.options) === optionsKey(options));
  if (k >= 0) {
    const line = state.cart[k] as CartLine;
    line.quantity += quantity;
    state.lastLine = k;
    return k;
  }
  const line: CartLine = { itemId: item.id, name: item.name, quantity, unitPrice: priceWith(item, options) };
  if (note) line.note = note;
  if (options.length) line.options = options.map((o) => ({ ...o }));
  state.cart.push(line);
  state.lastLine = state.cart.length - 1;
  return state.lastLine;
}

/** Takes `quantity` (or all, when null) of a dish out of the cart. Returns how many were taken. */
export function removeFromCart(state: BotState, itemId: string, quantity: number | null): number {
  let left = quantity ?? Infinity;
  let taken = 0;
  for (let k = state.cart.length - 1; k >= 0 && left > 0; k--) {
    const line = state.cart[k] as CartLine;
    if (line.itemId !== itemId) continue;
    const take = Math.min(line.quantity, left);
    line.quantity -= take;
    left -= take;
    taken += take;
    if (line.quantity === 0) state.cart.splice(k, 1);
  }
  state.lastLine = state.cart.length ? state.cart.length - 1 : null;
  return taken;
}

/** "mejor 3 clásicas": the dish ends up with exactly `quantity` (on its plain line if it has several). */
export function setQuantity(state: BotState, item: MenuItem, quantity: number): void {
  const lines = state.cart.filter((l) => l.itemId === item.id);
  if (lines.length === 0) {
    addToCart(state, item, quantity, null);
    return;
  }
  const keep = lines.find((l) => !l.note) ?? lines.at(-1);
  if (!keep) return;
  const others = lines.filter((l) => l !== keep).reduce((sum, l) => sum + l.quantity, 0);
  if (quantity <= others) {
    // Fewer than the lines with notes hold: start that dish over as one plain line.
    state.cart = state.cart.filter((l) => l.itemId !== item.id);
    addToCart(state, item, quantity, null);
    return;
  }
  keep.quantity = quantity - others;
  state.lastLine = state.cart.indexOf(keep);
}

export function cartHas(state: BotState, itemId: string): boolean {
  return state.cart.some((l) => l.itemId === itemId);
}
