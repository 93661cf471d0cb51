// Chooses how to reach the host, and asks for the access token when a browser screen has none.
import { useMemo, useState } from 'react';
import { UI_STRINGS } from '../../../shared/i18n.ts';
import { chooseApi } from '../api/choose-api.ts';
import type { UpdateFeed } from '../api/update-feed.ts';
import { saveAccessToken } from '../api/access-token.ts';
import { storedLocale } from '../state/locale.ts';
import { Kitchen } from './Kitchen.tsx';
import { TokenScreen } from './TokenScreen.tsx';
import { SetupGate } from './setup/SetupGate.tsx';

export function App({ updates }: { updates: UpdateFeed | undefined }) {
  const [attempt, setAttempt] = useState(0);
  const [rejected, setRejected] = useState(false);
  // A new attempt (a typed token) makes a new client; a 401 from the host sends us back here.
  const choice = useMemo(() => chooseApi(window, () => setRejected(true)), [attempt]);

  if (choice.kind === 'needs-token' || rejected) {
    return (
      <TokenScreen
        t={UI_STRINGS[storedLocale() ?? 'es']}
        rejected={rejected}
        onToken={(token) => {
          saveAccessToken(token);
          setRejected(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <SetupGate key={attempt} api={choice.api}>
      <Kitchen api={choice.api} updates={updates} />
    </SetupGate>
  );
}
