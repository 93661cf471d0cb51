// The whole cloud side as the host wires it: Auth emulator sign-in, then orders, status, menu,
// commands and the lease through one createCloudSync.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecretStore } from '../../electron/cloud/backup/backup-key.ts';
import { msUntilNextLocalHour } from '../../electron/cloud/backup/backup-schedule.ts';
import { doc, getDoc, setDoc, Timestamp } from 'firebase/firestore';
import { createCloudSync } from '../../electron/cloud/create-cloud-sync.ts';
import type { CommandHandlers } from '../../electron/cloud/commands.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import type { KdsEvent } from '../../shared/kds-api.ts';
import type { Menu } from '../../shared/menu.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { advanceOrder, makeOrder, openCloudDb, sdkClient, silentLogger, waitUntil, useCloudEmulators } from './cloud-harness.ts';

const emulators = useCloudEmulators('createCloudSync test');

describe('createCloudSync', () => {
  it('signs in, mirrors orders, pushes status, applies the cloud menu, runs a command and holds the lease', async (context) => {
    const { firestore, auth } = emulators;
    if (!auth) return context.skip(emulators.skipped);
    await auth.createUser('pepe@example.com', 'clave-segura', { restaurantId: 'casa-pepe' });
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const listeners = new Set<(e: KdsEvent) => void>();
    const menus: Menu[] = [];
    const sent: unknown[] = [];
    const handlers: CommandHandlers = {
      send_message: async (p) => {
        sent.push(p);
        return { queued: true };
      },
      restart_session: async () => null,
      logout: async () => null,
      backup_now: async () => null,
      refresh_status: async () => null,
    };
    const notes: string[] = [];
    const profileDir = join(temp.dir, 'wa-profile');
    mkdirSync(join(profileDir, 'Default/Local Storage/leveldb'), { recursive: true });
    writeFileSync(join(profileDir, 'Default/Local Storage/leveldb/000003.log'), 'session');
    const codes: string[] = [];
    const cloud = createCloudSync({
      backups: { secretStore: fileSecretStore(join(temp.dir, 'secrets')), profileDir, onRecoveryCode: (c) => codes.push(c) },
      dataDir: temp.dir, db, clock: createSystemClock(), logger: silentLogger,
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      whatsappStatus: () => ({ state: 'starting', since: new Date().toISOString(), engine: 'simulator' }),
      applyMenu: (m) => menus.push(m),
      handlers,
      notifier: { notify: (t) => notes.push(t) },
      ownerEmail: () => 'owner@example.com',
      restaurantName: () => 'Casa Pepe',
      version: '0.1.0',
      deviceName: 'Cocina',
      firebase: { config: { apiKey: 'demo-key', projectId: 'demo-comanda' }, email: 'pepe@example.com', password: 'clave-segura' },
      env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth.host },
    });
    const state = await cloud.start();
    expect(state).toMatchObject({ state: 'running', restaurantId: 'casa-pepe', lease: { held: true } });
    const emit = (e: KdsEvent) => listeners.forEach((l) => l(e));
    const order = makeOrder(1);
    emit({ type: 'order', order });
    emit({ type: 'order', order: advanceOrder(order, 'accepted') });
    emit({ type: 'whatsapp', status: { state: 'connected', since: new Date().toISOString(), engine: 'simulator' } });
    const owner = sdkClient(firestore);
    await waitUntil(async () => (await getDoc(doc(owner.db, 'restaurants/casa-pepe/orders/ord-001'))).data()?.status === 'accepted');
    await waitUntil(async () => ((await getDoc(doc(owner.db, `restaurants/casa-pepe/devices/${cloud.deviceId}`))).data()?.whatsapp as { state?: string } | undefined)?.state === 'connected');
    await setDoc(doc(owner.db, 'restaurants/casa-pepe/config/menu'), {
      restaurant: 'Casa Pepe', currency: 'EUR', locale: 'es',
      categories: [{ id: 'h', name: 'Hamburguesas', items: [{ id: 'clasica', name: 'Hamburguesa clásica', price: 9.5 }] }],
    });
    await waitUntil(() => menus.length > 0);
    await setDoc(doc(owner.db, 'restaurants/casa-pepe/commands/c1'), {
      type: 'send_message', payload: { to: '34600111222', body: 'hola' }, status: 'pending', expiresAt: Timestamp.fromMillis(Date.now() + 60_000),
    });
    await waitUntil(async () => (await getDoc(doc(owner.db, 'restaurants/casa-pepe/commands/c1'))).data()?.status === 'done');
    expect(sent).toEqual([{ to: '34600111222', body: 'hola' }]);
    expect(notes.some((n) => n.includes('conectado'))).toBe(true);
    // The session became ready: one backup; the recovery code was shown once.
    expect(codes).toHaveLength(1);
    await waitUntil(async () => (await cloud.parts.backups!.list()).length === 1);
    rmSync(join(profileDir, 'Default'), { recursive: true });
    const restored = await cloud.restoreSession();
    expect(restored.restored).toBeDefined();
    expect(readFileSync(join(profileDir, 'Default/Local Storage/leveldb/000003.log'), 'utf8')).toBe('session');
    await cloud.stop();

    // A new PC: with the recovery code the owner typed, the restaurant's backup restores there;
    // without it the backup cannot be read and is refused in plain words.
    const newPc = async (name: string, recoveryCode?: string) => {
      const dir = join(temp.dir, name);
      mkdirSync(dir, { recursive: true });
      const otherDb = openCloudDb(dir);
      const other = createCloudSync({
        backups: { secretStore: fileSecretStore(join(dir, 'secrets')), profileDir: join(dir, 'profile'), onRecoveryCode: () => undefined, ...(recoveryCode ? { recoveryCode } : {}) },
        dataDir: dir, db: otherDb, clock: createSystemClock(), logger: silentLogger,
        subscribe: () => () => undefined,
        whatsappStatus: () => ({ state: 'starting', since: new Date().toISOString(), engine: 'whatsapp' }),
        applyMenu: () => undefined, handlers, notifier: { notify: () => undefined },
        ownerEmail: () => undefined, restaurantName: () => 'Casa Pepe', version: '0.1.0', deviceName: name,
        firebase: { config: { apiKey: 'demo-key', projectId: 'demo-comanda' }, email: 'pepe@example.com', password: 'clave-segura' },
        env: { FIRESTORE_EMULATOR_HOST: firestore.address, FIREBASE_AUTH_EMULATOR_HOST: auth!.host },
      });
      await other.start();
      const result = await other.restoreSession();
      await other.stop();
      otherDb.close();
      return { result, profile: join(dir, 'profile') };
    };
    const withCode = await newPc('caja-nueva', codes[0]);
    expect(withCode.result.restored).toBeDefined();
    expect(readFileSync(join(withCode.profile, 'Default/Local Storage/leveldb/000003.log'), 'utf8')).toBe('session');
    const withoutCode = await newPc('caja-sin-codigo');
    expect(withoutCode.result.restored).toBeUndefined();
    expect(withoutCode.result.refused.length).toBeGreaterThan(0);
    await owner.close();
    db.close();
    temp.cleanup();
  });
});

describe('backup schedule', () => {
  it('waits for the next 02:00 in the restaurant\'s time zone', () => {
    expect(msUntilNextLocalHour(Date.parse('2026-11-20T01:00:00Z'), 2, 'UTC')).toBe(3600_000);
    expect(msUntilNextLocalHour(Date.parse('2026-11-20T03:00:00Z'), 2, 'UTC')).toBe(23 * 3600_000);
    // Madrid is UTC+1 in November: 02:00 local is 01:00 UTC.
    expect(msUntilNextLocalHour(Date.parse('2026-11-20T00:30:00Z'), 2, 'Europe/Madrid')).toBe(30 * 60_000);
  });
});

