// The diagnostics zip: recent logs and health, with message bodies, the access token and keys
// removed; and the rotating log file the headless host writes for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics, isSecretField, lineTime, redactLogLine, redactText, REDACTED } from '../../electron/host/diagnostics.ts';
import { RotatingLogFile } from '../../electron/host/log-file.ts';
import { createJsonLogger } from '../../electron/host/logger.ts';
import { unzipTo } from '../../electron/host/zip.ts';
import { createHost } from '../../electron/host/create-host.ts';
import { ApiClient } from '../support/api-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { startHeadless } from '../support/headless-process.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const BODY = 'quiero dos croquetas sin gluten';
const TOKEN = 'Zq3xR8vK2mP9tL4wN7yB1cD6fG0hJ5sA8eU2iO4pQ7r';
const BACKUP_KEY = 'kX9mQ2vR7tY4wZ1nB8cF3gH6jL0pS5dA2eU7iO9rT4y=';
const DAY = 24 * 3600_000;

describe('redaction', () => {
  it('blanks secret fields by name in any case or style, and keeps the rest', () => {
    for (const name of ['body', 'text', 'token', 'accessToken', 'access_token', 'apiKey', 'backup-key', 'secret', 'password', 'qr', 'pairingCode', 'Authorization', 'lastMessage', 'idempotencyKey'])
      expect(isSecretField(name), name).toBe(true);
    for (const name of ['msg', 'level', 't', 'orderId', 'phone', 'state', 'error', 'attempt', 'browserPath', 'monkeys'])
      expect(isSecretField(name), name).toBe(false);
  });

  it('cleans free text: bearer tokens, token= in URLs, known secrets, long mixed-case blobs; paths and hashes stay', () => {
    expect(redactText(`GET /api/orders Authorization: Bearer ${TOKEN}`)).toBe(`GET /api/orders Authorization: Bearer ${REDACTED}`);
    expect(redactText(`open http://127.0.0.1:4747/#token=${TOKEN}`)).toBe(`open http://127.0.0.1:4747/#token=${REDACTED}`);
    expect(redactText('short secret abc123 here', ['abc123'])).toBe(`short secret ${REDACTED} here`);
    expect(redactText(`key is ${BACKUP_KEY} ok`)).toBe(`key is ${REDACTED} ok`);
    const path = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    const sha = 'a'.repeat(20) + '0123456789abcdef'.repeat(3);
    expect(redactText(`browser ${path} sha ${sha}`)).toBe(`browser ${path} sha ${sha}`);
  });

  it('redacts JSON lines deeply and plain electron-log lines by field', () => {
    const json = JSON.parse(redactLogLine(JSON.stringify({ t: '2026-11-20T12:00:00Z', level: 'info', msg: 'incoming', phone: '34600111222', message: { body: BODY, meta: { apiKey: BACKUP_KEY } }, list: [{ text: BODY }] })));
    expect(json).toEqual({ t: '2026-11-20T12:00:00Z', level: 'info', msg: 'incoming', phone: '34600111222', message: { body: REDACTED, meta: { apiKey: REDACTED } }, list: [{ text: REDACTED }] });
    const text = redactLogLine(`[2026-11-20 12:00:00.123] [info] sent {"to":"34600111222","body":"${BODY}"} token=${TOKEN} pairingCode: ABCD1234`);
    expect(text).not.toContain(BODY);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('ABCD1234');
    expect(text).toContain('"to":"34600111222"');
    expect(lineTime('{"t":"2026-11-20T12:00:00.000Z","level":"info"}')).toBe(Date.parse('2026-11-20T12:00:00.000Z'));
    expect(lineTime('[2026-11-20 12:00:00.123] [info] x')).toBe(new Date(2026, 10, 20, 12, 0, 0, 123).getTime());
    expect(lineTime('no time here')).toBeUndefined();
  });
});

