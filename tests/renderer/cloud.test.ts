// The cloud on the kitchen screen, without a browser: the routes and transports carry it, the
// screen's rules say when to show it and in which words, and the fake host behaves like the real one.
import { describe, expect, it } from 'vitest';
import { CLOUD_SIGN_IN_PROBLEMS, type CloudStatus, type KdsEvent, type KdsMethod } from '../../shared/kds-api.ts';
import { UI_STRINGS } from '../../shared/i18n.ts';
import { httpRoute } from '../../renderer/src/api/http-routes.ts';
import { createHttpTransport } from '../../renderer/src/api/http-transport.ts';
import { createIpcTransport } from '../../renderer/src/api/ipc-transport.ts';
import { createKdsClient } from '../../renderer/src/api/kds-client.ts';
import { cloudShown, leaseView, signInText } from '../../renderer/src/state/cloud.ts';
import { FakeKdsApi } from './fake-kds-api.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const es = UI_STRINGS.es;
const en = UI_STRINGS.en;
const running = (lease: CloudStatus['lease']): CloudStatus => ({ state: 'running', restaurantId: 'bar-luis', lease });

describe('cloud routes and transports', () => {
  it('maps the three cloud calls to the host API', () => {
    expect(httpRoute('getCloudStatus', [])).toEqual({ method: 'GET', path: 'api/cloud' });
    expect(httpRoute('takeOverSession', [])).toEqual({ method: 'POST', path: 'api/cloud/take-over' });
    expect(httpRoute('acknowledgeRecoveryCode', [])).toEqual({ method: 'POST', path: 'api/cloud/recovery-code/acknowledge' });
  });

  it('a 409 from the host arrives as a conflict the screen can show', async () => {
    const transport = createHttpTransport({
      base: 'http://kitchen:4747/',
      token: 'tok',
      onUnauthorized: () => undefined,
      fetch: (async () =>
        new Response(JSON.stringify({ error: { code: 'conflict', message: 'the cloud is not set up on this PC' } }), { status: 409 })) as unknown as typeof fetch,
    });
    await expect(createKdsClient(transport).takeOverSession()).rejects.toMatchObject({ code: 'conflict', message: 'the cloud is not set up on this PC' });
  });

  it('cloud events pass through the WebSocket and the Electron bridge like any other', () => {
    const sockets: { onmessage: ((m: { data: string }) => void) | null }[] = [];
    class Socket {
      onopen = null;
      onclose = null;
      onmessage: ((m: { data: string }) => void) | null = null;
      constructor() {
        sockets.push(this);
      }
      close() {}
    }
    const http = createHttpTransport({
      base: 'http://kitchen:4747/',
      token: 'tok',
      onUnauthorized: () => undefined,
      WebSocket: Socket as unknown as new (url: string) => WebSocket,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    const seen: KdsEvent[] = [];
    http.subscribe((e) => seen.push(e));
    const event: KdsEvent = { type: 'cloud', status: running({ held: true }) };
    sockets[0]!.onmessage?.({ data: JSON.stringify(event) });
    expect(seen).toEqual([event]);

    let push: ((e: KdsEvent) => void) | undefined;
    const ipc = createIpcTransport({
      invoke: async (method: KdsMethod) => (method === 'getCloudStatus' ? { state: 'off' } : undefined),
      onEvent: (listener) => {
        push = listener;
        return () => undefined;
      },
    });
    const viaIpc: KdsEvent[] = [];
    ipc.subscribe((e) => viaIpc.push(e));
    push!(event);
    expect(viaIpc).toEqual([event]);
  });
});

describe('what the screen shows of the cloud', () => {
  it('nothing at all while the cloud is off or unknown', () => {
    expect(cloudShown(null)).toBe(false);
    expect(cloudShown({ state: 'off' })).toBe(false);
    expect(cloudShown({ state: 'signing-in' })).toBe(true);
    expect(cloudShown({ state: 'sign-in-failed', error: 'x' })).toBe(true);
  });

  it('says every sign-in problem in Spanish and English, and the host\'s words when it names none', () => {
    for (const problem of CLOUD_SIGN_IN_PROBLEMS) {
      expect(es.cloudSignIn[problem], problem).toMatch(/\S/);
      expect(en.cloudSignIn[problem], problem).toMatch(/\S/);
      expect(es.cloudSignIn[problem]).not.toBe(en.cloudSignIn[problem]);
    }
    expect(signInText({ state: 'sign-in-failed', error: 'The e-mail or the password is not right.', problem: 'wrong-password' }, es)).toMatch(/contraseña no son correctos/);
    expect(signInText({ state: 'sign-in-failed', error: 'The e-mail or the password is not right.', problem: 'wrong-password' }, en)).toMatch(/password is not right/);
    expect(signInText({ state: 'sign-in-failed', error: 'Something the host said.' }, es)).toBe('Something the host said.');
    // A problem from a newer host that this screen does not know yet.
    expect(signInText({ state: 'sign-in-failed', problem: 'brand-new' as never }, es)).toBe(es.cloudSignIn.other);
  });

  it('tells whether this PC runs WhatsApp, or which PC does and whether it went silent', () => {
    expect(leaseView({ state: 'signing-in' }, NOW)).toEqual({ kind: 'unknown' });
    expect(leaseView(running({ held: true }), NOW)).toEqual({ kind: 'here' });
    const lease = { held: false, holderName: 'Caja 2', holderSeenAt: '2026-11-20T11:58:00.000Z', expiresAt: '2026-11-20T12:08:00.000Z' };
    expect(leaseView(running(lease), NOW)).toEqual({ kind: 'elsewhere', name: 'Caja 2', seenAt: '2026-11-20T11:58:00.000Z', silent: false });
    expect(leaseView(running(lease), Date.parse('2026-11-20T12:08:00.000Z'))).toMatchObject({ silent: true });
    expect(es.cloudSessionElsewhere('Caja 2', 'hace 2 min')).toBe('WhatsApp está funcionando en «Caja 2» (visto por última vez hace 2 min).');
    expect(en.cloudSessionElsewhere('Caja 2', '2 min ago')).toBe('WhatsApp is running on «Caja 2» (last seen 2 min ago).');
  });
});

describe('the fake host follows the contract', () => {
  it('off by default; take-over only while running; acknowledging forgets the code; changes are events', async () => {
    const api = new FakeKdsApi({}, () => NOW);
    const events: KdsEvent[] = [];
    api.subscribe((e) => events.push(e));
    expect(await api.getCloudStatus()).toEqual({ state: 'off' });
    await expect(api.takeOverSession()).rejects.toMatchObject({ code: 'conflict' });
    api.setCloud({ ...running({ held: false, holderName: 'Caja 2' }), recoveryCode: 'ABCD-EFGH' });
    expect((await api.takeOverSession()).lease).toEqual({ held: true });
    const after = await api.acknowledgeRecoveryCode();
    expect(after).not.toHaveProperty('recoveryCode');
    expect(events.map((e) => (e.type === 'cloud' ? [e.status.lease?.held, e.status.recoveryCode] : e.type))).toEqual([
      [false, 'ABCD-EFGH'],
      [true, 'ABCD-EFGH'],
      [true, undefined],
    ]);
  });
});
