import { useMemo, useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { OwnerStrings } from '../../../shared/i18n-owner.ts';
import type { Menu } from '../../../shared/menu.ts';
import type { Order } from '../../../shared/order.ts';
import { allDayCounts } from '../state/selectors.ts';
import { findStockItem, soldOutItems, stockItems, type StockItem } from '../state/stock.ts';

interface Props {
  open: Order[];
  t: UiStrings;
  o: OwnerStrings;
  menu: Menu | null;
  /** First tap on "Agotado" / "Vuelve a haber": the confirmation is the second. */
  onStock(item: StockItem): void;
}

/**
 * "Todo el día": every dish still to cook across open orders, with its total quantity and a big
 * "Agotado" button; then the dishes sold out now (each with "Vuelve a haber"); then, on request,
 * the whole menu, so a dish nobody has ordered yet can be marked too.
 */
export function AllDayPanel({ open, t, o, menu, onStock }: Props) {
  const counts = useMemo(() => allDayCounts(open), [open]);
  const soldOut = useMemo(() => soldOutItems(menu), [menu]);
  const [showAll, setShowAll] = useState(false);
  const all = useMemo(() => (showAll ? stockItems(menu) : []), [menu, showAll]);

  const stockButton = (item: StockItem | undefined, testId: string) =>
    item && (
      <button
        type="button"
        className={`btn btn--small allday__stock${item.available ? ' allday__stock--out' : ' allday__stock--back'}`}
        data-testid={testId}
        data-item-id={item.id}
        onClick={() => onStock(item)}
      >
        {item.available ? `✕ ${o.markSoldOut}` : `✓ ${o.markBack}`}
      </button>
    );

  return (
    <section className="panel__body" data-testid="all-day">
      <h2>
        {t.allDay} <small>· {t.itemsToCook}</small>
      </h2>
      {counts.length === 0 && <p className="panel__empty">{t.noAllDay}</p>}
      <ul className="allday">
        {counts.map((c) => {
          const item = findStockItem(menu, c.itemId);
          return (
            <li key={`${c.itemId || c.name}|${c.choices ?? ''}`} data-testid="all-day-row" data-item-id={c.itemId} className={item && !item.available ? 'allday__row--out' : undefined}>
              <span className="allday__qty">{c.quantity}</span>
              <span className="allday__name" dir="auto">
                {c.name}
                {c.choices && <span className="allday__choices" data-testid="all-day-choices"> · {c.choices}</span>}
                {item && !item.available && <span className="badge badge--soldout">{o.soldOut}</span>}
              </span>
              {stockButton(item, 'all-day-stock')}
            </li>
          );
        })}
      </ul>
      <h2 className="allday__heading">
        {o.soldOutList} <small>· {soldOut.length}</small>
      </h2>
      {soldOut.length === 0 && <p className="panel__empty">{o.noneSoldOut}</p>}
      <ul className="allday" data-testid="sold-out-list">
        {soldOut.map((item) => (
          <li key={item.id} data-testid="sold-out-row" data-item-id={item.id} className="allday__row--out">
            <span className="allday__name" dir="auto">
              {item.name} <small className="allday__category">· {item.category}</small>
            </span>
            {stockButton(item, 'sold-out-back')}
          </li>
        ))}
      </ul>
      {menu && (
        <button type="button" className="btn btn--ghost" data-testid="all-dishes-toggle" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? o.hideAllDishes : o.showAllDishes}
        </button>
      )}
      {showAll && (
        <ul className="allday" data-testid="all-dishes">
          {all.map((item) => (
            <li key={item.id} data-testid="menu-stock-row" data-item-id={item.id} className={item.available ? undefined : 'allday__row--out'}>
              <span className="allday__name" dir="auto">
                {item.name} <small className="allday__category">· {item.category}</small>
              </span>
              {stockButton(item, 'menu-stock')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
