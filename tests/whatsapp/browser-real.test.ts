// The browser pieces against Debian's real Chromium: discovery, launch with our flags, and a
// profile left locked by a killed browser (or carried over from another computer) made usable again.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../electron/host/clock.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { discoverBrowser, executableExists } from '../../electron/whatsapp/browser-discovery.ts';
import { browserLaunchArgs } from '../../electron/whatsapp/browser-flags.ts';
import { createSystemProcessInfo, killProcessTree } from '../../electron/whatsapp/process-info.ts';
import {
  isBrowserForProfile,
  markProfileLinked,
  prepareProfile,
  recordBrowserPid,
  sessionFoldersPresent,
  WHATSAPP_INDEXEDDB,
} from '../../electron/whatsapp/profile-hygiene.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) && existsSync('/proc/self/cmdline');
const title = available
  ? 'real Chromium: discovery, launch flags and profile recovery'
  : `real Chromium (skipped: ${CHROMIUM} or /proc is missing on this machine)`;

const processInfo = createSystemProcessInfo();
const clock = createSystemClock();

/** Pids of every process whose command line mentions the directory (the browser and its children). */
function processesUsing(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir) && processInfo(Number(entry)).alive) {
        pids.push(Number(entry));
      }
    } catch {
      // exited while being read
    }
  }
  return pids;
}

async function waitUntil(check: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return check();
}

