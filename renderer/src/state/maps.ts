// Where a shared location pin opens: Google Maps by coordinates (allowed by the desktop window's
// external-link list, electron/shell/external-links.ts). Pure.
import type { OrderLocation } from '../../../shared/order.ts';

export function mapsUrl(location: Pick<OrderLocation, 'latitude' | 'longitude'>): string {
  const lat = Number(location.latitude.toFixed(6));
  const lng = Number(location.longitude.toFixed(6));
  return `https://www.google.com/maps?q=${lat},${lng}`;
}

/** The pin's words for the card: its address, else its name, else the coordinates. */
export function locationLabel(location: OrderLocation): string {
  return location.address || location.name || `${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`;
}
