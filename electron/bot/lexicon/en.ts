// English: words beyond today's common set.
import type { LexiconPart } from './lexicon.ts';

export const EN: LexiconPart = {
  yesStart: ['yess+', 'yea', 'lovely', 'brilliant', 'cheers', 'awesome', 'sure thing', 'all good', 'looks good', 'perfect'],
  yesAlone: ['k', 'kk', 'cool', 'ok cool', 'sounds great'],
  pickup: ["i'?ll pick(?: it)? up", 'pick ?up', 'collect it'],
  payments: { paypal: ['paypal', 'pay pal'] },
  // "a cheeseburger w bacon": "w" is how "with" is texted.
  noteTriggers: ['w'],
  handoff: ['(?:is there|can i get) (?:a |an )?(?:human|real person|someone)', 'let me (?:talk|speak) to (?:someone|somebody|a person)'],
};
