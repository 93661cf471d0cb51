// First run: until the owner has finished (or skipped) the welcome flow, it shows instead of the
// board. Another screen finishing it (a 'setup' event) brings the board here too.
import { useEffect, useState, type ReactNode } from 'react';
import type { SetupState } from '../../../../shared/owner-api.ts';
import type { KdsClient } from '../../api/kds-client.ts';
import { SetupFlow } from './SetupFlow.tsx';

export function SetupGate({ api, children }: { api: KdsClient; children: ReactNode }) {
  const [setup, setSetup] = useState<SetupState | null>(null);
  useEffect(() => {
    let alive = true;
    const off = api.subscribe((event) => {
      if (event.type === 'setup') setSetup(event.setup);
    });
    api.getSetup().then(
      (s) => alive && setSetup(s),
      // A host that cannot say (not reachable yet, or older): the board, which copes with both.
      () => alive && setSetup({ completed: true, done: [] }),
    );
    return () => {
      alive = false;
      off();
    };
  }, [api]);
  if (!setup) return <div className="setup" data-testid="setup-loading" />;
  if (!setup.completed) return <SetupFlow api={api} setup={setup} onSetup={setSetup} />;
  return <>{children}</>;
}
