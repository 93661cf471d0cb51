// What a customer hears when their messages waited for Comanda (the PC was off, WhatsApp was
// restarting): a short apology in the restaurant's own voice, and the one reply to messages too old
// to take as an order. Keyed like the bot's regional text sets; Chile, Peru and the US share LatAm.
import type { MenuLocale } from '../../shared/menu.ts';

export type CatchUpVoice = 'es-ES' | 'es-MX' | 'es-AR' | 'es-CO' | 'LatAm' | 'en';

export interface CatchUpTexts {
  /** Goes before the bot's answer when the customer waited more than a few minutes. */
  apology: string;
  /** The only reply to messages older than whatsapp.catchUpHours: a person takes the chat. */
  tooOld: string;
  /** The handoff list's line for such a chat (staff read it; Spanish and English like the kitchen screen). */
  handoffNote: string;
}

const TEXTS: Record<CatchUpVoice, CatchUpTexts> = {
  'es-ES': {
    apology: 'Perdona la espera, hemos tenido un problema técnico y acabamos de ver tu mensaje 🙏',
    tooOld: 'Perdona, no vimos tu mensaje a tiempo 🙏 Ahora te escribe una persona del restaurante.',
    handoffNote: 'escribió mientras estábamos cerrados',
  },
  'es-MX': {
    apology: 'Disculpa la espera, tuvimos un problema técnico y apenas vimos tu mensaje 🙏',
    tooOld: 'Disculpa, no alcanzamos a ver tu mensaje a tiempo 🙏 En un momento te escribe alguien del restaurante.',
    handoffNote: 'escribió mientras estábamos cerrados',
  },
  'es-AR': {
    apology: 'Perdoná la demora, tuvimos un problema técnico y recién vemos tu mensaje 🙏',
    tooOld: 'Perdoná, no vimos tu mensaje a tiempo 🙏 Ahora te escribe alguien del local.',
    handoffNote: 'escribió mientras estábamos cerrados',
  },
  'es-CO': {
    apology: 'Qué pena la demora, tuvimos un inconveniente técnico y apenas vemos tu mensaje 🙏',
    tooOld: 'Qué pena, no vimos tu mensaje a tiempo 🙏 Ya te escribe alguien del restaurante.',
    handoffNote: 'escribió mientras estábamos cerrados',
  },
  LatAm: {
    apology: 'Disculpa la demora, tuvimos un problema técnico y recién vemos tu mensaje 🙏',
    tooOld: 'Disculpa, no vimos tu mensaje a tiempo 🙏 Ahora te escribe alguien del restaurante.',
    handoffNote: 'escribió mientras estábamos cerrados',
  },
  en: {
    apology: 'Sorry for the wait: we had a technical problem and have only just seen your message 🙏',
    tooOld: 'Sorry, we did not see your message in time 🙏 A person from the restaurant will write to you now.',
    handoffNote: 'wrote while we were closed',
  },
};

export function catchUpVoice(locale: MenuLocale): CatchUpVoice {
  switch (locale) {
    case 'es-ES':
    case 'es-MX':
    case 'es-AR':
    case 'es-CO':
    case 'en':
      return locale;
    default:
      return 'LatAm';
  }
}

export function catchUpTexts(locale: MenuLocale): CatchUpTexts {
  return TEXTS[catchUpVoice(locale)];
}
