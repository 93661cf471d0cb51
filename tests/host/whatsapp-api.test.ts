// Linking, unlinking, reconnecting and the health panel over the host's HTTP API, on the simulator
// engine with a hand-driven clock, plus the simulator's own linking script.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { DEFAULT_SIMULATOR_TIMINGS, SIM_QR_EXPIRED, SimulatorEngine } from '../../electron/whatsapp/simulator-engine.ts';
import type { DiagnosticsExport, WhatsAppHealth } from '../../shared/kds-api.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { ApiClient } from '../support/api-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { scriptedBot } from '../support/scripted-bot.ts';

const T = DEFAULT_SIMULATOR_TIMINGS;

describe('WhatsApp linking and health over HTTP (simulator engine)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  let api: ApiClient;
  let base: string;
  let clock: FakeClock;
  let statuses: WhatsAppStatus[];

  beforeEach(async () => {
    tmp = makeTempDir();
    clock = new FakeClock();
    host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: 0, logger: silentLogger, bot: scriptedBot, clock, settleMs: 0 });
    const started = await host.start();
    base = `http://127.0.0.1:${started.port}`;
    api = new ApiClient(base, started.token);
    statuses = [];
    host.bus.subscribe((e) => {
      if (e.type === 'whatsapp') statuses.push(e.status);
    });
  });
  afterEach(async () => {
    await host.stop();
    tmp.cleanup();
  });

  it('reports health: state, counters from the host, the simulator has no browser', async () => {
    await api.say('34600111222', 'hola');
    await clock.advance(100);
    const res = await api.get<WhatsAppHealth>('/api/whatsapp/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: { state: 'connected', engine: 'simulator' },
      reconnects: 0,
      restarts: 0,
      messagesIn: 1,
      messagesOut: 1,
      sendFailures: 0,
      lastHeartbeatAt: new Date(clock.now() - 100).toISOString(),
    });
    expect(res.body.browserPath).toBeUndefined();
    expect((await fetch(`${base}/api/whatsapp/health`)).status).toBe(401);
  });

  it('links with a QR: needs-link with a payload, then loading with a percent, then connected', async () => {
    const res = await api.post<WhatsAppStatus>('/api/whatsapp/link', { method: 'qr' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'needs-link', engine: 'simulator', qr: expect.stringMatching(/^2@SIMULADOR/) });
    expect(res.body.pairingCode).toBeUndefined();
    await clock.advance(T.scanMs);
    expect(host.engine.getStatus()).toMatchObject({ state: 'loading', percent: 0 });
    await clock.advance(T.loadingStepMs * T.loadingSteps);
    expect(host.engine.getStatus().state).toBe('connected');
    expect(statuses.map((s) => `${s.state}${s.percent ?? ''}`)).toEqual(['needs-link', 'loading0', 'loading33', 'loading67', 'connected']);
    // A second link shows a different QR.
    const again = await api.post<WhatsAppStatus>('/api/whatsapp/link', { method: 'qr' });
    expect(again.body.qr).not.toBe(res.body.qr);
  });

  it('links with a pairing code for a typed number; a bad body is a 400 that changes nothing', async () => {
    for (const bad of [{ method: 'code' }, { method: 'sms' }, { method: 'code', phone: 'abc' }, { method: 'code', phone: '123' }, [], 'qr']) {
      const res = await api.post<{ error: { code: string; message: string } }>('/api/whatsapp/link', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect((await api.request('POST', '/api/whatsapp/link', '{nope')).status).toBe(400);
    expect(host.engine.getStatus().state).toBe('connected');
    expect(statuses).toEqual([]);

    const res = await api.post<WhatsAppStatus>('/api/whatsapp/link', { method: 'code', phone: '+34600111222' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'needs-link', pairingCode: expect.stringMatching(/^[A-Z0-9]{8}$/) });
    expect(res.body.qr).toBeUndefined();
    await clock.advance(T.scanMs + T.loadingStepMs * T.loadingSteps);
    expect(host.engine.getStatus().state).toBe('connected');
  });

  it('unlinks to a QR that expires into "show a new one", and a new link connects again', async () => {
    const res = await api.post<WhatsAppStatus>('/api/whatsapp/unlink');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'needs-link', qr: expect.any(String) });
    // Nobody scans a simulated unlink QR: it waits, then expires.
    await clock.advance(T.qrExpiryMs - 1);
    expect(host.engine.getStatus().qr).toBe(res.body.qr);
    await clock.advance(1);
    expect(host.engine.getStatus()).toMatchObject({ state: 'needs-link', error: SIM_QR_EXPIRED });
    expect(host.engine.getStatus().qr).toBeUndefined();
    // Orders cannot be answered meanwhile: the outbox hears "not connected".
    const health = await api.get<WhatsAppHealth>('/api/whatsapp/health');
    expect(health.body.status.state).toBe('needs-link');
    await api.post('/api/whatsapp/link', { method: 'qr' });
    await clock.advance(T.scanMs + T.loadingStepMs * T.loadingSteps);
    expect(host.engine.getStatus().state).toBe('connected');
  });

  it('reconnects: reconnecting with attempt and next try, then connected, counted in health', async () => {
    const res = await api.post<WhatsAppStatus>('/api/whatsapp/reconnect');
    expect(res.body).toMatchObject({ state: 'reconnecting', attempt: 1, nextTryAt: new Date(clock.now() + T.reconnectMs).toISOString() });
    await clock.advance(T.reconnectMs);
    expect(host.engine.getStatus().state).toBe('connected');
    expect((await api.get<WhatsAppHealth>('/api/whatsapp/health')).body).toMatchObject({ reconnects: 1, lastHeartbeatAt: new Date(clock.now()).toISOString() });
  });

  it('keeps POST /api/sim/status: a forced state also cancels a linking script in progress', async () => {
    await api.post('/api/whatsapp/link', { method: 'qr' });
    expect((await api.post('/api/sim/status', { state: 'offline' })).status).toBe(200);
    await clock.advance(T.scanMs + T.loadingStepMs * 10);
    expect(host.engine.getStatus().state).toBe('offline');
    expect((await api.post('/api/sim/status', { state: 'nope' })).status).toBe(400);
  });

  it('exports diagnostics and serves only the zips it wrote', async () => {
    const res = await api.post<DiagnosticsExport>('/api/diagnostics');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fileName: expect.stringMatching(/^comanda-diagnostics-\d{8}-\d{6}\.zip$/), bytes: expect.any(Number) });
    expect(res.body.path).toBe(join(tmp.dir, 'diagnostics', res.body.fileName));

    const download = await fetch(`${base}/api/diagnostics/${res.body.fileName}`, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${res.body.fileName}"`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(res.body.bytes);
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(bytes.includes(Buffer.from(api.token))).toBe(false);

    expect((await fetch(`${base}/api/diagnostics/${res.body.fileName}`)).status).toBe(401);
    for (const name of ['..%2Faccess-token', '..%2F..%2Fetc%2Fpasswd', 'access-token', 'comanda-diagnostics-20260101-000000.zip', '%2e%2e', 'comanda.sqlite']) {
      const r = await api.get<{ error: { code: string } }>(`/api/diagnostics/${name}`);
      expect(r.status, name).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain(api.token);
    }
  });
});

