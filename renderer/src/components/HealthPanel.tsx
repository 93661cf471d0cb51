import { useState } from 'react';
import type { DiagnosticsExport } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';
import type { KdsClient } from '../api/kds-client.ts';
import { healthRows, missingBrowser } from '../state/health.ts';
import { useHealth } from '../state/use-health.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface Props {
  api: Pick<KdsClient, 'getHealth' | 'reconnectWhatsApp' | 'unlinkWhatsApp' | 'exportDiagnostics' | 'downloadDiagnostics'>;
  status: WhatsAppStatus | null;
  locale: 'es' | 'en';
  t: UiStrings;
  onError(error: unknown): void;
}

type Notice = { kind: 'text'; text: string } | { kind: 'export'; result: DiagnosticsExport };

/** How WhatsApp is doing, for the owner and for support: counters, the browser, and the actions. */
export function HealthPanel({ api, status, locale, t, onError }: Props) {
  const { health, failed, refresh } = useHealth(api, status);
  const [busy, setBusy] = useState<'reconnect' | 'export' | 'unlink' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState(false);

  const run = <T,>(action: 'reconnect' | 'export' | 'unlink', call: () => Promise<T>, done: (result: T) => Notice) => {
    setBusy(action);
    setNotice(null);
    call().then(
      (result) => {
        setBusy(null);
        setNotice(done(result));
        refresh();
      },
      (error: unknown) => {
        setBusy(null);
        onError(error);
      },
    );
  };

  const download = (result: DiagnosticsExport) => {
    api.downloadDiagnostics?.(result.fileName).then((blob) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = result.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }, onError);
  };

  const rows = health ? healthRows(health, t, locale, Date.now()) : [];
  const searched = health ? missingBrowser(health) : null;
  const linked = status !== null && status.state !== 'needs-link' && status.state !== 'logged-out';

  return (
    <section className="panel__body health" data-testid="health-panel">
      <h2>{t.healthTitle}</h2>
      {!health && <p className="panel__empty">{failed ? t.healthUnavailable : t.loading}</p>}
      {health && (
        <dl className="health__rows">
          {rows.map((row) => (
            <div key={row.id} className={`health__row${row.warn ? ' health__row--warn' : ''}`} data-testid={`health-${row.id}`}>
              <dt>{row.label}</dt>
              <dd dir="auto">{row.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {searched && (
        <div className="health__missing" role="alert" data-testid="health-no-browser">
          <p>{t.healthNoBrowser}</p>
          <ul>
            {searched.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="health__actions">
        <button type="button" className="btn btn--go" data-testid="health-reconnect" disabled={busy !== null} onClick={() => run('reconnect', () => api.reconnectWhatsApp(), () => ({ kind: 'text', text: t.reconnectAsked }))}>
          ⟳ {busy === 'reconnect' ? t.working : t.reconnect}
        </button>
        <button type="button" className="btn" data-testid="health-export" disabled={busy !== null} onClick={() => run('export', () => api.exportDiagnostics(), (result) => ({ kind: 'export', result }))}>
          {busy === 'export' ? t.working : t.exportDiagnostics}
        </button>
        <button type="button" className="btn btn--stop" data-testid="health-unlink" disabled={busy !== null || !linked} onClick={() => setConfirming(true)}>
          {busy === 'unlink' ? t.working : t.unlink}
        </button>
      </div>
      {notice && (
        <div className="health__notice" role="status" data-testid="health-notice">
          {notice.kind === 'text' ? (
            notice.text
          ) : (
            <>
              <span>{t.exported}</span>
              <code className="health__path" data-testid="health-export-path">
                {notice.result.path}
              </code>
              {api.downloadDiagnostics && (
                <button type="button" className="btn btn--small" data-testid="health-download" onClick={() => download(notice.result)}>
                  ⤓ {t.download}
                </button>
              )}
            </>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t.unlinkTitle}
          text={t.unlinkText}
          confirm={t.unlinkConfirm}
          t={t}
          testId="unlink-dialog"
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run('unlink', () => api.unlinkWhatsApp(), () => ({ kind: 'text', text: t.unlinked }));
          }}
        />
      )}
    </section>
  );
}
