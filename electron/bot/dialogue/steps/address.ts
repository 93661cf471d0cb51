// The address step: an address given with the order or alone, its house number asked for when it
// came without one, and a floor or door added later ("ah, y es 3ºB").
import { foldText } from '../../../../shared/text.ts';
import { floorOrDoor, streetAndNumber } from '../../understanding/addresses.ts';
import { looksLikeAddress, tidyValue } from '../../understanding/intents.ts';
import { deliveryOn } from '../../terms/delivery-and-payments.ts';
import type { Reading, Turn } from '../turn.ts';


/** A house number, or a customer's word that there is none. */
const HOUSE_NUMBER = /\d|s\/n|sin numero|no tiene numero/u;
/** "en la calle Sol" → "calle Sol". */
const STREET_AFTER_PREPOSITION =
  /^\s*(?:en|a|al|para|hasta)\s+(?:(?:la|el)\s+)?(?=(?:calle|c\/|avenida|avda|av\.?|plaza|pza|paseo|carrera|cra|calzada|colonia|col\.|jiron|jr\.|pasaje|carretera|ctra)(?![\p{L}\p{N}]))/iu;


/** The house number of an address given without one ("en la calle Sol", then "número 3"). */
export function addHouseNumber(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions, pending } = r;
  // The house number of an address given without one ("en la calle Sol", then "número 3" or "sol 3, 2ºB").
  r.addedToAddress = false;
  if (state.addressOpen && state.address && state.fulfilment === 'delivery' && !it.address && !it.change && !it.fulfilment && !pending) {
    const said = tidyValue(it.restOriginal);
    if (/\d/u.test(said) && !r.namedDish && said.length <= 80) {
      state.address = `${state.address} ${said}`.slice(0, 200);
      r.addedToAddress = true;
      r.slotChanged = true;
      mentions.length = 0;
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    } else if (r.asked === 'addressNumber') {
      // Never a trap: "sin número", "no", or anything else closes the question; the address stays as given.
      state.addressOpen = false;
      r.understood = true;
      if (it.no || /sin numero|s\/n|no (?:tiene|hay|tengo)/u.test(it.folded.text)) {
        // "sin número" is about the address, not a note for the last dish.
        state.address = `${state.address} s/n`.slice(0, 200);
        scan.unknown.length = 0;
        scan.orphanNotes.length = 0;
      } else if (!state.name) r.asked = 'name';
    }
  }
}

/** "a domicilio en …", "mi dirección es …": the address, whatever was asked. */
export function takeAddress(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions } = r;
  if (it.address) {
    const given = it.address;
    let value = given;
    // "Jr. de la Unión 456, Lima" as the answer to "which address?": words after it that are no
    // dish (a city, a landmark) belong to it.
    const at = it.original.indexOf(given);
    if (r.asked === 'address' && !state.address && mentions.length === 0 && at >= 0 && scan.unknown.length > 0 && scan.unknown.every((w) => it.original.indexOf(w, at + given.length) >= 0)) {
      value = tidyValue(`${given}, ${scan.unknown.join(', ')}`).slice(0, 200);
      scan.unknown.length = 0;
    }
    state.address = value;
    state.fulfilment = 'delivery';
    r.slotChanged = true;
  }
}

/** A floor or door for the address already taken. */
export function addFloorOrDoor(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions, pending } = r;
  // "ah, y es 3ºB", "el piso es 2ºA" once the address is known: its floor or door, added to it.
  // Not while a dish question is open: "la 3ª" answers "which one?".
  const addition = state.fulfilment === 'delivery' && state.address && !r.addedToAddress && !it.address && !it.change && !pending ? floorOrDoor(it.restOriginal) : null;
  if (addition && state.address) {
    if (!foldText(state.address).includes(foldText(addition))) state.address = `${state.address}, ${addition}`.slice(0, 200);
    r.addedToAddress = true;
    r.slotChanged = true;
    mentions.length = 0;
    scan.unknown.length = 0;
    scan.unknownNumbers.length = 0;
  }
}

/** "Calle Mayor 5" as the whole message: delivery to that address. */
export function addressAlone(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions } = r;
  // "Calle Mayor 5" when asked pickup-or-delivery (or anywhere): delivery to that address.
  r.tookAddress = false;
  if (!it.address && !r.addedToAddress && !r.namedDish && r.asked !== 'address' && it.fulfilment !== 'pickup' && deliveryOn(turn.input.menu) && looksLikeAddress(it.restOriginal)) {
    const value = tidyValue(it.restOriginal.replace(/^\s*(?:en|a|al|es|para|to|at)\s+/iu, '')).slice(0, 200);
    if (value) {
      state.address = value;
      state.fulfilment = 'delivery';
      r.slotChanged = true;
      r.tookAddress = true;
      mentions.length = 0;
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    }
  }
}

/** The answer to "¿a qué dirección?". */
export function bareAddress(turn: Turn, r: Reading): void {
  const { state } = turn;
  const { it, scan, mentions } = r;
  if (r.asked === 'address' && state.fulfilment === 'delivery' && !state.address && (!r.namedDish || streetAndNumber(it.restOriginal)) && !it.fulfilment) {
    // "en la calle Sol": the address starts at its street word.
    const value = tidyValue(it.restOriginal.replace(STREET_AFTER_PREPOSITION, '')).slice(0, 200);
    if (/[\p{L}\p{N}]{2,}/u.test(value) && !(it.yes || it.no)) {
      state.address = value;
      r.slotChanged = true;
      mentions.length = 0;
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    }
  }
  // Below the delivery minimum an address given is kept for when the order reaches the minimum:
  // said back, so the customer sees the message moved something.
  if (r.asked === 'minimum' && state.address && state.address !== r.addressBefore) turn.notices.push(turn.t.locationTaken(state.address));
}

/** An address without a house number is asked for it next. */
export function markAddressOpen(turn: Turn, r: Reading): void {
  const { state } = turn;
  // An address without a house number is asked for it next.
  if (state.address !== r.addressBefore) state.addressOpen = state.address !== null && !HOUSE_NUMBER.test(foldText(state.address));
}
