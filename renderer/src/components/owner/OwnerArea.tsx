// "Ajustes": the owner's area over the board, behind the PIN. The PIN is asked first (when one
// exists); the host's owner token then travels with every call. A call refused for want of the PIN
// (the token lapsed after 15 idle minutes) closes the area and the board comes back; so does the
// same idleness on this screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CloudStatus } from '../../../../shared/kds-api.ts';
import type { UiStrings } from '../../../../shared/i18n.ts';
import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { Menu } from '../../../../shared/menu.ts';
import type { WhatsAppStatus } from '../../../../shared/whatsapp-status.ts';
import type { KdsClient } from '../../api/kds-client.ts';
import { isOwnerPinRequired, reasonOf } from '../../state/owner-errors.ts';
import { PinPad } from './PinPad.tsx';
import { OWNER_TABS } from './owner-tabs.ts';
import './owner.css';

/** The owner token lasts 15 minutes from its last use; the screen closes the area after as long idle. */
export const OWNER_IDLE_MS = 15 * 60_000;

interface Props {
  api: KdsClient;
  locale: 'es' | 'en';
  t: UiStrings;
  o: OwnerStrings;
  menu: Menu | null;
  onMenu(menu: Menu): void;
  whatsapp: WhatsAppStatus | null;
  cloud: CloudStatus | null;
  onCloud(status: CloudStatus): void;
  /** locked: the PIN session lapsed (the board says so). */
  onClose(reason: 'done' | 'locked'): void;
}

type Phase = { kind: 'checking' } | { kind: 'pin' } | { kind: 'open'; pinSet: boolean } | { kind: 'error'; message: string };

export function OwnerArea({ api, locale, t, o, menu, onMenu, whatsapp, cloud, onCloud, onClose }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [tab, setTab] = useState(OWNER_TABS[0]!.id);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    let alive = true;
    api.getOwnerStatus().then(
      (status) => alive && setPhase(status.pinSet ? { kind: 'pin' } : { kind: 'open', pinSet: false }),
      (e: unknown) => alive && setPhase({ kind: 'error', message: reasonOf(e) }),
    );
    return () => {
      alive = false;
    };
  }, [api]);

  // Idle on this screen as long as the token lives: close, so nobody finds prices open later.
  const open = phase.kind === 'open';
  const pinSet = phase.kind === 'open' && phase.pinSet;
  useEffect(() => {
    if (!open || !pinSet) return;
    let timer = setTimeout(() => closeRef.current('locked'), OWNER_IDLE_MS);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => closeRef.current('locked'), OWNER_IDLE_MS);
    };
    window.addEventListener('pointerdown', touch, true);
    window.addEventListener('keydown', touch, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touch, true);
      window.removeEventListener('keydown', touch, true);
    };
  }, [open, pinSet]);

  const fail = useCallback((error: unknown): string | null => {
    if (isOwnerPinRequired(error)) {
      closeRef.current('locked');
      return null;
    }
    return reasonOf(error);
  }, []);

  const current = OWNER_TABS.find((x) => x.id === tab) ?? OWNER_TABS[0]!;
  const Tab = current.component;

  return (
    <div className="owner" data-testid="owner-area" data-phase={phase.kind} role="dialog" aria-modal="true" aria-label={o.settingsTitle}>
      <header className="owner__head">
        <h1 className="owner__title">⚙ {o.settingsTitle}</h1>
        <button type="button" className="btn btn--go owner__back" data-testid="owner-close" onClick={() => onClose('done')}>
          ← {o.backToKitchen}
        </button>
      </header>
      {phase.kind === 'checking' && <p className="owner__wait">{t.loading}</p>}
      {phase.kind === 'error' && (
        <p className="owner__problem" role="alert">
          ⚠ {phase.message}
        </p>
      )}
      {phase.kind === 'pin' && (
        <div className="owner__pin">
          <PinPad
            o={o}
            title={o.pinPrompt}
            onUnlock={async (pin) => {
              await api.unlockOwner(pin);
              setPhase({ kind: 'open', pinSet: true });
            }}
          />
        </div>
      )}
      {phase.kind === 'open' && (
        <div className="owner__body">
          <nav className="owner__tabs" role="tablist">
            {OWNER_TABS.map((x) => (
              <button
                key={x.id}
                type="button"
                role="tab"
                aria-selected={x.id === current.id}
                className={`owner__tab${x.id === current.id ? ' owner__tab--on' : ''}`}
                data-testid={`owner-tab-${x.id}`}
                onClick={() => setTab(x.id)}
              >
                {x.label(o, locale)}
              </button>
            ))}
          </nav>
          <section className="owner__content" data-testid={`owner-content-${current.id}`}>
            {!phase.pinSet && (
              <p className="owner__notice" data-testid="owner-no-pin">
                ⚠ {o.noPinYet}
              </p>
            )}
            <Tab
              key={current.id}
              api={api}
              locale={locale}
              t={t}
              o={o}
              menu={menu}
              onMenu={onMenu}
              whatsapp={whatsapp}
              cloud={cloud}
              onCloud={onCloud}
              pinSet={phase.pinSet}
              onPinSet={() => setPhase({ kind: 'open', pinSet: true })}
              fail={fail}
            />
          </section>
        </div>
      )}
    </div>
  );
}
