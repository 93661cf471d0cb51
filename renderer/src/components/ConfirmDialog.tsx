import type { UiStrings } from '../../../shared/i18n.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  title: string;
  text: string;
  confirm: string;
  t: UiStrings;
  testId: string;
  onConfirm(): void;
  onClose(): void;
}

/** "Are you sure?" before something that stops orders coming in. */
export function ConfirmDialog({ title, text, confirm, t, testId, onConfirm, onClose }: Props) {
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <p className="dialog__who">{text}</p>
      <div className="dialog__buttons">
        <button type="button" className="btn" data-testid={`${testId}-cancel`} onClick={onClose}>
          {t.cancelShort}
        </button>
        <button type="button" className="btn btn--stop" data-testid={`${testId}-confirm`} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
