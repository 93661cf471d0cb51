// Who is calling the host: the transports (HTTP server, Electron IPC bridge) run every call inside
// runAsCaller with the owner token the screen presented, and KdsService checks it on owner
// operations. Code outside any caller scope is treated as a caller without an owner token; host
// code acting on the owner's behalf (an authenticated cloud command) uses runAsHost.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Caller {
  /** X-Owner-Token (HTTP) or the IPC envelope's ownerToken. */
  ownerToken?: string | undefined;
  /** The host itself (cloud commands): owner checks pass. Never set from a transport. */
  trusted?: boolean;
}

const storage = new AsyncLocalStorage<Caller>();
const ANONYMOUS: Caller = {};

export function runAsCaller<T>(caller: Caller, fn: () => T): T {
  return storage.run({ ownerToken: caller.ownerToken }, fn);
}

export function runAsHost<T>(fn: () => T): T {
  return storage.run({ trusted: true }, fn);
}

export function currentCaller(): Caller {
  return storage.getStore() ?? ANONYMOUS;
}
