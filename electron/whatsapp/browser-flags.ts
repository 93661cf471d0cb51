// Command-line flags for the browser that keeps WhatsApp Web open 24/7 in the background.
// puppeteer adds many of these by default; they are listed here anyway so the behaviour does not
// depend on puppeteer's defaults (which change between versions, or are off with ignoreDefaultArgs).
// puppeteer merges our --disable-features list into its own, so there is exactly one such flag.

export interface BrowserLaunchArgsOptions {
  headless: boolean;
  /**
   * Adds --user-data-dir. Leave it out when whatsapp-web.js's LocalAuth is used: LocalAuth sets
   * puppeteer's userDataDir to `<dataPath>/session` itself and refuses a different one.
   */
  profileDir?: string;
  /** Defaults to process.platform. */
  platform?: NodeJS.Platform;
  /** The user id the browser will run as; defaults to process.getuid() where it exists. */
  uid?: number;
}

interface Flag {
  flag: string;
  /** Why the flag is there, for the reader (and the test that every flag has a reason). */
  why: string;
}

/** Chromium features switched off, each with its reason. */
export const DISABLED_FEATURES: readonly Flag[] = [
  {
    flag: 'CalculateNativeWinOcclusion',
    why: 'Windows: a browser window covered by the kitchen screen would be marked occluded and throttled',
  },
  {
    flag: 'IntensiveWakeUpThrottling',
    why: 'after 5 min hidden, page timers would wake only once a minute: WhatsApp Web keepalives arrive late',
  },
  { flag: 'Translate', why: 'no "translate this page?" prompt on WhatsApp Web' },
  { flag: 'MediaRouter', why: 'no Cast discovery traffic and prompts on the restaurant network' },
];

/** Flags for every platform and mode. */
export const COMMON_FLAGS: readonly Flag[] = [
  { flag: '--no-first-run', why: 'no first-run wizard waiting for a click on an unattended PC' },
  { flag: '--no-default-browser-check', why: 'no "make this your default browser" prompt' },
  {
    flag: '--disable-background-timer-throttling',
    why: 'WhatsApp Web timers (keepalive, presence) run at full rate while the page is hidden',
  },
  {
    flag: '--disable-backgrounding-occluded-windows',
    why: 'a window covered by other windows is still treated as foreground',
  },
  {
    flag: '--disable-renderer-backgrounding',
    why: 'the WhatsApp renderer keeps its priority in the background (timer flag alone is not enough on macOS)',
  },
  { flag: '--disable-hang-monitor', why: 'no "page unresponsive" dialog nobody is there to answer' },
  { flag: '--deny-permission-prompts', why: 'notification/microphone prompts are answered "no" instead of waiting' },
  { flag: '--mute-audio', why: 'WhatsApp sounds do not play on the kitchen PC; the kitchen screen has its own' },
  { flag: '--disable-sync', why: 'no Google account sync in the WhatsApp profile' },
  { flag: '--disable-extensions', why: 'no extensions in the WhatsApp profile (they could read the page)' },
  {
    flag: '--disable-component-extensions-with-background-pages',
    why: 'built-in extensions with background pages cost memory for months',
  },
  { flag: '--disable-component-update', why: 'no component downloads in the background' },
  { flag: '--disable-background-networking', why: 'no background fetches unrelated to WhatsApp' },
  { flag: '--disable-default-apps', why: 'no default apps installed into the profile' },
  { flag: '--disable-client-side-phishing-detection', why: 'no phishing model downloads and scans' },
  { flag: '--disable-domain-reliability', why: 'no reliability beacons to Google' },
  { flag: '--metrics-recording-only', why: 'usage metrics are never uploaded' },
  { flag: '--disable-breakpad', why: 'no crash dumps piling up inside the profile over months' },
  {
    flag: `--disable-features=${DISABLED_FEATURES.map((feature) => feature.flag).join(',')}`,
    why: 'see DISABLED_FEATURES',
  },
];

/** Flags that only matter when the browser window can be seen. */
export const VISIBLE_WINDOW_FLAGS: readonly Flag[] = [
  { flag: '--hide-crash-restore-bubble', why: 'no "restore pages?" bubble after the browser was killed' },
  { flag: '--noerrdialogs', why: 'no error dialogs stacking up on an unattended screen' },
];

/** The launch flags, in a stable order (tests and logs compare them). */
export function browserLaunchArgs(options: BrowserLaunchArgsOptions): string[] {
  return launchFlags(options).map((entry) => entry.flag);
}

/** The launch flags with their reasons, e.g. for a diagnostics log at startup. */
export function launchFlags(options: BrowserLaunchArgsOptions): Flag[] {
  const platform = options.platform ?? process.platform;
  const uid = options.uid ?? process.getuid?.();
  const flags: Flag[] = [...COMMON_FLAGS];
  if (!options.headless) flags.push(...VISIBLE_WINDOW_FLAGS);
  if (platform === 'darwin') {
    flags.push({ flag: '--use-mock-keychain', why: 'never asks for Keychain access (same as puppeteer)' });
  }
  if (platform === 'linux') {
    flags.push({
      flag: '--password-store=basic',
      why: 'never waits on a desktop keyring unlock prompt (the store puppeteer uses too, so nothing is re-encrypted)',
    });
    flags.push({
      flag: '--disable-dev-shm-usage',
      why: 'small /dev/shm (containers, some distros) crashes renderers; /tmp is used instead',
    });
    // Chromium refuses to start as root with its sandbox on; only then is it turned off.
    if (uid === 0) flags.push({ flag: '--no-sandbox', why: 'Chromium will not run as root with the sandbox' });
  }
  if (options.profileDir !== undefined) {
    flags.push({ flag: `--user-data-dir=${options.profileDir}`, why: 'the profile that holds the session' });
  }
  return flags;
}
