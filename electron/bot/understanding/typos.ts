// How close a customer's word is to a dish's word: a typo or two (edit distance from the
// fastest-levenshtein library, a swap of two neighbouring letters counting as one), or a Spanish
// sound-alike (pisa = pizza, hamburgueza = hamburguesa). Whether a near word picks a dish or asks
// "did you mean?" is decided by the menu index: only a dish that no other is as close to. Pure.
import { distance } from 'fastest-levenshtein';
import { singular, soundKey } from './text-tokens.ts';

/** Edits allowed for a word of this many letters: none below five, one from five, two from nine. */
export function typosAllowed(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Edit distance where a swap of two neighbouring letters ("croqeuta") is one edit, not two. */
export function typoDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const diff: number[] = [];
  for (let k = 0; k < a.length && diff.length <= 2; k++) if (a[k] !== b[k]) diff.push(k);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i] ? 1 : d;
}

// Each customer word is compared with every word of a big menu, again for each position it may
// start a dish at: the answers are kept (a bounded cache, emptied when full).
const nearCache = new Map<string, boolean>();
const soundCache = new Map<string, string>();
const NEAR_CACHE_MAX = 20_000;

function sound(word: string): string {
  let key = soundCache.get(word);
  if (key === undefined) {
    if (soundCache.size > NEAR_CACHE_MAX) soundCache.clear();
    key = soundKey(word);
    soundCache.set(word, key);
  }
  return key;
}

/** A typo or two (by length) on words of five letters or more, or a sound-alike. */
export function nearWord(a: string, b: string): boolean {
  const key = `${a}\u0000${b}`;
  const known = nearCache.get(key);
  if (known !== undefined) return known;
  if (nearCache.size > NEAR_CACHE_MAX) nearCache.clear();
  const near = judgeNear(a, b);
  nearCache.set(key, near);
  return near;
}

function judgeNear(a: string, b: string): boolean {
  const x = singular(a);
  const y = singular(b);
  if (x.length >= 4 && y.length >= 4 && !/\d/.test(x + y) && sound(x) === sound(y)) return true;
  if (/\d/.test(x) || /\d/.test(y)) return false;
  const allowed = Math.min(typosAllowed(x.length), typosAllowed(y.length));
  if (allowed === 0 || Math.abs(x.length - y.length) > allowed) return false;
  return typoDistance(x, y) <= allowed;
}
