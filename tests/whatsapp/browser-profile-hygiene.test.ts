import { createRequire } from 'node:module';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import type { ProcessInfo } from '../../electron/whatsapp/process-info.ts';
import {
  clearBrowserPid,
  isBrowserForProfile,
  LINKED_MARKER_FILE,
  localAuthProfileDir,
  markProfileLinked,
  prepareProfile,
  ProfileInUseError,
  readLockOwner,
  recordBrowserPid,
  verifyProfile,
  type PrepareProfileOptions,
} from '../../electron/whatsapp/profile-hygiene.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const HOST = 'cocina-pc';

/** A process table the test controls: what is alive, with which command line, and what signals do. */
class FakeProcesses {
  readonly table = new Map<number, ProcessInfo & { ignores?: NodeJS.Signals[] }>();
  readonly signals: Array<[number, NodeJS.Signals]> = [];

  add(pid: number, cmdline: string | undefined, extra: { ignores?: NodeJS.Signals[] } = {}) {
    this.table.set(pid, { alive: true, cmdline, ...extra });
  }

  info = (pid: number): ProcessInfo => {
    const entry = this.table.get(pid);
    if (!entry || !entry.alive) return { alive: false };
    return entry.cmdline === undefined ? { alive: true } : { alive: true, cmdline: entry.cmdline };
  };

  kill = (pid: number, signal: NodeJS.Signals) => {
    this.signals.push([pid, signal]);
    const entry = this.table.get(pid);
    if (!entry || !entry.alive) throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    if (!entry.ignores?.includes(signal)) entry.alive = false;
  };
}

let dir: string;
let cleanup: () => void;
let profileDir: string;
let pidFile: string;
let processes: FakeProcesses;
let clock: FakeClock;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  profileDir = join(dir, 'whatsapp', 'session');
  pidFile = join(dir, 'whatsapp', 'browser.pid');
  processes = new FakeProcesses();
  clock = new FakeClock();
});
afterEach(() => cleanup());

function options(overrides: Partial<PrepareProfileOptions> = {}): PrepareProfileOptions {
  return {
    profileDir,
    pidFile,
    processInfo: processes.info,
    kill: processes.kill,
    clock,
    logger: silentLogger,
    platform: 'linux',
    hostname: HOST,
    ...overrides,
  };
}

/** Runs prepareProfile while moving fake time on, as the real clock would. */
async function prepare(overrides: Partial<PrepareProfileOptions> = {}) {
  let settled = false;
  const running = prepareProfile(options(overrides)).finally(() => {
    settled = true;
  });
  running.catch(() => {}); // the caller sees the rejection; this keeps it from counting as unhandled meanwhile
  for (let i = 0; i < 200 && !settled; i++) await clock.advance(100);
  return running;
}

const browserCmd = (profile: string) =>
  ['/usr/lib/chromium/chromium', '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-pipe'].join('\0');

function lockProfile(owner: string) {
  mkdirSync(profileDir, { recursive: true });
  symlinkSync(owner, join(profileDir, 'SingletonLock'));
  symlinkSync('1234567890', join(profileDir, 'SingletonCookie'));
  symlinkSync(join(dir, 'org.chromium.Chromium.Ab12Cd', 'SingletonSocket'), join(profileDir, 'SingletonSocket'));
  mkdirSync(join(dir, 'org.chromium.Chromium.Ab12Cd'));
  writeFileSync(join(dir, 'org.chromium.Chromium.Ab12Cd', 'SingletonSocket'), '');
}

const present = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

