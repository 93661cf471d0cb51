import type { UiStrings } from '../../../shared/i18n.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';

/** The WhatsApp state in words, always on screen. */
export function WhatsAppPill({ status, t }: { status: WhatsAppStatus | null; t: UiStrings }) {
  const state = status?.state ?? 'starting';
  const extra = state === 'loading' && status?.percent !== undefined ? ` ${status.percent}%` : '';
  return (
    <div className={`wa-pill wa-pill--${state}`} data-testid="wa-state" data-state={state} role="status" title={status?.error ?? ''}>
      <span className="wa-pill__dot" aria-hidden="true" />
      {t.whatsapp[state]}
      {extra}
      {status?.engine === 'simulator' && <span className="wa-pill__sim">SIM</span>}
    </div>
  );
}
