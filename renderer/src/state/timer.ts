// The card timer: mm:ss since the order arrived, coloured by the restaurant's thresholds. Pure.
export type TimerLevel = 'ok' | 'amber' | 'red';

export function timerLevel(elapsedMs: number, amberAfterMinutes: number, redAfterMinutes: number): TimerLevel {
  const minutes = elapsedMs / 60_000;
  if (minutes >= redAfterMinutes) return 'red';
  if (minutes >= amberAfterMinutes) return 'amber';
  return 'ok';
}

/** "04:07"; past 99 minutes "1h45" so the chip keeps its width. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes >= 100) return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export function formatClock(ms: number, locale: 'es' | 'en'): string {
  return new Date(ms).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'es-ES', { hour: '2-digit', minute: '2-digit' });
}
