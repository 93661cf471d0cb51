import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeMissingBrowser,
  describeMissingConfiguredBrowser,
  discoverBrowser,
  executableExists,
} from '../../electron/whatsapp/browser-discovery.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const present = (...paths: string[]) => (path: string) => paths.includes(path);

describe('discoverBrowser on Linux', () => {
  it('uses the path from settings when it exists', () => {
    const result = discoverBrowser({
      settingsPath: '/opt/custom/chrome',
      platform: 'linux',
      env: {},
      exists: present('/opt/custom/chrome', '/usr/bin/chromium'),
    });
    expect(result).toEqual({ path: '/opt/custom/chrome', searched: ['/opt/custom/chrome'] });
  });

  it('reports a configured path that is not there and keeps looking', () => {
    const result = discoverBrowser({
      settingsPath: '/opt/typo/chrome',
      platform: 'linux',
      env: {},
      exists: present('/usr/bin/chromium'),
    });
    expect(result.path).toBe('/usr/bin/chromium');
    expect(result.configuredPathMissing).toBe('/opt/typo/chrome');
    expect(result.searched[0]).toBe('/opt/typo/chrome');
    expect(result.searched.at(-1)).toBe('/usr/bin/chromium');
  });

  it('ignores a blank settings path', () => {
    const result = discoverBrowser({ settingsPath: '  ', platform: 'linux', env: {}, exists: present('/usr/bin/chromium') });
    expect(result.configuredPathMissing).toBeUndefined();
    expect(result.searched[0]).toBe('/usr/bin/google-chrome-stable');
  });

  it('prefers Chrome, then Edge, then Chromium', () => {
    const all = present('/usr/bin/chromium', '/usr/bin/microsoft-edge', '/opt/google/chrome/chrome');
    expect(discoverBrowser({ platform: 'linux', env: {}, exists: all }).path).toBe('/opt/google/chrome/chrome');
    const noChrome = present('/usr/bin/chromium', '/usr/bin/microsoft-edge');
    expect(discoverBrowser({ platform: 'linux', env: {}, exists: noChrome }).path).toBe('/usr/bin/microsoft-edge');
    expect(discoverBrowser({ platform: 'linux', env: {}, exists: present('/snap/bin/chromium') }).path).toBe(
      '/snap/bin/chromium',
    );
  });

  it('falls back to PATH, split on ":" with empty entries skipped', () => {
    const result = discoverBrowser({
      platform: 'linux',
      env: { PATH: '/home/ana/bin::/usr/local/bin' },
      exists: present('/usr/local/bin/chromium-browser'),
    });
    expect(result.path).toBe('/usr/local/bin/chromium-browser');
    expect(result.searched).toContain('/home/ana/bin/google-chrome');
    expect(result.searched).not.toContain('/chromium');
  });

  it('lists every place looked at, without repeats, when nothing is found', () => {
    const result = discoverBrowser({
      settingsPath: '/usr/bin/chromium',
      platform: 'linux',
      env: { PATH: '/usr/bin:/usr/bin' },
      exists: () => false,
    });
    expect(result.path).toBeUndefined();
    expect(result.configuredPathMissing).toBe('/usr/bin/chromium');
    expect(new Set(result.searched).size).toBe(result.searched.length);
    expect(result.searched).toEqual(
      expect.arrayContaining(['/usr/bin/google-chrome', '/opt/microsoft/msedge/msedge', '/snap/bin/chromium']),
    );
  });
});

describe('discoverBrowser on Windows', () => {
  const env = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'D:\\Apps (x86)',
    LocalAppData: 'C:\\Users\\Ana\\AppData\\Local',
    Path: 'C:\\Windows;"C:\\Tools; with semicolon";;C:\\bin',
  };

  it('finds Edge where Windows installs it, reading environment names case-insensitively', () => {
    const edge = 'D:\\Apps (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const result = discoverBrowser({ platform: 'win32', env, exists: present(edge) });
    expect(result.path).toBe(edge);
    expect(result.searched.slice(0, 3)).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\Ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });

  it('uses the default Program Files folders when the environment lacks them', () => {
    const result = discoverBrowser({ platform: 'win32', env: {}, exists: () => false });
    expect(result.searched).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(result.searched).toContain('C:\\Program Files\\Chromium\\Application\\chrome.exe');
  });

  it('searches PATH split on ";" with quotes removed', () => {
    const result = discoverBrowser({ platform: 'win32', env, exists: present('C:\\bin\\msedge.exe') });
    expect(result.path).toBe('C:\\bin\\msedge.exe');
    expect(result.searched).toContain('C:\\Windows\\chrome.exe');
    expect(result.searched).toContain('C:\\Tools; with semicolon\\chrome.exe');
    expect(result.searched.filter((path) => path.endsWith('chrome.exe') && !path.includes('Application'))).toHaveLength(3);
  });

  it('finds a per-user Chrome install in LOCALAPPDATA', () => {
    const chrome = 'C:\\Users\\Ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(discoverBrowser({ platform: 'win32', env, exists: present(chrome) }).path).toBe(chrome);
  });
});

describe('discoverBrowser on macOS', () => {
  it('looks in /Applications and then ~/Applications', () => {
    const userChrome = '/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const result = discoverBrowser({ platform: 'darwin', env: { HOME: '/Users/ana' }, exists: present(userChrome) });
    expect(result.path).toBe(userChrome);
    expect(result.searched[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('finds Edge when there is no Chrome', () => {
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(discoverBrowser({ platform: 'darwin', env: {}, exists: present(edge) }).path).toBe(edge);
  });
});

describe('describeMissingBrowser', () => {
  it('says in plain words what to install and where it looked', () => {
    const message = describeMissingBrowser(['/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(message).toContain('Install Google Chrome or Microsoft Edge');
    expect(message).toContain('/usr/bin/google-chrome, /usr/bin/chromium');
    expect(describeMissingBrowser(['/usr/bin/chromium'], 'es')).toContain('Instala Google Chrome o Microsoft Edge');
  });

  it('names a wrong configured path', () => {
    expect(describeMissingConfiguredBrowser('/opt/typo')).toContain('/opt/typo');
    expect(describeMissingConfiguredBrowser('/opt/typo', 'es')).toContain('no existe');
  });
});

describe('executableExists', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('accepts an executable file only', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const runnable = join(temp.dir, 'chrome');
    const plain = join(temp.dir, 'notes.txt');
    writeFileSync(runnable, '#!/bin/sh\n');
    chmodSync(runnable, 0o755);
    writeFileSync(plain, 'x');
    chmodSync(plain, 0o644);
    mkdirSync(join(temp.dir, 'folder'));
    expect(executableExists(runnable)).toBe(true);
    expect(executableExists(join(temp.dir, 'folder'))).toBe(false);
    expect(executableExists(join(temp.dir, 'missing'))).toBe(false);
    // root may execute any file with an x bit; a file with none is refused even for root
    expect(executableExists(plain)).toBe(false);
  });
});
