// One shared 1-second clock for every timer on screen: components subscribe, nothing else ticks.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let handle: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!handle) {
    now = Date.now();
    handle = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && handle) {
      clearInterval(handle);
      handle = undefined;
    }
  };
}

const read = () => now;

/** The current time, updated once a second for everyone at the same moment. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, read, read);
}

/** How many timers are ticking (for tests and benchmarks). */
export function tickerListeners(): number {
  return listeners.size;
}
