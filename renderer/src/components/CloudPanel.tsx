import { useState } from 'react';
import type { CloudStatus } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { KdsClient } from '../api/kds-client.ts';
import { leaseView, recoveryFormShown, signInText } from '../state/cloud.ts';
import { formatWhen } from '../state/health.ts';
import { useNow } from '../state/ticker.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { RecoveryCodeForm } from './RecoveryCodeForm.tsx';

interface Props {
  api: Pick<KdsClient, 'takeOverSession' | 'acknowledgeRecoveryCode' | 'enterRecoveryCode'>;
  status: CloudStatus;
  /** The host's answer to an action, shown before its event arrives. */
  onStatus(status: CloudStatus): void;
  locale: 'es' | 'en';
  t: UiStrings;
  onError(error: unknown): void;
}

/** The cloud for the owner: signed in or why not, which PC runs WhatsApp, the recovery code, the last backup. */
export function CloudPanel({ api, status, onStatus, locale, t, onError }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'take-over' | 'acknowledge' | null>(null);
  const [tookOver, setTookOver] = useState(false);
  // "last seen 3 min ago" and a holder going silent move on while the panel is open.
  const now = useNow();
  const lease = leaseView(status, now);

  const run = (action: 'take-over' | 'acknowledge', call: () => Promise<CloudStatus>) => {
    setBusy(action);
    call().then(
      (next) => {
        setBusy(null);
        if (action === 'take-over') setTookOver(true);
        onStatus(next);
      },
      (error: unknown) => {
        setBusy(null);
        onError(error);
      },
    );
  };

  return (
    <section className="panel__body health cloud" data-testid="cloud-panel" data-state={status.state}>
      <h2>{t.cloudTitle}</h2>
      <p className={`cloud__state${status.state === 'sign-in-failed' ? ' cloud__state--bad' : ''}`} data-testid="cloud-state">
        {t.cloudState[status.state]}
      </p>
      {status.state === 'sign-in-failed' && (
        <p className="cloud__problem" role="alert" data-testid="cloud-sign-in-error" data-problem={status.problem ?? 'other'}>
          {signInText(status, t)}
        </p>
      )}
      {lease.kind === 'here' && (
        <p className="cloud__lease cloud__lease--here" data-testid="cloud-lease" data-held="true">
          {tookOver ? t.cloudTakenOver : t.cloudSessionHere}
        </p>
      )}
      {lease.kind === 'elsewhere' && (
        <div className="cloud__lease cloud__lease--elsewhere" data-testid="cloud-lease" data-held="false">
          <p dir="auto">{t.cloudSessionElsewhere(lease.name, formatWhen(lease.seenAt, now, t, locale))}</p>
          {lease.silent && <p>{t.cloudSessionSilent}</p>}
          <button type="button" className="btn btn--stop" data-testid="cloud-take-over" disabled={busy !== null} onClick={() => setConfirming(true)}>
            {busy === 'take-over' ? t.working : t.cloudTakeOver}
          </button>
        </div>
      )}
      {status.recoveryCode && (
        <div className="cloud__recovery" data-testid="cloud-recovery">
          <h3>{t.cloudRecoveryTitle}</h3>
          <p>{t.cloudRecoveryText}</p>
          <code className="cloud__code" data-testid="cloud-recovery-code">
            {status.recoveryCode}
          </code>
          <button type="button" className="btn btn--go" data-testid="cloud-recovery-done" disabled={busy !== null} onClick={() => run('acknowledge', () => api.acknowledgeRecoveryCode())}>
            ✓ {busy === 'acknowledge' ? t.working : t.cloudRecoveryDone}
          </button>
        </div>
      )}
      {status.state === 'running' && (
        <dl className="health__rows">
          {status.restaurantId && (
            <div className="health__row" data-testid="cloud-restaurant">
              <dt>{t.cloudRestaurant}</dt>
              <dd dir="auto">{status.restaurantId}</dd>
            </div>
          )}
          <div className="health__row" data-testid="cloud-last-backup">
            <dt>{t.cloudLastBackup}</dt>
            <dd>{formatWhen(status.lastBackupAt, now, t, locale)}</dd>
          </div>
        </dl>
      )}
      {recoveryFormShown(status) && <RecoveryCodeForm api={api} onStatus={onStatus} locale={locale} t={t} onError={onError} />}
      {confirming && lease.kind === 'elsewhere' && (
        <ConfirmDialog
          title={t.cloudTakeOverTitle}
          text={t.cloudTakeOverText(lease.name)}
          confirm={t.cloudTakeOverConfirm}
          t={t}
          testId="take-over-dialog"
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run('take-over', () => api.takeOverSession());
          }}
        />
      )}
    </section>
  );
}
