import { useState } from 'react';
import type { CloudStatus } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { KdsClient } from '../api/kds-client.ts';
import { recoveryCodeError, recoveryOutcome, type RecoveryMessage } from '../state/cloud.ts';

interface Props {
  api: Pick<KdsClient, 'enterRecoveryCode'>;
  /** The host's answer, shown before its event arrives. */
  onStatus(status: CloudStatus): void;
  locale: 'es' | 'en';
  t: UiStrings;
  /** Errors that are not about the code (the host went away…). */
  onError(error: unknown): void;
}

/** A new PC: the owner types the restaurant's recovery code; the screen says what became of the session. */
export function RecoveryCodeForm({ api, onStatus, locale, t, onError }: Props) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<RecoveryMessage | null>(null);

  const submit = () => {
    const typed = code.trim();
    if (!typed) {
      setMessage({ kind: 'error', text: t.cloudCodeEmpty });
      return;
    }
    setBusy(true);
    setMessage(null);
    api.enterRecoveryCode(typed).then(
      (next) => {
        setBusy(false);
        // The code is a secret: it leaves the screen as soon as the host has it.
        setCode('');
        setMessage(recoveryOutcome(next.recoveryRestore, t, locale, Date.now()));
        const { recoveryRestore: _shown, ...status } = next;
        onStatus(status);
      },
      (error: unknown) => {
        setBusy(false);
        const refused = recoveryCodeError(error, t);
        if (refused) setMessage(refused);
        else onError(error);
      },
    );
  };

  return (
    <section className="pairing cloud__code-entry" data-testid="recovery-form">
      <h3 className="pairing__title">{t.cloudCodeTitle}</h3>
      <p className="pairing__how">{t.cloudCodeHelp}</p>
      <form
        className="pairing__form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          className="field"
          data-testid="recovery-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="ABCD-EFGH-…"
          aria-label={t.cloudCodeLabel}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
        />
        <button type="submit" className="btn btn--go" data-testid="recovery-submit" disabled={busy}>
          {busy ? t.working : t.cloudCodeUse}
        </button>
      </form>
      {message && (
        <div className={`cloud__code-result cloud__code-result--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="recovery-result" data-kind={message.kind}>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.map((line, i) => (
                <li key={i} dir="auto">
                  {line}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
