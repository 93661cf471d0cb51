// The vendor's word to every restaurant about WhatsApp Web: Firestore `fleet/whatsapp`, readable by
// every signed-in restaurant and written only by the vendor. When WhatsApp Web changes under the
// library, a known-good web version pinned here reaches every PC at its next start, or at once when
// a session is stuck (never-ready).
import { z } from 'zod';

export const fleetWhatsAppSchema = z.object({
  /** A WhatsApp Web version known to work with this app's whatsapp-web.js (e.g. 2.3000.1017054665). */
  webVersion: z.string().regex(/^\d+\.\d+\.\d+(-[\w.]+)?$/).optional(),
  /** Where that version's page is kept (whatsapp-web.js's remote web cache; `{version}` is replaced). */
  webVersionCacheUrl: z.string().url().max(2000).optional(),
  /** Older apps should update first (the updater reads it). */
  minAppVersion: z.string().regex(/^\d+\.\d+\.\d+/).optional(),
  /** A line for support. */
  note: z.string().max(2000).optional(),
});
export type FleetWhatsApp = z.infer<typeof fleetWhatsAppSchema>;
