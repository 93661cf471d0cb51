// "WhatsApp": which engine takes the orders (asked first: orders are kept), linking and unlinking
// the phone with the board's own linking panel, and the `whatsapp` settings the owner may touch,
// checked with the same schema the host uses.
import { useEffect, useState } from 'react';
import { whatsappSettingsSchema, type WhatsAppSettings } from '../../../../shared/settings.ts';
import type { EngineKind } from '../../../../shared/owner-api.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { linkView } from '../../state/linking.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { LinkPanel } from '../LinkPanel.tsx';
import type { OwnerTabProps } from './owner-tab-props.ts';
import { Field, NumberField, SaveBar, TextField, Toggle } from './fields.tsx';
import { useSettings } from './use-settings.ts';

type Editable = Pick<WhatsAppSettings, 'keepalive' | 'perChatPerMinute' | 'sessionPerMinute' | 'browserMemoryLimitMb'> & { ownerPhone: string; plannedRestartAt: string };

const editableOf = (w: WhatsAppSettings): Editable => ({
  ownerPhone: w.ownerPhone ?? '',
  keepalive: w.keepalive,
  plannedRestartAt: w.plannedRestartAt ?? '',
  perChatPerMinute: w.perChatPerMinute,
  sessionPerMinute: w.sessionPerMinute,
  browserMemoryLimitMb: w.browserMemoryLimitMb,
});

/** What the host receives: an empty phone is no phone, an empty time is "never". */
function patchOf(e: Editable): Record<string, unknown> {
  return {
    ...(e.ownerPhone.trim() ? { ownerPhone: e.ownerPhone.trim().replace(/[\s-]/g, '') } : { ownerPhone: undefined }),
    keepalive: e.keepalive,
    plannedRestartAt: e.plannedRestartAt.trim() || null,
    perChatPerMinute: e.perChatPerMinute,
    sessionPerMinute: e.sessionPerMinute,
    browserMemoryLimitMb: e.browserMemoryLimitMb,
  };
}

/** The limits the schema sets, said to the owner. */
const RANGES: Record<string, [number, number]> = { perChatPerMinute: [1, 600], sessionPerMinute: [1, 600], browserMemoryLimitMb: [200, 16_000] };

/** Field → what is wrong with it, checked with the host's own schema on the values as typed. */
function fieldErrors(current: WhatsAppSettings, e: Editable, o: OwnerStrings): Record<string, string> {
  const result = whatsappSettingsSchema.safeParse({ ...current, ...patchOf(e) });
  if (result.success) return {};
  const words = (field: string, message: string) => {
    if (field === 'ownerPhone') return o.phoneInvalid;
    if (field === 'plannedRestartAt') return o.timeInvalid;
    const range = RANGES[field];
    return range ? o.numberBetween(range[0], range[1]) : message;
  };
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), words(String(i.path[0]), i.message)]));
}

