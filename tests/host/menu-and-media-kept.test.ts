// What the owner and the staff rely on the database to keep: every menu edit (not just the first),
// across a restart, and the files a customer sent at the moment the chat went to staff.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import { MenuSource } from '../../electron/host/menu-source.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import type { MediaRecord } from '../../electron/store/media-repo.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const ANA = '34600000001';
const BEA = '34600000002';

describe('what the database keeps', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  let store: Store;
  let clock: FakeClock;

  beforeEach(() => {
    tmp = makeTempDir();
    dbPath = join(tmp.dir, 'db.sqlite');
    store = Store.open(dbPath);
    clock = new FakeClock();
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  const reopen = () => {
    store.close();
    store = Store.open(dbPath);
    return MenuSource.open({ repo: store.menu, clock, logger: silentLogger });
  };

  it('every menu edit survives a restart, not only the first menu stored', async () => {
    const first = MenuSource.open({ repo: store.menu, clock, logger: silentLogger });
    expect(store.menu.get()!.origin).toBe('sample');
    const dish = first.current().categories[0]!.items[0]!;
    await clock.advance(1_000);
    first.setAvailability(dish.id, false);
    expect(store.menu.get()).toMatchObject({ origin: 'editor', storedAt: clock.now() });
    const after = reopen();
    expect(after.current().categories[0]!.items[0]).toMatchObject({ id: dish.id, available: false });
    expect(after.current().updatedAt).toBe(first.current().updatedAt);
  });

  it('the files a customer sent at the very moment the chat went to staff are in the handoff', () => {
    const record = (id: string, at: number): MediaRecord => ({ id, messageId: `msg-${id}`, phone: ANA, kind: 'audio', captioned: false, at });
    const since = clock.now();
    store.media.insert(record('before', since - 1));
    store.media.insert(record('same-instant', since));
    store.media.insert(record('after', since + 1));
    expect(store.media.forHandoff(ANA, since).map((m) => m.id)).toEqual(['same-instant', 'after']);
  });

  it('releasing one chat takes only its files off the handoff list', () => {
    const since = clock.now();
    for (const phone of [ANA, BEA]) {
      store.media.insert({ id: `voice-${phone}`, messageId: `msg-${phone}`, phone, kind: 'audio', captioned: false, at: since });
    }
    store.media.release(ANA, since + 1_000);
    expect(store.media.forHandoff(ANA, since)).toEqual([]);
    expect(store.media.forHandoff(BEA, since).map((m) => m.id)).toEqual([`voice-${BEA}`]);
  });
});
