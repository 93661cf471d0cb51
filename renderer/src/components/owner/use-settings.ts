// The host's settings for a tab: read once, edited as a draft, saved as a partial update.
import { useEffect, useState } from 'react';
import type { HostSettings, SettingsPatch } from '../../../../shared/settings.ts';
import type { KdsClient } from '../../api/kds-client.ts';
import type { SaveState } from './fields.tsx';

export function useSettings(api: KdsClient, fail: (e: unknown) => string | null) {
  const [settings, setSettings] = useState<HostSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    let alive = true;
    api.getSettings().then(
      (s) => alive && setSettings(s),
      (e: unknown) => {
        if (!alive) return;
        const reason = fail(e);
        if (reason !== null) setLoadError(reason);
      },
    );
    return () => {
      alive = false;
    };
  }, [api, fail]);

  const update = (patch: SettingsPatch): Promise<HostSettings | null> => {
    setSave({ kind: 'saving' });
    return api.updateSettings(patch).then(
      (next) => {
        setSettings(next);
        setSave({ kind: 'saved' });
        return next;
      },
      (e: unknown) => {
        const reason = fail(e);
        setSave(reason === null ? { kind: 'idle' } : { kind: 'error', message: reason });
        return null;
      },
    );
  };
  return { settings, loadError, save, setSave, update };
}
