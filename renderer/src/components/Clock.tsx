import { useNow } from '../state/ticker.ts';
import { formatClock } from '../state/timer.ts';

export function Clock({ locale }: { locale: 'es' | 'en' }) {
  const now = useNow();
  return (
    <time className="topbar__clock" dateTime={new Date(now).toISOString()}>
      {formatClock(now, locale)}
    </time>
  );
}
