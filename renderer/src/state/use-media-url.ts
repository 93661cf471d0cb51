// A customer's voice note or photo as a blob: URL for <audio>/<img>, fetched through the KdsClient
// (the token travels with the request, never in the URL). Screens that show the same file share one
// download; it is released a little after the last one goes (a remount or a quick re-render of the
// handoff list does not download a 16 MB voice note again).
import { useEffect, useState } from 'react';

export type MediaUrlState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed' };
type Load = (id: string) => Promise<string>;

interface Entry {
  url: Promise<string>;
  users: number;
  release: ReturnType<typeof setTimeout> | undefined;
}

const RELEASE_AFTER_MS = 30_000;
const cache = new WeakMap<Load, Map<string, Entry>>();

function take(load: Load, id: string): Entry {
  let byId = cache.get(load);
  if (!byId) cache.set(load, (byId = new Map()));
  let entry = byId.get(id);
  if (!entry) {
    entry = { url: load(id), users: 0, release: undefined };
    byId.set(id, entry);
    // A failed download is not kept: the next screen asks again.
    entry.url.catch(() => byId!.get(id) === entry && byId!.delete(id));
  }
  if (entry.release !== undefined) clearTimeout(entry.release);
  entry.release = undefined;
  entry.users++;
  return entry;
}

function give(load: Load, id: string, entry: Entry): void {
  entry.users--;
  if (entry.users > 0) return;
  entry.release = setTimeout(() => {
    const byId = cache.get(load);
    if (byId?.get(id) !== entry || entry.users > 0) return;
    byId.delete(id);
    entry.url.then((url) => URL.revokeObjectURL(url), () => undefined);
  }, RELEASE_AFTER_MS);
}

export function useMediaUrl(load: Load, id: string): MediaUrlState {
  const [result, setResult] = useState<MediaUrlState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const entry = take(load, id);
    setResult({ state: 'loading' });
    entry.url.then(
      (url) => live && setResult({ state: 'ready', url }),
      () => live && setResult({ state: 'failed' }),
    );
    return () => {
      live = false;
      give(load, id, entry);
    };
  }, [load, id]);
  return result;
}
