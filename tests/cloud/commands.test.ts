// Commands from the cloud: every type, invalid payloads, expiry, crash between claim and result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, getDoc, setDoc, Timestamp } from 'firebase/firestore';
import { CommandRunner, judgeCommand, type CommandHandlers } from '../../electron/cloud/commands.ts';
import { createSystemClock } from '../../electron/host/clock.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from '../support/firestore-emulator.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { openCloudDb, sdkClient, silentLogger, waitUntil } from './cloud-harness.ts';

let emulator: FirestoreEmulator;
beforeAll(async () => {
  emulator = await startFirestoreEmulator();
});
afterAll(() => emulator.stop());

function recordingHandlers(calls: string[], fail: string[] = []): CommandHandlers {
  const make = (name: string) => async (payload: unknown) => {
    calls.push(`${name}:${JSON.stringify(payload)}`);
    if (fail.includes(name)) throw new Error(`${name} broke`);
    return { ok: name };
  };
  return {
    send_message: make('send_message'),
    restart_session: make('restart_session'),
    logout: make('logout'),
    backup_now: make('backup_now'),
    refresh_status: make('refresh_status'),
  };
}

const future = () => Timestamp.fromMillis(Date.now() + 600_000);

describe('commands from the cloud', () => {
  it('judges payloads and expiry without a network', () => {
    const now = Date.now();
    expect(judgeCommand({ status: 'pending', type: 'send_message', payload: { to: '34600111222', body: 'hola' } }, now).kind).toBe('run');
    expect(judgeCommand({ status: 'pending', type: 'send_message', payload: { to: 'abc', body: 'x' } }, now)).toMatchObject({ outcome: 'rejected' });
    expect(judgeCommand({ status: 'pending', type: 'format_disk', payload: {} }, now)).toMatchObject({ outcome: 'rejected' });
    expect(judgeCommand({ status: 'pending', type: 'logout', payload: {}, expiresAt: Timestamp.fromMillis(now - 1) }, now)).toMatchObject({ outcome: 'expired' });
    expect(judgeCommand({ status: 'done', type: 'logout' }, now).kind).toBe('skip');
  });

  it('runs every type once and writes status and result; rejects, expires and fails with reasons', async () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const pc = sdkClient(emulator);
    const owner = sdkClient(emulator);
    const calls: string[] = [];
    const runner = new CommandRunner({
      db, firestore: pc.db, restaurantId: 'r1', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger,
      handlers: recordingHandlers(calls, ['logout']),
    });
    await runner.start();
    const base = { status: 'pending', expiresAt: future() };
    const commands: Record<string, Record<string, unknown>> = {
      c1: { ...base, type: 'send_message', payload: { to: '34600111222', body: 'Tu pedido está listo' } },
      c2: { ...base, type: 'restart_session', payload: {} },
      c3: { ...base, type: 'logout', payload: {} },
      c4: { ...base, type: 'backup_now', payload: {} },
      c5: { ...base, type: 'refresh_status', payload: {} },
      c6: { ...base, type: 'send_message', payload: { to: '34600111222' } },
      c7: { status: 'pending', type: 'refresh_status', payload: {}, expiresAt: Timestamp.fromMillis(Date.now() - 1000) },
    };
    for (const [id, data] of Object.entries(commands)) await setDoc(doc(owner.db, 'restaurants/r1/commands', id), data);
    const statusOf = async (id: string) => (await getDoc(doc(owner.db, 'restaurants/r1/commands', id))).data()!;
    await waitUntil(async () => (await Promise.all(Object.keys(commands).map(statusOf))).every((d) => d.status !== 'pending' && d.status !== 'running'));
    expect((await statusOf('c1')).status).toBe('done');
    expect((await statusOf('c1')).result).toEqual({ ok: 'send_message' });
    expect((await statusOf('c2')).status).toBe('done');
    expect((await statusOf('c3')).status).toBe('failed');
    expect((await statusOf('c3')).result).toEqual({ error: 'logout broke' });
    expect((await statusOf('c4')).status).toBe('done');
    expect((await statusOf('c5')).status).toBe('done');
    expect((await statusOf('c6')).status).toBe('rejected');
    expect(((await statusOf('c6')).result as { reason: string }).reason).toMatch(/invalid payload: body/);
    expect((await statusOf('c7')).status).toBe('expired');
    expect(calls.sort()).toEqual([
      'backup_now:{}', 'logout:{}', 'refresh_status:{}', 'restart_session:{}',
      'send_message:{"to":"34600111222","body":"Tu pedido está listo"}',
    ]);
    runner.stop();
    await pc.close();
    await owner.close();
    db.close();
    temp.cleanup();
  });

  it('handles a command written without status like a pending one, and leaves finished ones alone', async () => {
    const temp = makeTempDir();
    const db = openCloudDb(temp.dir);
    const pc = sdkClient(emulator);
    const owner = sdkClient(emulator);
    const calls: string[] = [];
    await setDoc(doc(owner.db, 'restaurants/r3/commands/old'), { status: 'done', type: 'refresh_status', payload: {}, result: { ok: 'earlier' } });
    const runner = new CommandRunner({
      db, firestore: pc.db, restaurantId: 'r3', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger, handlers: recordingHandlers(calls),
    });
    await runner.start();
    await setDoc(doc(owner.db, 'restaurants/r3/commands/bare'), { type: 'send_message', payload: { to: '34600111222', body: 'sin status' }, expiresAt: future() });
    await setDoc(doc(owner.db, 'restaurants/r3/commands/minimal'), { type: 'refresh_status' });
    const statusOf = async (id: string) => (await getDoc(doc(owner.db, 'restaurants/r3/commands', id))).data()!;
    await waitUntil(async () => (await statusOf('bare')).status === 'done' && (await statusOf('minimal')).status === 'done');
    await runner.idle();
    expect(calls.sort()).toEqual(['refresh_status:{}', 'send_message:{"to":"34600111222","body":"sin status"}']);
    expect(await statusOf('old')).toMatchObject({ status: 'done', result: { ok: 'earlier' } });
    runner.stop();
    await pc.close();
    await owner.close();
    db.close();
    temp.cleanup();
  });

  it('a crash between claim and result never runs the command twice', async () => {
    const temp = makeTempDir();
    const owner = sdkClient(emulator);
    await setDoc(doc(owner.db, 'restaurants/r2/commands/x'), { status: 'pending', type: 'send_message', payload: { to: '34600111222', body: 'hola' }, expiresAt: future() });
    // First run: the handler never returns (the process dies mid-command).
    const db1 = openCloudDb(temp.dir);
    const pc1 = sdkClient(emulator);
    const calls: string[] = [];
    const hanging = recordingHandlers(calls);
    hanging.send_message = async (payload) => {
      calls.push(`send_message:${JSON.stringify(payload)}`);
      return new Promise(() => {});
    };
    const runner1 = new CommandRunner({ db: db1, firestore: pc1.db, restaurantId: 'r2', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger, handlers: hanging });
    await runner1.start();
    await waitUntil(() => calls.length === 1);
    expect((await getDoc(doc(owner.db, 'restaurants/r2/commands/x'))).data()!.status).toBe('running');
    runner1.stop();
    await pc1.close();
    db1.close();
    // Restart.
    const db2 = openCloudDb(temp.dir);
    const pc2 = sdkClient(emulator);
    const runner2 = new CommandRunner({ db: db2, firestore: pc2.db, restaurantId: 'r2', deviceId: 'pc1', clock: createSystemClock(), logger: silentLogger, handlers: recordingHandlers(calls) });
    await runner2.start();
    await waitUntil(async () => (await getDoc(doc(owner.db, 'restaurants/r2/commands/x'))).data()!.status === 'failed');
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toHaveLength(1);
    expect((await getDoc(doc(owner.db, 'restaurants/r2/commands/x'))).data()!.result).toEqual({ error: 'interrupted by a restart of the PC; not run again' });
    runner2.stop();
    await pc2.close();
    await owner.close();
    db2.close();
    temp.cleanup();
  });
});