export function WhatsAppTab({ api, t, o, whatsapp, fail }: OwnerTabProps) {
  const { settings, loadError, save, setSave, update } = useSettings(api, fail);
  const [draft, setDraft] = useState<Editable | null>(null);
  const [engine, setEngine] = useState<EngineKind | null>(null);
  const [switching, setSwitching] = useState<EngineKind | null>(null);
  const [unlinking, setUnlinking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(settings ? editableOf(settings.whatsapp) : null), [settings]);
  useEffect(() => {
    let alive = true;
    api.getEngine().then(
      (e) => alive && setEngine(e),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api]);
  // The engine the host runs now (after a switch the status says so first).
  const running: EngineKind | null = whatsapp?.engine === 'whatsapp' || whatsapp?.engine === 'simulator' ? whatsapp.engine : engine;

  const report = (e: unknown) => {
    const reason = fail(e);
    if (reason !== null) setProblem(reason);
  };
  const link = linkView(whatsapp);

  if (loadError) return <p className="owner__problem">⚠ {loadError}</p>;
  const errors = settings && draft ? fieldErrors(settings.whatsapp, draft, o) : {};
  const dirty = settings && draft ? JSON.stringify(draft) !== JSON.stringify(editableOf(settings.whatsapp)) : false;
  const edit = (next: Editable) => {
    setDraft(next);
    if (save.kind === 'error' || save.kind === 'saved') setSave({ kind: 'idle' });
  };
  const engineName = (k: EngineKind) => (k === 'whatsapp' ? o.engineWhatsApp : o.engineSimulator);

  return (
    <div className="owner-form" data-testid="whatsapp-tab">
      <h3 className="owner-form__section">{o.engine}</h3>
      <div className="segmented" role="radiogroup" aria-label={o.engine}>
        {(['whatsapp', 'simulator'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={running === k}
            className={`segmented__option${running === k ? ' segmented__option--on' : ''}`}
            data-testid={`engine-${k}`}
            onClick={() => running !== k && setSwitching(k)}
          >
            {k === 'whatsapp' ? '📱 ' : '🧪 '}
            {engineName(k)}
          </button>
        ))}
      </div>
      {whatsapp && (
        <p className="ofield__hint" data-testid="wa-tab-state">
          {o.linkedState}: <strong>{t.whatsapp[whatsapp.state]}</strong>
          {whatsapp.phone ? ` · +${whatsapp.phone}` : ''}
        </p>
      )}
      {problem && (
        <p className="ofield__error" role="alert" data-testid="whatsapp-problem">
          ⚠ {problem}
        </p>
      )}
      {running === 'whatsapp' && link && <LinkPanel view={link} t={t} onLink={(request) => api.linkWhatsApp(request).catch(report)} />}
      {running === 'whatsapp' && whatsapp?.state === 'connected' && (
        <button type="button" className="btn btn--stop" data-testid="wa-unlink" onClick={() => setUnlinking(true)}>
          {t.unlink}
        </button>
      )}

      {settings && draft && (
        <>
          <h3 className="owner-form__section">{o.tabs.whatsapp}</h3>
          <div className="form-grid">
            <TextField label={o.ownerPhone} type="tel" testId="owner-phone" value={draft.ownerPhone} error={errors.ownerPhone ?? null} onChange={(ownerPhone) => edit({ ...draft, ownerPhone })} />
            <Field label={o.plannedRestart} hint={o.plannedRestartNever} error={errors.plannedRestartAt ?? null}>
              {(id) => (
                <input id={id} className="ofield__input" data-testid="planned-restart" value={draft.plannedRestartAt} maxLength={5} placeholder="04:00" onChange={(e) => edit({ ...draft, plannedRestartAt: e.target.value })} />
              )}
            </Field>
            <NumberField label={o.perChatPerMinute} testId="per-chat" decimals={false} value={draft.perChatPerMinute} error={errors.perChatPerMinute ?? null} onChange={(v) => edit({ ...draft, perChatPerMinute: v ?? Number.NaN })} />
            <NumberField label={o.sessionPerMinute} testId="per-session" decimals={false} value={draft.sessionPerMinute} error={errors.sessionPerMinute ?? null} onChange={(v) => edit({ ...draft, sessionPerMinute: v ?? Number.NaN })} />
            <NumberField label={o.memoryLimit} testId="memory-limit" decimals={false} value={draft.browserMemoryLimitMb} error={errors.browserMemoryLimitMb ?? null} onChange={(v) => edit({ ...draft, browserMemoryLimitMb: v ?? Number.NaN })} />
          </div>
          <Toggle label={o.keepalive} on={draft.keepalive} o={o} testId="keepalive" onChange={(keepalive) => edit({ ...draft, keepalive })} />
          <SaveBar state={save} dirty={dirty} o={o} testId="whatsapp-save" onDiscard={() => setDraft(editableOf(settings.whatsapp))} onSave={() => void update({ whatsapp: patchOf(draft) })} />
        </>
      )}

      {switching && (
        <ConfirmDialog
          title={o.engineSwitchTitle(engineName(switching))}
          text={o.engineSwitchText}
          confirm={o.engineSwitchConfirm}
          t={t}
          testId="engine-dialog"
          onClose={() => setSwitching(null)}
          onConfirm={() => {
            const to = switching;
            setSwitching(null);
            setProblem(null);
            api.setEngine(to).then((k) => setEngine(k), report);
          }}
        />
      )}
      {unlinking && (
        <ConfirmDialog
          title={t.unlinkTitle}
          text={t.unlinkText}
          confirm={t.unlinkConfirm}
          t={t}
          testId="unlink-dialog"
          onClose={() => setUnlinking(false)}
          onConfirm={() => {
            setUnlinking(false);
            api.unlinkWhatsApp().catch(report);
          }}
        />
      )}
    </div>
  );
}
