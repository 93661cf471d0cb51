// Before every browser launch: end the browser a previous run left behind, clear profile locks
// whose owner is gone, and check that a linked profile still has its session files. A profile
// that fails the check is moved aside (never deleted) so the engine restores a backup or links.
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { ProcessInfo } from './process-info.ts';

/** The LocalAuth profile directory for a data path (whatsapp-web.js LocalAuth.beforeBrowserInitialized). */
export function localAuthProfileDir(dataPath: string, clientId?: string): string {
  return join(resolve(dataPath), clientId ? `session-${clientId}` : 'session');
}

/** Written into the profile by the engine once WhatsApp reports `ready`: this profile is linked. */
export const LINKED_MARKER_FILE = 'comanda-linked.json';

/** Where WhatsApp Web keeps its keys (IndexedDB) and session hints (Local Storage) in a profile. */
export const CRITICAL_DIRS = ['Default/IndexedDB', 'Default/Local Storage'] as const;
export const WHATSAPP_INDEXEDDB = 'Default/IndexedDB/https_web.whatsapp.com_0.indexeddb.leveldb';
const LOCAL_STORAGE_LEVELDB = 'Default/Local Storage/leveldb';
/** WhatsApp's own IndexedDB entries start with its origin. */
const WHATSAPP_ORIGIN_PREFIX = 'https_web.whatsapp.com_0.';

interface LinkedMarker {
  linkedAt: string;
  /** The session folders that existed when WhatsApp reported ready: exactly what must still be there. */
  expects: string[];
}

/** Chromium's profile locks: symlinks on Linux/macOS, an exclusively opened file on Windows. */
const POSIX_LOCK = 'SingletonLock';
const POSIX_LOCK_COMPANIONS = ['SingletonCookie', 'SingletonSocket'];
const WINDOWS_LOCK = 'lockfile';

export interface PrepareProfileOptions {
  profileDir: string;
  pidFile: string;
  processInfo: (pid: number) => ProcessInfo;
  /** Signals the browser and its helper processes: `killProcessTree` from process-info.ts. */
  kill: (pid: number, signal: NodeJS.Signals) => void;
  clock: Clock;
  logger: Logger;
  /** Defaults to process.platform. */
  platform?: NodeJS.Platform;
  /** This computer's name as Chromium writes it into SingletonLock; defaults to os.hostname(). */
  hostname?: string;
  /** How long a SIGTERM'd browser gets to close cleanly before SIGKILL (default 5 s). */
  gracefulExitMs?: number;
  /** How long to wait after SIGKILL before giving up (default 3 s). */
  forcedExitMs?: number;
  /** Removes a file; Windows refuses while the owner holds it open. Defaults to fs.rmSync. */
  removeFile?: (path: string) => void;
}

export type PrepareProfileResult =
  | { ok: true; actions: string[] }
  | { ok: false; reason: string; quarantinedTo: string; actions: string[] };

/** The previous browser would not exit: launching now would fight it for the profile. */
export class ProfileInUseError extends Error {
  readonly pid: number;
  constructor(pid: number, profileDir: string) {
    super(`The browser from the previous run (pid ${pid}) is still using ${profileDir} and did not exit`);
    this.name = 'ProfileInUseError';
    this.pid = pid;
  }
}

const POLL_MS = 100;

