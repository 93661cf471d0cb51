// Pure pieces of the linking screen and the health panel: what to show for a status, the pairing
// code and number, the health rows, and the QR matrix (decoded back with a QR reader).
import { describe, expect, it } from 'vitest';
import jsqr from 'jsqr';
import { UI_STRINGS } from '../../shared/i18n.ts';
import type { WhatsAppHealth } from '../../shared/kds-api.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { formatPairingCode, linkView, pairingPhone } from '../../renderer/src/state/linking.ts';
import { formatWhen, healthRows, missingBrowser } from '../../renderer/src/state/health.ts';
import { QR_QUIET_ZONE, qrMatrix } from '../../renderer/src/state/qr-matrix.ts';

const jsQR = jsqr as unknown as typeof jsqr.default;
const T0 = Date.parse('2026-11-20T12:00:00Z');
const status = (over: Partial<WhatsAppStatus>): WhatsAppStatus => ({ state: 'connected', since: new Date(T0).toISOString(), engine: 'whatsapp', ...over });

describe('linking view', () => {
  it('picks the QR, the pairing code, the expired state or logged-out from the status', () => {
    expect(linkView(null)).toBeNull();
    expect(linkView(status({}))).toBeNull();
    expect(linkView(status({ state: 'loading', percent: 10 }))).toBeNull();
    expect(linkView(status({ state: 'needs-link', qr: '2@abc' }))).toEqual({ kind: 'qr', qr: '2@abc' });
    // A pairing code asked for wins over a QR still around.
    expect(linkView(status({ state: 'needs-link', qr: '2@abc', pairingCode: 'ABCD1234' }))).toEqual({ kind: 'code', code: 'ABCD1234' });
    expect(linkView(status({ state: 'needs-link', error: 'QR expired' }))).toEqual({ kind: 'expired', message: 'QR expired' });
    expect(linkView(status({ state: 'needs-link' }))).toEqual({ kind: 'expired', message: undefined });
    expect(linkView(status({ state: 'logged-out', error: 'unlinked from the phone' }))).toEqual({ kind: 'logged-out', message: 'unlinked from the phone' });
  });

  it('formats the pairing code as the phone shows it and cleans the typed number', () => {
    expect(formatPairingCode('abcd1234')).toBe('ABCD-1234');
    expect(formatPairingCode('ABCD-1234')).toBe('ABCD-1234');
    expect(formatPairingCode('XYZ')).toBe('XYZ');
    expect(pairingPhone('+34 600 111 222')).toBe('34600111222');
    expect(pairingPhone('0034 600-111-222')).toBe('34600111222');
    expect(pairingPhone('(52) 55 1234 5678')).toBe('525512345678');
    expect(pairingPhone('600 11')).toBeNull();
    expect(pairingPhone('1234567890123456')).toBeNull();
    expect(pairingPhone('')).toBeNull();
  });
});

