// The first-run flow's state is decided once per data directory: an upgraded kitchen whose
// settings table already holds other things (its settings, a PIN) never lands on the welcome.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../electron/store/store.ts';
import { SetupStore } from '../../electron/host/setup-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('first-run state', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;

  beforeEach(() => {
    tmp = makeTempDir();
    store = Store.open(join(tmp.dir, 'db.sqlite'));
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('an upgraded install with settings already stored counts as set up', () => {
    store.settings.set('kitchen', { amberAfterMinutes: 10 });
    expect(SetupStore.open(store.settings, () => true).current().completed).toBe(true);
  });

  it('is decided once: a later start does not ask again', () => {
    let asked = 0;
    const upgraded = () => {
      asked++;
      return false;
    };
    SetupStore.open(store.settings, upgraded).update({ done: ['country'] });
    const again = SetupStore.open(store.settings, () => true).current();
    expect(asked).toBe(1);
    expect(again).toEqual({ completed: false, done: ['country'] });
  });
});
