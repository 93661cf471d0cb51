// A host status the screen keeps current: read at once and after every reconnection to the host,
// then followed through its events. A read that fails (an older host without the call) counts as
// none. An event that arrives while a read is on its way is newer than that read's answer.
import { useEffect, useState } from 'react';
import type { KdsEvent } from '../../../shared/kds-api.ts';
import type { KdsClient } from '../api/kds-client.ts';

/** What an event means for the status: the new status, 'read' to ask the host again, or nothing. */
export type FollowedEvent<T> = T | 'read' | undefined;

export function useFollowedStatus<T>(
  api: Pick<KdsClient, 'subscribe' | 'onConnection'>,
  read: () => Promise<T>,
  fromEvent: (event: KdsEvent) => FollowedEvent<T>,
): [T | null, (status: T) => void] {
  const [status, setStatus] = useState<T | null>(null);

  useEffect(() => {
    let alive = true;
    let generation = 0;
    const refresh = () => {
      const asked = ++generation;
      read().then(
        (s) => alive && asked === generation && setStatus(s),
        () => alive && asked === generation && setStatus(null),
      );
    };
    const unsubscribe = api.subscribe((event) => {
      const next = fromEvent(event);
      if (next === undefined) return;
      if (next === 'read') return refresh();
      generation++;
      setStatus(next);
    });
    const offConnection = api.onConnection((connected) => connected && refresh());
    refresh();
    return () => {
      alive = false;
      unsubscribe();
      offConnection();
    };
    // read and fromEvent only close over api: one subscription per client.
  }, [api]);

  return [status, setStatus];
}
