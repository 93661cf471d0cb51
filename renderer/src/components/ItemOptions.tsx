// A dish line's chosen options ("Grande · Extra queso"), under the dish on the card and in history.
import type { OrderItemOption } from '../../../shared/order.ts';

export function ItemOptions({ options, className = 'card__options' }: { options: readonly OrderItemOption[] | undefined; className?: string }) {
  if (!options?.length) return null;
  return (
    <div className={className} data-testid="item-options" dir="auto">
      {options.map((o) => o.name).join(' · ')}
    </div>
  );
}