export async function prepareProfile(options: PrepareProfileOptions): Promise<PrepareProfileResult> {
  const platform = options.platform ?? process.platform;
  const profileDir = resolve(options.profileDir);
  const actions: string[] = [];
  const log = options.logger.child({ component: 'profile-hygiene' });
  const act = (action: string, fields: Record<string, unknown> = {}) => {
    actions.push(action);
    log.info(action, fields);
  };
  const context = { ...options, platform, profileDir, act };

  await endRecordedBrowser(context);
  const lockHeld = platform === 'win32' ? clearWindowsLock(context) : await clearPosixLocks(context);
  if (lockHeld) {
    // Moving a profile another live process writes to would split it; the launch fails and is retried.
    act('session check skipped while another process holds the profile');
    return { ok: true, actions };
  }

  const problem = verifyProfile(profileDir);
  if (problem === undefined) return { ok: true, actions };
  const quarantinedTo = quarantine(profileDir, options.clock.now());
  actions.push(`profile failed verification (${problem}); moved to ${quarantinedTo}`);
  log.warn('profile quarantined', { reason: problem, quarantinedTo });
  for (const removed of pruneQuarantined(profileDir, KEEP_QUARANTINED)) actions.push(`older quarantined profile ${removed} removed`);
  return { ok: false, reason: problem, quarantinedTo, actions };
}

type Context = PrepareProfileOptions & {
  platform: NodeJS.Platform;
  profileDir: string;
  act: (action: string, fields?: Record<string, unknown>) => void;
};

