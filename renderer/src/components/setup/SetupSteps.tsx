// The welcome flow's steps. Each edits its part (the menu's terms, the PIN, the engine, the
// dishes) and hands the flow a `save` for "Siguiente"; "Más tarde" passes without saving.
import { useEffect, useRef, useState } from 'react';
import type { UiStrings, Locale } from '../../../../shared/i18n.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import { ownerPinSchema, type EngineKind, type SetupStep } from '../../../../shared/owner-api.ts';
import type { Menu } from '../../../../shared/menu.ts';
import type { KdsClient } from '../../api/kds-client.ts';
import { linkView } from '../../state/linking.ts';
import { applyImport } from '../../state/menu-import.ts';
import { reasonOf } from '../../state/owner-errors.ts';
import type { Terms } from '../../state/terms.ts';
import { LinkPanel } from '../LinkPanel.tsx';
import { CountryFields } from '../owner/CountryFields.tsx';
import { FulfilmentFields } from '../owner/FulfilmentFields.tsx';
import { HoursEditor } from '../owner/HoursEditor.tsx';
import { MenuImport } from '../owner/MenuImport.tsx';
import { PaymentsPicker } from '../owner/PaymentsPicker.tsx';
import { TextField } from '../owner/fields.tsx';
import { QuickDishes, quickMenu, type QuickDish } from './QuickDishes.tsx';
import { useWhatsAppStatus } from './use-whatsapp-status.ts';

export interface StepHandle {
  save(): Promise<void>;
  /** false: "Siguiente" waits (nothing valid to save yet); "Más tarde" still passes. */
  ready: boolean;
}

interface Props {
  step: SetupStep;
  api: KdsClient;
  locale: Locale;
  t: UiStrings;
  o: OwnerStrings;
  menu: Menu;
  terms: Terms;
  onTerms(terms: Terms): void;
  onMenu(menu: Menu): void;
  saveTerms(): Promise<void>;
  pinSet: boolean;
  onPinSet(): void;
  onLanguage(locale: Locale): void;
  onHandle(handle: StepHandle): void;
  onProblem(problem: string | null): void;
}

/** Gives the flow this step's save (always the latest) and whether it is ready. */
function useHandle(onHandle: (h: StepHandle) => void, save: () => Promise<void>, ready = true) {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => onHandle({ save: () => latest.current(), ready }), [onHandle, ready]);
}

export function SetupStepBody(props: Props) {
  switch (props.step) {
    case 'country':
      return <CountryStep {...props} />;
    case 'restaurant':
      return <RestaurantStep {...props} />;
    case 'pin':
      return <PinStep {...props} />;
    case 'whatsapp':
      return <WhatsAppStep {...props} />;
    case 'menu':
      return <MenuStep {...props} />;
    case 'hours':
      return <TermsStep {...props} />;
    case 'payments':
      return <TermsStep {...props} />;
    case 'fulfilment':
      return <TermsStep {...props} />;
  }
}

function CountryStep({ api, locale, o, terms, onTerms, saveTerms, onLanguage, onHandle }: Props) {
  useHandle(onHandle, async () => {
    await saveTerms();
    await api.updateSettings({ locale });
  });
  return (
    <div className="owner-form">
      <p className="ofield__label">{o.screenLanguageQuestion}</p>
      <div className="segmented" role="radiogroup">
        {(['es', 'en'] as const).map((l) => (
          <button key={l} type="button" role="radio" aria-checked={locale === l} className={`segmented__option${locale === l ? ' segmented__option--on' : ''}`} data-testid={`setup-lang-${l}`} onClick={() => onLanguage(l)}>
            {o.languageNames[l]}
          </button>
        ))}
      </div>
      <CountryFields value={terms} o={o} onChange={(region) => onTerms({ ...terms, ...region })} />
    </div>
  );
}

function RestaurantStep({ o, terms, onTerms, saveTerms, onHandle }: Props) {
  useHandle(onHandle, saveTerms, terms.restaurant.trim().length > 0);
  return <TextField label={o.restaurantName} testId="setup-restaurant" value={terms.restaurant} maxLength={200} onChange={(restaurant) => onTerms({ ...terms, restaurant })} />;
}

function PinStep({ api, o, pinSet, onPinSet, onHandle }: Props) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const valid = ownerPinSchema.safeParse(pin).success && pin === repeat;
  useHandle(
    onHandle,
    async () => {
      if (pinSet) return;
      await api.setOwnerPin({ pin });
      // Straight in: the rest of the flow saves owner things.
      await api.unlockOwner(pin);
      onPinSet();
    },
    pinSet || valid,
  );
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);
  if (pinSet) return <p className="savebar__ok" data-testid="setup-pin-done">✓ {o.pinSaved}</p>;
  return (
    <div className="owner-form">
      <p className="setup__lead">{o.pinSetupHint}</p>
      <div className="form-grid">
        <TextField label={o.newPin} type="password" testId="setup-pin" value={pin} error={pin && !ownerPinSchema.safeParse(pin).success ? o.pinFormat : null} onChange={(v) => setPin(digits(v))} />
        <TextField label={o.repeatPin} type="password" testId="setup-pin-repeat" value={repeat} error={repeat && repeat !== pin ? o.pinMismatch : null} onChange={(v) => setRepeat(digits(v))} />
      </div>
      <p className="ofield__hint">{o.pinForgot}</p>
    </div>
  );
}

