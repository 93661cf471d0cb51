import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSystemProcessInfo, killProcessTree, parsePsLine } from '../../electron/whatsapp/process-info.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const hasProc = existsSync('/proc/self/cmdline');
const noSuchProcess = () => {
  throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
};

describe('processInfo from /proc', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it.skipIf(!hasProc)('reads a live process and its NUL-separated arguments, then sees it gone', async () => {
    const info = createSystemProcessInfo();
    // sh keeps running (the trailing ':' stops it from exec'ing sleep) and carries the argument;
    // `sleep 30 --user-data-dir=…` would reject the option and exit at once, racing the read.
    const child = spawn('sh', ['-c', 'sleep 30; :', 'sh', '--user-data-dir=/tmp/x y'], { stdio: 'ignore', detached: true });
    const exited = new Promise((done) => child.once('exit', done));
    try {
      const live = info(child.pid!);
      expect(live.alive).toBe(true);
      expect(live.cmdline).toBe('sh\u0000-c\u0000sleep 30; :\u0000sh\u0000--user-data-dir=/tmp/x y');
    } finally {
      process.kill(-child.pid!, 'SIGKILL'); // the group: sh and its sleep
    }
    await exited;
    expect(info(child.pid!)).toEqual({ alive: false });
  });

  it('treats a zombie as gone even though it still answers signal 0', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    mkdirSync(join(temp.dir, '500'));
    writeFileSync(join(temp.dir, '500', 'stat'), '500 (chrome (x) y) Z 1 500 500 0 -1');
    writeFileSync(join(temp.dir, '500', 'cmdline'), '');
    mkdirSync(join(temp.dir, '501'));
    writeFileSync(join(temp.dir, '501', 'stat'), '501 (chrome) S 1 501 501 0 -1');
    writeFileSync(join(temp.dir, '501', 'cmdline'), '/opt/google/chrome/chrome\0--user-data-dir=/d\0');
    const info = createSystemProcessInfo({ platform: 'linux', procRoot: temp.dir, signalZero: () => {} });
    expect(info(500)).toEqual({ alive: false });
    expect(info(501)).toEqual({ alive: true, cmdline: '/opt/google/chrome/chrome\0--user-data-dir=/d' });
  });

  it('falls back to signal 0 without /proc, counting EPERM as alive', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const eperm = () => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    };
    expect(createSystemProcessInfo({ platform: 'linux', procRoot: temp.dir, signalZero: eperm })(7)).toEqual({
      alive: true,
    });
    expect(createSystemProcessInfo({ platform: 'linux', procRoot: temp.dir, signalZero: noSuchProcess })(7)).toEqual({
      alive: false,
    });
  });

  it('answers "not alive" for pids that cannot be processes', () => {
    const info = createSystemProcessInfo({ signalZero: () => {} });
    expect(info(0)).toEqual({ alive: false });
    expect(info(-5)).toEqual({ alive: false });
    expect(info(1.5)).toEqual({ alive: false });
  });
});

describe('processInfo on macOS (ps)', () => {
  it('reads state and command line, and treats a zombie as gone', () => {
    const calls: string[][] = [];
    const outputs = [
      'Ss   /Applications/Google Chrome.app/Contents/MacOS/Google Chrome --user-data-dir=/Users/a/session\n',
      'Z    (Google Chrome)\n',
    ];
    const info = createSystemProcessInfo({
      platform: 'darwin',
      signalZero: () => {},
      run: (command, args) => {
        calls.push([command, ...args]);
        return { status: 0, stdout: outputs.shift()! };
      },
    });
    expect(info(900)).toEqual({
      alive: true,
      cmdline: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome --user-data-dir=/Users/a/session',
    });
    expect(info(901)).toEqual({ alive: false });
    expect(calls[0]).toEqual(['ps', '-ww', '-o', 'stat=,command=', '-p', '900']);
  });

  it('does not run ps for a pid that is gone', () => {
    const info = createSystemProcessInfo({
      platform: 'darwin',
      signalZero: noSuchProcess,
      run: () => {
        throw new Error('ps must not run');
      },
    });
    expect(info(900)).toEqual({ alive: false });
  });

  it('parses ps lines', () => {
    expect(parsePsLine('')).toEqual({ alive: false });
    expect(parsePsLine('R+')).toEqual({ alive: true });
  });
});

describe('processInfo on Windows (CIM)', () => {
  it('asks PowerShell for the command line of a live pid', () => {
    let script = '';
    const info = createSystemProcessInfo({
      platform: 'win32',
      signalZero: () => {},
      run: (command, args) => {
        expect(command).toBe('powershell.exe');
        script = args.at(-1)!;
        return { status: 0, stdout: '"C:\\Chrome\\chrome.exe" --user-data-dir=C:\\d\r\n' };
      },
    });
    expect(info(321)).toEqual({ alive: true, cmdline: '"C:\\Chrome\\chrome.exe" --user-data-dir=C:\\d' });
    expect(script).toContain('ProcessId=321');
  });

  it('reports alive without a command line when PowerShell cannot tell', () => {
    const info = createSystemProcessInfo({
      platform: 'win32',
      signalZero: () => {},
      run: () => ({ status: 1, stdout: '' }),
    });
    expect(info(321)).toEqual({ alive: true });
  });
});

describe('killProcessTree', () => {
  it.skipIf(!hasProc)('ends a whole process group, helpers included', async () => {
    const info = createSystemProcessInfo();
    const leader = spawn('sh', ['-c', 'sleep 31 & echo $!; wait'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    const helperPid = await new Promise<number>((done) => leader.stdout.once('data', (data) => done(Number(String(data).trim()))));
    const exited = new Promise((done) => leader.once('exit', done));
    expect(info(helperPid).alive).toBe(true);
    killProcessTree(leader.pid!, 'SIGKILL');
    await exited;
    for (let i = 0; i < 50 && info(helperPid).alive; i++) await new Promise((done) => setTimeout(done, 20));
    expect(info(helperPid).alive).toBe(false);
  });

  it('signals the process alone when it leads no group, and never uses groups on Windows', () => {
    const sent: Array<[number, string]> = [];
    const kill = (pid: number, signal: NodeJS.Signals) => {
      sent.push([pid, signal]);
      if (pid < 0) throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    };
    killProcessTree(77, 'SIGTERM', { platform: 'linux', kill });
    expect(sent).toEqual([
      [-77, 'SIGTERM'],
      [77, 'SIGTERM'],
    ]);
    sent.length = 0;
    killProcessTree(77, 'SIGTERM', { platform: 'win32', kill });
    expect(sent).toEqual([[77, 'SIGTERM']]);
  });
});
