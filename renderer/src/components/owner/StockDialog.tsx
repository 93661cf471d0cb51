import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { UiStrings } from '../../../../shared/i18n.ts';
import type { StockItem } from '../../state/stock.ts';
import { Dialog } from '../Dialog.tsx';

interface Props {
  /** undefined: the card's dish is no longer on the menu. */
  item: StockItem | undefined;
  /** The name on the card, for a dish no longer on the menu. */
  name: string;
  o: OwnerStrings;
  t: UiStrings;
  busy: boolean;
  onConfirm(item: StockItem, available: boolean): void;
  onClose(): void;
}

/** The second tap: "¿Hamburguesa clásica está agotado?" — yes marks it, and back the same way. */
export function StockDialog({ item, name, o, t, busy, onConfirm, onClose }: Props) {
  if (!item) {
    return (
      <Dialog title={name} onClose={onClose} testId="stock-dialog">
        <p className="dialog__who">{o.notOnMenu}</p>
        <div className="dialog__buttons">
          <button type="button" className="btn" data-testid="stock-cancel" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </Dialog>
    );
  }
  const soldOut = !item.available;
  return (
    <Dialog title={soldOut ? o.backQuestion(item.name) : o.soldOutQuestion(item.name)} onClose={onClose} testId="stock-dialog">
      <p className="dialog__who">{soldOut ? o.backExplain : o.soldOutExplain}</p>
      <div className="dialog__buttons">
        <button type="button" className="btn btn--huge" data-testid="stock-cancel" onClick={onClose}>
          {t.cancelShort}
        </button>
        <button
          type="button"
          className={`btn btn--huge ${soldOut ? 'btn--go' : 'btn--stop'}`}
          data-testid="stock-confirm"
          data-available={String(soldOut)}
          disabled={busy}
          onClick={() => onConfirm(item, soldOut)}
        >
          {soldOut ? `✓ ${o.backConfirm}` : `✕ ${o.soldOutConfirm}`}
        </button>
      </div>
    </Dialog>
  );
}
