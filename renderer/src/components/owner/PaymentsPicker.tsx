import type { UiStrings } from '../../../../shared/i18n.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { PAYMENT_METHOD_IDS, type PaymentMethodId } from '../../../../shared/menu.ts';
import { togglePayment } from '../../state/terms.ts';

/** The twelve payment methods as big tick boxes with their local names. */
export function PaymentsPicker({ payments, onChange, t, o }: { payments: PaymentMethodId[]; onChange(next: PaymentMethodId[]): void; t: UiStrings; o: OwnerStrings }) {
  return (
    <fieldset className="payments" data-testid="payments">
      <legend className="ofield__label">{o.payments}</legend>
      <p className="ofield__hint">{o.paymentsHint}</p>
      <div className="payments__grid">
        {PAYMENT_METHOD_IDS.map((id) => {
          const on = payments.includes(id);
          return (
            <button key={id} type="button" role="checkbox" aria-checked={on} className={`chip${on ? ' chip--on' : ''}`} data-testid={`payment-${id}`} onClick={() => onChange(togglePayment(payments, id))}>
              {on ? '✓ ' : ''}
              {t.payment[id]}
            </button>
          );
        })}
      </div>
      {payments.length === 0 && (
        <p className="ofield__error" role="alert">
          {o.paymentsHint}
        </p>
      )}
    </fieldset>
  );
}
