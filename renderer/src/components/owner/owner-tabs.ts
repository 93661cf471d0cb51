// The owner area's tabs, in order. Adding a tab is one entry here: an id, its label in the
// screen's language, and a component that takes OwnerTabProps.
import type { ComponentType } from 'react';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { TermsTab } from './TermsTab.tsx';
import { MenuTab } from './MenuTab.tsx';
import { KitchenTab } from './KitchenTab.tsx';
import { WhatsAppTab } from './WhatsAppTab.tsx';
import { NetworkTab } from './NetworkTab.tsx';
import { CloudTab } from './CloudTab.tsx';
import { PinTab } from './PinTab.tsx';
import { DayCloseOwnerTab, PrintersOwnerTab } from '../printing/printing-owner-tabs.tsx';
import { PRINTING_STRINGS } from '../../../../shared/i18n-printing.ts';

export interface OwnerTab {
  id: string;
  label(o: OwnerStrings, locale: 'es' | 'en'): string;
  component: ComponentType<OwnerTabProps>;
}

export const OWNER_TABS: OwnerTab[] = [
  { id: 'restaurant', label: (o) => o.tabs.restaurant, component: TermsTab },
  { id: 'menu', label: (o) => o.tabs.menu, component: MenuTab },
  { id: 'kitchen', label: (o) => o.tabs.kitchen, component: KitchenTab },
  { id: 'whatsapp', label: (o) => o.tabs.whatsapp, component: WhatsAppTab },
  { id: 'network', label: (o) => o.tabs.network, component: NetworkTab },
  { id: 'cloud', label: (o) => o.tabs.cloud, component: CloudTab },
  { id: 'printers', label: (_o, locale) => PRINTING_STRINGS[locale].printing.tab, component: PrintersOwnerTab },
  { id: 'close', label: (_o, locale) => PRINTING_STRINGS[locale].report.title, component: DayCloseOwnerTab },
  { id: 'pin', label: (o) => o.tabs.pin, component: PinTab },
];

export type { OwnerTabProps };
