import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import { cleanTypedToken } from '../api/access-token.ts';

/** A browser screen without a valid token: where to find it, and a box to paste it. */
export function TokenScreen({ t, rejected, onToken }: { t: UiStrings; rejected: boolean; onToken(token: string): void }) {
  const [value, setValue] = useState('');
  const token = cleanTypedToken(value);
  return (
    <main className="token-screen" data-testid="token-screen">
      <h1>🔑 {t.tokenTitle}</h1>
      <p>{t.tokenHelp}</p>
      <p className="token-screen__path">DATA_DIR/access-token</p>
      {rejected && (
        <p className="token-screen__error" role="alert">
          {t.tokenRejected}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token) onToken(token);
        }}
      >
        <input
          data-testid="token-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-label={t.tokenTitle}
        />
        <button className="btn btn--go" type="submit" disabled={!token}>
          {t.tokenButton}
        </button>
      </form>
    </main>
  );
}
