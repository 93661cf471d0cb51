import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { UpdatePolicy, inQuietHours, localHour, CHECK_INTERVAL_MS } from '../../electron/shell/update-policy.ts';
import { Updater, type AppUpdaterLike } from '../../electron/shell/updater.ts';
import type { UpdateState } from '../../shared/update-state.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';

describe('update policy', () => {
  it('checks 30 s after start, then every 4 hours', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T12:00:00Z'));
    const policy = new UpdatePolicy({ clock, openOrders: () => 0, timeZone: () => 'UTC' });
    const check = vi.fn();
    policy.start({ check, install: vi.fn() });
    await clock.advance(29_999);
    expect(check).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(check).toHaveBeenCalledTimes(1);
    await clock.advance(CHECK_INTERVAL_MS - 1);
    expect(check).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(check).toHaveBeenCalledTimes(2);
    policy.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('never installs by itself while orders are open; does so in the quiet hours with an empty board', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T14:00:00Z'));
    let open = 2;
    const policy = new UpdatePolicy({ clock, openOrders: () => open, timeZone: () => 'UTC' });
    const install = vi.fn();
    policy.start({ check: vi.fn(), install });
    policy.updateDownloaded();
    // Afternoon service and through the night with orders open: nothing.
    await clock.advance(14 * 3600_000); // 04:00 next day, orders still open
    expect(install).not.toHaveBeenCalled();
    open = 0;
    await clock.advance(10 * 60_000); // 04:10, empty board, quiet hours
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('while WhatsApp is broken (never-ready, events-silent): checks at once and installs without the quiet hours, open orders or not', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T14:00:00Z'));
    let broken = false;
    const policy = new UpdatePolicy({ clock, openOrders: () => 3, timeZone: () => 'UTC', whatsappBroken: () => broken });
    const check = vi.fn();
    const install = vi.fn();
    policy.start({ check, install });
    await clock.advance(60_000);
    expect(check).toHaveBeenCalledTimes(1);
    policy.whatsappProblemsChanged();
    expect(check).toHaveBeenCalledTimes(1); // nothing broken: no extra check
    broken = true;
    policy.whatsappProblemsChanged();
    expect(check).toHaveBeenCalledTimes(2);
    policy.updateDownloaded();
    await clock.advance(0);
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('a release downloaded before WhatsApp broke is installed as soon as it breaks', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T14:00:00Z'));
    let broken = false;
    const policy = new UpdatePolicy({ clock, openOrders: () => 1, timeZone: () => 'UTC', whatsappBroken: () => broken });
    const install = vi.fn();
    policy.start({ check: vi.fn(), install });
    policy.updateDownloaded();
    await clock.advance(3600_000);
    expect(install).not.toHaveBeenCalled();
    broken = true;
    policy.whatsappProblemsChanged();
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('waits outside the quiet hours even with an empty board', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T05:00:00Z'));
    const policy = new UpdatePolicy({ clock, openOrders: () => 0, timeZone: () => 'UTC' });
    const install = vi.fn();
    policy.start({ check: vi.fn(), install });
    policy.updateDownloaded();
    await clock.advance(21 * 3600_000); // until 02:00
    expect(install).not.toHaveBeenCalled();
    await clock.advance(3600_000 + 10 * 60_000);
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('asks before a requested install when orders are open', () => {
    let open = 1;
    const policy = new UpdatePolicy({ clock: new FakeClock(), openOrders: () => open });
    expect(policy.installRequested()).toBe('confirm-open-orders');
    open = 0;
    expect(policy.installRequested()).toBe('install');
  });

  it('reads the local hour in the restaurant zone; quiet hours may span midnight', () => {
    const ms = Date.parse('2026-11-20T02:30:00Z');
    expect(localHour(ms, 'UTC')).toBe(2);
    expect(localHour(ms, 'Europe/Madrid')).toBe(3);
    expect(inQuietHours(3, { startHour: 3, endHour: 5 })).toBe(true);
    expect(inQuietHours(5, { startHour: 3, endHour: 5 })).toBe(false);
    expect(inQuietHours(23, { startHour: 22, endHour: 2 })).toBe(true);
    expect(inQuietHours(1, { startHour: 22, endHour: 2 })).toBe(true);
    expect(inQuietHours(12, { startHour: 22, endHour: 2 })).toBe(false);
  });
});

class FakeAppUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  allowDowngrade = true;
  logger: unknown = null;
  checks = 0;
  installs: unknown[][] = [];
  nextCheck: 'update' | 'none' | Error = 'none';
  async checkForUpdates() {
    this.checks++;
    this.emit('checking-for-update');
    if (this.nextCheck instanceof Error) throw this.nextCheck;
    if (this.nextCheck === 'none') this.emit('update-not-available', { version: '0.1.0' });
    else {
      this.emit('update-available', { version: '0.2.0' });
      this.emit('download-progress', { percent: 50 });
      this.emit('update-downloaded', { version: '0.2.0' });
    }
    return null;
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
  }
}

describe('updater over electron-updater', () => {
  const setup = (openOrders = 0, channel: 'stable' | 'beta' = 'stable') => {
    const clock = new FakeClock(Date.parse('2026-11-20T12:00:00Z'));
    const fake = new FakeAppUpdater();
    const states: UpdateState[] = [];
    const notified: [string, string][] = [];
    const confirm = vi.fn(async () => false);
    const beforeInstall = vi.fn();
    const updater = new Updater({
      updater: fake as unknown as AppUpdaterLike,
      policy: new UpdatePolicy({ clock, openOrders: () => openOrders, timeZone: () => 'UTC' }),
      logger: silentLogger,
      channel: () => channel,
      notify: (kind, detail) => notified.push([kind, detail]),
      confirmWithOpenOrders: confirm,
      beforeInstall,
      onState: (s) => states.push(s),
    });
    updater.start();
    return { clock, fake, updater, states, notified, confirm, beforeInstall };
  };

  it('downloads in the background, reports progress, and tells when ready', async () => {
    const { clock, fake, states, notified } = setup();
    expect(fake.autoDownload).toBe(true);
    fake.nextCheck = 'update';
    await clock.advance(30_000);
    expect(states.map((s) => s.phase)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(states[2]).toEqual({ phase: 'downloading', version: '0.2.0', percent: 50 });
    expect(notified).toEqual([['ready', '0.2.0']]);
    expect(fake.installs).toEqual([]);
  });

  it('with orders open, installs only after a yes', async () => {
    const { fake, updater, confirm, beforeInstall } = setup(3);
    fake.nextCheck = 'update';
    await updater.check(true);
    await updater.installRequested();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(fake.installs).toEqual([]);
    confirm.mockResolvedValueOnce(true);
    await updater.installRequested();
    expect(beforeInstall).toHaveBeenCalledTimes(1);
    expect(fake.installs).toEqual([[false, true]]);
  });

  it('uses prereleases on the beta channel; a failed check is shown, not thrown', async () => {
    const { fake, updater, notified, states } = setup(0, 'beta');
    fake.nextCheck = new Error('net::ERR_NAME_NOT_RESOLVED');
    await expect(updater.check(true)).resolves.toBeUndefined();
    expect(fake.allowPrerelease).toBe(true);
    expect(states.at(-1)).toEqual({ phase: 'error', error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(notified).toEqual([['error', 'net::ERR_NAME_NOT_RESOLVED']]);
    fake.nextCheck = 'none';
    await updater.check(true);
    expect(notified.at(-1)).toEqual(['up-to-date', '']);
    // An automatic check that finds nothing stays quiet.
    await updater.check(false);
    expect(notified).toHaveLength(2);
  });
});
