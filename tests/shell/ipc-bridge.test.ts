import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL, forwardEvents, serveKdsApiOverIpc, trustedSenderCheck } from '../../electron/shell/ipc-bridge.ts';
import { KdsError, type KdsApi, type KdsEvent } from '../../shared/kds-api.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

function fakeApi(): KdsApi & { listeners: Set<(e: KdsEvent) => void> } {
  const listeners = new Set<(e: KdsEvent) => void>();
  return {
    listeners,
    getSnapshot: vi.fn(),
    listOrders: vi.fn(async () => []),
    transition: vi.fn(async (id: string) => {
      if (id === 'missing') throw new KdsError('not_found', 'no order with id missing');
      return { id } as never;
    }),
    undo: vi.fn(),
    acknowledge: vi.fn(),
    releaseHandoff: vi.fn(),
    simSend: vi.fn(),
    simConversation: vi.fn(),
    subscribe: (l: (e: KdsEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as never;
}

describe('KdsApi over Electron IPC', () => {
  const ownContents = { mainFrame: { url: 'file:///app/dist/renderer/index.html' } } as never as Electron.WebContents;
  const trusted = { sender: ownContents, senderFrame: (ownContents as unknown as { mainFrame: unknown }).mainFrame };

  const setup = () => {
    const ipc = fakeIpcMain();
    const api = fakeApi();
    const stop = serveKdsApiOverIpc({ ipcMain: ipc as never, api, isTrustedSender: trustedSenderCheck(() => ownContents, 'file:///app/dist/renderer/') });
    return { ipc, api, stop, call: (event: unknown, ...args: unknown[]) => ipc.handlers.get(INVOKE_CHANNEL)!(event, ...args) };
  };

  it('forwards a valid call with validated arguments', async () => {
    const { api, call } = setup();
    await call(trusted, 'transition', ['o1', { to: 'accepted', etaMinutes: 20 }]);
    expect(api.transition).toHaveBeenCalledWith('o1', { to: 'accepted', etaMinutes: 20 });
  });

  it('refuses unknown methods, bad arguments and strangers, with the error code in the message', async () => {
    const { api, call } = setup();
    await expect(call(trusted, 'dropDatabase', [])).rejects.toThrow(/^bad_request: unknown method/);
    await expect(call(trusted, 'transition', ['o1', { to: 'flying' }])).rejects.toThrow(/^bad_request:/);
    await expect(call(trusted, 'transition', ['missing', { to: 'accepted' }])).rejects.toThrow('not_found: no order with id missing');
    const otherFrame = { sender: ownContents, senderFrame: { url: 'https://evil.example/' } };
    await expect(call(otherFrame, 'listOrders', [])).rejects.toThrow(/^unauthorized:/);
    await expect(call({ sender: {}, senderFrame: trusted.senderFrame }, 'listOrders', [])).rejects.toThrow(/^unauthorized:/);
    expect(api.listOrders).not.toHaveBeenCalled();
  });

  it('stops serving when asked', () => {
    const { ipc, stop } = setup();
    stop();
    expect(ipc.handlers.has(INVOKE_CHANNEL)).toBe(false);
  });

  it('forwards events to the window until it is destroyed', () => {
    const api = fakeApi();
    const sent: unknown[] = [];
    let onDestroyed: () => void = () => undefined;
    let destroyed = false;
    forwardEvents(api, { send: (channel: string, e: unknown) => sent.push([channel, e]), isDestroyed: () => destroyed, once: ((_: string, fn: () => void) => (onDestroyed = fn)) as never });
    const event: KdsEvent = { type: 'handoffs', handoffs: [] };
    for (const l of api.listeners) l(event);
    expect(sent).toEqual([[EVENT_CHANNEL, event]]);
    destroyed = true;
    onDestroyed();
    expect(api.listeners.size).toBe(0);
  });
});
