import { useEffect, useRef, useState } from 'react';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { isWrongPin, pinRetryAfter, reasonOf } from '../../state/owner-errors.ts';
import { useNow } from '../../state/ticker.ts';

interface Props {
  o: OwnerStrings;
  title: string;
  /** Resolves when the PIN opened the owner area; rejects with the host's error. */
  onUnlock(pin: string): Promise<unknown>;
  onCancel?(): void;
  cancelLabel?: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'del', '0', 'ok'] as const;

/** A big keypad for the owner's PIN (also the keyboard), with the wait in words after wrong tries. */
export function PinPad({ o, title, onUnlock, onCancel, cancelLabel }: Props) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const now = useNow();
  const waiting = waitUntil > now;

  const submit = (value = pin) => {
    if (busy || waiting || value.length < 4) return;
    setBusy(true);
    setError(null);
    onUnlock(value).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setPin('');
        const wait = pinRetryAfter(e);
        if (wait !== undefined) {
          setWaitUntil(Date.now() + wait * 1000);
          setError(null);
        } else setError(isWrongPin(e) ? o.pinWrong : reasonOf(e));
      },
    );
  };
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'del') setPin((p) => p.slice(0, -1));
    else if (key === 'ok') submit();
    else setPin((p) => (p.length < 8 ? p + key : p));
  };

  const submitLatest = useRef(submit);
  submitLatest.current = submit;
  // The keyboard types the PIN too; digits must not also pick cards on the board behind.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) setPin((p) => (p.length < 8 ? p + e.key : p));
      else if (e.key === 'Backspace') setPin((p) => p.slice(0, -1));
      else if (e.key === 'Enter') submitLatest.current();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <form
      className="pinpad"
      data-testid="pin-pad"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 className="pinpad__title">🔒 {title}</h2>
      <output className="pinpad__dots" data-testid="pin-dots" aria-label={o.pinDigits}>
        {pin.length ? '●'.repeat(pin.length) : ' '}
      </output>
      {waiting && (
        <p className="pinpad__wait" role="alert" data-testid="pin-wait">
          {o.pinWait(Math.ceil((waitUntil - now) / 1000))}
        </p>
      )}
      {error && !waiting && (
        <p className="pinpad__error" role="alert" data-testid="pin-error">
          {error}
        </p>
      )}
      <div className="pinpad__keys">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={`btn pinpad__key${key === 'ok' ? ' btn--go' : ''}`}
            data-testid={`pin-key-${key}`}
            disabled={busy || waiting || (key === 'ok' && pin.length < 4)}
            onClick={() => press(key)}
          >
            {key === 'del' ? `⌫ ${o.pinDelete}` : key === 'ok' ? o.pinEnter : key}
          </button>
        ))}
      </div>
      <p className="pinpad__forgot">{o.pinForgot}</p>
      {onCancel && (
        <button type="button" className="btn btn--ghost" data-testid="pin-cancel" onClick={onCancel}>
          {cancelLabel}
        </button>
      )}
    </form>
  );
}
