// The cloud on the kitchen screen, without a browser: the routes and transports carry it, the
// screen's rules say when to show it and in which words, and the fake host behaves like the real one.
import { describe, expect, it } from 'vitest';
import { CLOUD_SIGN_IN_PROBLEMS, KdsError, kdsArgsSchemas, RECOVERY_RESTORE_SKIPS, type CloudStatus, type KdsEvent, type KdsMethod } from '../../shared/kds-api.ts';
import { UI_STRINGS } from '../../shared/i18n.ts';
import { httpRoute } from '../../renderer/src/api/http-routes.ts';
import { createHttpTransport } from '../../renderer/src/api/http-transport.ts';
import { createIpcTransport } from '../../renderer/src/api/ipc-transport.ts';
import { createKdsClient } from '../../renderer/src/api/kds-client.ts';
import { cloudShown, leaseView, recoveryCodeError, recoveryFormShown, recoveryOutcome, signInText } from '../../renderer/src/state/cloud.ts';
import { FAKE_RECOVERY_CODE, FakeKdsApi } from './fake-kds-api.ts';

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

describe('typing the recovery code on a new PC', () => {
  it('is POST api/cloud/recovery-code with the code in the body; the bridge trims it and caps its length', () => {
    expect(httpRoute('enterRecoveryCode', ['ABCD-EFGH'])).toEqual({ method: 'POST', path: 'api/cloud/recovery-code', body: { code: 'ABCD-EFGH' } });
    expect(kdsArgsSchemas.enterRecoveryCode.parse(['  abcd efgh \n'])).toEqual(['abcd efgh']);
    for (const bad of [[], ['   '], ['A'.repeat(201)], [42]]) expect(kdsArgsSchemas.enterRecoveryCode.safeParse(bad).success).toBe(false);
  });

  it('offers the form only while the cloud runs and no new code waits to be written down', () => {
    expect(recoveryFormShown(running({ held: true }))).toBe(true);
    expect(recoveryFormShown(running({ held: false, holderName: 'Caja 2' }))).toBe(true);
    expect(recoveryFormShown({ ...running({ held: true }), recoveryCode: 'K3F9-2QXM' })).toBe(false);
    for (const state of ['off', 'signing-in', 'sign-in-failed'] as const) expect(recoveryFormShown({ state })).toBe(false);
  });

  it('says what became of the session in both languages', () => {
    const restored = { restoredAt: '2026-11-20T12:00:00Z', backupMadeAt: '2026-11-20T11:00:00Z' };
    expect(recoveryOutcome(restored, es, 'es', NOW)).toEqual({ kind: 'ok', text: expect.stringMatching(/^Código correcto\. Se ha recuperado la sesión de WhatsApp de la copia \(\d\d:\d\d · hace 60 min\); WhatsApp se está reiniciando\.$/) });
    expect(recoveryOutcome(restored, en, 'en', NOW).text).toMatch(/^The code is right\. The WhatsApp session was brought back from the backup \(\d\d:\d\d · 60 min ago\)/);
    for (const skipped of RECOVERY_RESTORE_SKIPS) {
      for (const t of [es, en]) expect(recoveryOutcome({ skipped }, t, 'es', NOW).text).toBe(t.cloudCodeKept[skipped]);
    }
    expect(recoveryOutcome({ skipped: 'refused', refused: ['backup b1 is damaged'] }, es, 'es', NOW)).toEqual({ kind: 'warn', text: es.cloudCodeKept.refused, details: ['backup b1 is damaged'] });
    expect(recoveryOutcome({ skipped: 'no-backups' }, es, 'es', NOW).kind).toBe('warn');
    expect(recoveryOutcome({ skipped: 'session-connected' }, es, 'es', NOW).kind).toBe('ok');
  });

  it('a wrong code reads as one; "not now" carries the host\'s reason; anything else is a general error', () => {
    expect(recoveryCodeError(new KdsError('bad_request', 'That recovery code is not right: …'), es)).toEqual({ kind: 'error', text: es.cloudCodeWrong });
    expect(recoveryCodeError(new KdsError('conflict', 'the cloud is not running on this PC yet'), en)).toEqual({ kind: 'error', text: en.cloudCodeNotNow, details: ['the cloud is not running on this PC yet'] });
    expect(recoveryCodeError(new KdsError('internal', 'no connection with the Comanda host'), es)).toBeUndefined();
    expect(recoveryCodeError(new Error('boom'), es)).toBeUndefined();
  });

  it('the fake host takes only its code, only while running, and restores when WhatsApp is not linked', async () => {
    const api = new FakeKdsApi({ whatsapp: { state: 'needs-link', since: new Date(NOW).toISOString(), engine: 'whatsapp' } }, () => NOW);
    await expect(api.enterRecoveryCode(FAKE_RECOVERY_CODE)).rejects.toMatchObject({ code: 'conflict' });
    api.setCloud(running({ held: true }));
    await expect(api.enterRecoveryCode('K3F9-2QXM')).rejects.toMatchObject({ code: 'bad_request' });
    expect(api.recoveryCodeEntered).toBe(false);
    const answer = await api.enterRecoveryCode(FAKE_RECOVERY_CODE.toLowerCase().replace(/-/g, ' '));
    expect(answer.recoveryRestore).toEqual({ restoredAt: '2026-11-20T12:00:00.000Z', backupMadeAt: '2026-11-20T11:00:00.000Z' });
    expect(api.whatsapp.state).toBe('starting');
    expect((await api.enterRecoveryCode(FAKE_RECOVERY_CODE)).recoveryRestore).toEqual({ skipped: 'session-busy' });
  });
});
