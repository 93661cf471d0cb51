// The printers in the owner area: add, change or remove receipt printers (network, or the PC's own
// in the desktop app), choose auto-print and its copies, print a test page, see each printer's state.
// Saved through PUT /api/settings (`printing`); the host checks every value and says what is wrong.
import { useEffect, useState } from 'react';
import type { Locale } from '../../../../shared/i18n.ts';
import { PRINTING_STRINGS } from '../../../../shared/i18n-printing.ts';
import type { PrinterConfig, PrintingSettings } from '../../../../shared/settings.ts';
import type { PrintingStatus } from '../../../../shared/printing.ts';
import type { KdsClient } from '../../api/kds-client.ts';

type Draft = Omit<PrinterConfig, 'port' | 'copies'> & { port: number | string; copies: number | string };

interface Props {
  api: Pick<KdsClient, 'getSettings' | 'updateSettings' | 'testPrinter' | 'listSystemPrinters'>;
  status: PrintingStatus | null;
  locale: Locale;
  /** The reason to show, or null when the owner's PIN session lapsed (the owner area closes). */
  fail(error: unknown): string | null;
}

const newId = (existing: Draft[]) => {
  for (let i = existing.length + 1; ; i++) if (!existing.some((p) => p.id === `printer-${i}`)) return `printer-${i}`;
};

