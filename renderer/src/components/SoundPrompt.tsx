import type { UiStrings } from '../../../shared/i18n.ts';

/** Browsers keep quiet until someone touches the page: ask once, loudly if an order is waiting. */
export function SoundPrompt({ t, urgent, onEnable }: { t: UiStrings; urgent: boolean; onEnable(): void }) {
  return (
    <button type="button" className={`sound-prompt${urgent ? ' sound-prompt--urgent' : ''}`} data-testid="sound-prompt" onClick={onEnable}>
      🔔 {t.enableSound}
    </button>
  );
}
