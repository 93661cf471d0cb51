// The pure pieces: status per event, and how each disconnect reason / error is classified.
import { describe, expect, it } from 'vitest';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { classifyDisconnect, classifyError } from '../../electron/whatsapp/disconnect-reasons.ts';
import { nextStatus, TEXT } from '../../electron/whatsapp/status-mapping.ts';
import { toIncomingMessage } from '../../electron/whatsapp/incoming-mapping.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const at = (state: WhatsAppStatus['state'], extra: Partial<WhatsAppStatus> = {}): WhatsAppStatus => ({
  state,
  since: '2026-11-20T11:00:00.000Z',
  engine: 'whatsapp',
  ...extra,
});
const live = { ready: true };
const fresh = { ready: false };

describe('nextStatus', () => {
  it('maps each whatsapp-web.js event', () => {
    expect(nextStatus(at('starting'), { kind: 'wa', payload: { event: 'qr', qr: 'Q', count: 1 } }, fresh, NOW)).toMatchObject({ state: 'needs-link', qr: 'Q', since: '2026-11-20T12:00:00.000Z' });
    expect(nextStatus(at('needs-link'), { kind: 'wa', payload: { event: 'code', code: 'ABCD1234' } }, fresh, NOW)).toMatchObject({ state: 'needs-link', pairingCode: 'ABCD1234' });
    expect(nextStatus(at('needs-link'), { kind: 'wa', payload: { event: 'qr_cap_reached', count: 5 } }, fresh, NOW)).toEqual({ state: 'needs-link', since: '2026-11-20T12:00:00.000Z', engine: 'whatsapp', error: TEXT.qrCap });
    expect(nextStatus(at('needs-link'), { kind: 'wa', payload: { event: 'authenticated' } }, fresh, NOW)?.state).toBe('authenticating');
    expect(nextStatus(at('authenticating'), { kind: 'wa', payload: { event: 'loading_screen', percent: 33.4 } }, fresh, NOW)).toMatchObject({ state: 'loading', percent: 33 });
    expect(nextStatus(at('loading', { percent: 33 }), { kind: 'wa', payload: { event: 'loading_screen', percent: 33 } }, fresh, NOW)).toBeNull();
    expect(nextStatus(at('loading', { percent: 33 }), { kind: 'wa', payload: { event: 'loading_screen', percent: 80 } }, fresh, NOW)).toMatchObject({ percent: 80, since: '2026-11-20T11:00:00.000Z' });
    expect(nextStatus(at('loading'), { kind: 'wa', payload: { event: 'ready', phone: '346' } }, fresh, NOW)).toMatchObject({ state: 'connected', phone: '346' });
    expect(nextStatus(at('authenticating'), { kind: 'wa', payload: { event: 'auth_failure', message: 'x' } }, fresh, NOW)).toMatchObject({ state: 'logged-out', error: TEXT.authFailure });
    expect(nextStatus(at('connected', { phone: '346' }), { kind: 'wa', payload: { event: 'browser_gone' } }, live, NOW)).toMatchObject({ state: 'reconnecting', phone: '346', error: TEXT.browserGone });
  });

  it('socket states speak only once the session was ready', () => {
    const change = (state: string) => ({ kind: 'wa' as const, payload: { event: 'change_state' as const, state } });
    expect(nextStatus(at('needs-link'), change('OPENING'), fresh, NOW)).toBeNull();
    expect(nextStatus(at('connected'), change('TIMEOUT'), live, NOW)?.state).toBe('reconnecting');
    expect(nextStatus(at('reconnecting'), change('TIMEOUT'), live, NOW)).toBeNull();
    expect(nextStatus(at('reconnecting'), change('CONNECTED'), live, NOW)?.state).toBe('connected');
    expect(nextStatus(at('connected'), change('CONNECTED'), live, NOW)).toBeNull();
    expect(nextStatus(at('connected'), change('CONFLICT'), live, NOW)).toMatchObject({ state: 'reconnecting', error: TEXT.conflict });
    expect(nextStatus(at('connected'), change('UNPAIRED'), live, NOW)?.state).toBe('logged-out');
    expect(nextStatus(at('connected'), change('DEPRECATED_VERSION'), live, NOW)).toMatchObject({ state: 'reconnecting', error: TEXT.outdated });
  });

  it('disconnected reasons', () => {
    const gone = (reason: string) => nextStatus(at('connected'), { kind: 'wa', payload: { event: 'disconnected', reason } }, live, NOW);
    expect(gone('LOGOUT')).toMatchObject({ state: 'logged-out', error: TEXT.loggedOut });
    expect(gone('TOS_BLOCK')?.state).toBe('logged-out');
    expect(gone('BANNED')).toMatchObject({ state: 'logged-out', error: TEXT.banned });
    expect(gone('CONFLICT')?.state).toBe('reconnecting');
    expect(gone('NAVIGATION')?.state).toBe('reconnecting');
  });

  it('retries keep the state’s start time and show attempt and next try', () => {
    const next = nextStatus(at('offline'), { kind: 'retry', state: 'offline', attempt: 3, nextTryAt: NOW + 20_000, error: TEXT.offline }, fresh, NOW);
    expect(next).toEqual({ state: 'offline', since: '2026-11-20T11:00:00.000Z', engine: 'whatsapp', attempt: 3, nextTryAt: '2026-11-20T12:00:20.000Z', error: TEXT.offline });
    expect(nextStatus(at('connected'), { kind: 'retry', state: 'reconnecting', attempt: 1, nextTryAt: NOW + 1_000 }, live, NOW)?.since).toBe('2026-11-20T12:00:00.000Z');
  });

  it('a new worker keeps showing why it restarts', () => {
    expect(nextStatus(at('offline'), { kind: 'spawning' }, fresh, NOW)).toBeNull();
    expect(nextStatus(at('reconnecting'), { kind: 'spawning' }, fresh, NOW)).toBeNull();
    expect(nextStatus(at('starting'), { kind: 'spawning' }, fresh, NOW)).toBeNull();
    expect(nextStatus(at('needs-link'), { kind: 'spawning' }, fresh, NOW)?.state).toBe('starting');
  });
});