export function PrintersTab({ api, status, locale, fail }: Props) {
  const p = PRINTING_STRINGS[locale].printing;
  const [printers, setPrinters] = useState<Draft[] | null>(null);
  const [options, setOptions] = useState<Omit<PrintingSettings, 'printers'>>({ autoPrint: 'off', kitchenCopy: true, receiptCopy: false });
  const [systemNames, setSystemNames] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api.getSettings().then((s) => {
      if (!alive) return;
      setPrinters(s.printing.printers.map((printer) => ({ ...printer })));
      setOptions({ autoPrint: s.printing.autoPrint, kitchenCopy: s.printing.kitchenCopy, receiptCopy: s.printing.receiptCopy });
    }, (e: unknown) => alive && setNote(fail(e)));
    api.listSystemPrinters().then((names) => alive && setSystemNames(names), () => undefined);
    return () => {
      alive = false;
    };
  }, [api, fail]);

  const change = (index: number, patch: Partial<Draft>) => setPrinters((list) => list && list.map((printer, i) => (i === index ? { ...printer, ...patch } : printer)));

  const save = () => {
    if (!printers) return;
    setNote(null);
    const clean = printers.map((d) => {
      const out: Record<string, unknown> = { id: d.id, name: d.name, kind: d.kind, width: d.width, port: Number(d.port), copies: Number(d.copies), beep: d.beep, openDrawer: d.openDrawer };
      if (d.kind === 'network') out.host = d.host ?? '';
      else out.deviceName = d.deviceName ?? '';
      if (d.logoText) out.logoText = d.logoText;
      if (d.footer) out.footer = d.footer;
      return out;
    });
    api.updateSettings({ printing: { printers: clean, ...options } }).then(
      (s) => {
        setPrinters(s.printing.printers.map((printer) => ({ ...printer })));
        setNote(p.saved);
      },
      (e: unknown) => setNote(fail(e)),
    );
  };

  const test = (printerId: string) => api.testPrinter(printerId).then(() => setNote(p.testSent), (e: unknown) => setNote(fail(e)));

  if (!printers) {
    return (
      <section className="printers" data-testid="printers-tab">
        {note && <p role="alert">{note}</p>}
      </section>
    );
  }
  return (
    <section className="printers" data-testid="printers-tab">
      <h2>{p.printers}</h2>
      {status && !status.systemPrinters && <p className="printers__note">{p.headlessNote}</p>}
      {printers.map((printer, i) => {
        const state = status?.printers.find((s) => s.id === printer.id);
        return (
          <fieldset key={i} className="printers__one" data-testid="printer-form">
            <legend>
              {printer.name || printer.id}{' '}
              {state && (
                <span className={`printers__state printers__state--${state.state}`} data-testid="printer-state">
                  {state.problem ? p.problem[state.problem] : p.state[state.state]}
                  {state.pending > 0 && ` · ${p.headerPending(state.pending)}`}
                </span>
              )}
            </legend>
            <label>
              {p.name}
              <input className="field" data-testid="printer-name" value={printer.name} onChange={(e) => change(i, { name: e.target.value })} />
            </label>
            <label>
              {p.kind}
              <select className="field" value={printer.kind} onChange={(e) => change(i, { kind: e.target.value as Draft['kind'] })}>
                <option value="network">{p.kindNetwork}</option>
                <option value="system">{p.kindSystem}</option>
              </select>
            </label>
            {printer.kind === 'network' ? (
              <>
                <label>
                  {p.host}
                  <input className="field" data-testid="printer-host" value={printer.host ?? ''} placeholder="192.168.1.50" onChange={(e) => change(i, { host: e.target.value })} />
                </label>
                <label>
                  {p.port}
                  <input className="field field--short" type="number" value={printer.port} onChange={(e) => change(i, { port: e.target.value })} />
                </label>
              </>
            ) : (
              <label>
                {p.deviceName}
                <input className="field" list="system-printers" value={printer.deviceName ?? ''} onChange={(e) => change(i, { deviceName: e.target.value })} />
              </label>
            )}
            <label>
              {p.width}
              <select className="field field--short" value={printer.width} onChange={(e) => change(i, { width: Number(e.target.value) as 58 | 80 })}>
                <option value={80}>80 mm</option>
                <option value={58}>58 mm</option>
              </select>
            </label>
            <label>
              {p.copies}
              <input className="field field--short" type="number" min={1} max={5} value={printer.copies} onChange={(e) => change(i, { copies: e.target.value })} />
            </label>
            <label>
              {p.logoText}
              <input className="field" value={printer.logoText ?? ''} onChange={(e) => change(i, { logoText: e.target.value })} />
            </label>
            <label>
              {p.footer}
              <input className="field" value={printer.footer ?? ''} onChange={(e) => change(i, { footer: e.target.value })} />
            </label>
            <label className="check">
              <input type="checkbox" checked={printer.beep} onChange={(e) => change(i, { beep: e.target.checked })} /> {p.beep}
            </label>
            <label className="check">
              <input type="checkbox" checked={printer.openDrawer} onChange={(e) => change(i, { openDrawer: e.target.checked })} /> {p.openDrawer}
            </label>
            <div className="printers__actions">
              <button type="button" className="btn btn--small" data-testid="printer-test" onClick={() => void test(printer.id)}>
                🖨 {p.test}
              </button>
              <button type="button" className="btn btn--small btn--stop" onClick={() => setPrinters((list) => list && list.filter((_, j) => j !== i))}>
                {p.remove}
              </button>
            </div>
          </fieldset>
        );
      })}
      <datalist id="system-printers">
        {systemNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button
        type="button"
        className="btn btn--small"
        data-testid="printer-add"
        onClick={() => setPrinters((list) => list && [...list, { id: newId(list), name: '', kind: 'network', host: '', port: 9100, width: 80, copies: 1, beep: false, openDrawer: false }])}
      >
        ＋ {p.add}
      </button>
      <fieldset className="printers__one">
        <legend>{p.autoPrint}</legend>
        <select className="field" data-testid="auto-print" value={options.autoPrint} onChange={(e) => setOptions({ ...options, autoPrint: e.target.value as PrintingSettings['autoPrint'] })}>
          <option value="off">{p.autoOff}</option>
          <option value="new">{p.autoNew}</option>
          <option value="accepted">{p.autoAccepted}</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={options.kitchenCopy} onChange={(e) => setOptions({ ...options, kitchenCopy: e.target.checked })} /> {p.kitchenCopySetting}
        </label>
        <label className="check">
          <input type="checkbox" checked={options.receiptCopy} onChange={(e) => setOptions({ ...options, receiptCopy: e.target.checked })} /> {p.receiptCopySetting}
        </label>
      </fieldset>
      <div className="printers__save">
        <button type="button" className="btn btn--go" data-testid="printers-save" onClick={save}>
          {p.save}
        </button>
        {note && (
          <span className="printers__msg" role="status" data-testid="printers-note">
            {note}
          </span>
        )}
      </div>
    </section>
  );
}
