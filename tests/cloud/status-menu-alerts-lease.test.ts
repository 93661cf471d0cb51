// Device status, cloud menu, alerts and the session lease against the real SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, doc, getDoc, getDocs, onSnapshot, setDoc, Timestamp } from 'firebase/firestore';
import { DeviceStatus } from '../../electron/cloud/device-status.ts';
import { MenuSync } from '../../electron/cloud/menu-sync.ts';
import { Alerts } from '../../electron/cloud/alerts.ts';
import { SessionLease } from '../../electron/cloud/session-lease.ts';
import { CloudKv } from '../../electron/cloud/cloud-schema.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { Menu } from '../../shared/menu.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { openCloudDb, sdkClient, silentLogger, waitUntil } from './cloud-harness.ts';

let emulator: FirestoreEmulator;
beforeAll(async () => {
  emulator = await startFirestoreEmulator();
});
afterAll(() => emulator.stop());

const status = (state: WhatsAppStatus['state']): WhatsAppStatus => ({ state, since: new Date().toISOString(), engine: 'simulator' });
const MENU = {
  restaurant: 'Casa Pepe', currency: 'EUR', locale: 'es',
  categories: [{ id: 'h', name: 'Hamburguesas', items: [{ id: 'clasica', name: 'Hamburguesa clásica', price: 9.5 }] }],
};

describe('device status', () => {
  it('pushes a state change to a second client within 2 s and beats lastSeen every 2 minutes', async () => {
    const pc = sdkClient(emulator);
    const watcher = sdkClient(emulator);
    const clock = new FakeClock();
    const device = new DeviceStatus({ firestore: pc.db, restaurantId: 'r1', deviceId: 'pc1', deviceName: 'Cocina', clock, logger: silentLogger, version: '0.1.0', os: 'linux' });
    const seen: { state?: string; at: number }[] = [];
    const stop = onSnapshot(doc(watcher.db, 'restaurants/r1/devices/pc1'), (s) => {
      if (s.exists()) seen.push({ state: (s.data().whatsapp as { state?: string } | undefined)?.state, at: Date.now() });
    });
    device.start();
    device.onWhatsAppStatus(status('connected'));
    await waitUntil(() => seen.some((s) => s.state === 'connected'));
    const changedAt = Date.now();
    device.onWhatsAppStatus(status('reconnecting'));
    await waitUntil(() => seen.some((s) => s.state === 'reconnecting'), 2000);
    const lagMs = seen.find((s) => s.state === 'reconnecting')!.at - changedAt;
    expect(lagMs).toBeLessThan(2000);
    const data = (await getDoc(doc(watcher.db, 'restaurants/r1/devices/pc1'))).data()!;
    expect(data.lastSeen).toBeInstanceOf(Timestamp);
    expect(data.counters).toMatchObject({ reconnects: 1 });
    expect(data.version).toBe('0.1.0');
    const pushes = device.pushes;
    await clock.advance(2 * 60_000);
    expect(device.pushes).toBe(pushes + 1);
    console.log(JSON.stringify({ measurement: 'status-change-lag-ms', lagMs }));
    stop();
    device.stop();
    await pc.close();
    await watcher.close();
  });
});

describe('cloud menu', () => {
  it('applies a valid menu, refuses an invalid one visibly keeping the last good, and starts from the cache', async () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const owner = sdkClient(emulator);
    const pc = sdkClient(emulator);
    const applied: Menu[] = [];
    const errors: (string | null)[] = [];
    const sync = new MenuSync({ firestore: pc.db, restaurantId: 'm1', kv: new CloudKv(db), logger: silentLogger, apply: (m) => applied.push(m), onError: (e) => errors.push(e) });
    sync.start();
    await setDoc(doc(owner.db, 'restaurants/m1/config/menu'), MENU);
    await waitUntil(() => applied.length === 1);
    expect(applied[0]!.restaurant).toBe('Casa Pepe');
    await setDoc(doc(owner.db, 'restaurants/m1/config/menu'), { ...MENU, currency: 42 });
    await waitUntil(() => errors.length === 1);
    expect(errors[0]).toMatch(/not used.*previous menu is still in use/);
    expect(applied).toHaveLength(1);
    sync.stop();
    // Next start, before the network answers: the cached good menu.
    const again: Menu[] = [];
    const sync2 = new MenuSync({ firestore: pc.db, restaurantId: 'nobody', kv: new CloudKv(db), logger: silentLogger, apply: (m) => again.push(m), onError: () => {} });
    sync2.start();
    expect(again[0]?.restaurant).toBe('Casa Pepe');
    sync2.stop();
    await owner.close();
    await pc.close();
    db.close();
    temp.cleanup();
  });
});

