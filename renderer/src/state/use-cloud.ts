// The cloud status, kept current: read at once and after every reconnection to the host, then
// followed through 'cloud' events. A host that does not know the call (older) counts as no cloud.
// Once an owner PIN exists the events carry no recovery code (they reach staff screens too): while
// the owner area is unlocked an event is followed by a read, which carries the owner token.
import { useEffect, useState } from 'react';
import type { CloudStatus } from '../../../shared/kds-api.ts';
import type { KdsClient } from '../api/kds-client.ts';

export function useCloudStatus(api: Pick<KdsClient, 'getCloudStatus' | 'subscribe' | 'onConnection' | 'isOwnerUnlocked'>): [CloudStatus | null, (status: CloudStatus) => void] {
  const [status, setStatus] = useState<CloudStatus | null>(null);

  useEffect(() => {
    let alive = true;
    // An event that arrives while a read is on its way is newer than that read's answer.
    let generation = 0;
    const read = () => {
      const asked = ++generation;
      api.getCloudStatus().then(
        (s) => alive && asked === generation && setStatus(s),
        () => alive && asked === generation && setStatus(null),
      );
    };
    const unsubscribe = api.subscribe((event) => {
      if (event.type !== 'cloud') return;
      if (api.isOwnerUnlocked()) return read();
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

  return [status, setStatus];
}