describe('classification', () => {
  it.each([
    ['LOGOUT', 'logged-out'],
    ['UNPAIRED', 'logged-out'],
    ['UNPAIRED_IDLE', 'logged-out'],
    ['TOS_BLOCK', 'logged-out'],
    ['SMB_TOS_BLOCK', 'logged-out'],
    ['CONFLICT', 'conflict'],
    ['TIMEOUT', 'recheck'],
    ['OPENING', 'recheck'],
    ['PAIRING', 'recheck'],
    ['DEPRECATED_VERSION', 'outdated'],
    ['PROXYBLOCK', 'offline'],
    ['NAVIGATION', 'restart-worker'],
  ])('disconnect %s -> %s', (reason, kind) => {
    expect(classifyDisconnect(reason)).toBe(kind);
  });

  it.each([
    ['Error: net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/', 'offline'],
    ['Error: net::ERR_INTERNET_DISCONNECTED at https://web.whatsapp.com/', 'offline'],
    ['TargetCloseError: Protocol error (Runtime.callFunctionOn): Target closed', 'restart-worker'],
    ['Error: Execution context was destroyed, most likely because of a navigation.', 'restart-worker'],
    ['TypeError: window.require is not a function', 'restart-worker'],
    ['Error: Attempted to use detached Frame', 'restart-worker'],
    ['auth timeout', 'restart-worker'],
    ['Error: Browser was not found at the configured executablePath (/nope)', 'browser-missing'],
    ['Error: spawn /opt/chrome ENOENT', 'browser-missing'],
    ['Error: Failed to launch the browser process! The profile appears to be in use', 'unknown'],
    ['Error: something else', 'unknown'],
  ])('error %s -> %s', (error, kind) => {
    expect(classifyError(error)).toBe(kind);
  });
});

describe('incoming mapping', () => {
  it('keeps WhatsApp’s facts for the host to filter: groups, status, broadcasts, own messages, lid senders', () => {
    const base = { id: { _serialized: 'x' }, body: 'hola', fromMe: false, timestamp: 1_700_000_000 };
    expect(toIncomingMessage({ ...base, from: 'status@broadcast', isStatus: true })).toMatchObject({ isStatus: true, isBroadcast: false });
    expect(toIncomingMessage({ ...base, from: '123@broadcast', broadcast: true })).toMatchObject({ isBroadcast: true, isStatus: false });
    expect(toIncomingMessage({ ...base, from: '34600111222@c.us', to: '34999@c.us', fromMe: true })).toMatchObject({ fromMe: true, chatId: '34999@c.us' });
    expect(toIncomingMessage({ ...base, from: '99887766@lid' }, '+34 600 111 222')).toMatchObject({ phone: '34600111222', chatId: '99887766@lid' });
    expect(toIncomingMessage({ ...base, from: '34600111222:12@c.us' }).phone).toBe('34600111222');
  });
});
