// A WhatsApp location pin: at the address step or with a delivery order, the pin is the address
// (the order keeps the pin, the address text is its address or name).
import type { BotInput } from '../bot-types.ts';
import { deliveryOn } from '../terms/delivery-and-payments.ts';
import { cartText } from '../texts/blocks.ts';
import { nextQuestion } from './policy.ts';
import { done, type Outcome, type Turn } from './turn.ts';

type Pin = Extract<BotInput['message'], { kind: 'location' }>['location'];

function validPin(pin: Pin | undefined): pin is Pin {
  return (
    !!pin &&
    typeof pin.latitude === 'number' &&
    typeof pin.longitude === 'number' &&
    Number.isFinite(pin.latitude) &&
    Number.isFinite(pin.longitude) &&
    Math.abs(pin.latitude) <= 90 &&
    Math.abs(pin.longitude) <= 180
  );
}

export function takeLocation(turn: Turn, pin: Pin | undefined): Outcome {
  const { state, t, input, notices } = turn;
  const { menu } = input;
  const parts: string[] = [...notices];
  if (!state.greeted) parts.push(t.greeting(menu.restaurant));
  state.greeted = true;
  if (!validPin(pin)) {
    // A pin that is no place on Earth: the address in words instead.
    parts.push(t.askAddress);
    return done(state, [parts.join('\n\n')]);
  }
  if (!deliveryOn(menu)) {
    parts.push(t.noDelivery, nextQuestion(turn));
    return done(state, [parts.join('\n\n')]);
  }
  if (state.fulfilment === 'pickup') {
    parts.push(t.locationForPickup, nextQuestion(turn));
    return done(state, [parts.join('\n\n')]);
  }
  const clean = (v: string | undefined) => (typeof v === 'string' ? v.replace(/\s+/gu, ' ').trim().slice(0, 200) : '');
  const name = clean(pin.name);
  const address = clean(pin.address);
  const text = address || name || `📍 ${pin.latitude.toFixed(5)}, ${pin.longitude.toFixed(5)}`;
  state.location = { latitude: pin.latitude, longitude: pin.longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) };
  state.address = text;
  state.addressOpen = false;
  state.fulfilment = 'delivery';
  state.misses = 0;
  parts.push(t.locationTaken(text));
  const question = nextQuestion(turn);
  if (state.cart.length > 0 && state.asked !== 'confirm') parts.push(cartText(state.cart, menu));
  parts.push(question);
  return done(state, [parts.join('\n\n')]);
}