describe('ending the browser of the previous run', () => {
  it('does nothing on a first start (no pid file, no profile)', async () => {
    expect(await prepare()).toEqual({ ok: true, actions: [] });
    expect(processes.signals).toEqual([]);
  });

  it('ends a leftover browser of this profile with SIGTERM', async () => {
    processes.add(4242, browserCmd(profileDir));
    recordBrowserPid(pidFile, 4242);
    const result = await prepare();
    expect(result.ok).toBe(true);
    expect(processes.signals).toEqual([[4242, 'SIGTERM']]);
    expect(result.actions).toEqual(['ending previous browser (pid 4242)', 'previous browser (pid 4242) exited']);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('uses SIGKILL when the browser ignores SIGTERM for the grace period', async () => {
    processes.add(4242, browserCmd(profileDir), { ignores: ['SIGTERM'] });
    recordBrowserPid(pidFile, 4242);
    const started = clock.now();
    const result = await prepare({ gracefulExitMs: 2_000 });
    expect(processes.signals.map(([, signal]) => signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(clock.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(result.actions).toContain('previous browser (pid 4242) killed');
  });

  it('refuses to go on when the old browser cannot be ended', async () => {
    processes.add(4242, browserCmd(profileDir), { ignores: ['SIGTERM', 'SIGKILL'] });
    recordBrowserPid(pidFile, 4242);
    await expect(prepare({ gracefulExitMs: 500, forcedExitMs: 500 })).rejects.toBeInstanceOf(ProfileInUseError);
  });

  it('never kills a recycled pid that now belongs to another program', async () => {
    processes.add(4242, ['/usr/bin/node', 'server.js'].join('\0'));
    recordBrowserPid(pidFile, 4242);
    const result = await prepare();
    expect(processes.signals).toEqual([]);
    expect(processes.info(4242).alive).toBe(true);
    expect(result.actions).toEqual(["pid 4242 is alive but not this profile's browser; left alone"]);
    expect(existsSync(pidFile)).toBe(false);
  });

  it("never kills a browser of another profile (session-old is not session)", async () => {
    processes.add(4242, browserCmd(`${profileDir}-old`));
    recordBrowserPid(pidFile, 4242);
    await prepare();
    expect(processes.signals).toEqual([]);
  });

  it('never kills a live pid whose command line cannot be read', async () => {
    processes.add(4242, undefined);
    recordBrowserPid(pidFile, 4242);
    await prepare();
    expect(processes.signals).toEqual([]);
  });

  it('notes a browser that is already gone and forgets its pid', async () => {
    recordBrowserPid(pidFile, 4242);
    const result = await prepare();
    expect(result.actions).toEqual(['previous browser (pid 4242) already gone']);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('removes a pid file that holds no pid', async () => {
    mkdirSync(join(dir, 'whatsapp'), { recursive: true });
    writeFileSync(pidFile, 'garbage\n');
    const result = await prepare();
    expect(result.actions).toEqual(['browser pid file held no pid; removed']);
    expect(existsSync(pidFile)).toBe(false);
  });
});

describe('profile locks on Linux and macOS', () => {
  it('removes a stale lock whose owner is dead, with its cookie, socket and socket directory', async () => {
    lockProfile(`${HOST}-31337`);
    const result = await prepare();
    expect(result.ok).toBe(true);
    for (const name of ['SingletonLock', 'SingletonCookie', 'SingletonSocket']) {
      expect(present(join(profileDir, name)), name).toBe(false);
    }
    expect(existsSync(join(dir, 'org.chromium.Chromium.Ab12Cd'))).toBe(false);
    expect(result.actions).toContain('removed stale SingletonLock (owner pid 31337 gone)');
  });

  it('keeps the lock of a live owner it cannot identify', async () => {
    lockProfile(`${HOST}-31337`);
    processes.add(31337, undefined);
    const result = await prepare();
    expect(readlinkSync(join(profileDir, 'SingletonLock'))).toBe(`${HOST}-31337`);
    expect(present(join(profileDir, 'SingletonSocket'))).toBe(true);
    expect(existsSync(join(dir, 'org.chromium.Chromium.Ab12Cd'))).toBe(true);
    expect(processes.signals).toEqual([]);
    expect(result.actions).toEqual([
      'SingletonLock kept: its owner (pid 31337) is alive and cannot be identified',
      'session check skipped while another process holds the profile',
    ]);
  });

  it('does not quarantine a profile another live process holds, even if it fails the check', async () => {
    lockProfile(`${HOST}-31337`);
    processes.add(31337, undefined);
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, 'Default', 'Local Storage'), { recursive: true });
    expect(verifyProfile(profileDir)).toBe('Default/Local Storage is missing');
    const result = await prepare();
    expect(result.ok).toBe(true);
    expect(existsSync(join(profileDir, LINKED_MARKER_FILE))).toBe(true);
  });

  it('removes the lock of a recycled pid without killing that process', async () => {
    lockProfile(`${HOST}-31337`);
    processes.add(31337, ['/usr/sbin/cron', '-f'].join('\0'));
    await prepare();
    expect(present(join(profileDir, 'SingletonLock'))).toBe(false);
    expect(processes.signals).toEqual([]);
    expect(processes.info(31337).alive).toBe(true);
  });

  it('ends a live browser of this profile that no pid file recorded, then clears its lock', async () => {
    lockProfile(`${HOST}-31337`);
    processes.add(31337, browserCmd(profileDir));
    const result = await prepare();
    expect(processes.signals).toEqual([[31337, 'SIGTERM']]);
    expect(present(join(profileDir, 'SingletonLock'))).toBe(false);
    expect(result.actions[0]).toBe('ending previous browser (pid 31337)');
  });

  it('removes a lock written on another computer (a restored backup or a renamed PC)', async () => {
    lockProfile('old-laptop-31337');
    processes.add(31337, undefined); // same pid alive here means nothing: it is another machine's pid
    const result = await prepare();
    expect(present(join(profileDir, 'SingletonLock'))).toBe(false);
    expect(processes.signals).toEqual([]);
    expect(result.actions[0]).toBe('removed SingletonLock left by another computer (old-laptop, pid 31337)');
  });

  it('removes a lock that is not a symlink (Chromium would fail to create its own)', async () => {
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'SingletonLock'), 'junk');
    const result = await prepare();
    expect(present(join(profileDir, 'SingletonLock'))).toBe(false);
    expect(result.actions).toContain('removed SingletonLock that names no owner');
  });

  it('removes a socket and cookie left without a lock, but not an unrelated socket directory', async () => {
    mkdirSync(profileDir, { recursive: true });
    mkdirSync(join(dir, 'not-chromium'));
    writeFileSync(join(dir, 'not-chromium', 'SingletonSocket'), '');
    symlinkSync(join(dir, 'not-chromium', 'SingletonSocket'), join(profileDir, 'SingletonSocket'));
    symlinkSync('42', join(profileDir, 'SingletonCookie'));
    const result = await prepare();
    expect(present(join(profileDir, 'SingletonSocket'))).toBe(false);
    expect(present(join(profileDir, 'SingletonCookie'))).toBe(false);
    expect(existsSync(join(dir, 'not-chromium', 'SingletonSocket'))).toBe(true);
    expect(result.actions).toEqual(['removed stale SingletonCookie', 'removed stale SingletonSocket']);
  });

  it('reads the owner from hostnames that contain dashes', () => {
    mkdirSync(profileDir, { recursive: true });
    symlinkSync('cocina-pc-2-777', join(profileDir, 'SingletonLock'));
    expect(readLockOwner(join(profileDir, 'SingletonLock'))).toEqual({ host: 'cocina-pc-2', pid: 777 });
  });
});

describe('profile lock on Windows', () => {
  it('removes lockfile when no browser holds it', async () => {
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'lockfile'), '');
    const result = await prepare({ platform: 'win32' });
    expect(existsSync(join(profileDir, 'lockfile'))).toBe(false);
    expect(result.actions).toEqual(['removed stale lockfile']);
  });

  it('keeps lockfile while a running browser holds it open', async () => {
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'lockfile'), '');
    const busy = () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    };
    const result = await prepare({ platform: 'win32', removeFile: busy });
    expect(existsSync(join(profileDir, 'lockfile'))).toBe(true);
    expect(result).toEqual({
      ok: true,
      actions: ['lockfile kept: a running browser holds it', 'session check skipped while another process holds the profile'],
    });
  });

  it('matches the browser command line case-insensitively, quoted as Windows quotes it', () => {
    const cmd = '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" "--user-data-dir=C:\\Comanda\\WhatsApp\\Session" --no-first-run';
    expect(isBrowserForProfile(cmd, 'c:\\comanda\\whatsapp\\session', 'win32')).toBe(true);
    expect(isBrowserForProfile(cmd, 'c:\\comanda\\whatsapp\\session', 'linux')).toBe(false);
    expect(isBrowserForProfile(cmd, 'C:\\Comanda\\WhatsApp\\Sess', 'win32')).toBe(false);
  });
});

