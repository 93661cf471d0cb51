// Picks the transport at startup: the Electron bridge when the preload put one on window, else
// the host's HTTP API with the access token from the address or storage.
import { createKdsClient, type KdsClient } from './kds-client.ts';
import { bridgeFrom, createIpcTransport } from './ipc-transport.ts';
import { createHttpTransport } from './http-transport.ts';
import { takeAccessToken } from './access-token.ts';

export type ApiChoice = { kind: 'ready'; api: KdsClient; transport: 'ipc' | 'http' } | { kind: 'needs-token' };

export function chooseApi(win: Window, onUnauthorized: () => void): ApiChoice {
  const bridge = bridgeFrom(win);
  if (bridge) return { kind: 'ready', api: createKdsClient(createIpcTransport(bridge)), transport: 'ipc' };
  const token = takeAccessToken(win);
  if (!token) return { kind: 'needs-token' };
  const base = new URL('./', win.location.href).href;
  return { kind: 'ready', api: createKdsClient(createHttpTransport({ base, token, onUnauthorized })), transport: 'http' };
}
