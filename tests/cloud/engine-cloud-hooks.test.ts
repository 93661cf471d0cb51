// The real engine's questions to the cloud: who holds the session lease, and restoring the session
// backup only while this PC holds it (a second PC must never clone a restaurant's WhatsApp).
import { describe, expect, it, vi } from 'vitest';
import type { CloudState, CloudSync } from '../../electron/cloud/create-cloud-sync.ts';
import { engineCloudHooks } from '../../electron/cloud/host-cloud.ts';

function fakeCloud(state: CloudState, restored = true) {
  const restoreSession = vi.fn(async () => (restored ? { restored: { id: 'b1' }, refused: [] } : { refused: ['none'] }));
  const backupNow = vi.fn(async () => undefined);
  return { cloud: { state: () => state, restoreSession, backupNow } as unknown as CloudSync, restoreSession, backupNow };
}

const running = (held: boolean): CloudState =>
  held
    ? { state: 'running', restaurantId: 'r', lease: { held: true } }
    : { state: 'running', restaurantId: 'r', lease: { held: false, holder: { deviceId: 'other', deviceName: 'Caja', renewedAt: 0, expiresAt: 1 } } };

describe('engineCloudHooks', () => {
  it('acts alone without a cloud, or while the cloud is not running', async () => {
    const none = engineCloudHooks(() => undefined);
    expect(none.holdsLease()).toBe(true);
    expect(await none.restoreProfile()).toBe(false);
    const { cloud, restoreSession } = fakeCloud({ state: 'signing-in' });
    const hooks = engineCloudHooks(() => cloud);
    expect(hooks.holdsLease()).toBe(true);
    expect(await hooks.restoreProfile()).toBe(false);
    expect(restoreSession).not.toHaveBeenCalled();
  });

  it('restores the backup only while holding the lease', async () => {
    const held = fakeCloud(running(true));
    expect(engineCloudHooks(() => held.cloud).holdsLease()).toBe(true);
    expect(await engineCloudHooks(() => held.cloud).restoreProfile()).toBe(true);
    const elsewhere = fakeCloud(running(false));
    expect(engineCloudHooks(() => elsewhere.cloud).holdsLease()).toBe(false);
    expect(await engineCloudHooks(() => elsewhere.cloud).restoreProfile()).toBe(false);
    expect(elsewhere.restoreSession).not.toHaveBeenCalled();
  });

  it('says false when no backup could be restored', async () => {
    const empty = fakeCloud(running(true), false);
    expect(await engineCloudHooks(() => empty.cloud).restoreProfile()).toBe(false);
  });

  it('backs the session up during a planned restart, only while the cloud runs', async () => {
    const live = fakeCloud(running(true));
    await engineCloudHooks(() => live.cloud).whilePlannedStop();
    expect(live.backupNow).toHaveBeenCalledTimes(1);
    const signingIn = fakeCloud({ state: 'signing-in' });
    await engineCloudHooks(() => signingIn.cloud).whilePlannedStop();
    expect(signingIn.backupNow).not.toHaveBeenCalled();
    await engineCloudHooks(() => undefined).whilePlannedStop();
  });
});
