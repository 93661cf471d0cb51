// Is a process alive, and what is its command line? The real answer for profile hygiene, which
// must never end a process whose pid was recycled: it only acts on a command line it can read.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessInfo {
  alive: boolean;
  /** Arguments separated by NUL where the OS gives them apart (/proc), else as the OS prints them. */
  cmdline?: string;
}

export interface SystemProcessInfoDeps {
  platform?: NodeJS.Platform;
  /** Root of the proc filesystem (tests point it elsewhere). */
  procRoot?: string;
  /** Runs a helper command (ps, powershell) and returns its exit status and stdout. */
  run?: (command: string, args: string[]) => { status: number | null; stdout: string };
  /** `process.kill(pid, 0)`: throws ESRCH when there is no such process. */
  signalZero?: (pid: number) => void;
}

const HELPER_TIMEOUT_MS = 10_000;

function runHelper(command: string, args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: HELPER_TIMEOUT_MS, windowsHide: true });
  return { status: result.status, stdout: typeof result.stdout === 'string' ? result.stdout : '' };
}

/** processInfo(pid) for this machine: /proc on Linux, `ps` on macOS, CIM via PowerShell on Windows. */
export function createSystemProcessInfo(deps: SystemProcessInfoDeps = {}): (pid: number) => ProcessInfo {
  const platform = deps.platform ?? process.platform;
  const procRoot = deps.procRoot ?? '/proc';
  const run = deps.run ?? runHelper;
  const signalZero = deps.signalZero ?? ((pid: number) => void process.kill(pid, 0));

  const answersSignal = (pid: number): boolean => {
    try {
      signalZero(pid);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to someone else.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };

  return (pid) => {
    if (!Number.isInteger(pid) || pid <= 0) return { alive: false };
    if (platform === 'linux') {
      const fromProc = readProc(procRoot, pid);
      if (fromProc) return fromProc;
      return { alive: answersSignal(pid) };
    }
    if (!answersSignal(pid)) return { alive: false };
    if (platform === 'win32') {
      const result = run('powershell.exe', [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `(Get-CimInstance Win32_Process -Filter "ProcessId=${pid}").CommandLine`,
      ]);
      const cmdline = result.status === 0 ? result.stdout.trim() : '';
      return cmdline === '' ? { alive: true } : { alive: true, cmdline };
    }
    // macOS and other Unixes: `ps` prints the state and the full command line.
    const result = run('ps', ['-ww', '-o', 'stat=,command=', '-p', String(pid)]);
    if (result.status !== 0) return { alive: answersSignal(pid) };
    return parsePsLine(result.stdout);
  };
}

/** Undefined when /proc has no answer (no /proc, or the pid is gone). */
function readProc(procRoot: string, pid: number): ProcessInfo | undefined {
  let stat: string;
  try {
    stat = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The state letter follows the parenthesised name (which may itself hold spaces or parens).
  const state = stat.slice(stat.lastIndexOf(')') + 1).trim().charAt(0);
  // A zombie (Z) or dead (X) process is gone for our purposes, though it still answers signal 0.
  if (state === 'Z' || state === 'X') return { alive: false };
  try {
    const raw = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8').replace(/\0+$/, '');
    return raw === '' ? { alive: true } : { alive: true, cmdline: raw };
  } catch {
    return { alive: true };
  }
}

export function parsePsLine(output: string): ProcessInfo {
  const line = output.trim();
  if (line === '') return { alive: false };
  const match = /^(\S+)\s+(.*)$/.exec(line);
  const state = match ? match[1]! : line;
  if (state.startsWith('Z')) return { alive: false };
  const cmdline = match?.[2]?.trim();
  return cmdline ? { alive: true, cmdline } : { alive: true };
}

/**
 * The real `kill` for prepareProfile: on Linux/macOS puppeteer starts the browser as a process
 * group leader, so the whole group (browser, zygotes, renderers, GPU) gets the signal; a process
 * that leads no group gets it alone. Windows has no groups; Chrome's helpers end with the browser.
 */
export function killProcessTree(
  pid: number,
  signal: NodeJS.Signals,
  deps: { platform?: NodeJS.Platform; kill?: (pid: number, signal: NodeJS.Signals) => void } = {},
): void {
  const kill = deps.kill ?? ((target: number, sig: NodeJS.Signals) => void process.kill(target, sig));
  if ((deps.platform ?? process.platform) !== 'win32') {
    try {
      kill(-pid, signal);
      return;
    } catch {
      // No group led by this pid: signal the process alone.
    }
  }
  kill(pid, signal);
}