describe('diagnostics export', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let clock: FakeClock;
  let logDir: string;
  beforeEach(() => {
    tmp = makeTempDir();
    clock = new FakeClock(Date.parse('2026-11-20T12:00:00Z'));
    logDir = join(tmp.dir, 'logs');
    mkdirSync(logDir);
  });
  afterEach(() => tmp.cleanup());

  const unzip = (path: string) => {
    const out = join(tmp.dir, `unzipped-${Math.random().toString(36).slice(2)}`);
    unzipTo(readFileSync(path), out);
    return out;
  };

  it('writes health.json and the recent logs, and the zip holds no message body, token or key', async () => {
    const lines = [
      { t: new Date(clock.now() - 9 * DAY).toISOString(), level: 'info', msg: 'too old to ship' },
      { t: new Date(clock.now() - 60_000).toISOString(), level: 'info', msg: 'incoming message', body: BODY, phone: '34600111222' },
      { t: new Date(clock.now() - 50_000).toISOString(), level: 'debug', msg: `request with Authorization: Bearer ${TOKEN}`, url: `http://pc:4747/#token=${TOKEN}` },
      { t: new Date(clock.now() - 40_000).toISOString(), level: 'info', msg: 'backup made', backupKey: BACKUP_KEY, accessToken: TOKEN },
      { t: new Date(clock.now() - 30_000).toISOString(), level: 'warn', msg: 'send failed', orderId: 'o1', error: 'not a WhatsApp number' },
    ];
    writeFileSync(join(logDir, 'comanda.log'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    writeFileSync(join(logDir, 'main.log'), `[2026-11-20 11:59:00.000] [info] chat text="${BODY}" from 34600111222 with key ${BACKUP_KEY}\n`);
    writeFileSync(join(logDir, 'comanda.5.log'), '{"t":"2026-11-01T00:00:00Z","msg":"a file not touched for weeks"}\n');
    utimesSync(join(logDir, 'comanda.5.log'), new Date(clock.now() - 20 * DAY), new Date(clock.now() - 20 * DAY));
    writeFileSync(join(logDir, 'notes.bin'), 'not a log');

    const diagnostics = new Diagnostics({ outDir: join(tmp.dir, 'diagnostics'), logDir, clock, secrets: () => [TOKEN] });
    const result = await diagnostics.export({
      version: '1.2.3',
      whatsapp: { status: { state: 'needs-link', qr: '2@secretqrpayload', pairingCode: 'ABCD1234' }, browserPath: '/usr/bin/chromium', messagesIn: 3 },
    });
    expect(result.fileName).toBe('comanda-diagnostics-20261120-120000.zip');
    expect(result.path).toBe(join(tmp.dir, 'diagnostics', result.fileName));
    const zip = readFileSync(result.path);
    expect(zip.length).toBe(result.bytes);

    // The archive is stored uncompressed: a byte search over it is a search over every file in it.
    for (const secret of [BODY, TOKEN, BACKUP_KEY, '2@secretqrpayload', 'ABCD1234']) expect(zip.includes(Buffer.from(secret)), secret).toBe(false);

    const dir = unzip(result.path);
    expect(readdirSync(dir).sort()).toEqual(['health.json', 'logs']);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['comanda.log', 'main.log']);
    const health = JSON.parse(readFileSync(join(dir, 'health.json'), 'utf8'));
    expect(health).toMatchObject({ generatedAt: '2026-11-20T12:00:00.000Z', version: '1.2.3', system: { node: process.versions.node }, whatsapp: { status: { state: 'needs-link', qr: REDACTED, pairingCode: REDACTED }, browserPath: '/usr/bin/chromium', messagesIn: 3 } });
    const log = readFileSync(join(dir, 'logs', 'comanda.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.map((l) => l.msg)).toEqual(['incoming message', `request with Authorization: Bearer ${REDACTED}`, 'backup made', 'send failed']);
    expect(log[0]).toMatchObject({ body: REDACTED, phone: '34600111222' });
    expect(log[3]).toMatchObject({ orderId: 'o1', error: 'not a WhatsApp number' });
  });

  it('caps the logs at maxLogBytes, newest lines first, and keeps only the last exports', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ t: new Date(clock.now() - (2000 - i) * 1000).toISOString(), msg: `line ${i}` }));
    writeFileSync(join(logDir, 'comanda.log'), lines.join('\n') + '\n');
    const diagnostics = new Diagnostics({ outDir: join(tmp.dir, 'diagnostics'), logDir, clock, maxLogBytes: 10_000, keepExports: 2 });
    const first = await diagnostics.export({});
    const kept = readFileSync(join(unzip(first.path), 'logs', 'comanda.log'), 'utf8');
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(10_000);
    expect(Buffer.byteLength(kept)).toBeGreaterThan(9_000);
    expect(kept.trim().split('\n').at(-1)).toContain('line 1999');
    expect(kept).not.toContain('"line 0"');

    await clock.advance(1000);
    const second = await diagnostics.export({});
    await clock.advance(1000);
    const third = await diagnostics.export({});
    expect(readdirSync(join(tmp.dir, 'diagnostics')).sort()).toEqual([second.fileName, third.fileName]);
    // Two exports in the same second get distinct names.
    const fourth = await diagnostics.export({});
    expect(fourth.fileName).toBe(third.fileName.replace('.zip', '-2.zip'));
    // …and the older of the two is the one that goes when the next is written.
    const fifth = await diagnostics.export({});
    expect(fifth.fileName).toBe(third.fileName.replace('.zip', '-3.zip'));
    expect(readdirSync(join(tmp.dir, 'diagnostics')).sort()).toEqual([fourth.fileName, fifth.fileName]);
  });

  it('reads back only its own zips by name', async () => {
    const diagnostics = new Diagnostics({ outDir: join(tmp.dir, 'diagnostics'), logDir: join(tmp.dir, 'no-such-dir'), clock });
    const made = await diagnostics.export({});
    expect((await diagnostics.read(made.fileName)).equals(readFileSync(made.path))).toBe(true);
    writeFileSync(join(tmp.dir, 'diagnostics', 'other.zip'), 'x');
    for (const name of ['other.zip', '../access-token', `../diagnostics/${made.fileName}`, 'comanda-diagnostics-20990101-000000.zip']) {
      await expect(diagnostics.read(name), name).rejects.toMatchObject({ code: 'not_found' });
    }
  });
});

