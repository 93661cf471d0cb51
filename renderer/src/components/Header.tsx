import type { UiStrings } from '../../../shared/i18n.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';
import type { PanelTab } from './SidePanel.tsx';
import { Clock } from './Clock.tsx';
import { WhatsAppPill } from './WhatsAppPill.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import type { UpdateFeed } from '../api/update-feed.ts';
import type { CloudStatus } from '../../../shared/kds-api.ts';
import { cloudShown } from '../state/cloud.ts';
import { CloudNotice } from './CloudNotice.tsx';
import type { OwnerStrings } from '../../../shared/i18n-owner.ts';
import type { OrdersPause } from '../../../shared/owner-api.ts';
import { PauseCountdown } from './owner/PauseCountdown.tsx';
import { PrinterNotice } from './printing/PrinterNotice.tsx';
import type { PrintingStatus } from '../../../shared/printing.ts';

interface Props {
  restaurant: string;
  openCount: number;
  whatsapp: WhatsAppStatus | null;
  /** The desktop app's update progress; undefined in a browser. */
  updates: UpdateFeed | undefined;
  locale: 'es' | 'en';
  t: UiStrings;
  simulator: boolean;
  /** null or off: no cloud tab, no notice. */
  cloud: CloudStatus | null;
  panel: PanelTab | null;
  canRecall: boolean;
  onRecallLast(): void;
  onToggleLocale(): void;
  onTogglePanel(tab: PanelTab): void;
  o: OwnerStrings;
  /** New orders are paused: the button becomes "Reanudar" with the time left. */
  pause: OrdersPause;
  onPause(): void;
  onResume(): void;
  onSettings(): void;
  printing: PrintingStatus | null;
}

/** Restaurant, open count, WhatsApp state (always), the app's update (when any), panels, language, clock. */
export function Header({ restaurant, openCount, whatsapp, updates, locale, t, simulator, cloud, panel, canRecall, onRecallLast, onToggleLocale, onTogglePanel, o, pause, onPause, onResume, onSettings, printing }: Props) {
  const tab = (id: PanelTab, label: string, testId: string) => (
    <button type="button" className={`btn btn--tab${panel === id ? ' btn--tab-on' : ''}`} aria-pressed={panel === id} data-testid={testId} onClick={() => onTogglePanel(id)}>
      {label}
    </button>
  );
  return (
    <header className="topbar">
      <div className="topbar__title" dir="auto" title={restaurant}>
        {restaurant}
      </div>
      <div className="topbar__count" data-testid="open-count">
        <strong>{openCount}</strong> {t.openOrders}
      </div>
      {simulator && (
        <span className="practice-badge" data-testid="practice-badge" title={o.practiceTitle}>
          🧪 {o.practiceBadge}
        </span>
      )}
      <WhatsAppPill status={whatsapp} t={t} />
      <UpdateNotice feed={updates} t={t} />
      <CloudNotice status={cloud} t={t} onOpen={() => panel !== 'cloud' && onTogglePanel('cloud')} />
      <PrinterNotice status={printing} locale={locale} onOpen={onSettings} />
      <nav className="topbar__nav">
        <button type="button" className="btn btn--tab" data-testid="recall-last" disabled={!canRecall} onClick={onRecallLast} title="R">
          ↩ {t.recall}
        </button>
        {tab('allday', t.allDay, 'tab-allday')}
        {tab('history', t.history, 'tab-history')}
        {simulator && tab('sim', t.simOpen, 'sim-toggle')}
        {tab('health', t.healthTab, 'tab-health')}
        {cloudShown(cloud) && tab('cloud', t.cloudTab, 'tab-cloud')}
        {pause.paused ? (
          <button type="button" className="btn btn--tab btn--resume" data-testid="header-resume" onClick={onResume}>
            ▶ {o.resume} <PauseCountdown pause={pause} />
          </button>
        ) : (
          <button type="button" className="btn btn--tab btn--pause" data-testid="header-pause" onClick={onPause}>
            ⏸ {o.pauseButton}
          </button>
        )}
        <button type="button" className="btn btn--tab" data-testid="locale-toggle" onClick={onToggleLocale} aria-label={locale === 'es' ? 'English' : 'Español'}>
          {t.language}
        </button>
        <button type="button" className="btn btn--tab" data-testid="open-settings" onClick={onSettings}>
          ⚙ {o.settings}
        </button>
      </nav>
      <Clock locale={locale} />
    </header>
  );
}
