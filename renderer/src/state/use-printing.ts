// The printers and waiting tickets, kept current through 'printing' events. A host without
// printing (older) counts as none.
import type { PrintingStatus } from '../../../shared/printing.ts';
import type { KdsClient } from '../api/kds-client.ts';
import { useFollowedStatus } from './use-followed-status.ts';

export function usePrintingStatus(api: Pick<KdsClient, 'getPrintingStatus' | 'subscribe' | 'onConnection'>): PrintingStatus | null {
  const [status] = useFollowedStatus(
    api,
    () => api.getPrintingStatus(),
    (event) => (event.type === 'printing' ? event.status : undefined),
  );
  return status;
}
