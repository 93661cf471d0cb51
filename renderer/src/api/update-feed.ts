// The desktop app's update progress, from the Electron bridge's onUpdate. Subscribed once at
// startup (main.tsx) and kept here, because the shell sends the current state once when the page
// has loaded, which can be before React has mounted anything to listen.
import { readUpdateState, type UpdateState } from '../../../shared/update-state.ts';
import { bridgeFrom } from './ipc-transport.ts';

export interface UpdateFeed {
  /** The latest good state; the same object until a new one arrives (useSyncExternalStore). */
  current(): UpdateState;
  /** Called after every new state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  close(): void;
}

type OnUpdate = (listener: (payload: unknown) => void) => () => void;

const IDLE: UpdateState = { phase: 'idle' };

/** The feed when the page runs in the desktop app with an update-aware preload; else undefined. */
export function updateFeedFrom(win: unknown, warn: (message: string) => void = (m) => console.warn(m)): UpdateFeed | undefined {
  const bridge = bridgeFrom(win);
  const onUpdate = bridge?.onUpdate;
  if (!bridge || typeof onUpdate !== 'function') return undefined;
  return createUpdateFeed((listener) => onUpdate.call(bridge, listener), warn);
}

export function createUpdateFeed(onUpdate: OnUpdate, warn: (message: string) => void): UpdateFeed {
  let state = IDLE;
  const listeners = new Set<() => void>();
  const unsubscribe = onUpdate((payload) => {
    try {
      state = readUpdateState(payload);
    } catch (error) {
      // A malformed message changes nothing on screen: the last good state stays.
      warn(`comanda: ignored update state: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const listener of [...listeners]) listener();
  });
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      listeners.clear();
      unsubscribe();
    },
  };
}
