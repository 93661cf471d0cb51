// Finds a Chrome, Edge or Chromium on the restaurant's PC for whatsapp-web.js to drive.
// Pure: the platform, environment and file check come in, so every platform is testable anywhere.
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export interface DiscoverBrowserOptions {
  /** The browser path from settings (whatsapp.browserPath), if the owner set one. */
  settingsPath?: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** True when an executable file is at the path (see `executableExists`). */
  exists: (path: string) => boolean;
}

export type BrowserDiscovery =
  | { path: string; searched: string[]; configuredPathMissing?: string }
  | { path: undefined; searched: string[]; configuredPathMissing?: string };

/**
 * Looks, in order, at the path in settings, the standard install places of Chrome, Edge and
 * Chromium for the platform, then the platform's browser names on PATH. A configured path that is
 * not there does not stop the search (WhatsApp still works if a browser is installed elsewhere),
 * but it is reported as `configuredPathMissing` so the caller can log it and show it: a wrong
 * setting must be visible, not silently ignored. `searched` lists every path looked at, in order.
 */
export function discoverBrowser(options: DiscoverBrowserOptions): BrowserDiscovery {
  const searched: string[] = [];
  const configured = options.settingsPath?.trim();
  let configuredPathMissing: string | undefined;
  const look = (candidate: string): boolean => {
    if (searched.includes(candidate)) return false;
    searched.push(candidate);
    return options.exists(candidate);
  };
  const found = (path: string): BrowserDiscovery =>
    configuredPathMissing === undefined ? { path, searched } : { path, searched, configuredPathMissing };

  if (configured) {
    if (look(configured)) return found(configured);
    configuredPathMissing = configured;
  }
  for (const candidate of standardLocations(options.platform, options.env)) {
    if (look(candidate)) return found(candidate);
  }
  for (const candidate of pathCandidates(options.platform, options.env)) {
    if (look(candidate)) return found(candidate);
  }
  return configuredPathMissing === undefined
    ? { path: undefined, searched }
    : { path: undefined, searched, configuredPathMissing };
}

/** Where each browser's installer puts it, Chrome first, then Edge, then Chromium. */
export function standardLocations(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    const programFiles = envValue(env, 'PROGRAMFILES', platform) ?? 'C:\\Program Files';
    const programFilesX86 = envValue(env, 'PROGRAMFILES(X86)', platform) ?? 'C:\\Program Files (x86)';
    const localAppData = envValue(env, 'LOCALAPPDATA', platform);
    // Per-user installs (LOCALAPPDATA) come last: machine-wide ones are what an installer leaves.
    const roots = [programFiles, programFilesX86, ...(localAppData ? [localAppData] : [])];
    return [
      ...roots.map((root) => win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...roots.map((root) => win32.join(root, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  if (platform === 'darwin') {
    const home = envValue(env, 'HOME', platform);
    const roots = ['/Applications', ...(home ? [posix.join(home, 'Applications')] : [])];
    const apps = [
      ['Google Chrome.app', 'Google Chrome'],
      ['Microsoft Edge.app', 'Microsoft Edge'],
      ['Chromium.app', 'Chromium'],
    ];
    return apps.flatMap(([bundle, binary]) =>
      roots.map((root) => posix.join(root, bundle!, 'Contents', 'MacOS', binary!)),
    );
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ];
}

/** The browser names to try in each PATH directory, most preferred first. */
export function browserCommandNames(platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return ['chrome.exe', 'msedge.exe', 'chromium.exe'];
  return [
    'google-chrome-stable',
    'google-chrome',
    'microsoft-edge-stable',
    'microsoft-edge',
    'chromium',
    'chromium-browser',
  ];
}

function pathCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  const raw = envValue(env, 'PATH', platform);
  if (!raw) return [];
  const join = platform === 'win32' ? win32.join : posix.join;
  const dirs = (platform === 'win32' ? splitWindowsPath(raw) : raw.split(':')).filter((dir) => dir !== '');
  const names = browserCommandNames(platform);
  return names.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

/** Windows PATH: ";"-separated, and a quoted entry may itself hold ";" (the quotes are not part of it). */
function splitWindowsPath(raw: string): string[] {
  const dirs: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of raw) {
    if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) {
      dirs.push(current.trim());
      current = '';
    } else current += char;
  }
  dirs.push(current.trim());
  return dirs;
}

/** Windows environment names are case-insensitive (PATH is usually spelled "Path" there). */
function envValue(
  env: Record<string, string | undefined>,
  name: string,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'win32') return nonEmpty(env[name]);
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : nonEmpty(env[key]);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The real `exists` for discoverBrowser: a regular file that this user may execute. */
export function executableExists(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    // Windows has no execute bit; a file at the path is as much as can be checked.
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Plain words for the owner when no browser was found, with the places looked at. */
export function describeMissingBrowser(searched: readonly string[], locale: 'en' | 'es' = 'en'): string {
  const places = searched.length > 0 ? searched.join(', ') : '-';
  return locale === 'es'
    ? `No se encontró ningún navegador para WhatsApp. Instala Google Chrome o Microsoft Edge y vuelve a abrir Comanda (o indica la ruta del navegador en Ajustes). Se buscó en: ${places}`
    : `No browser for WhatsApp was found. Install Google Chrome or Microsoft Edge and open Comanda again (or set the browser path in Settings). Looked in: ${places}`;
}

/** Plain words for a browser path in settings that is not there, for logs and the settings screen. */
export function describeMissingConfiguredBrowser(path: string, locale: 'en' | 'es' = 'en'): string {
  return locale === 'es'
    ? `El navegador indicado en Ajustes no existe: ${path}. Se usa otro navegador instalado si lo hay.`
    : `The browser path in Settings does not exist: ${path}. Another installed browser is used if there is one.`;
}
