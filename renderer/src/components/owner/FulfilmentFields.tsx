import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { Terms } from '../../state/terms.ts';
import { NumberField, TextField, Toggle } from './fields.tsx';

type Fulfilment = Pick<Terms, 'pickup' | 'delivery'>;

/** Pickup on/off; delivery on/off with its fee, minimum order and a note for the customer. */
export function FulfilmentFields({ value, onChange, o }: { value: Fulfilment; onChange(next: Fulfilment): void; o: OwnerStrings }) {
  const { pickup, delivery } = value;
  return (
    <div className="fulfilment" data-testid="fulfilment">
      <Toggle label={`🥡 ${o.pickup}`} on={pickup.enabled} o={o} testId="pickup-on" onChange={(on) => onChange({ ...value, pickup: { enabled: on } })} />
      <Toggle label={`🛵 ${o.delivery}`} on={delivery.enabled} o={o} testId="delivery-on" onChange={(on) => onChange({ ...value, delivery: { ...delivery, enabled: on } })} />
      {delivery.enabled && (
        <div className="form-grid">
          <NumberField
            label={o.deliveryFee}
            testId="delivery-fee"
            value={delivery.fee}
            error={delivery.fee < 0 ? o.deliveryFee : null}
            onChange={(v) => onChange({ ...value, delivery: { ...delivery, fee: v ?? 0 } })}
          />
          <NumberField label={o.minimumOrder} testId="delivery-minimum" value={delivery.minimumOrder} onChange={(v) => onChange({ ...value, delivery: { ...delivery, minimumOrder: v ?? 0 } })} />
          <TextField label={o.deliveryNote} testId="delivery-note" value={delivery.note ?? ''} maxLength={300} onChange={(v) => onChange({ ...value, delivery: { ...delivery, note: v } })} />
        </div>
      )}
    </div>
  );
}
