// The owner guard over Electron IPC: the same host check as the HTTP header, with the owner token
// in the call's envelope (preload invokeWith), and the renderer's IPC transport sending it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, serveKdsApiOverIpc } from '../../electron/shell/ipc-bridge.ts';
import { createIpcTransport, type ComandaBridge } from '../../renderer/src/api/ipc-transport.ts';
import { createKdsClient } from '../../renderer/src/api/kds-client.ts';
import { KdsError, type KdsMethod } from '../../shared/kds-api.ts';
import { testHost, type TestHost } from '../host/owner-support.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

describe('owner operations over IPC', () => {
  let t: TestHost;
  let handler: Handler;
  beforeEach(async () => {
    t = testHost();
    await t.start();
    const handlers = new Map<string, Handler>();
    serveKdsApiOverIpc({
      ipcMain: { handle: (channel, fn) => handlers.set(channel, fn as Handler), removeHandler: (channel) => handlers.delete(channel) },
      api: t.host.service,
      isTrustedSender: () => true,
    });
    handler = handlers.get(INVOKE_CHANNEL)!;
  });
  afterEach(async () => t.cleanup());

  /** What the preload does: invoke(method, args) and invokeWith(envelope, method, args). */
  const bridge: ComandaBridge = {
    invoke: (method: KdsMethod, ...args: unknown[]) => handler({}, method, args),
    invokeWith: (envelope, method: KdsMethod, ...args: unknown[]) => handler({}, method, args, envelope),
    onEvent: () => () => undefined,
  };

  it('refuses owner calls without the envelope token once a PIN exists, and the client keeps the token after unlocking', async () => {
    const client = createKdsClient(createIpcTransport(bridge));
    await client.setOwnerPin({ pin: '1234' });
    await expect(handler({}, 'updateSettings', [{ undoSeconds: 3 }])).rejects.toThrow(/^forbidden: the owner PIN is needed/);
    const refused = await client.updateSettings({ undoSeconds: 3 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KdsError);
    expect((refused as KdsError).code).toBe('forbidden');
    // The kitchen's own work needs no PIN.
    expect(await client.setItemAvailability('clasica', false)).toMatchObject({ available: false });

    expect(client.isOwnerUnlocked()).toBe(false);
    await client.unlockOwner('1234');
    expect(client.isOwnerUnlocked()).toBe(true);
    expect((await client.updateSettings({ undoSeconds: 3 })).undoSeconds).toBe(3);
    client.lockOwner();
    await expect(client.updateSettings({ undoSeconds: 4 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('carries the wait of a 429 across IPC', async () => {
    const client = createKdsClient(createIpcTransport(bridge));
    await client.setOwnerPin({ pin: '1234' });
    for (let i = 0; i < 3; i++) await client.unlockOwner('0000').catch(() => undefined);
    await expect(client.unlockOwner('1234')).rejects.toMatchObject({ code: 'too_many_requests', retryAfterSeconds: 30 });
    await expect(handler({}, 'getMenu', [], { ownerToken: 42 })).rejects.toThrow(/^bad_request: malformed call envelope/);
  });

  it('forgets a token the host stopped taking (expired): the next owner call asks for the PIN again', async () => {
    const client = createKdsClient(createIpcTransport(bridge));
    await client.setOwnerPin({ pin: '1234' });
    await client.unlockOwner('1234');
    await t.clock.advance(16 * 60_000);
    await expect(client.updateSettings({ undoSeconds: 4 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(client.isOwnerUnlocked()).toBe(false);
  });
});
