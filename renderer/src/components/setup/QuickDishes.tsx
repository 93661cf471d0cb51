// "Escribir mis platos": category, name and price, one after another, for a first menu that
// replaces the example; the full editor is in Ajustes › Menú.
import { useState } from 'react';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { Menu, MenuCategory } from '../../../../shared/menu.ts';
import { formatMoney } from '../../../../shared/order.ts';
import { parseAmount } from '../../state/amount.ts';
import { slugId } from '../../state/menu-draft.ts';
import { TextField } from '../owner/fields.tsx';

export interface QuickDish {
  category: string;
  name: string;
  price: number;
}

/** The typed dishes as the menu's categories (in the order first typed), the terms kept. */
export function quickMenu(menu: Menu, dishes: readonly QuickDish[]): Menu {
  const categories: MenuCategory[] = [];
  const taken = new Set<string>();
  for (const dish of dishes) {
    let category = categories.find((c) => c.name.toLowerCase() === dish.category.toLowerCase());
    if (!category) {
      category = { id: slugId(dish.category, new Set(categories.map((c) => c.id)), 'categoria'), name: dish.category, items: [] };
      categories.push(category);
    }
    const id = slugId(dish.name, taken);
    taken.add(id);
    category.items.push({ id, name: dish.name, price: dish.price });
  }
  return { ...menu, categories };
}

export function QuickDishes({ o, currency, dishes, onChange }: { o: OwnerStrings; currency: string; dishes: QuickDish[]; onChange(dishes: QuickDish[]): void }) {
  const [category, setCategory] = useState(dishes.at(-1)?.category ?? o.defaultCategory);
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const amount = parseAmount(price);
  const valid = name.trim().length > 0 && category.trim().length > 0 && amount !== null && amount >= 0;
  const add = () => {
    if (!valid) return;
    onChange([...dishes, { category: category.trim(), name: name.trim(), price: amount }]);
    setName('');
    setPrice('');
  };
  return (
    <div className="owner-form" data-testid="quick-dishes">
      <h3 className="owner-form__sub">{o.quickAddTitle}</h3>
      <form
        className="quick-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <TextField label={o.quickCategory} testId="quick-category" value={category} maxLength={200} onChange={setCategory} />
        <TextField label={o.dishName} testId="quick-name" value={name} maxLength={200} onChange={setName} />
        <TextField label={o.price} testId="quick-price" value={price} maxLength={12} error={price && amount === null ? o.csvErrors.price : null} onChange={setPrice} />
        <button type="submit" className="btn btn--go" data-testid="quick-add" disabled={!valid}>
          + {o.quickAdd}
        </button>
      </form>
      {dishes.length > 0 && <p className="savebar__ok">{o.quickAdded(dishes.length)}</p>}
      <ul className="quick-list" data-testid="quick-list">
        {dishes.map((d, i) => (
          <li key={i} data-testid="quick-dish">
            <span dir="auto">
              {d.name} <small className="allday__category">· {d.category}</small>
            </span>
            <span>
              {formatMoney(d.price, currency, 'es')}{' '}
              <button type="button" className="btn btn--small btn--ghost" aria-label={`${o.remove} ${d.name}`} onClick={() => onChange(dishes.filter((_, j) => j !== i))}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
