import { useState } from 'react';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { importMenuFile, type ImportPreview } from '../../state/menu-import.ts';

/**
 * A file (JSON or CSV) read in the browser, shown as a preview — dishes by category and each bad
 * row by its number — before anything changes. `onUse` gets the preview to apply.
 */
export function MenuImport({ o, onUse, onCancel }: { o: OwnerStrings; onUse(preview: ImportPreview): void; onCancel?(): void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const dishes = preview ? preview.categories.reduce((n, c) => n + c.items.length, 0) : 0;
  const usable = preview && !preview.invalid && preview.errors.length === 0 && dishes > 0;
  return (
    <div className="import" data-testid="menu-import">
      <p className="ofield__hint">{o.importHelp}</p>
      <label className="btn import__file">
        📂 {o.importFile}
        <input
          type="file"
          accept=".json,.csv,application/json,text/csv,text/plain"
          data-testid="import-file"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setReading(true);
            file.text().then(
              (text) => {
                setReading(false);
                setPreview(importMenuFile(file.name, text));
              },
              () => {
                setReading(false);
                setPreview({ kind: 'csv', categories: [], errors: [], invalid: file.name });
              },
            );
          }}
        />
      </label>
      {reading && <p className="ofield__hint">…</p>}
      {preview && (
        <div className="import__preview" data-testid="import-preview">
          {preview.invalid !== undefined && (
            <p className="ofield__error" role="alert" data-testid="import-invalid" dir="auto">
              {o.importBadJson(preview.invalid)}
            </p>
          )}
          {preview.errors.length > 0 && (
            <div role="alert">
              <p className="ofield__error">{o.importHasErrors(preview.errors.length)}</p>
              <ul className="import__errors" data-testid="import-errors">
                {preview.errors.map((e) => (
                  <li key={`${e.row}:${e.problem}`} data-testid="import-error" data-row={e.row}>
                    {o.importRowError(e.row, o.csvErrors[e.problem])}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.invalid === undefined && dishes === 0 && preview.errors.length === 0 && <p className="ofield__error">{o.importEmpty}</p>}
          {dishes > 0 && (
            <>
              <h4 data-testid="import-summary">{o.importPreview(dishes, preview.categories.length)}</h4>
              <div className="import__table">
                {preview.categories.map((c) => (
                  <div key={c.id} className="import__category">
                    <strong dir="auto">{c.name}</strong>
                    <ul>
                      {c.items.map((i) => (
                        <li key={i.id} data-testid="import-dish" dir="auto">
                          {i.name} · {i.price}
                          {i.aliases?.length ? <small> ({i.aliases.join(', ')})</small> : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </>
          )}
          <div className="owner-form__row">
            <button type="button" className="btn btn--go" data-testid="import-use" disabled={!usable} onClick={() => preview && onUse(preview)}>
              ✓ {o.importReplace}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="import-cancel"
              onClick={() => {
                setPreview(null);
                onCancel?.();
              }}
            >
              {o.importCancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
