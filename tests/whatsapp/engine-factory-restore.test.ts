// The factory's pre-launch step: a missing (or quarantined) WhatsApp profile asks the cloud's
// backup for the session before the browser starts; a healthy profile never does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSystemClock } from '../../electron/host/clock.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { DEFAULT_SETTINGS, whatsappSettingsSchema } from '../../electron/host/settings.ts';
import { createEngineFactory, whatsappProfileDir } from '../../electron/whatsapp/engine-factory.ts';
import { waitFor } from '../support/api-client.ts';
import { createInProcessSpawn } from '../support/in-process-worker.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function engineWith(restoreProfile: () => Promise<boolean>, prepare?: (dataDir: string) => void) {
  const temp = makeTempDir();
  prepare?.(temp.dir);
  const spawn = createInProcessSpawn();
  const engine = createEngineFactory('whatsapp', {
    // Any existing file passes discovery; the fake client never launches it.
    settings: whatsappSettingsSchema.parse({ browserPath: process.execPath }),
    spawn: spawn.spawn,
    restoreProfile,
    processInfo: () => ({ alive: false }),
  })({ dataDir: temp.dir, settings: DEFAULT_SETTINGS, timezone: () => 'Europe/Madrid', clock: createSystemClock(), logger: silentLogger });
  cleanups.push(async () => {
    await engine.stop();
    temp.cleanup();
  });
  return { engine, spawn, dataDir: temp.dir };
}

describe('engine factory: session restore before the browser starts', () => {
  it('asks for the backup when there is no local profile, then launches', async () => {
    const restore = vi.fn(async () => true);
    const { engine, spawn } = engineWith(restore);
    await engine.start();
    await waitFor(async () => spawn.workers.length > 0 && spawn.latest().config !== undefined);
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('keeps going to linking when no backup could be restored (or restoring throws)', async () => {
    const restore = vi.fn(async (): Promise<boolean> => {
      throw new Error('no backup');
    });
    const { engine, spawn } = engineWith(restore);
    await engine.start();
    await waitFor(async () => spawn.workers.length > 0 && spawn.latest().config !== undefined);
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('never restores over a healthy local profile', async () => {
    const restore = vi.fn(async () => true);
    const { engine, spawn } = engineWith(restore, (dataDir) => {
      const profile = whatsappProfileDir(dataDir);
      mkdirSync(join(profile, 'Default'), { recursive: true });
      writeFileSync(join(profile, 'Default', 'Preferences'), '{}');
    });
    await engine.start();
    await waitFor(async () => spawn.workers.length > 0 && spawn.latest().config !== undefined);
    expect(restore).not.toHaveBeenCalled();
  });
});

describe('session alerts as the owner hears them from the cloud', () => {
  it('maps idle to inactivity, logout to unlinked, keeps routine memory restarts quiet, every other alarm is disconnected', async () => {
    const { cloudAlertKind } = await import('../../electron/cloud/host-cloud.ts');
    expect(cloudAlertKind({ kind: 'session-idle', message: '' })).toBe('inactivity');
    expect(cloudAlertKind({ kind: 'logged-out', message: '' })).toBe('unlinked');
    expect(cloudAlertKind({ kind: 'watchdog-gave-up', message: '' })).toBe('disconnected');
    expect(cloudAlertKind({ kind: 'browser-memory', message: '' })).toBeUndefined();
    expect(cloudAlertKind({ kind: 'keepalive-failed', message: '' })).toBe('disconnected');
  });
});
