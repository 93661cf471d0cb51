import type { UiStrings } from '../../../shared/i18n.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';
import { needsAttention } from '../../../shared/whatsapp-status.ts';
import { formatClock } from '../state/timer.ts';
import { LoadingBar } from './LoadingBar.tsx';
import { WHATSAPP_PROBLEM_TEXT } from '../../../shared/i18n-whatsapp-problems.ts';

/**
 * Full width whenever WhatsApp is not connected, with what to do about it: red when customers are
 * not being heard, amber while it is only starting or loading. The QR and the pairing code live in
 * the linking panel below it (LinkPanel).
 */
export function WhatsAppBanner({ status, t, locale }: { status: WhatsAppStatus | null; t: UiStrings; locale: 'es' | 'en' }) {
  if (!status) return null;
  // WhatsApp Web changed under us: the owner's words, whatever the state (never "link again").
  const problem = status.problems?.[0];
  if (problem) {
    const text = WHATSAPP_PROBLEM_TEXT[problem][locale];
    return (
      <section
        className={`wa-banner ${problem === 'never-ready' ? 'wa-banner--red' : 'wa-banner--amber'}`}
        data-testid="wa-banner"
        data-state={status.state}
        data-problem={problem}
        role="alert"
      >
        <div className="wa-banner__text">
          <strong>{text.title}</strong>
          <div className="wa-banner__detail">{text.body}</div>
        </div>
      </section>
    );
  }
  if (status.state === 'connected') return null;
  const severe = needsAttention(status);
  const nextTry = status.nextTryAt ? Date.parse(status.nextTryAt) : NaN;
  return (
    <section className={`wa-banner ${severe ? 'wa-banner--red' : 'wa-banner--amber'}`} data-testid="wa-banner" data-state={status.state} role="alert">
      <div className="wa-banner__text">
        {/* The pill names the state; the banner says what it means and what to do. */}
        <strong>{t.banner[status.state] || t.whatsapp[status.state]}</strong>
        {status.state === 'reconnecting' && status.attempt !== undefined && (
          <span className="wa-banner__detail"> {t.retryInfo(status.attempt, Number.isFinite(nextTry) ? formatClock(nextTry, locale) : null)}</span>
        )}
        {status.state === 'loading' && status.percent !== undefined && <LoadingBar percent={status.percent} label={t.loadingProgress(status.percent)} />}
        {/* While linking, the linking panel says what happened to the code. */}
        {status.error && status.state !== 'needs-link' && status.state !== 'logged-out' && (
          <div className="wa-banner__error" dir="auto">
            {t.failedDetail}: {status.error}
          </div>
        )}
      </div>
    </section>
  );
}
