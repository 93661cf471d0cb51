import type { CloudStatus } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';

/** In the header while a recovery code waits to be written down: a tap opens the cloud tab. Nothing otherwise. */
export function CloudNotice({ status, t, onOpen }: { status: CloudStatus | null; t: UiStrings; onOpen(): void }) {
  if (!status?.recoveryCode || status.state === 'off') return null;
  return (
    <button type="button" className="update-note cloud-note" data-testid="cloud-notice" onClick={onOpen}>
      <span aria-hidden="true">🔑</span>
      <span className="update-note__text">{t.cloudRecoveryNotice}</span>
    </button>
  );
}