describe.skipIf(!available)(title, () => {
  let dir: string;
  let cleanup: () => void;
  let profileDir: string;
  let pidFile: string;
  const browsers: Browser[] = [];

  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir('comanda-browser-'));
    profileDir = join(dir, 'whatsapp', 'session');
    pidFile = join(dir, 'whatsapp', 'browser.pid');
  });

  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close().catch(() => {});
    // Whatever happened in the test, no Chromium of this profile outlives it.
    for (const pid of processesUsing(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await waitUntil(() => processesUsing(dir).length === 0, 5_000);
    cleanup();
  });

  const launch = async (executablePath = CHROMIUM) => {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: browserLaunchArgs({ headless: true, profileDir }),
    });
    browsers.push(browser);
    return browser;
  };

  const prepare = () =>
    prepareProfile({ profileDir, pidFile, processInfo, kill: killProcessTree, clock, logger: silentLogger, gracefulExitMs: 3_000 });

  const loadsAPage = async (browser: Browser) => {
    const page = await browser.newPage();
    await page.goto('data:text/html,<title>comanda</title><p>ok</p>');
    return page.title();
  };

  it('discovers the installed browser and runs a page with the 24/7 flags in the chosen profile', async () => {
    const found = discoverBrowser({ platform: process.platform, env: process.env, exists: executableExists });
    expect(found.path, `searched: ${found.searched.join(', ')}`).toBeDefined();
    const browser = await launch(found.path);
    const page = await browser.newPage();
    await page.goto('data:text/html,<title>comanda</title><p>ok</p>');
    expect(await page.title()).toBe('comanda');

    const pid = browser.process()!.pid!;
    const cmdline = processInfo(pid).cmdline!;
    expect(isBrowserForProfile(cmdline, profileDir, process.platform)).toBe(true);
    const args = cmdline.split('\0');
    expect(args).toEqual(
      expect.arrayContaining(['--disable-background-timer-throttling', '--disable-renderer-backgrounding']),
    );
    // puppeteer merges our disabled features into its own single flag; none may be lost.
    const disabled = args.filter((arg) => arg.startsWith('--disable-features='));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]!.split('=')[1]!.split(',')).toEqual(
      expect.arrayContaining(['CalculateNativeWinOcclusion', 'IntensiveWakeUpThrottling']),
    );
    expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
    expect(readlinkSync(join(profileDir, 'SingletonLock'))).toBe(`${hostname()}-${pid}`);

    await browser.close();
    expect(await waitUntil(() => processesUsing(dir).length === 0, 5_000)).toBe(true);
  });

  it('recovers a profile left locked by a kill -9 and launches again', async () => {
    const first = await launch();
    expect(await loadsAPage(first)).toBe('comanda');
    const pid = first.process()!.pid!;
    recordBrowserPid(pidFile, pid);

    process.kill(-pid, 'SIGKILL'); // the whole browser process group, as a crash or a task manager would
    expect(await waitUntil(() => processesUsing(dir).length === 0, 5_000)).toBe(true);
    expect(lstatSync(join(profileDir, 'SingletonLock')).isSymbolicLink()).toBe(true);

    const result = await prepare();
    expect(result.ok).toBe(true);
    expect(result.actions).toEqual(
      expect.arrayContaining([
        `previous browser (pid ${pid}) already gone`,
        `removed stale SingletonLock (owner pid ${pid} gone)`,
      ]),
    );
    expect(existsSync(pidFile)).toBe(false);

    const second = await launch();
    expect(await loadsAPage(second)).toBe('comanda');
  });

  it('ends the browser an earlier run left running, then launches on the same profile', async () => {
    const orphan = await launch();
    const pid = orphan.process()!.pid!;
    recordBrowserPid(pidFile, pid);
    expect(processesUsing(dir).length).toBeGreaterThan(1); // browser plus its helpers

    const result = await prepare();
    expect(result.actions.slice(0, 2)).toEqual([
      `ending previous browser (pid ${pid})`,
      `previous browser (pid ${pid}) exited`,
    ]);
    expect(await waitUntil(() => processesUsing(dir).length === 0, 5_000)).toBe(true);

    const next = await launch();
    expect(await loadsAPage(next)).toBe('comanda');
  });

  it('clears a lock carried over from another computer, which Chromium alone refuses', async () => {
    const first = await launch();
    await first.close();
    symlinkSync('old-laptop-4321', join(profileDir, 'SingletonLock'));

    await expect(launch()).rejects.toThrow();
    expect(await waitUntil(() => processesUsing(dir).length === 0, 5_000)).toBe(true);

    const result = await prepare();
    expect(result.actions).toContain('removed SingletonLock left by another computer (old-laptop, pid 4321)');
    const next = await launch();
    expect(await loadsAPage(next)).toBe('comanda');
  });

  it("checks session files the way real Chromium stores them (IndexedDB and Local Storage as LevelDB)", async () => {
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end('<title>store</title>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    try {
      const browser = await launch();
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.evaluate(async () => {
        localStorage.setItem('session', 'kept');
        await new Promise<void>((done, fail) => {
          const open = indexedDB.open('wawc', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('keys');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('keys', 'readwrite');
            tx.objectStore('keys').put('secret', 'k');
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          };
        });
      });
      await browser.close();
    } finally {
      server.close();
    }
    // Give this origin's database WhatsApp's name, as web.whatsapp.com would have made it.
    renameSync(join(profileDir, 'Default', 'IndexedDB', `http_127.0.0.1_${port}.indexeddb.leveldb`), join(profileDir, WHATSAPP_INDEXEDDB));
    markProfileLinked(profileDir, Date.now());
    expect(sessionFoldersPresent(profileDir)).toEqual([
      'Default/IndexedDB',
      'Default/Local Storage',
      WHATSAPP_INDEXEDDB,
      'Default/Local Storage/leveldb',
    ]);
    expect(await prepare()).toEqual({ ok: true, actions: [] });

    const manifest = readFileSync(join(profileDir, WHATSAPP_INDEXEDDB, 'CURRENT'), 'utf8').trim();
    rmSync(join(profileDir, WHATSAPP_INDEXEDDB, manifest));
    const damaged = await prepare();
    expect(damaged.ok).toBe(false);
    if (damaged.ok) return;
    expect(damaged.reason).toBe(`${WHATSAPP_INDEXEDDB} names ${manifest}, which is missing`);
    expect(existsSync(join(damaged.quarantinedTo, 'Default', 'Local Storage', 'leveldb', 'CURRENT'))).toBe(true);
  });
});
