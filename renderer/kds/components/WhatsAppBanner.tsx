import type { UiStrings } from '../../../shared/i18n.ts';
import { needsAttention, type WhatsAppStatus } from '../../../shared/whatsapp-status.ts';

/** Red, full width, whenever customers are not being heard, with what to do about it. */
export function WhatsAppBanner({ status, t }: { status: WhatsAppStatus | null; t: UiStrings }) {
  if (!status || !needsAttention(status)) return null;
  const next = status.nextTryAt ? new Date(status.nextTryAt).toLocaleTimeString() : null;
  return (
    <div className="wa-banner" data-testid="wa-banner" role="alert">
      <strong>{t.whatsapp[status.state]}.</strong> {t.banner[status.state]}
      {status.state === 'reconnecting' && status.attempt !== undefined && (
        <span>
          {' '}
          (#{status.attempt}
          {next ? ` · ${next}` : ''})
        </span>
      )}
      {status.error && status.state === 'failed' && <span> · {status.error}</span>}
      {status.state === 'needs-link' && status.pairingCode && <div className="wa-banner__code">{status.pairingCode}</div>}
      {status.state === 'needs-link' && status.qr && (
        <div className="wa-banner__qr">
          {status.qr.startsWith('data:image/') ? <img src={status.qr} alt="QR" /> : <pre>{status.qr}</pre>}
        </div>
      )}
    </div>
  );
}
