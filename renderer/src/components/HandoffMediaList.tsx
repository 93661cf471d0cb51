// What a customer waiting for a person sent besides words: voice notes to play, photos as
// thumbnails (a tap shows them larger), and a plain line for a file that was not kept.
import { useState } from 'react';
import type { HandoffMedia } from '../../../shared/kds-api.ts';
import type { MediaUiStrings } from '../../../shared/i18n-media.ts';
import { useMediaUrl } from '../state/use-media-url.ts';

interface Props {
  media: HandoffMedia[];
  tm: MediaUiStrings;
  mediaUrl(id: string): Promise<string>;
}

export function HandoffMediaList({ media, tm, mediaUrl }: Props) {
  // Photos sit side by side in one row; voice notes and files not kept get a line each.
  const photos = media.filter((m) => m.kind === 'image' && m.id);
  const lines = media.filter((m) => !(m.kind === 'image' && m.id));
  return (
    <ul className="handoff__media" data-testid="handoff-media">
      {lines.map((m, i) => (
        <li key={m.id ?? `${m.kind}-${m.at}-${i}`} className={`handoff__file handoff__file--${m.kind}`} data-testid="handoff-file" data-kind={m.kind}>
          <span className="handoff__file-label">{label(m, tm)}</span>
          {m.id && m.kind === 'audio' && <VoiceNote id={m.id} tm={tm} mediaUrl={mediaUrl} />}
          {m.missing && <span className="handoff__file-missing">{tm.notKept[m.missing]}</span>}
        </li>
      ))}
      {photos.length > 0 && (
        <li className="handoff__file handoff__file--image" data-testid="handoff-file" data-kind="image">
          <span className="handoff__file-label">📷 {photos.length > 1 ? tm.imagesReceived(photos.length) : tm.imageReceived}</span>
          <span className="handoff__photos">
            {photos.map((m) => (
              <Photo key={m.id} id={m.id!} tm={tm} mediaUrl={mediaUrl} />
            ))}
          </span>
        </li>
      )}
    </ul>
  );
}

function label(m: HandoffMedia, tm: MediaUiStrings): string {
  if (m.kind === 'audio') return `🎤 ${tm.audioReceived}`;
  if (m.kind === 'image') return `📷 ${tm.imageReceived}`;
  return `📄 ${tm.documentReceived}`;
}

function VoiceNote({ id, tm, mediaUrl }: { id: string; tm: MediaUiStrings; mediaUrl(id: string): Promise<string> }) {
  const src = useMediaUrl(mediaUrl, id);
  if (src.state === 'loading') return <span className="handoff__file-wait">{tm.mediaLoading}</span>;
  if (src.state === 'failed') return <span className="handoff__file-missing">{tm.mediaFailed}</span>;
  return <audio className="handoff__audio" data-testid="handoff-audio" controls preload="metadata" src={src.url} />;
}

function Photo({ id, tm, mediaUrl }: { id: string; tm: MediaUiStrings; mediaUrl(id: string): Promise<string> }) {
  const src = useMediaUrl(mediaUrl, id);
  const [large, setLarge] = useState(false);
  if (src.state === 'loading') return <span className="handoff__file-wait">{tm.mediaLoading}</span>;
  if (src.state === 'failed') return <span className="handoff__file-missing">{tm.mediaFailed}</span>;
  return (
    <button type="button" className="handoff__thumb-btn" aria-label={tm.enlargePhoto} aria-pressed={large} onClick={() => setLarge((v) => !v)}>
      <img className={large ? 'handoff__photo' : 'handoff__thumb'} data-testid="handoff-image" src={src.url} alt={tm.imageReceived} />
    </button>
  );
}
