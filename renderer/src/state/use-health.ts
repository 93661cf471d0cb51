// The health report, kept fresh while the panel is open: read at once, every few seconds, and
// whenever the WhatsApp status changes.
import { useCallback, useEffect, useState } from 'react';
import type { KdsApi, WhatsAppHealth } from '../../../shared/kds-api.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';

export const HEALTH_REFRESH_MS = 5000;

export function useHealth(api: Pick<KdsApi, 'getHealth'>, status: WhatsAppStatus | null): { health: WhatsAppHealth | null; failed: boolean; refresh: () => void } {
  const [health, setHealth] = useState<WhatsAppHealth | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let alive = true;
    const read = () =>
      api.getHealth().then(
        (h) => {
          if (!alive) return;
          setHealth(h);
          setFailed(false);
        },
        () => alive && setFailed(true),
      );
    void read();
    const id = setInterval(read, HEALTH_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
    // A new status (state or since) is worth a fresh read: counters move with it.
  }, [api, status?.state, status?.since, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { health, failed, refresh };
}
