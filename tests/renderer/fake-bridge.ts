// Loaded by a plain <script> before the app (see static-server.ts): puts an in-memory KdsApi on
// window.comanda, the way Electron's preload does, so the real build runs with no host.
//   ?scene=demo (default) | many | empty     ?wa=<state> starts WhatsApp in that state
//   ?setup=fresh opens the welcome flow     ?pin=NNNN gives the owner a PIN
//   ?transport=http leaves window.comanda undefined (the app then uses HTTP / the token screen)
//   ?update=none leaves out onUpdate (a browser-only or older preload); otherwise the page test
//   sends the app's update progress with window.__fakeUpdate(state), as the shell's updater would
import type { KdsMethod } from '../../shared/kds-api.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';
import { FakeKdsApi, type FakeSeed } from './fake-kds-api.ts';
import { demoSeed, manySeed } from './fixtures.ts';

declare global {
  interface Window {
    __fake?: FakeKdsApi;
    __fakeSeed?: FakeSeed;
    __fakeUpdate?: (state: unknown) => void;
  }
}

const params = new URLSearchParams(window.location.search);
if (params.get('transport') !== 'http') {
  const now = Date.now();
  const scene = params.get('scene') ?? 'demo';
  const seed: FakeSeed = window.__fakeSeed ?? (scene === 'many' ? manySeed(now, Number(params.get('count') ?? 150)) : scene === 'empty' ? {} : demoSeed(now));
  // ?setup=fresh: a fresh install (the welcome flow); ?pin=1234: an owner PIN exists.
  if (params.get('setup') === 'fresh') seed.setup = { completed: false, done: [] };
  const pin = params.get('pin');
  if (pin) seed.pin = pin;
  const api = new FakeKdsApi(seed);
  const wa = params.get('wa') as WhatsAppState | null;
  if (wa) api.whatsapp = { ...api.whatsapp, state: wa };
  window.__fake = api;
  const bridge: Record<string, unknown> = {
    invoke: (method: KdsMethod, ...args: unknown[]) => (api[method] as (...a: unknown[]) => Promise<unknown>)(...args),
    // Like the preload's envelope: the owner token rides beside the call, and the fake checks it as the host does.
    invokeWith: (envelope: { ownerToken?: string }, method: KdsMethod, ...args: unknown[]) => {
      api.callerToken = envelope.ownerToken;
      try {
        return (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        api.callerToken = undefined;
      }
    },
    onEvent: (listener: Parameters<FakeKdsApi['subscribe']>[0]) => api.subscribe(listener),
  };
  if (params.get('update') !== 'none') {
    const updateListeners = new Set<(state: unknown) => void>();
    // Sent as is, like the IPC channel: the page must check what it gets.
    window.__fakeUpdate = (state) => updateListeners.forEach((listener) => listener(state));
    bridge.onUpdate = (listener: (state: unknown) => void) => {
      updateListeners.add(listener);
      return () => void updateListeners.delete(listener);
    };
  }
  Object.defineProperty(window, 'comanda', { value: Object.freeze(bridge) });
}
