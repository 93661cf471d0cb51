import type { OwnerStrings } from '../../../../shared/i18n-owner.ts';
import type { UiStrings } from '../../../../shared/i18n.ts';
import { PAUSE_CHOICES } from '../../state/pause.ts';
import { Dialog } from '../Dialog.tsx';

interface Props {
  o: OwnerStrings;
  t: UiStrings;
  onChoose(minutes: number | null): void;
  onClose(): void;
}

/** "Pausar pedidos": 10, 20, 30 or 60 minutes, or until resumed. */
export function PauseDialog({ o, t, onChoose, onClose }: Props) {
  return (
    <Dialog title={`⏸ ${o.pauseTitle}`} onClose={onClose} testId="pause-dialog">
      <p className="dialog__who">{o.pauseText}</p>
      <div className="dialog__choices">
        {PAUSE_CHOICES.map((minutes) => (
          <button
            key={minutes ?? 'open'}
            type="button"
            className={`btn btn--huge${minutes === null ? ' btn--pause-open' : ''}`}
            data-testid={`pause-${minutes ?? 'open'}`}
            onClick={() => onChoose(minutes)}
          >
            {minutes === null ? o.pauseUntilResumed : o.pauseMinutes(minutes)}
          </button>
        ))}
      </div>
      <div className="dialog__buttons">
        <button type="button" className="btn" data-testid="pause-cancel" onClick={onClose}>
          {t.cancelShort}
        </button>
      </div>
    </Dialog>
  );
}
