// Kitchen screen strings for what customers send besides text (voice notes, photos, location pins)
// and for dish options. Same { es, en } shape as shared/i18n.ts. Pure data.
import type { HandoffMediaMissing } from './kds-api.ts';
import type { Locale } from './i18n.ts';

const es = {
  audioReceived: 'Audio recibido',
  imageReceived: 'Foto recibida',
  imagesReceived: (count: number) => `${count} fotos recibidas`,
  documentReceived: 'Documento recibido',
  /** Why there is nothing to play or show. */
  notKept: {
    'too-large': 'no se guardó: pesa más de 16 MB',
    'unknown-type': 'no se guardó: formato desconocido',
    empty: 'vacío',
    'not-downloaded': 'no se pudo descargar de WhatsApp',
  } satisfies Record<HandoffMediaMissing, string>,
  mediaLoading: 'Cargando…',
  mediaFailed: 'No se pudo cargar',
  enlargePhoto: 'Ver la foto en grande',
  openMap: 'Ver en el mapa',
  pin: 'Ubicación compartida',
};

type MediaStrings = typeof es;

const en: MediaStrings = {
  audioReceived: 'Voice message received',
  imageReceived: 'Photo received',
  imagesReceived: (count: number) => `${count} photos received`,
  documentReceived: 'Document received',
  notKept: {
    'too-large': 'not kept: over 16 MB',
    'unknown-type': 'not kept: unknown format',
    empty: 'empty',
    'not-downloaded': 'could not be downloaded from WhatsApp',
  },
  mediaLoading: 'Loading…',
  mediaFailed: 'Could not load',
  enlargePhoto: 'Show the photo larger',
  openMap: 'Open the map',
  pin: 'Shared location',
};

export const MEDIA_STRINGS: Record<Locale, MediaStrings> = { es, en };
export type MediaUiStrings = MediaStrings;
