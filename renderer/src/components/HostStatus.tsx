import type { UiStrings } from '../../../shared/i18n.ts';

/** The link to the Comanda host itself (a browser screen on the network can lose it). */
export function HostStatus({ connected, loadError, t }: { connected: boolean; loadError: unknown; t: UiStrings }) {
  if (connected && !loadError) return null;
  return (
    <div className="host-down" data-testid="host-down" role="status">
      <span className="host-down__spinner" aria-hidden="true" /> {connected ? t.hostDown : t.hostReconnecting}
    </div>
  );
}
