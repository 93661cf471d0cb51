import type { UiStrings } from '../../../shared/i18n.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';

interface Props {
  restaurant: string;
  now: number;
  openCount: number;
  whatsapp: WhatsAppStatus | null;
  hostConnected: boolean;
  locale: 'es' | 'en';
  t: UiStrings;
  onToggleLocale(): void;
  onTogglePanel(panel: 'allday' | 'history' | 'sim'): void;
  simulator: boolean;
}

export function Header({ restaurant, now, openCount, whatsapp, hostConnected, locale, t, onToggleLocale, onTogglePanel, simulator }: Props) {
  const state = whatsapp?.state ?? 'starting';
  const clock = new Date(now).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'es-ES', { hour: '2-digit', minute: '2-digit' });
  return (
    <header className="topbar">
      <div className="topbar__title" dir="auto">
        {restaurant}
      </div>
      <div className="topbar__count">
        {openCount} {t.openOrders}
      </div>
      <div className={`wa-pill wa-pill--${state}`} data-testid="wa-state" data-state={state} title={whatsapp?.error ?? ''}>
        <span className="wa-pill__dot" />
        {t.whatsapp[state]}
        {state === 'loading' && whatsapp?.percent !== undefined ? ` ${whatsapp.percent}%` : ''}
      </div>
      {!hostConnected && (
        <div className="host-down" role="status">
          {t.hostDown}
        </div>
      )}
      <nav className="topbar__nav">
        <button className="btn btn--ghost" onClick={() => onTogglePanel('allday')}>
          {t.allDay}
        </button>
        <button className="btn btn--ghost" onClick={() => onTogglePanel('history')}>
          {t.history}
        </button>
        {simulator && (
          <button className="btn btn--ghost" data-testid="sim-toggle" onClick={() => onTogglePanel('sim')}>
            {t.simulator}
          </button>
        )}
        <button className="btn btn--ghost" onClick={onToggleLocale} aria-label="language">
          {t.language}
        </button>
      </nav>
      <div className="topbar__clock">{clock}</div>
    </header>
  );
}
