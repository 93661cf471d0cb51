// "Pantallas en la red": let tablets and other PCs on the restaurant's network open the kitchen,
// with the address as text and as a QR code, and a new access code that disconnects the others.
import { useEffect, useState } from 'react';
import type { NetworkAccess } from '../../../../shared/owner-api.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { QrCode } from '../QrCode.tsx';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { Toggle } from './fields.tsx';

export function NetworkTab({ api, t, o, fail, pinSet }: OwnerTabProps) {
  const [access, setAccess] = useState<NetworkAccess | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);

  useEffect(() => {
    let alive = true;
    api.getNetworkAccess().then(
      (a) => alive && setAccess(a),
      (e: unknown) => {
        const reason = fail(e);
        if (alive && reason !== null) setProblem(reason);
      },
    );
    return () => {
      alive = false;
    };
  }, [api, fail, pinSet]);

  const run = (call: () => Promise<NetworkAccess>, done?: string) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    call().then(
      (a) => {
        setBusy(false);
        setAccess(a);
        if (done) setNotice(done);
      },
      (e: unknown) => {
        setBusy(false);
        const reason = fail(e);
        if (reason !== null) setProblem(reason);
      },
    );
  };

  if (!access) return problem ? <p className="owner__problem">⚠ {problem}</p> : <p className="owner__wait">{t.loading}</p>;
  const blocked = access.blockedReason === 'not-supported' || (access.blockedReason === 'no-pin' && !access.enabled);
  const url = access.urls[0];
  return (
    <div className="owner-form" data-testid="network-tab">
      <h3 className="owner-form__section">{o.networkTitle}</h3>
      <p className="ofield__hint">{o.networkHint}</p>
      <Toggle label={o.networkSwitch} on={access.enabled} o={o} testId="network-on" disabled={busy || (blocked && !access.enabled)} onChange={(on) => run(() => api.setNetworkAccess(on))} />
      {access.blockedReason === 'no-pin' && (
        <p className="owner__notice" data-testid="network-blocked">
          🔒 {o.networkNoPin}
        </p>
      )}
      {access.blockedReason === 'not-supported' && (
        <p className="owner__notice" data-testid="network-blocked">
          {o.networkNotSupported}
        </p>
      )}
      {problem && (
        <p className="ofield__error" role="alert" data-testid="network-problem">
          ⚠ {problem}
        </p>
      )}
      {notice && (
        <p className="owner__notice" role="status" data-testid="network-notice">
          {notice}
        </p>
      )}
      {access.enabled && !url && <p className="ofield__error">{o.networkNoAddress}</p>}
      {access.enabled && url && (
        <div className="network__address">
          <div className="network__qr">
            <p>{o.networkScan}</p>
            <QrCode payload={url} label={o.networkAddress} tooLong={t.qrTooLong} />
          </div>
          <div className="network__text">
            <p className="ofield__label">{o.networkAddress}</p>
            {access.urls.map((u) => (
              <code key={u} className="network__url" data-testid="network-url">
                {u}
              </code>
            ))}
            <button type="button" className="btn btn--stop" data-testid="network-rotate" disabled={busy} onClick={() => setRotating(true)}>
              🔑 {o.rotateToken}
            </button>
          </div>
        </div>
      )}
      {rotating && (
        <ConfirmDialog
          title={o.rotateTitle}
          text={o.rotateText}
          confirm={o.rotateConfirm}
          t={t}
          testId="rotate-dialog"
          onClose={() => setRotating(false)}
          onConfirm={() => {
            setRotating(false);
            run(() => api.rotateAccessToken(), o.rotated);
          }}
        />
      )}
    </div>
  );
}