describe('rotating log file', () => {
  it('rotates at maxBytes, keeps N files, and survives a folder it cannot write', () => {
    const tmp = makeTempDir();
    try {
      const dir = join(tmp.dir, 'logs');
      const file = new RotatingLogFile({ dir, maxBytes: 1024, keep: 2 });
      const line = 'x'.repeat(99); // 100 bytes with the newline
      for (let i = 0; i < 35; i++) file.write(`${String(i).padStart(2, '0')}${line.slice(2)}`);
      file.close();
      expect(readdirSync(dir).sort()).toEqual(['comanda.1.log', 'comanda.2.log', 'comanda.log']);
      for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(1024);
      expect(readFileSync(join(dir, 'comanda.log'), 'utf8').split('\n')[0]).toMatch(/^30/);
      expect(readFileSync(join(dir, 'comanda.2.log'), 'utf8').split('\n')[0]).toMatch(/^10/);

      // Reopening appends to the current file.
      const again = new RotatingLogFile({ dir, maxBytes: 1024, keep: 2 });
      again.write('after restart');
      again.close();
      expect(readFileSync(join(dir, 'comanda.log'), 'utf8').trim().split('\n').at(-1)).toBe('after restart');

      const errors: Error[] = [];
      writeFileSync(join(tmp.dir, 'blocked'), 'a file where the folder should be');
      const broken = new RotatingLogFile({ dir: join(tmp.dir, 'blocked', 'logs'), onError: (e) => errors.push(e) });
      const logger = createJsonLogger({ write: (l) => broken.write(l) });
      logger.info('one');
      logger.info('two');
      expect(errors).toHaveLength(1);
    } finally {
      tmp.cleanup();
    }
  });

  it('the headless host writes its log to DATA_DIR/logs, and its diagnostics carry it without the token', async () => {
    const tmp = makeTempDir();
    const headless = await startHeadless({ dataDir: tmp.dir });
    try {
      await headless.api.say('34600111222', BODY);
      const res = await headless.api.post<{ path: string }>('/api/diagnostics');
      expect(res.status).toBe(200);
      const log = readFileSync(join(tmp.dir, 'logs', 'comanda.log'), 'utf8');
      expect(log).toMatch(/"msg":"host started"/);
      const zip = readFileSync(res.body.path);
      expect(zip.includes(Buffer.from('host started'))).toBe(true);
      expect(zip.includes(Buffer.from(headless.api.token))).toBe(false);
      expect(zip.includes(Buffer.from(BODY))).toBe(false);
    } finally {
      await headless.kill();
      tmp.cleanup();
    }
  }, 30_000);

  it('createHost reads the log folder it is given (the desktop app passes electron-log\'s)', async () => {
    const tmp = makeTempDir();
    const logDir = join(tmp.dir, 'electron-logs');
    mkdirSync(logDir);
    writeFileSync(join(logDir, 'main.log'), `[${new Date().toISOString().slice(0, 19).replace('T', ' ')}.000] [info] window ready\n`);
    const host = createHost({ dataDir: join(tmp.dir, 'data'), engine: 'simulator', port: 0, logDir, logger: createJsonLogger({ write: () => undefined }) });
    try {
      const started = await host.start();
      const api = new ApiClient(`http://127.0.0.1:${started.port}`, started.token);
      const res = await api.post<{ path: string }>('/api/diagnostics');
      expect(existsSync(res.body.path)).toBe(true);
      expect(readFileSync(res.body.path).includes(Buffer.from('window ready'))).toBe(true);
    } finally {
      await host.stop();
      tmp.cleanup();
    }
  });
});
