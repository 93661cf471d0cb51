import { useState } from 'react';
import type { LinkRequest } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { LinkView } from '../state/linking.ts';
import { QrCode } from './QrCode.tsx';
import { PairingCodeForm } from './PairingCodeForm.tsx';

interface Props {
  view: LinkView;
  t: UiStrings;
  /** Resolves when the host has taken the request; the new QR or code follows as a status event. */
  onLink(request: LinkRequest): Promise<unknown>;
}

/**
 * The linking screen, shown while WhatsApp needs a phone: the QR (redrawn each time WhatsApp
 * rotates it), the expired state with a button for a new one, and linking by phone number.
 */
export function LinkPanel({ view, t, onLink }: Props) {
  const [busy, setBusy] = useState(false);
  const link = (request: LinkRequest) => {
    setBusy(true);
    onLink(request).then(
      () => setBusy(false),
      () => setBusy(false),
    );
  };
  const showQr = () => link({ method: 'qr' });

  let main;
  switch (view.kind) {
    case 'qr':
      main = (
        <>
          <QrCode payload={view.qr} label={t.linkTitle} tooLong={t.qrTooLong} />
          <p className="link__note">{t.qrRefreshes}</p>
        </>
      );
      break;
    case 'code':
      main = (
        <button type="button" className="btn link__again" data-testid="link-use-qr" disabled={busy} onClick={showQr}>
          {t.pairingBackToQr}
        </button>
      );
      break;
    case 'expired':
    case 'logged-out':
      main = (
        <button type="button" className="link__expired" data-testid="link-new-qr" disabled={busy} onClick={showQr}>
          <span className="link__expired-title">{view.kind === 'expired' ? t.qrExpired : t.linkLoggedOut}</span>
          {view.message && (
            <span className="link__expired-detail" dir="auto">
              {view.message}
            </span>
          )}
          <span className="link__expired-action">{busy ? t.linkWaiting : view.kind === 'expired' ? t.qrShowNew : t.linkShowQr}</span>
        </button>
      );
      break;
  }

  return (
    <section className="link" data-testid="link-panel" data-view={view.kind}>
      <div className="link__main">{main}</div>
      <div className="link__side">
        <h2 className="link__title">{t.linkTitle}</h2>
        <ol className="link__steps">
          {t.linkSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <PairingCodeForm code={view.kind === 'code' ? view.code : undefined} t={t} busy={busy} onRequest={(phone) => link({ method: 'code', phone })} />
      </div>
    </section>
  );
}
