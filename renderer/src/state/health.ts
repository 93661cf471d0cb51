// The health panel's rows: what the host reports, in words staff and support can read. Pure.
import type { WhatsAppHealth } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { formatClock } from './timer.ts';

export interface HealthRow {
  id: string;
  label: string;
  value: string;
  /** Worth a look: a failure count above zero, a state that is not connected. */
  warn?: boolean;
}

/** "08:12 · hace 5 min" for a time today ("hace 3 h" past two hours), the date too for an older one. */
export function formatWhen(iso: string | undefined, now: number, t: UiStrings, locale: 'es' | 'en'): string {
  if (!iso) return t.healthNever;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return t.healthNever;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const clock = formatClock(at, locale);
  const day = sameDay ? '' : `${new Date(at).toLocaleDateString(locale === 'en' ? 'en-GB' : 'es-ES', { day: 'numeric', month: 'short' })} `;
  const minutes = Math.max(0, Math.floor((now - at) / 60_000));
  return `${day}${clock} · ${minutes < 120 ? t.since(minutes) : t.sinceHours(Math.floor(minutes / 60))}`;
}

export function healthRows(health: WhatsAppHealth, t: UiStrings, locale: 'es' | 'en', now: number): HealthRow[] {
  const simulator = health.status.engine === 'simulator';
  const rows: HealthRow[] = [
    { id: 'state', label: t.healthState, value: t.whatsapp[health.status.state], warn: health.status.state !== 'connected' },
    { id: 'since', label: t.healthSince, value: formatWhen(health.status.since, now, t, locale) },
    { id: 'heartbeat', label: t.healthHeartbeat, value: formatWhen(health.lastHeartbeatAt, now, t, locale) },
    { id: 'reconnects', label: t.healthReconnects, value: String(health.reconnects) },
    { id: 'restarts', label: t.healthRestarts, value: String(health.restarts) },
    { id: 'in', label: t.healthIn, value: String(health.messagesIn) },
    { id: 'out', label: t.healthOut, value: String(health.messagesOut) },
    { id: 'failures', label: t.healthFailures, value: String(health.sendFailures), warn: health.sendFailures > 0 },
  ];
  if (health.status.phone && !simulator) rows.push({ id: 'phone', label: t.healthPhone, value: `+${health.status.phone}` });
  if (simulator) {
    rows.push({ id: 'browser', label: t.healthBrowser, value: t.healthSimulator });
  } else {
    rows.push({ id: 'browser', label: t.healthBrowser, value: health.browserPath ?? '—', warn: health.browserPath === undefined });
    rows.push({ id: 'memory', label: t.healthMemory, value: health.browserMemoryMb !== undefined ? `${health.browserMemoryMb} MB` : '—' });
    rows.push({ id: 'web', label: t.healthWebVersion, value: health.webVersion ?? '—' });
  }
  return rows;
}

/** The places browser discovery looked, when it found nothing: shown so someone can fix it. */
export function missingBrowser(health: WhatsAppHealth): string[] | null {
  if (health.status.engine === 'simulator' || health.browserPath !== undefined) return null;
  return health.browserSearched?.length ? health.browserSearched : null;
}