/** A profile shaped like a linked WhatsApp Web session. */
function linkedProfile() {
  const leveldb = (path: string) => {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'CURRENT'), 'MANIFEST-000001\n');
    writeFileSync(join(path, 'MANIFEST-000001'), 'manifest');
    writeFileSync(join(path, '000003.log'), 'keys');
  };
  leveldb(join(profileDir, 'Default', 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb'));
  leveldb(join(profileDir, 'Default', 'Local Storage', 'leveldb'));
  markProfileLinked(profileDir, clock.now());
}

describe('session files of a linked profile', () => {
  it('accepts a complete linked profile', async () => {
    linkedProfile();
    expect(await prepare()).toEqual({ ok: true, actions: [] });
    expect(JSON.parse(readFileSync(join(profileDir, LINKED_MARKER_FILE), 'utf8'))).toEqual({
      linkedAt: '2026-11-20T12:00:00.000Z',
      expects: [
        'Default/IndexedDB',
        'Default/Local Storage',
        'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb',
        'Default/Local Storage/leveldb',
      ],
    });
  });

  it('leaves an empty or never-linked profile alone (it will show a QR)', async () => {
    mkdirSync(profileDir, { recursive: true });
    expect(verifyProfile(profileDir)).toBeUndefined();
    mkdirSync(join(profileDir, 'Default', 'Cache'), { recursive: true });
    expect((await prepare()).ok).toBe(true);
    expect(existsSync(profileDir)).toBe(true);
  });

  it('does not ask an unlinked profile (no marker) for Local Storage, only for a sound WhatsApp database', async () => {
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, LINKED_MARKER_FILE));
    rmSync(join(profileDir, 'Default', 'Local Storage'), { recursive: true });
    expect(verifyProfile(profileDir)).toBeUndefined();
    rmSync(join(profileDir, 'Default', 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb', 'CURRENT'));
    expect(verifyProfile(profileDir)).toBe(
      'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb has no CURRENT file',
    );
  });

  it("requires only the folders that existed when WhatsApp became ready (the browser's own layout)", async () => {
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, 'Default', 'Local Storage', 'leveldb'), { recursive: true });
    markProfileLinked(profileDir, clock.now()); // a browser that keeps Local Storage elsewhere
    expect(await prepare()).toEqual({ ok: true, actions: [] });
  });

  it('ignores marker entries that point outside the profile', async () => {
    mkdirSync(join(profileDir, 'Default', 'IndexedDB'), { recursive: true });
    writeFileSync(
      join(profileDir, LINKED_MARKER_FILE),
      JSON.stringify({ linkedAt: 'x', expects: ['../../etc', '/etc', 'Default/IndexedDB'] }),
    );
    expect(verifyProfile(profileDir)).toBeUndefined();
    writeFileSync(join(profileDir, LINKED_MARKER_FILE), JSON.stringify({ linkedAt: 'x', expects: ['Default/Gone'] }));
    expect(verifyProfile(profileDir)).toBe('Default/Gone is missing');
  });

  it('quarantines a linked profile that lost Local Storage, keeping every file', async () => {
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, 'Default', 'Local Storage'), { recursive: true });
    const result = await prepare();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('Default/Local Storage is missing');
    expect(result.quarantinedTo).toBe(`${profileDir}.quarantine-2026-11-20T12-00-00-000Z`);
    expect(existsSync(profileDir)).toBe(false);
    expect(
      readFileSync(join(result.quarantinedTo, 'Default', 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb', '000003.log'), 'utf8'),
    ).toBe('keys');
    expect(result.actions.at(-1)).toContain('moved to');
  });

  it('quarantines a WhatsApp database whose CURRENT names a missing MANIFEST, even without the marker', async () => {
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, LINKED_MARKER_FILE));
    rmSync(join(profileDir, 'Default', 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb', 'MANIFEST-000001'));
    const result = await prepare();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('names MANIFEST-000001, which is missing');
  });

  it('quarantines when IndexedDB is a file instead of a directory', async () => {
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, 'Default', 'IndexedDB'), { recursive: true });
    writeFileSync(join(profileDir, 'Default', 'IndexedDB'), 'x');
    const result = await prepare();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('Default/IndexedDB is not a directory');
  });

  it('gives a second quarantine in the same millisecond its own name', async () => {
    // An unreadable marker still means "linked", with IndexedDB and Local Storage required.
    const brokenMarker = () => {
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(join(profileDir, LINKED_MARKER_FILE), '{"linkedAt": "2026-');
    };
    brokenMarker();
    // No waiting is involved, so both run at the same fake instant.
    const first = await prepareProfile(options());
    brokenMarker();
    const second = await prepareProfile(options());
    expect(first.ok || second.ok).toBe(false);
    if (first.ok || second.ok) return;
    expect(second.quarantinedTo).toBe(`${first.quarantinedTo}-2`);
    expect(readdirSync(join(dir, 'whatsapp')).filter((name) => name.includes('quarantine'))).toHaveLength(2);
  });

  it('keeps only the newest two quarantined profiles', async () => {
    const quarantined: string[] = [];
    for (let i = 0; i < 4; i++) {
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(join(profileDir, LINKED_MARKER_FILE), '{"linkedAt": "2026-'); // unreadable: fails
      const result = await prepareProfile(options());
      if (result.ok) throw new Error('expected a quarantine');
      quarantined.push(result.quarantinedTo);
      await clock.advance(24 * 3600_000);
    }
    const left = readdirSync(join(dir, 'whatsapp')).filter((name) => name.includes('quarantine'));
    expect(left.map((name) => join(dir, 'whatsapp', name)).sort()).toEqual(quarantined.slice(2).sort());
  });

  it('ends the old browser before moving its profile', async () => {
    linkedProfile();
    const { rmSync } = await import('node:fs');
    rmSync(join(profileDir, 'Default', 'Local Storage'), { recursive: true });
    processes.add(4242, browserCmd(profileDir));
    recordBrowserPid(pidFile, 4242);
    const result = await prepare();
    expect(result.ok).toBe(false);
    expect(processes.info(4242).alive).toBe(false);
    expect(result.actions[0]).toBe('ending previous browser (pid 4242)');
  });
});

