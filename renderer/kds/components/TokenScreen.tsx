import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';

export function TokenScreen({ t, onToken }: { t: UiStrings; onToken(token: string): void }) {
  const [value, setValue] = useState('');
  return (
    <div className="token-screen">
      <h1>{t.tokenTitle}</h1>
      <p>{t.tokenHelp}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onToken(value.trim());
        }}
      >
        <input data-testid="token-input" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        <button className="btn btn--go" type="submit">
          OK
        </button>
      </form>
    </div>
  );
}