describe('SimulatorEngine linking script', () => {
  it('a link replaces one in progress, stop() cancels every pending step, and send() waits for connected', async () => {
    const tmp = makeTempDir();
    const clock = new FakeClock();
    const engine = new SimulatorEngine({ databasePath: join(tmp.dir, 'sim.sqlite'), clock, timings: { scanMs: 100, loadingSteps: 2, loadingStepMs: 10 } });
    try {
      await engine.start();
      await engine.link({ method: 'code', phone: '34600111222' });
      const code = engine.getStatus().pairingCode;
      await clock.advance(50);
      await engine.link({ method: 'qr' });
      expect(engine.getStatus()).toMatchObject({ state: 'needs-link', qr: expect.any(String) });
      expect(engine.getStatus().pairingCode).toBeUndefined();
      await expect(engine.send({ to: '34600111222', body: 'hola', idempotencyKey: 'k1' })).rejects.toThrow(/not connected/);
      await clock.advance(60);
      expect(engine.getStatus().state).toBe('needs-link'); // the first link's timer did not fire
      await clock.advance(40);
      expect(engine.getStatus()).toMatchObject({ state: 'loading', percent: 0 });
      await clock.advance(20);
      expect(engine.getStatus().state).toBe('connected');
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      await engine.unlink();
      expect(clock.pendingTimers).toBe(1);
      await engine.stop();
      expect(clock.pendingTimers).toBe(0);
    } finally {
      tmp.cleanup();
    }
  });

  it('reconnect while unlinked shows a fresh QR instead of pretending to connect', async () => {
    const tmp = makeTempDir();
    const clock = new FakeClock();
    const engine = new SimulatorEngine({ databasePath: join(tmp.dir, 'sim.sqlite'), clock });
    try {
      await engine.start();
      await engine.unlink();
      const first = engine.getStatus().qr;
      await engine.reconnect();
      expect(engine.getStatus()).toMatchObject({ state: 'needs-link', qr: expect.any(String) });
      expect(engine.getStatus().qr).not.toBe(first);
      await clock.advance(T.reconnectMs * 10);
      expect(engine.getStatus().state).toBe('needs-link');
      expect(engine.health().reconnects).toBe(0);
    } finally {
      await engine.stop();
      tmp.cleanup();
    }
  });
});