describe('health rows', () => {
  const es = UI_STRINGS.es;
  const en = UI_STRINGS.en;
  const base: WhatsAppHealth = { status: status({ since: new Date(T0 - 5 * 60_000).toISOString(), phone: '34911222333' }), reconnects: 1, restarts: 0, messagesIn: 12, messagesOut: 9, sendFailures: 0, catchUp: { recovered: 0 }, problems: [] };

  it('lists state, times and counters, and the browser for the real engine', () => {
    const rows = healthRows({ ...base, lastHeartbeatAt: new Date(T0 - 20_000).toISOString(), browserPath: '/usr/bin/chromium', browserMemoryMb: 380, webVersion: '2.3000.1' }, en, 'en', T0);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(rows.map((r) => r.id)).toEqual(['state', 'since', 'heartbeat', 'reconnects', 'restarts', 'in', 'out', 'failures', 'phone', 'browser', 'memory', 'web']);
    expect(byId.state).toMatchObject({ value: 'WhatsApp connected', warn: false });
    expect(byId.since!.value).toMatch(/· 5 min ago$/);
    expect(byId.heartbeat!.value).toMatch(/· just now$/);
    expect(byId.failures).toMatchObject({ value: '0', warn: false });
    expect(byId.phone!.value).toBe('+34911222333');
    expect(byId.browser).toMatchObject({ value: '/usr/bin/chromium', warn: false });
    expect(byId.memory!.value).toBe('380 MB');
    expect(byId.web!.value).toBe('2.3000.1');
  });

  it('flags what needs a look and says "not yet" for a heartbeat that never came', () => {
    const rows = healthRows({ ...base, status: status({ state: 'offline' }), sendFailures: 2 }, es, 'es', T0);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.state).toMatchObject({ value: 'Sin internet', warn: true });
    expect(byId.failures).toMatchObject({ value: '2', warn: true });
    expect(byId.heartbeat!.value).toBe('todavía no');
    expect(byId.browser).toMatchObject({ value: '—', warn: true });
  });

  it('has no browser rows for the simulator, and shows where discovery looked only when nothing was found', () => {
    const sim = { ...base, status: status({ engine: 'simulator', phone: 'simulator' }) };
    expect(healthRows(sim, es, 'es', T0).filter((r) => ['browser', 'memory', 'web', 'phone'].includes(r.id))).toEqual([{ id: 'browser', label: es.healthBrowser, value: es.healthSimulator }]);
    expect(missingBrowser(sim)).toBeNull();
    expect(missingBrowser({ ...base, browserSearched: ['/usr/bin/chromium', '/usr/bin/google-chrome'] })).toEqual(['/usr/bin/chromium', '/usr/bin/google-chrome']);
    expect(missingBrowser({ ...base, browserPath: '/usr/bin/chromium', browserSearched: ['/x'] })).toBeNull();
    expect(missingBrowser(base)).toBeNull();
  });

  it('writes times as clock and age, hours past two hours, the day for another day', () => {
    expect(formatWhen(undefined, T0, es, 'es')).toBe('todavía no');
    expect(formatWhen('garbage', T0, es, 'es')).toBe('todavía no');
    expect(formatWhen(new Date(T0 - 90 * 60_000).toISOString(), T0, es, 'es')).toMatch(/^\d{2}:\d{2} · hace 90 min$/);
    expect(formatWhen(new Date(T0 - 5 * 3600_000).toISOString(), T0, en, 'en')).toMatch(/^\d{2}:\d{2} · 5 h ago$/);
    expect(formatWhen(new Date(T0 - 3 * 24 * 3600_000).toISOString(), T0, en, 'en')).toMatch(/^17 Nov \d{2}:\d{2} · 72 h ago$/);
  });
});

/** Paints the matrix's path (runs of "Mx yhnv1h-nz") into a grayscale bitmap, `scale` pixels a module. */
function rasterize(payload: string, scale = 4): { data: Uint8ClampedArray; side: number } {
  const matrix = qrMatrix(payload)!;
  const modules = matrix.size + 2 * QR_QUIET_ZONE;
  const side = modules * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, n] of matrix.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < Number(n) * scale; dx++) {
        const at = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
  }
  return { data, side };
}

describe('QR matrix', () => {
  it('encodes a WhatsApp-sized payload that a QR reader reads back exactly', () => {
    const payload = `2@${'Ab3'.repeat(30)},${'x9Y'.repeat(14)}=,${'Qq7'.repeat(14)}=,${'Zz1'.repeat(14)}=`;
    const { data, side } = rasterize(payload);
    expect(jsQR(data, side, side)?.data).toBe(payload);
    const other = rasterize(payload.replace('2@', '2@X'));
    expect(jsQR(other.data, other.side, other.side)?.data).toBe(payload.replace('2@', '2@X'));
  });

  it('starts with the finder pattern in the corner, and refuses a payload too long for any QR', () => {
    const matrix = qrMatrix('hola')!;
    expect(matrix.size).toBe(21); // version 1
    expect(matrix.path.startsWith(`M${QR_QUIET_ZONE} ${QR_QUIET_ZONE}h7v1h-7z`)).toBe(true);
    expect(qrMatrix('x'.repeat(3000))).toBeNull();
  });
});
