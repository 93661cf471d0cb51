// The kitchen-screen addresses a tablet on the restaurant network can open: one per IPv4 address
// of this PC (loopback and link-local left out), with the access token after #token=. The list of
// interfaces is injected (os.networkInterfaces in the app), so tests never depend on the machine.
import type { NetworkInterfaceInfo } from 'node:os';

export type NetworkInterfaces = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Any address the server listens on that another device could reach. */
export function isNetworkAddress(hostname: string): boolean {
  return !(hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '::1' || hostname.startsWith('127.'));
}

/** Where a listener on `hostname` (a network address) can be reached from the restaurant network. */
export function kitchenScreenUrls(hostname: string, port: number | null, token: string, interfaces: NetworkInterfaces): string[] {
  if (port === null) return [];
  const url = (address: string) => `http://${address.includes(':') ? `[${address}]` : address}:${port}/#token=${token}`;
  if (hostname !== '0.0.0.0' && hostname !== '::') return [url(hostname)];
  const addresses: string[] = [];
  for (const list of Object.values(interfaces())) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      if (!addresses.includes(info.address)) addresses.push(info.address);
    }
  }
  return addresses.map(url);
}