describe('pid file and LocalAuth paths', () => {
  it('records and clears the browser pid, creating the folder', () => {
    recordBrowserPid(pidFile, 9876);
    expect(readFileSync(pidFile, 'utf8')).toBe('9876\n');
    expect(existsSync(`${pidFile}.tmp`)).toBe(false);
    clearBrowserPid(pidFile);
    expect(existsSync(pidFile)).toBe(false);
    expect(() => recordBrowserPid(pidFile, 0)).toThrow('Not a process id');
    expect(() => recordBrowserPid(pidFile, 1.5)).toThrow('Not a process id');
  });

  it('agrees with whatsapp-web.js LocalAuth on where the profile lives', async () => {
    const LocalAuth = createRequire(import.meta.url)('whatsapp-web.js/src/authStrategies/LocalAuth.js') as new (
      options: { dataPath: string; clientId?: string },
    ) => { client: unknown; beforeBrowserInitialized(): Promise<void>; userDataDir: string };
    for (const clientId of [undefined, 'kitchen']) {
      const auth = new LocalAuth({ dataPath: join(dir, 'wwebjs'), clientId });
      auth.client = { options: { puppeteer: {} } };
      await auth.beforeBrowserInitialized();
      expect(localAuthProfileDir(join(dir, 'wwebjs'), clientId)).toBe(auth.userDataDir);
    }
  });
});
