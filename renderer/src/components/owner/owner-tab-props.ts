// What every tab of the owner area gets: the API, the strings, the live menu and WhatsApp and
// cloud state, and one way to report a failure (a lapsed PIN closes the area instead).
import type { CloudStatus } from '../../../../shared/kds-api.ts';
import type { UiStrings } from '../../../../shared/i18n.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { Menu } from '../../../../shared/menu.ts';
import type { WhatsAppStatus } from '../../../../shared/whatsapp-status.ts';
import type { KdsClient } from '../../api/kds-client.ts';

export interface OwnerTabProps {
  api: KdsClient;
  locale: 'es' | 'en';
  t: UiStrings;
  o: OwnerStrings;
  /** The menu in use (kept current by the host's events); null until read. */
  menu: Menu | null;
  /** The host's answer to a save, shown before its event arrives. */
  onMenu(menu: Menu): void;
  whatsapp: WhatsAppStatus | null;
  cloud: CloudStatus | null;
  onCloud(status: CloudStatus): void;
  /** A PIN exists (owner calls need it). */
  pinSet: boolean;
  onPinSet(): void;
  /**
   * A call failed: returns the reason to show in the tab, or null when the owner's PIN session
   * lapsed (the area closes and the board comes back).
   */
  fail(error: unknown): string | null;
}
