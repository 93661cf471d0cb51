// WhatsApp's status for the welcome flow (the board is not mounted yet): read once, then events.
import { useEffect, useState } from 'react';
import type { WhatsAppStatus } from '../../../../shared/whatsapp-status.ts';
import type { KdsClient } from '../../api/kds-client.ts';

export function useWhatsAppStatus(api: KdsClient): WhatsAppStatus | null {
  const [status, setStatus] = useState<WhatsAppStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const off = api.subscribe((event) => {
      if (event.type === 'whatsapp') setStatus(event.status);
    });
    api.getSnapshot().then(
      (s) => alive && setStatus((current) => current ?? s.whatsapp),
      () => undefined,
    );
    return () => {
      alive = false;
      off();
    };
  }, [api]);
  return status;
}
