// "Menú": the carta as the owner edits it — categories and dishes, reorder, duplicate, delete
// (asked first), import a file with a preview, export JSON. Save sends the whole document; the
// host refuses a bad one whole with the reason and the running menu stays.
import { useEffect, useState } from 'react';
import { formatMoney } from '../../../../shared/order.ts';
import type { Menu } from '../../../../shared/menu.ts';
import {
  addCategory,
  addDish,
  dishCount,
  duplicateDish,
  moveCategory,
  moveDish,
  removeCategory,
  removeDish,
  renameCategory,
  renameDish,
  updateDish,
} from '../../state/menu-draft.ts';
import { applyImport, exportFileName, exportMenuJson } from '../../state/menu-import.ts';
import { describeMenuProblem } from '../../state/menu-errors.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { DishEditor } from './DishEditor.tsx';
import { MenuImport } from './MenuImport.tsx';
import { SaveBar, type SaveState } from './fields.tsx';

type Deleting = { kind: 'dish'; ci: number; ii: number } | { kind: 'category'; ci: number } | null;

export function MenuTab({ api, menu, onMenu, locale, t, o, fail }: OwnerTabProps) {
  const [draft, setDraft] = useState<Menu | null>(menu);
  const [base, setBase] = useState<Menu | null>(menu);
  /** Dishes added here and not saved yet: their ids follow their names. */
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<{ ci: number; ii: number } | null>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    if (!menu) return;
    setBase(menu);
    setDraft((d) => (d === null || JSON.stringify(d) === JSON.stringify(base) ? menu : d));
  }, [menu]);

  if (!draft) return <p className="owner__wait">{t.loading}</p>;
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  const edit = (next: Menu) => {
    setDraft(next);
    setNotice(null);
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };
  const money = (n: number) => (Number.isFinite(n) ? formatMoney(n, draft.currency, locale) : '—');

  const doSave = () => {
    setSave({ kind: 'saving' });
    api.saveMenu(draft).then(
      (saved) => {
        onMenu(saved);
        setBase(saved);
        setDraft(saved);
        setFresh(new Set());
        setSave({ kind: 'saved' });
      },
      (e: unknown) => {
        const reason = fail(e);
        if (reason !== null) setSave({ kind: 'error', message: describeMenuProblem(reason, draft, o) });
      },
    );
  };

  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([exportMenuJson(draft)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(draft);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    edit(deleting.kind === 'dish' ? removeDish(draft, deleting.ci, deleting.ii) : removeCategory(draft, deleting.ci));
    setOpen(null);
    setDeleting(null);
  };

  return (
    <div className="owner-form menu-editor" data-testid="menu-tab">
      <div className="owner-form__row menu-editor__tools">
        <strong className="menu-editor__count" data-testid="menu-count">
          {o.dishes(dishCount(draft))}
        </strong>
        <button type="button" className="btn" data-testid="menu-import-open" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
          📂 {o.importMenu}
        </button>
        <button type="button" className="btn" data-testid="menu-export" onClick={exportJson}>
          💾 {o.exportMenu}
        </button>
      </div>
      {importing && (
        <MenuImport
          o={o}
          onCancel={() => setImporting(false)}
          onUse={(preview) => {
            edit(applyImport(draft, preview));
            setFresh(new Set());
            setOpen(null);
            setImporting(false);
            setNotice(o.importApplied);
          }}
        />
      )}
      {notice && (
        <p className="owner__notice" role="status" data-testid="menu-notice">
          {notice}
        </p>
      )}

      {draft.categories.map((category, ci) => (
        <section key={`${category.id}:${ci}`} className="menu-category" data-testid="menu-category" data-category-id={category.id}>
          <div className="menu-category__head">
            <input className="ofield__input menu-category__name" aria-label={o.categoryName} data-testid="category-name" value={category.name} maxLength={200} onChange={(e) => edit(renameCategory(draft, ci, e.target.value))} />
            <button type="button" className="btn btn--small" aria-label={o.moveUp} disabled={ci === 0} onClick={() => edit(moveCategory(draft, ci, -1))}>
              ▲
            </button>
            <button type="button" className="btn btn--small" aria-label={o.moveDown} disabled={ci === draft.categories.length - 1} onClick={() => edit(moveCategory(draft, ci, 1))}>
              ▼
            </button>
            <button type="button" className="btn btn--small btn--stop" data-testid="category-remove" aria-label={`${o.remove} ${category.name}`} onClick={() => setDeleting({ kind: 'category', ci })}>
              🗑
            </button>
          </div>
          <ul className="menu-dishes">
            {category.items.map((item, ii) => {
              const isOpen = open?.ci === ci && open.ii === ii;
              return (
                <li key={`${ci}:${ii}`} className={`menu-dish${item.available === false ? ' menu-dish--out' : ''}`} data-testid="menu-dish" data-item-id={item.id}>
                  <div className="menu-dish__row">
                    <button type="button" className="menu-dish__name" data-testid="dish-edit" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : { ci, ii })}>
                      <span dir="auto">{item.name || '—'}</span>
                      {item.available === false && <span className="badge badge--soldout">{o.soldOut}</span>}
                    </button>
                    <span className="menu-dish__price" data-testid="dish-price-text">
                      {money(item.price)}
                    </span>
                    <button type="button" className="btn btn--small" aria-label={o.moveUp} data-testid="dish-up" disabled={ii === 0} onClick={() => {
                      edit(moveDish(draft, ci, ii, -1));
                      if (isOpen) setOpen({ ci, ii: ii - 1 });
                    }}>
                      ▲
                    </button>
                    <button type="button" className="btn btn--small" aria-label={o.moveDown} data-testid="dish-down" disabled={ii === category.items.length - 1} onClick={() => {
                      edit(moveDish(draft, ci, ii, 1));
                      if (isOpen) setOpen({ ci, ii: ii + 1 });
                    }}>
                      ▼
                    </button>
                    <button type="button" className="btn btn--small" data-testid="dish-duplicate" onClick={() => {
                      const r = duplicateDish(draft, ci, ii, o.copyName);
                      edit(r.menu);
                      setFresh(new Set([...fresh, r.id]));
                      setOpen({ ci, ii: ii + 1 });
                    }}>
                      📋 {o.duplicate}
                    </button>
                    <button type="button" className="btn btn--small btn--stop" data-testid="dish-remove" aria-label={`${o.remove} ${item.name}`} onClick={() => setDeleting({ kind: 'dish', ci, ii })}>
                      🗑
                    </button>
                  </div>
                  {isOpen && (
                    <DishEditor
                      key={`${ci}:${ii}`}
                      item={item}
                      o={o}
                      onDone={() => setOpen(null)}
                      onName={(name) => {
                        const next = renameDish(draft, ci, ii, name, fresh.has(item.id));
                        const newId = next.categories[ci]!.items[ii]!.id;
                        if (newId !== item.id) setFresh(new Set([...[...fresh].filter((id) => id !== item.id), newId]));
                        edit(next);
                      }}
                      onChange={(changed) => edit(updateDish(draft, ci, ii, changed))}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          <button type="button" className="btn btn--small" data-testid="dish-add" onClick={() => {
            const r = addDish(draft, ci, o.newDish);
            edit(r.menu);
            setFresh(new Set([...fresh, r.id]));
            setOpen({ ci, ii: category.items.length });
          }}>
            {o.addDish}
          </button>
        </section>
      ))}
      <button type="button" className="btn" data-testid="category-add" onClick={() => edit(addCategory(draft, o.newCategory))}>
        {o.addCategory}
      </button>

      <SaveBar state={save} dirty={dirty} o={o} testId="menu-save" extra={o.menuKept} onSave={doSave} onDiscard={() => {
        if (base) edit(base);
        setFresh(new Set());
        setOpen(null);
      }} />

      {deleting && (
        <ConfirmDialog
          title={
            deleting.kind === 'dish'
              ? o.deleteDishTitle(draft.categories[deleting.ci]?.items[deleting.ii]?.name ?? '')
              : o.deleteCategoryTitle(draft.categories[deleting.ci]?.name ?? '', draft.categories[deleting.ci]?.items.length ?? 0)
          }
          text={o.deleteText}
          confirm={o.deleteConfirm}
          t={t}
          testId="delete-dialog"
          onClose={() => setDeleting(null)}
          onConfirm={confirmDelete}
        />
      )}
    </div>
  );
}
