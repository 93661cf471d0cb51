// What the customer is told when a voice note or a run of photos goes to a person, in the regional
// voice of the menu's locale (same keys in every set).
import type { MenuLocale } from '../../shared/menu.ts';

export interface MediaTexts {
  /** A voice note or audio: a person will listen. */
  audioToStaff: string;
  /** Several photos without words: a person will look. */
  picturesToStaff: string;
}

const ES_ES: MediaTexts = {
  audioToStaff: '¡Gracias! Hemos recibido tu audio. Una persona del equipo lo escuchará y te contestará por aquí enseguida.',
  picturesToStaff: 'Gracias por las fotos. Una persona del equipo las mirará y te contestará por aquí enseguida.',
};
const ES_MX: MediaTexts = {
  audioToStaff: '¡Gracias! Recibimos tu audio. Alguien del equipo lo va a escuchar y te contesta por aquí en un momento.',
  picturesToStaff: 'Gracias por las fotos. Alguien del equipo las va a revisar y te contesta por aquí en un momento.',
};
const ES_AR: MediaTexts = {
  audioToStaff: '¡Gracias! Recibimos tu audio. Alguien del equipo lo escucha y te responde por acá en un ratito.',
  picturesToStaff: 'Gracias por las fotos. Alguien del equipo las mira y te responde por acá en un ratito.',
};
const ES_CO: MediaTexts = {
  audioToStaff: '¡Gracias! Recibimos tu audio. Una persona del equipo lo escucha y te responde por aquí en un momentico.',
  picturesToStaff: 'Gracias por las fotos. Una persona del equipo las revisa y te responde por aquí en un momentico.',
};
/** Chile, Peru, the US and any other Spanish: neutral Latin-American. */
const ES_LATAM: MediaTexts = {
  audioToStaff: '¡Gracias! Recibimos tu audio. Una persona del equipo lo va a escuchar y te responde por aquí en un momento.',
  picturesToStaff: 'Gracias por las fotos. Una persona del equipo las va a revisar y te responde por aquí en un momento.',
};
const EN: MediaTexts = {
  audioToStaff: 'Thanks! We got your voice message. Someone from the team will listen to it and reply here shortly.',
  picturesToStaff: 'Thanks for the pictures. Someone from the team will look at them and reply here shortly.',
};

export const MEDIA_TEXTS: Record<MenuLocale, MediaTexts> = {
  'es-ES': ES_ES,
  'es-MX': ES_MX,
  'es-AR': ES_AR,
  'es-CO': ES_CO,
  'es-CL': ES_LATAM,
  'es-PE': ES_LATAM,
  'es-US': ES_LATAM,
  en: EN,
};

export function mediaTexts(locale: MenuLocale | 'es' | undefined): MediaTexts {
  return MEDIA_TEXTS[locale === 'es' || locale === undefined ? 'es-ES' : locale] ?? ES_LATAM;
}
