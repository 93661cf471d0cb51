import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { MenuItem } from '../../../../shared/menu.ts';
import { addChoice, addOptionGroup, parseAliases, removeChoice, removeOptionGroup, updateChoice, updateOptionGroup } from '../../state/menu-draft.ts';
import { Field, NumberField, TextField, Toggle } from './fields.tsx';

interface Props {
  item: MenuItem;
  o: OwnerStrings;
  onName(name: string): void;
  onChange(item: MenuItem): void;
  onDone(): void;
}

/** One dish: name, price, other names, description, available, and its option groups with prices. */
export function DishEditor({ item, o, onName, onChange, onDone }: Props) {
  return (
    <div className="dish-editor" data-testid="dish-editor" data-item-id={item.id}>
      <div className="form-grid">
        <TextField label={o.dishName} testId="dish-name" value={item.name} maxLength={200} error={item.name.trim() ? null : o.nameRequired} onChange={onName} />
        <NumberField label={o.price} testId="dish-price" value={item.price} error={item.price >= 0 ? null : o.priceInvalid} onChange={(price) => onChange({ ...item, price: price ?? Number.NaN })} />
      </div>
      <Field label={o.aliases}>
        {(id) => (
          <input
            id={id}
            className="ofield__input"
            data-testid="dish-aliases"
            defaultValue={(item.aliases ?? []).join(', ')}
            autoComplete="off"
            onChange={(e) => {
              const aliases = parseAliases(e.target.value);
              const { aliases: _old, ...rest } = item;
              onChange(aliases.length ? { ...rest, aliases } : rest);
            }}
          />
        )}
      </Field>
      <TextField
        label={o.description}
        testId="dish-description"
        value={item.description ?? ''}
        maxLength={1000}
        onChange={(description) => {
          const { description: _old, ...rest } = item;
          onChange(description ? { ...rest, description } : rest);
        }}
      />
      <Toggle label={o.available} on={item.available !== false} o={o} testId="dish-available" onChange={(on) => onChange({ ...item, available: on })} />

      <h4 className="owner-form__sub">{o.options}</h4>
      {(item.options ?? []).map((group, gi) => (
        <div key={gi} className="option-group" data-testid="option-group">
          <div className="owner-form__row">
            <TextField label={o.groupName} testId="group-name" value={group.name} maxLength={200} onChange={(name) => onChange(updateOptionGroup(item, gi, { name }))} />
            <Toggle label={o.groupRequired} on={group.required} o={o} testId="group-required" onChange={(required) => onChange(updateOptionGroup(item, gi, { required }))} />
            <NumberField label={o.groupMax} testId="group-max" decimals={false} value={group.max} onChange={(max) => onChange(updateOptionGroup(item, gi, { max: max ?? 1 }))} />
            <button type="button" className="btn btn--small btn--stop" data-testid="group-remove" onClick={() => onChange(removeOptionGroup(item, gi))}>
              {o.removeGroup}
            </button>
          </div>
          {group.choices.map((choice, ci) => (
            <div key={ci} className="owner-form__row option-choice" data-testid="option-choice">
              <TextField label={o.choiceName} testId="choice-name" value={choice.name} maxLength={200} onChange={(name) => onChange(updateChoice(item, gi, ci, { name }))} />
              <NumberField label={o.choicePrice} testId="choice-price" value={choice.price} onChange={(price) => onChange(updateChoice(item, gi, ci, { price: price ?? Number.NaN }))} />
              <button type="button" className="btn btn--small btn--ghost" data-testid="choice-remove" disabled={group.choices.length <= 1} onClick={() => onChange(removeChoice(item, gi, ci))}>
                {o.removeChoice}
              </button>
            </div>
          ))}
          <button type="button" className="btn btn--small" data-testid="choice-add" onClick={() => onChange(addChoice(item, gi, o.newChoice))}>
            {o.addChoice}
          </button>
        </div>
      ))}
      <div className="owner-form__row">
        <button type="button" className="btn btn--small" data-testid="group-add" disabled={(item.options ?? []).length >= 10} onClick={() => onChange(addOptionGroup(item, o.newOptionGroup, o.newChoice))}>
          {o.addOptionGroup}
        </button>
        <button type="button" className="btn btn--go" data-testid="dish-done" onClick={onDone}>
          ✓ {o.done}
        </button>
      </div>
    </div>
  );
}
