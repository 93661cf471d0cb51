// The welcome flow of a fresh install: language and country, name, owner PIN, WhatsApp or practice
// mode, the menu, hours, payments, pickup and delivery. Every step can be left for later; each one
// is saved as it is passed (updateSetup), so closing the app halfway resumes where it was; "Saltar
// configuración" goes straight to the board.
import { useCallback, useEffect, useState } from 'react';
import { UI_STRINGS, type Locale } from '../../../../shared/i18n.ts';
import { OWNER_STRINGS } from '../../../../shared/i18n-owner.ts';
import { SETUP_STEPS, type SetupState, type SetupStep } from '../../../../shared/owner-api.ts';
import type { Menu } from '../../../../shared/menu.ts';
import type { KdsClient } from '../../api/kds-client.ts';
import { storeLocale, storedLocale } from '../../state/locale.ts';
import { isOwnerPinRequired, reasonOf } from '../../state/owner-errors.ts';
import { defaultHours, termsOf, withTerms, type Terms } from '../../state/terms.ts';
import { PinPad } from '../owner/PinPad.tsx';
import { SetupStepBody, type StepHandle } from './SetupSteps.tsx';
import '../owner/owner.css';

interface Props {
  api: KdsClient;
  setup: SetupState;
  onSetup(setup: SetupState): void;
}

type Gate = 'loading' | 'unlock' | 'ready';

export function firstOpenStep(done: readonly SetupStep[]): number {
  const index = SETUP_STEPS.findIndex((s) => !done.includes(s));
  return index < 0 ? SETUP_STEPS.length - 1 : index;
}

export function SetupFlow({ api, setup, onSetup }: Props) {
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? 'es');
  const t = UI_STRINGS[locale];
  const o = OWNER_STRINGS[locale];
  const [gate, setGate] = useState<Gate>('loading');
  const [pinSet, setPinSet] = useState(false);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [terms, setTerms] = useState<Terms | null>(null);
  const [index, setIndex] = useState(() => firstOpenStep(setup.done));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [handle, setHandle] = useState<StepHandle | null>(null);
  const step = SETUP_STEPS[index]!;

  useEffect(() => {
    let alive = true;
    Promise.all([api.getMenu(), api.getOwnerStatus()]).then(
      ([m, status]) => {
        if (!alive) return;
        setMenu(m);
        // A fresh restaurant starts with lunch and dinner hours to adjust, not "always open".
        const start = termsOf(m);
        setTerms(start.hours ? start : { ...start, hours: defaultHours() });
        setPinSet(status.pinSet);
        setGate(status.pinSet ? 'unlock' : 'ready');
      },
      (e: unknown) => alive && setProblem(reasonOf(e)),
    );
    return () => {
      alive = false;
    };
  }, [api]);

  const fail = useCallback(
    (e: unknown) => {
      if (isOwnerPinRequired(e)) setGate('unlock');
      else setProblem(reasonOf(e));
    },
    [],
  );

  /** The menu with the terms as they are now; the host's answer becomes the flow's menu. */
  const saveTerms = async (next: Terms = terms!): Promise<void> => {
    if (!menu) return;
    const saved = await api.saveMenu(withTerms(menu, next));
    setMenu(saved);
  };

  const record = async (update: { done?: SetupStep[]; completed?: boolean }) => {
    const next = await api.updateSetup(update);
    onSetup(next);
    return next;
  };

  const go = async (save: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      if (save && handle) await handle.save();
      const done = [...new Set([...setup.done, step])];
      const last = index === SETUP_STEPS.length - 1;
      await record(last ? { done, completed: true } : { done });
      if (!last) setIndex(index + 1);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const skipAll = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await record({ done: setup.done, completed: true });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const chooseLanguage = (next: Locale) => {
    storeLocale(next);
    setLocale(next);
  };

  return (
    <div className="setup" data-testid="setup" data-step={step} data-locale={locale}>
      <header className="setup__head">
        <h1 className="setup__title">👋 {o.welcome}</h1>
        <span className="setup__progress" data-testid="setup-progress">
          {o.stepOf(index + 1, SETUP_STEPS.length)}
        </span>
        <button type="button" className="btn btn--tab" data-testid="setup-language" onClick={() => chooseLanguage(locale === 'es' ? 'en' : 'es')}>
          {t.language}
        </button>
        <button type="button" className="btn btn--ghost setup__skip" data-testid="setup-skip" disabled={busy || gate !== 'ready'} onClick={() => void skipAll()}>
          {o.skipSetup} ⏭
        </button>
      </header>
      <nav className="setup__steps" aria-label={o.welcome}>
        {SETUP_STEPS.map((s, i) => (
          <span key={s} className={`setup__step${i === index ? ' setup__step--on' : ''}${setup.done.includes(s) ? ' setup__step--done' : ''}`} aria-current={i === index ? 'step' : undefined}>
            {setup.done.includes(s) ? '✓ ' : ''}
            {o.stepTitles[s]}
          </span>
        ))}
      </nav>
      <main className="setup__body">
        {gate === 'loading' && !problem && <p className="owner__wait">{t.loading}</p>}
        {gate === 'unlock' && (
          <PinPad
            o={o}
            title={o.pinSetupUnlock}
            onUnlock={async (pin) => {
              await api.unlockOwner(pin);
              setGate('ready');
            }}
          />
        )}
        {gate === 'ready' && menu && terms && (
          <>
            {index === 0 && <p className="setup__lead">{o.welcomeText}</p>}
            <h2 className="setup__h2">{o.stepTitles[step]}</h2>
            <SetupStepBody
              key={step}
              step={step}
              api={api}
              locale={locale}
              t={t}
              o={o}
              menu={menu}
              terms={terms}
              onTerms={setTerms}
              onMenu={setMenu}
              saveTerms={saveTerms}
              pinSet={pinSet}
              onPinSet={() => setPinSet(true)}
              onLanguage={chooseLanguage}
              onHandle={setHandle}
              onProblem={setProblem}
            />
          </>
        )}
        {problem && (
          <p className="savebar__error" role="alert" data-testid="setup-problem" dir="auto">
            ⚠ {o.refused(problem)}
          </p>
        )}
      </main>
      {gate === 'ready' && (
        <footer className="setup__nav">
          <button type="button" className="btn" data-testid="setup-back" disabled={busy || index === 0} onClick={() => setIndex(index - 1)}>
            ← {o.back}
          </button>
          <button type="button" className="btn btn--ghost" data-testid="setup-later" disabled={busy} onClick={() => void go(false)}>
            {o.later}
          </button>
          <button type="button" className="btn btn--go setup__next" data-testid="setup-next" disabled={busy || handle?.ready === false} onClick={() => void go(true)}>
            {index === SETUP_STEPS.length - 1 ? `✓ ${o.finish}` : `${o.next} →`}
          </button>
        </footer>
      )}
    </div>
  );
}
