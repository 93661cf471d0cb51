// Who is calling the host. The transports (the HTTP server, the Electron IPC bridge) run every call
// inside runAsCaller with the owner token the screen presented (or none), and KdsService checks it
// on owner operations. Code outside any caller scope is the PC itself acting — the desktop app's
// tray ("Link a phone", "Reconnect"), reconnecting after sleep, an authenticated cloud command —
// and passes, like the PIN reset that is only reachable from the PC. A transport must therefore
// always call through runAsCaller; both do, and their tests check a 403 without the token.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Caller {
  /** X-Owner-Token (HTTP) or the IPC envelope's ownerToken. */
  ownerToken?: string | undefined;
  /** The PC itself: owner checks pass. Never set from a transport. */
  trusted?: boolean;
}

const storage = new AsyncLocalStorage<Caller>();
const HOST: Caller = { trusted: true };

/** A call that came over a transport: owner operations need its owner token once a PIN exists. */
export function runAsCaller<T>(caller: Caller, fn: () => T): T {
  return storage.run({ ownerToken: caller.ownerToken }, fn);
}

/** Host code acting for the owner inside a caller's scope (spelled out where it matters). */
export function runAsHost<T>(fn: () => T): T {
  return storage.run(HOST, fn);
}

export function currentCaller(): Caller {
  return storage.getStore() ?? HOST;
}
