// Builds the real WhatsApp engine for the host: whatsapp-web.js in a supervised worker process,
// the system browser found on this PC, the profile tidied before every launch, and the protection
// layers. Headless uses child_process.fork; the Electron shell passes its utilityProcess spawner.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineContext } from '../host/create-host.ts';
import { errorFields } from '../host/logger.ts';
import type { WhatsAppSettings } from '../host/settings.ts';
import { describeMissingBrowser, discoverBrowser, executableExists } from './browser-discovery.ts';
import { browserLaunchArgs } from './browser-flags.ts';
import type { WhatsAppEngine } from './engine.ts';
import { createForkWorker } from './fork-worker.ts';
import { killProcessTree } from './kill-process-tree.ts';
import { createSystemProcessInfo, type ProcessInfo } from './process-info.ts';
import { isBrowserForProfile, localAuthProfileDir, markProfileLinked, prepareProfile } from './profile-hygiene.ts';
import { createProtectionLayers } from './protection-layers.ts';
import type { SpawnWorker } from './protocol.ts';
import { WhatsAppWorkerEngine, type BackoffOptions } from './whatsapp-engine.ts';
import { BROWSER_PID_FILE } from './worker-core.ts';

export interface WhatsAppEngineFactoryOptions {
  /** Overrides the host settings' `whatsapp` section (tests, benches). */
  settings?: WhatsAppSettings;
  /** How the worker process is started; default child_process.fork of engine-worker.ts. */
  spawn?: SpawnWorker;
  /** This PC holds the restaurant's session lease (the cloud); default: always. */
  holdsLease?: () => boolean;
  /** Overrides the restaurant's IANA zone for the planned restart (default: the host's). */
  timezone?: string;
  /**
   * Puts a saved session back (the cloud's encrypted backup) when the profile is missing or was set
   * aside as damaged; resolves true when one was restored, so no QR is needed.
   */
  restoreProfile?: () => Promise<boolean>;
  /** Runs during a planned restart while the browser is closed (the cloud's session backup). */
  whilePlannedStop?: () => Promise<void>;
  /** Called with the engine once built (e.g. to subscribe to its alerts). */
  onEngine?: (engine: WhatsAppWorkerEngine) => void;
  backoff?: Partial<BackoffOptions>;
  /** Browser flags added to the 24/7 set (a proxy, host resolver rules in tests). */
  extraBrowserArgs?: string[];
  /** Defaults to the real machine; tests replace them. */
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  processInfo?: (pid: number) => ProcessInfo;
}

/** The Chromium profile whatsapp-web.js's LocalAuth keeps under DATA_DIR (what session backups copy). */
export function whatsappProfileDir(dataDir: string): string {
  return localAuthProfileDir(join(dataDir, 'whatsapp'));
}

export function createEngineFactory(
  kind: 'whatsapp',
  options: WhatsAppEngineFactoryOptions = {},
): (context: EngineContext) => WhatsAppEngine {
  return (context) => {
    const settings = options.settings ?? context.settings.whatsapp;
    const authDir = join(context.dataDir, 'whatsapp');
    const profileDir = whatsappProfileDir(context.dataDir);
    const pidFile = join(authDir, BROWSER_PID_FILE);
    const platform = options.platform ?? process.platform;
    const processInfo = options.processInfo ?? createSystemProcessInfo({ platform });
    const engine = new WhatsAppWorkerEngine({
      clock: context.clock,
      logger: context.logger.child({ engine: kind }),
      spawn: options.spawn ?? createForkWorker(),
      settings,
      authDir,
      ...(context.fleetPin ? { fleetPin: context.fleetPin } : {}),
      discoverBrowser: () =>
        discoverBrowser({
          ...(settings.browserPath !== undefined ? { settingsPath: settings.browserPath } : {}),
          platform,
          env: options.env ?? process.env,
          exists: executableExists,
        }),
      describeMissingBrowser: (searched) => describeMissingBrowser(searched),
      browserArgs: ({ headless }) => [...browserLaunchArgs({ headless, platform }), ...(options.extraBrowserArgs ?? [])],
      prepareProfile: async () => {
        const prepared = await prepareProfile({ profileDir, pidFile, processInfo, kill: (pid, signal) => killProcessTree(pid, signal, platform), clock: context.clock, logger: context.logger, platform });
        if ((prepared.ok && existsSync(profileDir)) || !options.restoreProfile) return prepared;
        // Missing or quarantined: a backup brings the linked session back before the browser starts.
        const restored = await options.restoreProfile().catch((error: unknown) => {
          context.logger.warn('the saved WhatsApp session could not be restored', errorFields(error));
          return false;
        });
        if (restored) context.logger.info('the WhatsApp session was restored from its backup');
        return restored ? { ok: true as const } : prepared;
      },
      killBrowser: (pid) => {
        // Only a pid that is still this profile's browser: a recycled pid is never touched.
        const info = processInfo(pid);
        if (info.alive && isBrowserForProfile(info.cmdline, profileDir, platform)) killProcessTree(pid, 'SIGKILL', platform);
      },
      onReady: () => markProfileLinked(profileDir, context.clock.now()),
      removeSession: () => rm(profileDir, { recursive: true, force: true, maxRetries: 4 }),
      sendJournalPath: join(authDir, 'sends-in-doubt.json'),
      createProtectionLayers,
      ...(options.holdsLease ? { holdsLease: options.holdsLease } : {}),
      ...(options.whilePlannedStop ? { whilePlannedStop: options.whilePlannedStop } : {}),
      timezone: options.timezone ?? context.timezone(),
      ...(context.ownerLanguage ? { ownerLanguage: context.ownerLanguage } : {}),
      // Settings given here (tests, benches) stay fixed; the host's follow PUT /api/settings.
      ...(!options.settings && context.currentSettings ? { currentSettings: () => context.currentSettings!().whatsapp } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
    options.onEngine?.(engine);
    return engine;
  };
}
