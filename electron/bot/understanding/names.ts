// The customer's name: "a nombre de Ana", "me llamo Ana", "soy Ana", "es para Laura", and the tidy
// form a captured name or other slot value is kept in. Pure.
import { wordsRegExp } from './text-tokens.ts';

export const NAME_INTRO = wordsRegExp(
  "mi nombre es|(?:el|su|the) nombre es|me llamo|a nombre de|al nombre de|nombre|my name is|my name'?s|my names|name is|under the name(?: of)?|in the name of|name",
  'gu',
);
// "soy Eva" at the start, on its own line or after other words ("pago en efectivo soy Jorge").
export const NAME_AT_START =
  /(?:^|[\n.!?,;¡¿]|\s)\s*(?:(?:hola|buenas|hi|hello|hey)[\s,!.]*)?(?:soy|i'?m|i am|this is)\s+(?!de\s|del\s|el\s|la\s|un\s|una\s|yo\s|a\s|an\s|the\s|not\s|at\s|in\s|on\s|hungry|fine|good|ok|done|here|ready|looking|going|gonna|trying|ordering|alergic|celiac|vegan|vegetarian|intolerante|nuev[oa]|cliente|muy|mas|from)/u;

/** Trims punctuation, politeness and connectors from both ends of a captured slot value. */
export function tidyValue(value: string): string {
  let v = value.replace(/\s+/g, ' ').trim();
  const edge = /^(?:[\s,.;:!?¡¿\-–—"'«»()]+|(?:y|e|and|por favor|porfa|please|gracias|thanks|pls|plis|xfa)(?![\p{L}\p{N}]))+|(?:[\s,.;:!?¡¿\-–—"'«»()]+|(?<![\p{L}\p{N}])(?:y|e|and|por favor|porfa|please|gracias|thanks|pls|plis|xfa))+$/giu;
  for (let k = 0; k < 4; k++) {
    const next = v.replace(edge, '').trim();
    if (next === v) break;
    v = next;
  }
  return v;
}

/** A customer's name as given: trimmed, at most 60 characters, at most six words, with a letter. */
export function cleanName(raw: string): string | null {
  const value = tidyValue(raw);
  if (!/\p{L}/u.test(value)) return null;
  if (value.split(/\s+/).length > 6) return null;
  return value.slice(0, 60).trim();
}

