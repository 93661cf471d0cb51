// The owner's alerts (desktop notification; the mail carries the same words) follow the owner's
// language, asked at each alert: Spanish by default, English when the getter says so.
import { describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase/firestore';
import { Alerts } from '../../electron/cloud/alerts.ts';
import { CloudKv } from '../../electron/cloud/cloud-schema.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { openCloudDb, silentLogger } from './cloud-harness.ts';

describe('alert language', () => {
  it('speaks the language the getter gives at the time of each alert', () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const notes: [string, string][] = [];
    let language: 'es' | 'en' = 'es';
    const alerts = new Alerts({
      // No owner address: nothing is written to Firestore, only the desktop is told.
      firestore: {} as Firestore,
      restaurantId: 'a1',
      restaurantName: () => 'Casa Pepe',
      ownerEmail: () => undefined,
      clock: new FakeClock(),
      logger: silentLogger,
      kv: new CloudKv(db),
      notifier: { notify: (title, body) => notes.push([title, body]) },
      language: () => language,
    });
    expect(alerts.raise('handoff', 'Ana')).toBe(true);
    language = 'en';
    expect(alerts.raise('unlinked')).toBe(true);
    expect(notes).toEqual([
      ['Casa Pepe: un cliente pide hablar con una persona', 'Un cliente quiere hablar con una persona: Ana.'],
      ['Casa Pepe: WhatsApp unlinked', 'The WhatsApp session was closed from the phone. Link it again with the QR code.'],
    ]);
    db.close();
    temp.cleanup();
  });
});