function WhatsAppStep({ api, t, o, onHandle, onProblem }: Props) {
  const status = useWhatsAppStatus(api);
  const [chosen, setChosen] = useState<EngineKind | null>(null);
  const [busy, setBusy] = useState(false);
  useHandle(onHandle, async () => undefined);
  const choose = (kind: EngineKind) => {
    setBusy(true);
    onProblem(null);
    api.setEngine(kind).then(
      () => {
        setBusy(false);
        setChosen(kind);
      },
      (e: unknown) => {
        setBusy(false);
        onProblem(reasonOf(e));
      },
    );
  };
  const link = chosen === 'whatsapp' ? linkView(status) : null;
  return (
    <div className="owner-form">
      <div className="setup__choices">
        <button type="button" className={`setup__choice${chosen === 'whatsapp' ? ' setup__choice--on' : ''}`} data-testid="setup-connect-whatsapp" disabled={busy} onClick={() => choose('whatsapp')}>
          <strong>📱 {o.connectWhatsApp}</strong>
          <span>{o.connectWhatsAppText}</span>
        </button>
        <button type="button" className={`setup__choice${chosen === 'simulator' ? ' setup__choice--on' : ''}`} data-testid="setup-practice" disabled={busy} onClick={() => choose('simulator')}>
          <strong>🧪 {o.practiceMode}</strong>
          <span>{o.practiceModeText}</span>
        </button>
      </div>
      {chosen && (
        <p className="owner__notice" role="status" data-testid="setup-engine-chosen">
          {chosen === 'whatsapp' ? o.whatsappChosen : o.practiceChosen}
        </p>
      )}
      {link && <LinkPanel view={link} t={t} onLink={(request) => api.linkWhatsApp(request).catch((e: unknown) => onProblem(reasonOf(e)))} />}
    </div>
  );
}

type MenuChoice = 'example' | 'import' | 'add';

function MenuStep({ api, o, menu, onMenu, onHandle }: Props) {
  const [choice, setChoice] = useState<MenuChoice>('example');
  const [imported, setImported] = useState<Menu | null>(null);
  const [dishes, setDishes] = useState<QuickDish[]>([]);
  const ready = choice === 'example' || (choice === 'import' && imported !== null) || (choice === 'add' && dishes.length > 0);
  useHandle(
    onHandle,
    async () => {
      // The example is the menu already in use on a fresh install: nothing to send.
      if (choice === 'example') return;
      const next = choice === 'import' ? imported : quickMenu(menu, dishes);
      if (next) onMenu(await api.saveMenu(next));
    },
    ready,
  );
  const option = (id: MenuChoice, title: string, text?: string) => (
    <button type="button" className={`setup__choice${choice === id ? ' setup__choice--on' : ''}`} data-testid={`setup-menu-${id}`} aria-pressed={choice === id} onClick={() => setChoice(id)}>
      <strong>{title}</strong>
      {text && <span>{text}</span>}
    </button>
  );
  return (
    <div className="owner-form">
      <div className="setup__choices">
        {option('example', `📋 ${o.menuExample}`, o.menuExampleText)}
        {option('import', `📂 ${o.menuImport}`, o.importHelp)}
        {option('add', `✍ ${o.menuAddDishes}`)}
      </div>
      {choice === 'import' && (
        <>
          <MenuImport o={o} onUse={(preview) => setImported(applyImport(menu, preview))} onCancel={() => setImported(null)} />
          {imported && (
            <p className="owner__notice" data-testid="setup-imported">
              ✓ {o.dishes(imported.categories.reduce((n, c) => n + c.items.length, 0))}
            </p>
          )}
        </>
      )}
      {choice === 'add' && <QuickDishes o={o} currency={menu.currency} dishes={dishes} onChange={setDishes} />}
      {choice === 'add' && dishes.length === 0 && <p className="ofield__hint">{o.quickNeedsDish}</p>}
    </div>
  );
}

/** Hours, payments, pickup and delivery: the terms, saved with the menu. */
function TermsStep({ step, t, o, terms, onTerms, saveTerms, onHandle }: Props) {
  useHandle(onHandle, saveTerms, step !== 'payments' || terms.payments.length > 0);
  if (step === 'hours') return <HoursEditor hours={terms.hours} o={o} onChange={(hours) => onTerms({ ...terms, hours })} />;
  if (step === 'payments') return <PaymentsPicker payments={terms.payments} t={t} o={o} onChange={(payments) => onTerms({ ...terms, payments })} />;
  return <FulfilmentFields value={terms} o={o} onChange={(f) => onTerms({ ...terms, ...f })} />;
}
