// A shared WhatsApp location pin: its address (or name, or coordinates) and a link that opens the map.
import type { OrderLocation } from '../../../shared/order.ts';
import type { MediaUiStrings } from '../../../shared/i18n-media.ts';
import { locationLabel, mapsUrl } from '../state/maps.ts';

export function LocationLink({ location, address, tm, className = 'card__location' }: { location: OrderLocation; address?: string | undefined; tm: MediaUiStrings; className?: string }) {
  const label = locationLabel(location);
  return (
    <div className={className} data-testid="order-location" dir="auto">
      {/* The pin's own words when the order's address is something else (or nothing). */}
      {label !== address && <span className="card__location-label">📍 {label} </span>}
      <a
        className="card__map-link"
        data-testid="map-link"
        href={mapsUrl(location)}
        target="_blank"
        rel="noopener noreferrer"
        title={tm.pin}
        onClick={(e) => e.stopPropagation()}
      >
        🗺 {tm.openMap}
      </a>
    </div>
  );
}
