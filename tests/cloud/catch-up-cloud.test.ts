// The cloud carries the catch-up and the WhatsApp problems: the device status has catchUp
// { lastSweepAt, recovered } and whatsapp.problems, a problem alone (same state) is pushed at once,
// and fleet/whatsapp reaches the host's FleetPin through the real SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, getDoc, setDoc } from 'firebase/firestore';
import { DeviceStatus } from '../../electron/cloud/device-status.ts';
import { FleetSync } from '../../electron/cloud/fleet-sync.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';
import { sdkClient, silentLogger, waitUntil } from './cloud-harness.ts';

let emulator: FirestoreEmulator;
beforeAll(async () => {
  emulator = await startFirestoreEmulator();
});
afterAll(() => emulator.stop());

describe('catch-up and problems in the cloud', () => {
  it('device status carries catchUp and whatsapp.problems; a new problem is pushed at once', async () => {
    const pc = sdkClient(emulator);
    const watcher = sdkClient(emulator);
    const clock = new FakeClock();
    let recovered = 0;
    const device = new DeviceStatus({
      firestore: pc.db,
      restaurantId: 'r9',
      deviceId: 'pc1',
      deviceName: 'Cocina',
      clock,
      logger: silentLogger,
      version: '0.1.0',
      os: 'linux',
      catchUp: () => ({ lastSweepAt: '2026-11-20T12:00:00.000Z', recovered }),
    });
    const base: WhatsAppStatus = { state: 'connected', since: '2026-11-20T11:00:00.000Z', engine: 'whatsapp' };
    device.onWhatsAppStatus(base);
    device.start();
    recovered = 3;
    const pushes = device.pushes;
    device.onWhatsAppStatus({ ...base, problems: ['events-silent'] });
    expect(device.pushes).toBe(pushes + 1);
    const ref = doc(watcher.db, 'restaurants/r9/devices/pc1');
    await waitUntil(async () => ((await getDoc(ref)).data()?.whatsapp as { problems?: string[] } | undefined)?.problems?.length === 1);
    const data = (await getDoc(ref)).data()!;
    expect(data.whatsapp).toMatchObject({ state: 'connected', problems: ['events-silent'] });
    expect(data.catchUp).toEqual({ lastSweepAt: '2026-11-20T12:00:00.000Z', recovered: 3 });
    device.stop();
  });

  it('fleet/whatsapp changes reach the listener', async () => {
    const vendor = sdkClient(emulator);
    const pc = sdkClient(emulator);
    const heard: unknown[] = [];
    const sync = new FleetSync({ firestore: pc.db, logger: silentLogger, onFleet: (d) => heard.push(d) });
    sync.start();
    await waitUntil(async () => heard.length >= 1);
    expect(heard[0]).toBeUndefined();
    await setDoc(doc(vendor.db, 'fleet/whatsapp'), { webVersion: '2.3000.1017054665', note: 'after the January change' });
    await waitUntil(async () => heard.length >= 2);
    expect(heard.at(-1)).toEqual({ webVersion: '2.3000.1017054665', note: 'after the January change' });
    sync.stop();
  });
});
