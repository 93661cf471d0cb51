import { describe, expect, it } from 'vitest';
import { readUpdateState, updateErrorKind, type UpdateState } from '../../shared/update-state.ts';
import { UI_STRINGS } from '../../shared/i18n.ts';
import { createUpdateFeed, updateFeedFrom } from '../../renderer/src/api/update-feed.ts';
import { updateNotice } from '../../renderer/src/state/update-notice.ts';

/** A stand-in for the preload's onUpdate: `send` is the main process writing to the channel. */
function fakeChannel() {
  const listeners = new Set<(payload: unknown) => void>();
  return {
    onUpdate: (listener: (payload: unknown) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    send: (payload: unknown) => listeners.forEach((l) => l(payload)),
    get count() {
      return listeners.size;
    },
  };
}

describe('update state from the shell', () => {
  it('accepts every phase the updater sends and clamps the percent', () => {
    const states: UpdateState[] = [
      { phase: 'idle' },
      { phase: 'checking' },
      { phase: 'up-to-date' },
      { phase: 'downloading', version: '1.4.0', percent: 42.5 },
      { phase: 'ready', version: '1.4.0' },
      { phase: 'error', error: 'net::ERR_INTERNET_DISCONNECTED' },
    ];
    for (const state of states) expect(readUpdateState(state)).toEqual(state);
    expect(readUpdateState({ phase: 'downloading', version: '1.4.0', percent: 130 })).toEqual({ phase: 'downloading', version: '1.4.0', percent: 100 });
    expect(readUpdateState({ phase: 'downloading', version: '', percent: -3 })).toEqual({ phase: 'downloading', version: '', percent: 0 });
    // Extra fields do not travel on.
    expect(readUpdateState({ phase: 'idle', secret: 'x' })).toEqual({ phase: 'idle' });
  });

  it('refuses malformed payloads with a clear error', () => {
    expect(() => readUpdateState(null)).toThrow(/must be an object, got null/);
    expect(() => readUpdateState('ready')).toThrow(/must be an object, got string/);
    expect(() => readUpdateState({ phase: 'installing' })).toThrow(/unknown update phase: "installing"/);
    expect(() => readUpdateState({})).toThrow(/unknown update phase/);
    expect(() => readUpdateState({ phase: 'downloading', version: '1.4.0', percent: Number.NaN })).toThrow(/finite number percent/);
    expect(() => readUpdateState({ phase: 'downloading', version: '1.4.0', percent: '40' })).toThrow(/finite number percent/);
    expect(() => readUpdateState({ phase: 'downloading', percent: 40 })).toThrow(/'downloading' needs a string version/);
    expect(() => readUpdateState({ phase: 'ready' })).toThrow(/'ready' needs a string version/);
    expect(() => readUpdateState({ phase: 'error', error: { message: 'x' } })).toThrow(/'error' needs a string error/);
  });

  it('tells the kind of failure from electron-updater messages', () => {
    expect(updateErrorKind('net::ERR_INTERNET_DISCONNECTED')).toBe('offline');
    expect(updateErrorKind('getaddrinfo ENOTFOUND github.com')).toBe('offline');
    expect(updateErrorKind('connect ETIMEDOUT 140.82.121.3:443')).toBe('offline');
    expect(updateErrorKind('sha512 checksum mismatch, expected abc, got def')).toBe('damaged');
    expect(updateErrorKind('New version 1.4.0 is not signed by the application owner: publisherNames: Casa')).toBe('damaged');
    expect(updateErrorKind('ENOSPC: no space left on device, write')).toBe('disk-full');
    expect(updateErrorKind('HttpError: 404 Not Found')).toBe('other');
    expect(updateErrorKind('')).toBe('other');
  });
});

describe('update notice in the header', () => {
  it('says nothing while idle, checking or up to date', () => {
    for (const phase of ['idle', 'checking', 'up-to-date'] as const) expect(updateNotice({ phase }, null)).toBeNull();
  });

  it('shows the download with its percent rounded down, then the waiting version', () => {
    expect(updateNotice({ phase: 'downloading', version: '1.4.0', percent: 99.7 }, null)).toEqual({ kind: 'downloading', version: '1.4.0', percent: 99 });
    expect(updateNotice({ phase: 'downloading', version: '1.4.0', percent: 0 }, null)).toEqual({ kind: 'downloading', version: '1.4.0', percent: 0 });
    expect(updateNotice({ phase: 'ready', version: '1.4.0' }, null)).toEqual({ kind: 'ready', version: '1.4.0' });
  });

  it('shows an error in plain words until that error is dismissed; a new failure shows again', () => {
    const failure: UpdateState = { phase: 'error', error: 'getaddrinfo ENOTFOUND github.com' };
    expect(updateNotice(failure, null)).toEqual({ kind: 'error', reason: 'offline', detail: 'getaddrinfo ENOTFOUND github.com' });
    expect(updateNotice(failure, failure)).toBeNull();
    expect(updateNotice({ ...failure }, failure)).toEqual({ kind: 'error', reason: 'offline', detail: failure.error });
    // Dismissing an error does not hide what comes after it.
    expect(updateNotice({ phase: 'ready', version: '1.4.1' }, failure)).toEqual({ kind: 'ready', version: '1.4.1' });
  });

  it('has every notice in Spanish and English', () => {
    for (const t of [UI_STRINGS.es, UI_STRINGS.en]) {
      expect(t.updateDownloading('1.4.0', 42)).toMatch(/1\.4\.0.*42%/);
      expect(t.updateDownloading('', 42)).toMatch(/42%/);
      expect(t.updateReady('1.4.0')).toContain('1.4.0');
      for (const reason of ['offline', 'damaged', 'disk-full', 'other'] as const) expect(t.updateError[reason]).toMatch(/\w{4,}.*\./);
      expect(t.updateDismiss).not.toBe('');
    }
    expect(UI_STRINGS.es.updateReady('1.4.0')).toMatch(/cocina esté tranquila o al reiniciar/);
    expect(UI_STRINGS.en.updateReady('1.4.0')).toMatch(/kitchen is quiet or on restart/);
    expect(UI_STRINGS.es.updateReady('')).toMatch(/^Actualización lista/);
  });
});

describe('update feed', () => {
  it('keeps the latest state, tells its subscribers and stops listening when closed', () => {
    const channel = fakeChannel();
    const feed = createUpdateFeed(channel.onUpdate, () => {});
    expect(feed.current()).toEqual({ phase: 'idle' });
    let calls = 0;
    const stop = feed.subscribe(() => calls++);
    channel.send({ phase: 'downloading', version: '1.4.0', percent: 10 });
    expect(feed.current()).toEqual({ phase: 'downloading', version: '1.4.0', percent: 10 });
    expect(calls).toBe(1);
    // The same object until something new arrives (what useSyncExternalStore needs).
    expect(feed.current()).toBe(feed.current());
    stop();
    channel.send({ phase: 'ready', version: '1.4.0' });
    expect(calls).toBe(1);
    expect(feed.current()).toEqual({ phase: 'ready', version: '1.4.0' });
    feed.close();
    expect(channel.count).toBe(0);
  });

  it('remembers a state sent before anyone subscribed (the shell sends it once at page load)', () => {
    const channel = fakeChannel();
    const feed = createUpdateFeed(channel.onUpdate, () => {});
    channel.send({ phase: 'ready', version: '2.0.0' });
    expect(feed.current()).toEqual({ phase: 'ready', version: '2.0.0' });
  });

  it('ignores a malformed message, keeps the last good state and says why', () => {
    const channel = fakeChannel();
    const warnings: string[] = [];
    const feed = createUpdateFeed(channel.onUpdate, (m) => warnings.push(m));
    let calls = 0;
    feed.subscribe(() => calls++);
    channel.send({ phase: 'downloading', version: '1.4.0', percent: 30 });
    channel.send({ phase: 'downloading', version: '1.4.0', percent: 'lots' });
    expect(feed.current()).toEqual({ phase: 'downloading', version: '1.4.0', percent: 30 });
    expect(calls).toBe(1);
    expect(warnings).toEqual(["comanda: ignored update state: update state 'downloading' needs a finite number percent"]);
  });

  it('exists only when the Electron bridge offers onUpdate', () => {
    const channel = fakeChannel();
    const base = { invoke: async () => undefined, onEvent: () => () => {} };
    expect(updateFeedFrom(undefined)).toBeUndefined();
    expect(updateFeedFrom({})).toBeUndefined();
    expect(updateFeedFrom({ comanda: base })).toBeUndefined();
    expect(updateFeedFrom({ comanda: { onUpdate: channel.onUpdate } })).toBeUndefined();
    const feed = updateFeedFrom({ comanda: { ...base, onUpdate: channel.onUpdate } });
    expect(feed).toBeDefined();
    channel.send({ phase: 'ready', version: '1.4.0' });
    expect(feed?.current()).toEqual({ phase: 'ready', version: '1.4.0' });
  });
});
