// The owner area's printing tabs (entries of owner/owner-tabs.ts): the printers, with their live
// state, and the day's close.
import type { OwnerTabProps } from '../owner/owner-tab-props.ts';
import { usePrintingStatus } from '../../state/use-printing.ts';
import { PrintersTab } from './PrintersTab.tsx';
import { DayClosePanel } from './DayClosePanel.tsx';

export function PrintersOwnerTab({ api, locale, fail }: OwnerTabProps) {
  const status = usePrintingStatus(api);
  return <PrintersTab api={api} status={status} locale={locale} fail={fail} />;
}

export function DayCloseOwnerTab({ api, locale, fail }: OwnerTabProps) {
  return <DayClosePanel api={api} locale={locale} fail={fail} />;
}
