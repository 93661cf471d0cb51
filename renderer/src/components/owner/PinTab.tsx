// "PIN": set the owner's PIN (a fresh install has none) or change it (the current one first).
// Right after, the screen unlocks with the new PIN so the owner stays in Ajustes.
import { useState } from 'react';
import { ownerPinSchema } from '../../../../shared/owner-api.ts';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { TextField } from './fields.tsx';

export function PinTab({ api, o, pinSet, onPinSet, fail }: OwnerTabProps) {
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const formatOk = ownerPinSchema.safeParse(pin).success;

  const submit = () => {
    setSaved(false);
    if (!formatOk) return setProblem(o.pinFormat);
    if (pin !== repeat) return setProblem(o.pinMismatch);
    setBusy(true);
    setProblem(null);
    api
      .setOwnerPin({ pin, ...(pinSet ? { currentPin: current } : {}) })
      .then(() => api.unlockOwner(pin))
      .then(
        () => {
          setBusy(false);
          setSaved(true);
          setCurrent('');
          setPin('');
          setRepeat('');
          onPinSet();
        },
        (e: unknown) => {
          setBusy(false);
          const code = (e as { code?: unknown }).code;
          if (code === 'unauthorized') return setProblem(o.pinCurrentWrong);
          const reason = fail(e);
          if (reason !== null) setProblem(reason);
        },
      );
  };

  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);
  return (
    <form
      className="owner-form"
      data-testid="pin-tab"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 className="owner-form__section">🔒 {o.pinTabTitle}</h3>
      <p className="ofield__hint">{o.pinHint}</p>
      <div className="form-grid">
        {pinSet && <TextField label={o.currentPin} type="password" testId="pin-current" value={current} onChange={(v) => setCurrent(digits(v))} />}
        <TextField label={o.newPin} type="password" testId="pin-new" value={pin} error={pin && !formatOk ? o.pinFormat : null} onChange={(v) => setPin(digits(v))} />
        <TextField label={o.repeatPin} type="password" testId="pin-repeat" value={repeat} error={repeat && repeat !== pin ? o.pinMismatch : null} onChange={(v) => setRepeat(digits(v))} />
      </div>
      {problem && (
        <p className="ofield__error" role="alert" data-testid="pin-problem">
          ⚠ {problem}
        </p>
      )}
      {saved && (
        <p className="savebar__ok" role="status" data-testid="pin-saved">
          ✓ {o.pinSaved}
        </p>
      )}
      <button type="submit" className="btn btn--go" data-testid="pin-save" disabled={busy}>
        {o.setPin}
      </button>
      <p className="ofield__hint">{o.pinForgot}</p>
    </form>
  );
}
