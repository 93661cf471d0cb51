// The printers and waiting tickets, kept current: read at once and after every reconnection, then
// followed through 'printing' events. A host without printing (older) counts as none.
import { useEffect, useState } from 'react';
import type { PrintingStatus } from '../../../shared/printing.ts';
import type { KdsClient } from '../api/kds-client.ts';

export function usePrintingStatus(api: Pick<KdsClient, 'getPrintingStatus' | 'subscribe' | 'onConnection'>): PrintingStatus | null {
  const [status, setStatus] = useState<PrintingStatus | null>(null);
  useEffect(() => {
    let alive = true;
    let generation = 0;
    const read = () => {
      const asked = ++generation;
      api.getPrintingStatus().then(
        (s) => alive && asked === generation && setStatus(s),
        () => alive && asked === generation && setStatus(null),
      );
    };
    const unsubscribe = api.subscribe((event) => {
      if (event.type !== 'printing') return;
      generation++;
      setStatus(event.status);
    });
    const offConnection = api.onConnection((connected) => connected && read());
    read();
    return () => {
      alive = false;
      unsubscribe();
      offConnection();
    };
  }, [api]);
  return status;
}