/** Ends the browser whose pid the last run recorded, if it is still this profile's browser. */
async function endRecordedBrowser(context: Context): Promise<void> {
  const { pidFile, act } = context;
  let raw: string;
  try {
    raw = readFileSync(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    act('browser pid file unreadable; ignored', { pidFile, code: (error as NodeJS.ErrnoException).code });
    return;
  }
  const pid = parsePid(raw);
  if (pid === undefined) {
    rmSync(pidFile, { force: true });
    act('browser pid file held no pid; removed', { pidFile });
    return;
  }
  const info = context.processInfo(pid);
  if (!info.alive) {
    act(`previous browser (pid ${pid}) already gone`, { pid });
  } else if (isBrowserForProfile(info.cmdline, context.profileDir, context.platform)) {
    await endBrowser(context, pid);
  } else {
    // A recycled pid (or one whose command line cannot be read) is never touched.
    act(`pid ${pid} is alive but not this profile's browser; left alone`, { pid });
  }
  rmSync(pidFile, { force: true });
}

async function endBrowser(context: Context, pid: number): Promise<void> {
  context.act(`ending previous browser (pid ${pid})`, { pid });
  signalBrowser(context, pid, 'SIGTERM');
  if (await waitForExit(context, pid, context.gracefulExitMs ?? 5_000)) {
    context.act(`previous browser (pid ${pid}) exited`, { pid });
    return;
  }
  signalBrowser(context, pid, 'SIGKILL');
  if (await waitForExit(context, pid, context.forcedExitMs ?? 3_000)) {
    context.act(`previous browser (pid ${pid}) killed`, { pid });
    return;
  }
  throw new ProfileInUseError(pid, context.profileDir);
}

function signalBrowser(context: Context, pid: number, signal: NodeJS.Signals): void {
  try {
    context.kill(pid, signal);
  } catch (error) {
    // Gone between the check and the signal: that is what was wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitForExit(context: Context, pid: number, withinMs: number): Promise<boolean> {
  const deadline = context.clock.now() + withinMs;
  for (;;) {
    if (!context.processInfo(pid).alive) return true;
    if (context.clock.now() >= deadline) return false;
    await new Promise<void>((done) => context.clock.setTimeout(done, POLL_MS));
  }
}

/**
 * SingletonLock is a symlink to "<hostname>-<pid>" (SingletonCookie and SingletonSocket point into
 * a temp dir). Chromium itself clears a lock whose pid is dead on this host, but refuses one from
 * another hostname — which is what a profile restored from a backup, or a renamed PC, carries.
 */
async function clearPosixLocks(context: Context): Promise<boolean> {
  const { profileDir, act } = context;
  const lockPath = join(profileDir, POSIX_LOCK);
  const remove = context.removeFile ?? ((path: string) => rmSync(path, { force: true }));
  const removeCompanions = () => {
    const socketDir = socketTempDir(join(profileDir, 'SingletonSocket'));
    for (const name of POSIX_LOCK_COMPANIONS) {
      const path = join(profileDir, name);
      if (isPresent(path)) {
        remove(path);
        act(`removed stale ${name}`);
      }
    }
    if (socketDir !== undefined) {
      rmSync(socketDir, { recursive: true, force: true });
      act('removed the dead browser\'s socket directory', { socketDir });
    }
  };
  if (!isPresent(lockPath)) {
    // Without a lock no browser owns the socket and cookie; they are leftovers.
    removeCompanions();
    return false;
  }
  const owner = readLockOwner(lockPath);
  if (owner === undefined) {
    remove(lockPath);
    act(`removed ${POSIX_LOCK} that names no owner`);
    removeCompanions();
    return false;
  }
  const thisHost = context.hostname ?? osHostname();
  if (owner.host !== thisHost) {
    remove(lockPath);
    act(`removed ${POSIX_LOCK} left by another computer (${owner.host}, pid ${owner.pid})`, owner);
    removeCompanions();
    return false;
  }
  const info = context.processInfo(owner.pid);
  if (info.alive && info.cmdline === undefined) {
    act(`${POSIX_LOCK} kept: its owner (pid ${owner.pid}) is alive and cannot be identified`, owner);
    return true;
  }
  if (info.alive && isBrowserForProfile(info.cmdline, profileDir, context.platform)) {
    // A browser of this profile that no pid file recorded (the last run died before writing it).
    await endBrowser(context, owner.pid);
  } else if (info.alive) {
    act(`owner of ${POSIX_LOCK} (pid ${owner.pid}) is another program now (recycled pid)`, owner);
  }
  if (isPresent(lockPath)) {
    remove(lockPath);
    act(`removed stale ${POSIX_LOCK} (owner pid ${owner.pid} gone)`, owner);
  }
  removeCompanions();
  return false;
}

/**
 * SingletonSocket points into a temp dir Chromium made for it (e.g. /tmp/org.chromium.Chromium.AbC123)
 * and removes on a clean exit only; after a kill it is left behind. Returned only when it is
 * recognisably that dir and holds nothing but the singleton files, so nothing else is ever removed.
 */
function socketTempDir(socketLink: string): string | undefined {
  let target: string;
  try {
    target = readlinkSync(socketLink);
  } catch {
    return undefined;
  }
  const dir = dirname(resolve(dirname(socketLink), target));
  if (!/^(org\.chromium\.Chromium|com\.google\.Chrome[\w.]*|com\.microsoft\.Edge[\w.]*)\.\w+$/.test(basename(dir))) {
    return undefined;
  }
  try {
    const entries = readdirSync(dir);
    return entries.every((entry) => entry === 'SingletonSocket' || entry === 'SingletonCookie') ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Windows: the running browser holds `lockfile` open, so deleting it succeeds only when it is gone. */
function clearWindowsLock(context: Context): boolean {
  const path = join(context.profileDir, WINDOWS_LOCK);
  if (!isPresent(path)) return false;
  const remove = context.removeFile ?? ((target: string) => rmSync(target, { force: true }));
  try {
    remove(path);
    context.act(`removed stale ${WINDOWS_LOCK}`);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES') throw error;
    context.act(`${WINDOWS_LOCK} kept: a running browser holds it`, { code });
    return true;
  }
}

export function readLockOwner(lockPath: string): { host: string; pid: number } | undefined {
  let target: string;
  try {
    target = readlinkSync(lockPath);
  } catch {
    return undefined; // not a symlink: Chromium never writes that, so it names nobody
  }
  const dash = target.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const pid = parsePid(target.slice(dash + 1));
  return pid === undefined ? undefined : { host: target.slice(0, dash), pid };
}

/** True when the command line is a browser started with --user-data-dir=<profileDir>. */
export function isBrowserForProfile(
  cmdline: string | undefined,
  profileDir: string,
  platform: NodeJS.Platform,
): boolean {
  if (cmdline === undefined) return false;
  const fold = (text: string) => (platform === 'win32' ? text.toLowerCase() : text);
  const haystack = fold(cmdline);
  const dir = fold(profileDir).replace(/[\\/]+$/, '');
  for (const needle of [`--user-data-dir=${dir}`, `--user-data-dir="${dir}"`]) {
    let at = haystack.indexOf(needle);
    while (at !== -1) {
      const next = haystack.charAt(at + needle.length);
      // The flag must end there: /a/session must not match /a/session-old.
      if (next === '' || next === '\0' || next === ' ' || next === '"') return true;
      at = haystack.indexOf(needle, at + 1);
    }
  }
  return false;
}

/**
 * Undefined when the profile is fine to launch. A profile "claims to be linked" when the engine
 * wrote LINKED_MARKER_FILE into it (WhatsApp reported ready with this profile). The marker lists
 * the session folders that existed at that moment, so the check follows this browser's own layout:
 * if a browser update moves its storage, one quarantine and relink record the new layout instead
 * of failing every launch. Those folders must be readable directories, and the LevelDB ones must
 * open (CURRENT names an existing MANIFEST). Without the marker only a WhatsApp database that is
 * present is checked. A missing or empty profile is simply not linked yet.
 */
export function verifyProfile(profileDir: string): string | undefined {
  let stats;
  try {
    stats = statSync(profileDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `profile unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (!stats.isDirectory()) return 'profile path is not a directory';
  let entries: string[];
  try {
    entries = readdirSync(profileDir);
  } catch (error) {
    return `profile unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const expected = entries.includes(LINKED_MARKER_FILE)
    ? readMarker(profileDir).expects
    : existsSync(join(profileDir, WHATSAPP_INDEXEDDB))
      ? [WHATSAPP_INDEXEDDB]
      : [];
  for (const dir of expected) {
    const problem = readableDirProblem(join(profileDir, dir));
    if (problem) return `${dir} ${problem}`;
  }
  for (const dir of expected.filter(isLevelDb)) {
    const problem = levelDbProblem(join(profileDir, dir));
    if (problem) return `${dir} ${problem}`;
  }
  return undefined;
}

function isLevelDb(dir: string): boolean {
  return dir.endsWith('.leveldb') || dir === LOCAL_STORAGE_LEVELDB;
}

/** A marker that cannot be read still says "linked": then the two critical folders are required. */
function readMarker(profileDir: string): LinkedMarker {
  try {
    const parsed = JSON.parse(readFileSync(join(profileDir, LINKED_MARKER_FILE), 'utf8')) as Partial<LinkedMarker>;
    if (Array.isArray(parsed.expects) && parsed.expects.every((entry) => typeof entry === 'string')) {
      // Only relative paths inside the profile; anything else in a hand-edited marker is ignored.
      const expects = parsed.expects.filter((entry) => !entry.startsWith('/') && !entry.split(/[\\/]/).includes('..'));
      return { linkedAt: String(parsed.linkedAt ?? ''), expects };
    }
  } catch {
    // fall through
  }
  return { linkedAt: '', expects: [...CRITICAL_DIRS] };
}

/** The session folders present now: IndexedDB, Local Storage, and WhatsApp's databases in them. */
export function sessionFoldersPresent(profileDir: string): string[] {
  const present: string[] = [];
  for (const dir of CRITICAL_DIRS) if (isDirectory(join(profileDir, dir))) present.push(dir);
  if (present.includes('Default/IndexedDB')) {
    for (const entry of readdirSync(join(profileDir, 'Default/IndexedDB')).sort()) {
      const dir = `Default/IndexedDB/${entry}`;
      // Only the databases: a blob folder may come and go with attachments.
      if (entry.startsWith(WHATSAPP_ORIGIN_PREFIX) && entry.endsWith('.leveldb') && isDirectory(join(profileDir, dir))) {
        present.push(dir);
      }
    }
  }
  if (isDirectory(join(profileDir, LOCAL_STORAGE_LEVELDB))) present.push(LOCAL_STORAGE_LEVELDB);
  return present;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readableDirProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isDirectory()) return 'is not a directory';
    readdirSync(path);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'is missing' : `is unreadable (${code ?? 'error'})`;
  }
}

/** A LevelDB database opens from CURRENT, which names the live MANIFEST file. */
function levelDbProblem(dir: string): string | undefined {
  let current: string;
  try {
    current = readFileSync(join(dir, 'CURRENT'), 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'has no CURRENT file' : `CURRENT is unreadable (${code ?? 'error'})`;
  }
  if (!/^MANIFEST-\d+$/.test(current)) return 'CURRENT does not name a MANIFEST';
  try {
    closeSync(openSync(join(dir, current), 'r'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `names ${current}, which is missing` : `${current} is unreadable (${code ?? 'error'})`;
  }
  return undefined;
}

/** Quarantined profiles kept for a person to look at; older ones would only fill the disk. */
export const KEEP_QUARANTINED = 2;

/** Removes all but the newest `keep` quarantined copies of profileDir; returns what it removed. */
export function pruneQuarantined(profileDir: string, keep: number): string[] {
  const prefix = `${basename(profileDir)}.quarantine-`;
  let names: string[];
  try {
    names = readdirSync(dirname(profileDir)).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  // The names carry an ISO timestamp (and a counter within one millisecond): they sort by age.
  const byAge = names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const removed: string[] = [];
  for (const name of byAge.slice(0, Math.max(0, byAge.length - keep))) {
    const path = join(dirname(profileDir), name);
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 3 });
      removed.push(path);
    } catch {
      /* still in use or unreadable: kept, tried again at the next quarantine */
    }
  }
  return removed;
}

/** Renames the profile to `<dir>.quarantine-<UTC timestamp>`; a clash gets a counter. */
function quarantine(profileDir: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let target = `${profileDir}.quarantine-${stamp}`;
  for (let n = 2; isPresent(target); n++) target = `${profileDir}.quarantine-${stamp}-${n}`;
  try {
    renameSync(profileDir, target);
  } catch (error) {
    throw new Error(`Could not move the damaged WhatsApp profile ${profileDir} aside to ${target}`, { cause: error });
  }
  return target;
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path); // lstat: a dangling symlink (a stale lock) is present
    return true;
  } catch {
    return false;
  }
}

function parsePid(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const pid = Number(trimmed);
  return pid > 0 && Number.isSafeInteger(pid) ? pid : undefined;
}

/** Records the browser's pid after launch so the next prepareProfile can end it if it is left over. */
export function recordBrowserPid(pidFile: string, pid: number): void {
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`Not a process id: ${pid}`);
  mkdirSync(dirname(pidFile), { recursive: true });
  const temp = `${pidFile}.tmp`;
  writeFileSync(temp, `${pid}\n`);
  renameSync(temp, pidFile); // a crash mid-write never leaves half a pid
}

/** Forgets the recorded pid after the browser was closed cleanly. */
export function clearBrowserPid(pidFile: string): void {
  rmSync(pidFile, { force: true });
}

/**
 * Marks the profile as linked; call when WhatsApp reports ready. It records which session folders
 * exist now, and prepareProfile then requires exactly those. Calling it again (every ready) keeps
 * the list current as WhatsApp creates more.
 */
export function markProfileLinked(profileDir: string, at: number): void {
  mkdirSync(profileDir, { recursive: true });
  const marker: LinkedMarker = { linkedAt: new Date(at).toISOString(), expects: sessionFoldersPresent(profileDir) };
  const path = join(profileDir, LINKED_MARKER_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(marker) + '\n');
  renameSync(`${path}.tmp`, path);
}
