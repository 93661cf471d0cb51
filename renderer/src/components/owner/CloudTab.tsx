// "Nube": sign in with the restaurant's e-mail and password (never stored: the host keeps the
// session), sign out, and the cloud panel the board already has (lease, recovery code, backups).
import { useEffect, useState } from 'react';
import { cloudSignInSchema } from '../../../../shared/owner-api.ts';
import { cloudShown } from '../../state/cloud.ts';
import { CloudPanel } from '../CloudPanel.tsx';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { TextField } from './fields.tsx';

export function CloudTab({ api, locale, t, o, cloud, onCloud, fail }: OwnerTabProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const signedIn = cloud?.state === 'running' || cloud?.state === 'signing-in';
  // Unlocked now: read the status with the owner token, so a recovery code waiting shows here.
  useEffect(() => {
    api.getCloudStatus().then(onCloud, () => undefined);
  }, [api]);

  const report = (e: unknown) => {
    const reason = fail(e);
    if (reason !== null) setProblem(reason);
  };
  const signIn = () => {
    const parsed = cloudSignInSchema.safeParse({ email, password });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? o.email);
      return;
    }
    setBusy(true);
    setProblem(null);
    api.cloudSignIn(parsed.data).then(
      () => {
        setBusy(false);
        setPassword('');
        api.getCloudStatus().then(onCloud, () => undefined);
      },
      (e: unknown) => {
        setBusy(false);
        setPassword('');
        report(e);
      },
    );
  };

  return (
    <div className="owner-form" data-testid="cloud-tab">
      <h3 className="owner-form__section">☁ {o.cloudSignInTitle}</h3>
      <p className="ofield__hint">{o.cloudHint}</p>
      {!signedIn && (
        <form
          className="owner-form"
          onSubmit={(e) => {
            e.preventDefault();
            signIn();
          }}
        >
          <div className="form-grid">
            <TextField label={o.email} type="email" testId="cloud-email" value={email} maxLength={320} onChange={setEmail} />
            <TextField label={o.password} type="password" testId="cloud-password" value={password} maxLength={200} onChange={setPassword} />
          </div>
          <button type="submit" className="btn btn--go" data-testid="cloud-sign-in" disabled={busy || !email || !password}>
            {busy ? t.working : o.signIn}
          </button>
        </form>
      )}
      {problem && (
        <p className="ofield__error" role="alert" data-testid="cloud-tab-problem">
          ⚠ {problem}
        </p>
      )}
      {signedIn && (
        <button type="button" className="btn btn--stop" data-testid="cloud-sign-out" onClick={() => setSigningOut(true)}>
          {o.signOut}
        </button>
      )}
      {cloud && cloudShown(cloud) && <CloudPanel api={api} status={cloud} onStatus={onCloud} locale={locale} t={t} onError={report} />}
      {signingOut && (
        <ConfirmDialog
          title={o.signOutTitle}
          text={o.signOutText}
          confirm={o.signOut}
          t={t}
          testId="sign-out-dialog"
          onClose={() => setSigningOut(false)}
          onConfirm={() => {
            setSigningOut(false);
            api.cloudSignOut().then(() => api.getCloudStatus().then(onCloud, () => undefined), report);
          }}
        />
      )}
    </div>
  );
}
