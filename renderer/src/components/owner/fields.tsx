// The owner area's form pieces: big labelled inputs, a switch, money typed the local way
// ("9,50" or "9.50"), and the save bar that says what happened in words.
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { parseAmount } from '../../state/amount.ts';

export function Field({ label, children, hint, error }: { label: string; children: (id: string) => ReactNode; hint?: string; error?: string | null }) {
  const id = useId();
  return (
    <div className={`ofield${error ? ' ofield--bad' : ''}`}>
      <label className="ofield__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      {hint && <p className="ofield__hint">{hint}</p>}
      {error && (
        <p className="ofield__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  hint,
  error,
  type = 'text',
  placeholder,
  maxLength,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  hint?: string;
  error?: string | null;
  type?: 'text' | 'email' | 'password' | 'tel' | 'time' | 'date';
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(id) => (
        <input
          id={id}
          className="ofield__input"
          data-testid={testId}
          type={type}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  testId,
  hint,
  error,
  decimals = true,
}: {
  label: string;
  value: number | null | undefined;
  onChange(value: number | null): void;
  testId: string;
  hint?: string;
  error?: string | null;
  decimals?: boolean;
}) {
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  // A new value from outside (a country picked, a file imported) replaces what is shown.
  useEffect(() => {
    if (parseAmount(text) !== (value ?? null)) setText(value === null || value === undefined ? '' : String(value));
  }, [value]);
  return (
    <Field label={label} hint={hint} error={error}>
      {(id) => (
        <input
          id={id}
          className="ofield__input ofield__input--number"
          data-testid={testId}
          inputMode={decimals ? 'decimal' : 'numeric'}
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            onChange(parseAmount(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

export function Toggle({ label, on, onChange, testId, disabled, o }: { label: string; on: boolean; onChange(on: boolean): void; testId: string; disabled?: boolean; o: OwnerStrings }) {
  return (
    <button type="button" role="switch" aria-checked={on} className={`toggle${on ? ' toggle--on' : ''}`} data-testid={testId} disabled={disabled} onClick={() => onChange(!on)}>
      <span className="toggle__track" aria-hidden="true">
        <span className="toggle__knob" />
      </span>
      <span className="toggle__label">{label}</span>
      <span className="toggle__state">{on ? o.on : o.off}</span>
    </button>
  );
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Save, Discard and what happened: "Guardado ✓", or the reason nothing was saved. */
export function SaveBar({ state, dirty, o, onSave, onDiscard, testId = 'save', extra }: { state: SaveState; dirty: boolean; o: OwnerStrings; onSave(): void; onDiscard?(): void; testId?: string; extra?: string }) {
  return (
    <div className="savebar" data-testid={`${testId}-bar`}>
      {state.kind === 'error' && (
        <p className="savebar__error" role="alert" data-testid={`${testId}-error`} dir="auto">
          ⚠ {o.refused(state.message)}
          {extra && <span className="savebar__extra"> {extra}</span>}
        </p>
      )}
      {state.kind === 'saved' && !dirty && (
        <p className="savebar__ok" data-testid={`${testId}-ok`}>
          {o.saved}
        </p>
      )}
      {dirty && state.kind !== 'error' && <p className="savebar__dirty">{o.unsaved}</p>}
      <div className="savebar__buttons">
        {onDiscard && dirty && (
          <button type="button" className="btn" data-testid={`${testId}-discard`} onClick={onDiscard}>
            {o.discard}
          </button>
        )}
        <button type="button" className="btn btn--go btn--save" data-testid={testId} disabled={state.kind === 'saving' || !dirty} onClick={onSave}>
          {state.kind === 'saving' ? o.saving : `💾 ${o.save}`}
        </button>
      </div>
    </div>
  );
}
