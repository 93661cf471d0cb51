// What the header says about the app's own update: nothing while all is well, the download's
// progress, that a new version waits to be installed, or why updating failed (until dismissed).
import { updateErrorKind, type UpdateErrorKind, type UpdateState } from '../../../shared/update-state.ts';

export type UpdateNotice =
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string }
  | { kind: 'error'; reason: UpdateErrorKind; detail: string };

/**
 * `dismissed` is the error state the cook closed: the same object stays hidden, a later failure
 * (a new state from the shell) shows again.
 */
export function updateNotice(state: UpdateState, dismissed: UpdateState | null): UpdateNotice | null {
  switch (state.phase) {
    case 'downloading':
      // Rounded down: "100%" only once the download is really complete (then it is 'ready').
      return { kind: 'downloading', version: state.version, percent: Math.floor(state.percent) };
    case 'ready':
      return { kind: 'ready', version: state.version };
    case 'error':
      return state === dismissed ? null : { kind: 'error', reason: updateErrorKind(state.error), detail: state.error };
    default:
      return null;
  }
}
