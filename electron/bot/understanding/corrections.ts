// Corrections of a slot already given: "cambia la dirección", "el nombre está mal". The dish
// corrections ("mejor 3", "cambia la coca por una fanta") are read with the dishes in mentions.ts. Pure.
import { wordsRegExp } from './text-tokens.ts';

export type SlotName = 'address' | 'name' | 'payment' | 'fulfilment';

const words = (source: string): RegExp => wordsRegExp(source, 'gu');

const CHANGE = words(
  '(?:cambi\\w*|modific\\w*|corrig\\w*|otra|change|edit|update|wrong)\\s+(?:(?:el|la|de|mi|the|my|a|en)\\s+)*(direccion|address|nombre|name|forma de pago|metodo de pago|pago|payment|entrega|recogida|delivery)',
);
// "el nombre está mal", "la dirección es incorrecta": a change of that slot.
const WRONG_SLOT = words(
  '(?:(?:el|la|mi|the|my)\\s+)?(direccion|address|nombre|name|forma de pago|metodo de pago|pago|payment|entrega)\\s+(?:esta|es|is)\\s+(?:mal|incorrect[oa]|equivocad[oa]|wrong|incorrect)',
);

/** The slot the customer wants to change, with where the phrase is. */
export function readCorrection(f: string): { slot: SlotName; start: number; end: number } | null {
  CHANGE.lastIndex = 0;
  WRONG_SLOT.lastIndex = 0;
  const change = CHANGE.exec(f) ?? WRONG_SLOT.exec(f);
  CHANGE.lastIndex = 0;
  WRONG_SLOT.lastIndex = 0;
  if (!change) return null;
  const what = change[1] ?? '';
  const slot: SlotName = /direccion|address/.test(what)
    ? 'address'
    : /nombre|name/.test(what)
      ? 'name'
      : /pago|payment/.test(what)
        ? 'payment'
        : 'fulfilment';
  return { slot, start: change.index, end: change.index + change[0].length };
}
