import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import { formatPairingCode, pairingPhone } from '../state/linking.ts';

interface Props {
  /** The code the host got for the number, once it is there. */
  code: string | undefined;
  t: UiStrings;
  busy: boolean;
  onRequest(phone: string): void;
}

/** Linking by phone number: type the restaurant's number, then type the 8-character code on the phone. */
export function PairingCodeForm({ code, t, busy, onRequest }: Props) {
  const [phone, setPhone] = useState('');
  const [touched, setTouched] = useState(false);
  const digits = pairingPhone(phone);
  return (
    <section className="pairing" data-testid="pairing">
      <h3 className="pairing__title">{t.pairingTitle}</h3>
      <form
        className="pairing__form"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (digits) onRequest(digits);
        }}
      >
        <input
          className="field"
          data-testid="pairing-phone"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder={t.pairingPhone}
          aria-label={t.pairingPhone}
          inputMode="tel"
          autoComplete="tel"
        />
        <button type="submit" className="btn btn--go" data-testid="pairing-get" disabled={busy}>
          {t.pairingGet}
        </button>
      </form>
      {touched && !digits && (
        <p className="pairing__error" role="alert" data-testid="pairing-invalid">
          {t.pairingInvalid}
        </p>
      )}
      {code && (
        <div className="pairing__result">
          <p className="pairing__how">{t.pairingShow}</p>
          <div className="pairing__code" data-testid="pairing-code" aria-live="polite">
            {formatPairingCode(code)}
          </div>
        </div>
      )}
    </section>
  );
}
