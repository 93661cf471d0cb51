// Yes and no at the start of a message, in the region's words ("sí", "dale", "órale", "de una",
// "👍"; "no", "nel"). Pure.
import type { Words } from '../lexicon/index.ts';

const YES_EMOJI = /👍|👌|✅|✔|🙆|🆗/u;

export interface YesNo {
  yes: boolean;
  no: boolean;
  /** Length of the yes/no phrase at the start (blanked before the rest is read), 0 if none. */
  length: number;
}

/** `f`: folded text; `squashed`: the same without punctuation, for whole-message words. */
export function readYesNo(f: string, squashed: string, original: string, words: Words): YesNo {
  const startsYes = words.yesStart.exec(f);
  const yes = startsYes !== null || words.yesAlone.test(squashed) || (YES_EMOJI.test(original) && !/[\p{L}\p{N}]/u.test(f));
  if (startsYes) return { yes, no: false, length: startsYes[0].length };
  const startsNo = yes ? null : words.noStart.exec(f);
  return { yes, no: startsNo !== null, length: startsNo ? startsNo[0].length : 0 };
}
