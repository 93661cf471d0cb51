// The cloud status, kept current through 'cloud' events. A host that does not know the call
// (older) counts as no cloud. Once an owner PIN exists the events carry no recovery code (they
// reach staff screens too): while the owner area is unlocked an event is followed by a read, which
// carries the owner token.
import type { CloudStatus } from '../../../shared/kds-api.ts';
import type { KdsClient } from '../api/kds-client.ts';
import { useFollowedStatus } from './use-followed-status.ts';

export function useCloudStatus(api: Pick<KdsClient, 'getCloudStatus' | 'subscribe' | 'onConnection' | 'isOwnerUnlocked'>): [CloudStatus | null, (status: CloudStatus) => void] {
  return useFollowedStatus(
    api,
    () => api.getCloudStatus(),
    (event) => (event.type !== 'cloud' ? undefined : api.isOwnerUnlocked() ? 'read' : event.status),
  );
}
