// Spain: today's words are in common.ts (vale, recoger, Bizum); these are Spain-only extras.
import type { LexiconPart } from './lexicon.ts';

export const ES_ES: LexiconPart = {
  yesStart: ['vale', 'venga va', 'hecho'],
  pickup: ['(?:lo |la |los |las )?recogere(?:mos)?', 'paso yo a por (?:el|ello|ellos|ellas)'],
  handoff: ['(?:hablar|pasame) con (?:el|la) jef[ea]', 'que me atienda (?:alguien|una persona)'],
};