describe('alerts', () => {
  it('writes Trigger Email documents, notifies the desktop, and rate-limits a flapping connection', async () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const pc = sdkClient(emulator);
    const clock = new FakeClock();
    const notes: string[] = [];
    const alerts = new Alerts({
      firestore: pc.db, restaurantId: 'a1', restaurantName: () => 'Casa Pepe', ownerEmail: () => 'owner@example.com',
      clock, logger: silentLogger, kv: new CloudKv(db), notifier: { notify: (title) => notes.push(title) },
    });
    alerts.onWhatsAppStatus(status('connected'));
    for (let i = 0; i < 10; i++) {
      await clock.advance(60_000);
      alerts.onWhatsAppStatus(status('reconnecting'));
      alerts.onWhatsAppStatus(status('connected'));
    }
    alerts.onWhatsAppStatus(status('logged-out'));
    expect(alerts.raise('inactivity', '3 h')).toBe(true);
    expect(alerts.raise('inactivity')).toBe(false);
    await clock.advance(24 * 3600_000);
    expect(alerts.raise('inactivity')).toBe(true);
    expect(alerts.raise('handoff', 'Ana')).toBe(true);
    expect(notes.filter((n) => n.includes('conectado') || n.includes('desconectado') || n.includes('reconectado')).length).toBeLessThanOrEqual(3);
    expect(notes.some((n) => n.includes('desvinculado'))).toBe(true);
    const reader = sdkClient(emulator);
    await waitUntil(async () => (await getDocs(collection(reader.db, 'mail'))).size === notes.length);
    const mail = (await getDocs(collection(reader.db, 'mail'))).docs.map((d) => d.data());
    expect(mail[0]).toMatchObject({ to: 'owner@example.com', message: { subject: expect.any(String), text: expect.any(String), html: expect.any(String) } });
    await pc.close();
    await reader.close();
    db.close();
    temp.cleanup();
  });
});

describe('session lease', () => {
  it('one PC holds it; a second sees the holder, takes over only when confirmed, or after 10 minutes of silence', async () => {
    const a = sdkClient(emulator);
    const b = sdkClient(emulator);
    const clock = new FakeClock(Date.now());
    const leaseA = new SessionLease({ firestore: a.db, restaurantId: 'l1', deviceId: 'pcA', deviceName: 'Cocina', clock: createSystemClock() });
    const leaseB = new SessionLease({ firestore: b.db, restaurantId: 'l1', deviceId: 'pcB', deviceName: 'Barra', clock });
    expect(await leaseA.acquire()).toEqual({ held: true });
    const refused = await leaseB.acquire();
    expect(refused).toMatchObject({ held: false, holder: { deviceId: 'pcA', deviceName: 'Cocina' } });
    expect(await leaseB.acquire({ takeOver: true })).toEqual({ held: true });
    expect(await leaseA.acquire()).toMatchObject({ held: false, holder: { deviceId: 'pcB' } });
    // pcB falls silent: after 10 minutes pcA may take it without confirmation.
    const expiredFor = new SessionLease({ firestore: a.db, restaurantId: 'l1', deviceId: 'pcA', deviceName: 'Cocina', clock: { ...createSystemClock(), now: () => Date.now() + 10 * 60_000 + 1 } });
    expect(await expiredFor.acquire()).toEqual({ held: true });
    await leaseA.release();
    expect((await getDoc(doc(b.db, 'restaurants/l1/config/sessionLease'))).exists()).toBe(false);
    await a.close();
    await b.close();
  });
});
