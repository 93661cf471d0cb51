import type { CloudStatus, SimMessage } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { Order } from '../../../shared/order.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';
import type { KdsClient } from '../api/kds-client.ts';
import { AllDayPanel } from './AllDayPanel.tsx';
import { CloudPanel } from './CloudPanel.tsx';
import { cloudShown } from '../state/cloud.ts';
import { HealthPanel } from './HealthPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { SimulatorPanel } from './SimulatorPanel.tsx';
import type { OwnerStrings } from '../../../shared/i18n-owner.ts';
import type { Menu } from '../../../shared/menu.ts';
import type { StockItem } from '../state/stock.ts';
import type { PrintCopy } from '../../../shared/printing.ts';

export type PanelTab = 'allday' | 'history' | 'sim' | 'health' | 'cloud';

interface Props {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  onClose(): void;
  simulator: boolean;
  orders: Order[];
  open: Order[];
  sim: { phone: string; messages: SimMessage[] } | null;
  locale: 'es' | 'en';
  t: UiStrings;
  onRecall(order: Order): void;
  onOpenChat(phone: string): void;
  onSimSend(phone: string, name: string, body: string): Promise<void>;
  api: KdsClient;
  whatsapp: WhatsAppStatus | null;
  cloud: CloudStatus | null;
  onCloud(status: CloudStatus): void;
  onError(error: unknown): void;
  o: OwnerStrings;
  menu: Menu | null;
  onStock(item: StockItem): void;
  onReprint(order: Order, copy: PrintCopy): Promise<boolean>;
}

/** The right-hand panel with its tabs: all-day counts, today's history, the simulator, WhatsApp's health, the cloud (when set up). */
export function SidePanel({ tab, onTab, onClose, simulator, orders, open, sim, locale, t, onRecall, onOpenChat, onSimSend, api, whatsapp, cloud, onCloud, onError, o, menu, onStock, onReprint }: Props) {
  const tabs: [PanelTab, string][] = [
    ['allday', t.allDay],
    ['history', t.history],
    ...(simulator ? ([['sim', t.simOpen]] as [PanelTab, string][]) : []),
    ['health', t.healthTab],
    ...(cloudShown(cloud) ? ([['cloud', t.cloudTab]] as [PanelTab, string][]) : []),
  ];
  return (
    <aside className="panel" data-testid="side-panel">
      <div className="panel__tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={`panel__tab${tab === id ? ' panel__tab--on' : ''}`} onClick={() => onTab(id)}>
            {label}
          </button>
        ))}
        <button type="button" className="panel__close" aria-label={t.panelClose} data-testid="panel-close" onClick={onClose}>
          ✕
        </button>
      </div>
      {tab === 'allday' && <AllDayPanel open={open} t={t} o={o} menu={menu} onStock={onStock} />}
      {tab === 'history' && <HistoryPanel orders={orders} t={t} locale={locale} onRecall={onRecall} onReprint={onReprint} />}
      {tab === 'sim' && simulator && <SimulatorPanel chat={sim} t={t} onOpenChat={onOpenChat} onSend={onSimSend} />}
      {tab === 'health' && <HealthPanel api={api} status={whatsapp} locale={locale} t={t} onError={onError} />}
      {tab === 'cloud' && cloudShown(cloud) && <CloudPanel api={api} status={cloud} onStatus={onCloud} locale={locale} t={t} onError={onError} />}
    </aside>
  );
}
