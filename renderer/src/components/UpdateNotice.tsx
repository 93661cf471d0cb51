import { useState } from 'react';
import type { UiStrings } from '../../../shared/i18n.ts';
import type { UpdateState } from '../../../shared/update-state.ts';
import type { UpdateFeed } from '../api/update-feed.ts';
import { updateNotice, type UpdateNotice as Notice } from '../state/update-notice.ts';
import { useUpdateState } from '../state/use-update-state.ts';

/** The desktop app's own update, small, in the header; nothing in a browser or while all is well. */
export function UpdateNotice({ feed, t }: { feed: UpdateFeed | undefined; t: UiStrings }) {
  const state = useUpdateState(feed);
  const [dismissed, setDismissed] = useState<UpdateState | null>(null);
  const notice = updateNotice(state, dismissed);
  if (!notice) return null;
  return (
    <div className="update-slot">
      <NoticePill notice={notice} t={t} onDismiss={() => setDismissed(state)} />
    </div>
  );
}

function NoticePill({ notice, t, onDismiss }: { notice: Notice; t: UiStrings; onDismiss(): void }) {
  switch (notice.kind) {
    case 'downloading':
      return (
        <div className="update-note update-note--downloading" data-testid="update-notice" data-kind="downloading" data-percent={notice.percent} role="status">
          <span aria-hidden="true">⬇</span>
          <span className="update-note__text">{t.updateDownloading(notice.version, notice.percent)}</span>
          <span className="update-note__bar" aria-hidden="true">
            <span className="update-note__fill" style={{ width: `${notice.percent}%` }} />
          </span>
        </div>
      );
    case 'ready':
      return (
        <div className="update-note update-note--ready" data-testid="update-notice" data-kind="ready" role="status">
          <span aria-hidden="true">✓</span>
          <span className="update-note__text">{t.updateReady(notice.version)}</span>
        </div>
      );
    case 'error':
      return (
        // The technical message stays in the title for whoever looks after the PC; the cook reads words.
        <div className="update-note update-note--error" data-testid="update-notice" data-kind="error" data-reason={notice.reason} role="alert" title={notice.detail}>
          <span aria-hidden="true">⚠</span>
          <span className="update-note__text">{t.updateError[notice.reason]}</span>
          <button type="button" className="update-note__close" data-testid="update-dismiss" aria-label={t.updateDismiss} onClick={onDismiss}>
            ✕
          </button>
        </div>
      );
  }
}
