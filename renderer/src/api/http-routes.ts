// Which HTTP request each KdsApi method is, on the host's own server. Pure.
import type { KdsMethod, ListOrdersQuery } from '../../../shared/kds-api.ts';

export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** Relative to the page's base, without a leading slash ("api/snapshot"). */
  path: string;
  body?: unknown;
}

const seg = (value: unknown) => encodeURIComponent(String(value));
const dateQuery = (date: unknown) => (typeof date === 'string' && date ? `?date=${seg(date)}` : '');

export function httpRoute(method: KdsMethod, args: readonly unknown[]): HttpRoute {
  switch (method) {
    case 'getSnapshot':
      return { method: 'GET', path: 'api/snapshot' };
    case 'listOrders': {
      const q = (args[0] ?? {}) as ListOrdersQuery;
      const params = new URLSearchParams();
      if (q.status?.length) params.set('status', q.status.join(','));
      if (q.since) params.set('since', q.since);
      if (q.search) params.set('search', q.search);
      if (q.phone) params.set('phone', q.phone);
      const qs = params.toString();
      return { method: 'GET', path: `api/orders${qs ? `?${qs}` : ''}` };
    }
    case 'transition':
      return { method: 'POST', path: `api/orders/${seg(args[0])}/transition`, body: args[1] ?? {} };
    case 'undo':
      return { method: 'POST', path: `api/orders/${seg(args[0])}/undo` };
    case 'acknowledge':
      return { method: 'POST', path: `api/orders/${seg(args[0])}/acknowledge` };
    case 'releaseHandoff':
      return { method: 'POST', path: `api/handoffs/${seg(args[0])}/release` };
    case 'getMedia':
      return { method: 'GET', path: mediaPath(String(args[0])) };
    case 'simSend':
      return { method: 'POST', path: 'api/sim/incoming', body: args[0] };
    case 'simConversation':
      return { method: 'GET', path: `api/sim/conversation?phone=${seg(args[0])}` };
    case 'getHealth':
      return { method: 'GET', path: 'api/whatsapp/health' };
    case 'linkWhatsApp':
      return { method: 'POST', path: 'api/whatsapp/link', body: args[0] ?? {} };
    case 'unlinkWhatsApp':
      return { method: 'POST', path: 'api/whatsapp/unlink' };
    case 'reconnectWhatsApp':
      return { method: 'POST', path: 'api/whatsapp/reconnect' };
    case 'exportDiagnostics':
      return { method: 'POST', path: 'api/diagnostics' };
    case 'getCloudStatus':
      return { method: 'GET', path: 'api/cloud' };
    case 'takeOverSession':
      return { method: 'POST', path: 'api/cloud/take-over' };
    case 'acknowledgeRecoveryCode':
      return { method: 'POST', path: 'api/cloud/recovery-code/acknowledge' };
    case 'enterRecoveryCode':
      return { method: 'POST', path: 'api/cloud/recovery-code', body: { code: args[0] } };
    case 'getMenu':
      return { method: 'GET', path: 'api/menu' };
    case 'saveMenu':
      return { method: 'PUT', path: 'api/menu', body: args[0] };
    case 'setItemAvailability':
      return { method: 'POST', path: `api/menu/items/${seg(args[0])}/availability`, body: { available: args[1] } };
    case 'pauseOrders':
      return { method: 'POST', path: 'api/orders/pause', body: args[0] ?? {} };
    case 'resumeOrders':
      return { method: 'POST', path: 'api/orders/resume' };
    case 'getSettings':
      return { method: 'GET', path: 'api/settings' };
    case 'updateSettings':
      return { method: 'PUT', path: 'api/settings', body: args[0] ?? {} };
    case 'getOwnerStatus':
      return { method: 'GET', path: 'api/owner' };
    case 'setOwnerPin':
      return { method: 'PUT', path: 'api/owner/pin', body: args[0] };
    case 'unlockOwner':
      return { method: 'POST', path: 'api/owner/unlock', body: { pin: args[0] } };
    case 'getSetup':
      return { method: 'GET', path: 'api/setup' };
    case 'updateSetup':
      return { method: 'PUT', path: 'api/setup', body: args[0] ?? {} };
    case 'getEngine':
      return { method: 'GET', path: 'api/device/engine' };
    case 'setEngine':
      return { method: 'PUT', path: 'api/device/engine', body: { kind: args[0] } };
    case 'getNetworkAccess':
      return { method: 'GET', path: 'api/device/network' };
    case 'setNetworkAccess':
      return { method: 'PUT', path: 'api/device/network', body: { enabled: args[0] } };
    case 'rotateAccessToken':
      return { method: 'POST', path: 'api/device/network/rotate-token' };
    case 'cloudSignIn':
      return { method: 'POST', path: 'api/cloud/sign-in', body: args[0] };
    case 'cloudSignOut':
      return { method: 'POST', path: 'api/cloud/sign-out' };
    case 'printOrder':
      return { method: 'POST', path: `api/orders/${seg(args[0])}/print`, body: { copy: args[1] } };
    case 'testPrinter':
      return { method: 'POST', path: 'api/printing/test', body: { printerId: args[0] } };
    case 'getPrintingStatus':
      return { method: 'GET', path: 'api/printing' };
    case 'listSystemPrinters':
      return { method: 'GET', path: 'api/printing/system-printers' };
    case 'getDayReport':
      return { method: 'GET', path: `api/reports/day${dateQuery(args[0])}` };
    case 'getDayReportCsv':
      return { method: 'GET', path: `api/reports/day.csv${dateQuery(args[0])}` };
    case 'printDayReport':
      return { method: 'POST', path: `api/reports/day/print${dateQuery(args[0])}` };
  }
}

/** The HTTP answer's body for methods whose contract returns something else (unwrapped by the client). */
export function unwrapHttpResult(method: KdsMethod, body: unknown): unknown {
  if (method === 'getEngine' || method === 'setEngine') return (body as { kind?: unknown } | undefined)?.kind;
  if (method === 'cloudSignIn' || method === 'cloudSignOut') return undefined;
  return body;
}

/** A customer's voice note or photo on the host (GET with the access token; JSON when asked for it). */
export function mediaPath(id: string): string {
  return `api/media/${seg(id)}`;
}

/** Where a diagnostics zip the host wrote is downloaded from (HTTP screens on another PC). */
export function diagnosticsDownloadPath(fileName: string): string {
  return `api/diagnostics/${seg(fileName)}`;
}

/** Reconnect delays: 0.5 s doubling to 10 s, with a little jitter so screens do not stampede. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.85 + 0.3 * random()));
}
