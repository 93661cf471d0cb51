// Wires the cloud into a running host (headless `--firebase FILE`, or the Electron shell with its
// own notifier and secret store). Everything host-specific stays here, so the host needs two lines:
//   const cloud = await startHostCloud({ host, dataDir, firebase: loadFirebaseFile(path), logger, clock });
//   ...on stop: await cloud.stop();   (before host.stop(): the cloud reads the store)
import { runAsHost } from '../host/owner-guard.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Host } from '../host/create-host.ts';
import type { Clock } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import { fileSecretStore, type SecretStore } from './backup/backup-key.ts';
import type { AlertKind, DesktopNotifier } from './alerts.ts';
import type { SessionAlert } from '../whatsapp/session-control.ts';
import type { WhatsAppWorkerEngine } from '../whatsapp/whatsapp-engine.ts';
import type { CommandHandlers } from './commands.ts';
import { createCloudSync, type CloudState, type CloudSync } from './create-cloud-sync.ts';
import { CloudStatusSource } from './cloud-status.ts';
import { restoreAfterRecoveryCode } from './recovery-restore.ts';
import type { FirebaseFile } from './firebase-file.ts';
import { languageOf } from '../../shared/menu.ts';

export interface HostCloudOptions {
  host: Host;
  dataDir: string;
  firebase: FirebaseFile;
  logger: Logger;
  clock: Clock;
  /** Electron: a Notification; headless: a log line. */
  notifier?: DesktopNotifier;
  /** Electron: safeStorage; headless: 0600 files under DATA_DIR/secrets. */
  secretStore?: SecretStore;
  /** The WhatsApp browser profile; without it session backups are off (simulator). */
  profileDir?: string;
  /** Extra or replacement command handlers (the real engine's logout / restart). */
  handlers?: Partial<CommandHandlers>;
  env?: Record<string, string | undefined>;
  /**
   * Headless: a new backup recovery code is also printed once to the console (default). The
   * desktop app has no console to read: it passes false; the kitchen screen shows the code.
   */
  printRecoveryCode?: boolean;
  /** Desktop: the sign-in session sealed by the OS keychain (default: a 0600 file in dataDir). */
  sessionStore?: SecretStore;
  /** The owner typed the password on the screen just now: check it even over a saved session. */
  signInFresh?: boolean;
}

/**
 * What the real WhatsApp engine asks the cloud, which starts after the host: whether this PC holds
 * the restaurant's session lease (until the cloud runs, or without it, this PC acts alone), and to
 * restore the session backup — only while holding the lease, so a second PC never clones it — and
 * to back the session up while a planned restart has the browser closed.
 */
export function engineCloudHooks(cloud: () => CloudSync | undefined): {
  holdsLease: () => boolean;
  restoreProfile: () => Promise<boolean>;
  whilePlannedStop: () => Promise<void>;
} {
  const state = () => cloud()?.state();
  return {
    holdsLease: () => {
      const current = state();
      return current?.state !== 'running' || current.lease.held;
    },
    restoreProfile: async () => {
      const current = state();
      if (current?.state !== 'running' || !current.lease.held) return false;
      return (await cloud()?.restoreSession())?.restored !== undefined;
    },
    // The browser is closed for the planned restart: the one moment the profile is not being written.
    whilePlannedStop: async () => {
      if (state()?.state === 'running') await cloud()?.backupNow();
    },
  };
}

/** The cloud's alert kinds are the owner's words for what the session layers report. */
export function cloudAlertKind(alert: SessionAlert): AlertKind | undefined {
  switch (alert.kind) {
    case 'browser-memory':
      return undefined; // a routine planned restart, logged; not worth waking the owner
    case 'session-idle':
      return 'inactivity';
    case 'logged-out':
      return 'unlinked';
    default:
      return 'disconnected';
  }
}

export async function startHostCloud(options: HostCloudOptions): Promise<{ cloud: CloudSync; state: CloudState; stop: () => Promise<void> }> {
  const { host, logger, clock } = options;
  const log = logger.child({ part: 'cloud' });
  // The handlers run after start; they reach the cloud through this holder.
  const ref: { cloud?: CloudSync; status?: CloudStatusSource } = {};
  const handlers: CommandHandlers = {
    send_message: async ({ to, body }, { commandId }) => {
      const queued = host.store.outbox.enqueue({ key: `cloud-command:${commandId}`, phone: to, body, kind: 'cloud-command', createdAt: clock.now() });
      host.outbox.kick();
      return { queued };
    },
    restart_session: async () => {
      await ref.cloud?.backupNow().catch(() => undefined);
      await host.engine.reconnect();
      return { state: host.engine.getStatus().state };
    },
    logout: async () => {
      // An authenticated cloud command is the owner's own act: no PIN is asked for.
      await runAsHost(() => host.service.unlinkWhatsApp());
      return { state: host.engine.getStatus().state };
    },
    backup_now: async () => {
      const manifest = await ref.cloud?.backupNow();
      return manifest ? { backupId: manifest.id, bytes: manifest.size } : { skipped: 'session backups are off on this PC' };
    },
    refresh_status: async () => {
      ref.cloud?.parts.device?.onWhatsAppStatus(host.engine.getStatus());
      ref.cloud?.parts.device?.push();
      return { state: host.engine.getStatus().state };
    },
    ...options.handlers,
  };
  const cloud = createCloudSync({
    dataDir: options.dataDir,
    db: host.store.db,
    clock,
    logger,
    subscribe: (listener) => host.bus.subscribe(listener),
    whatsappStatus: () => host.service.whatsappStatus(),
    catchUp: () => host.catchUp.health(),
    onFleet: (document) => host.fleet.set(document),
    ordersSince: (ms) => host.store.orders.list({ createdSince: ms }),
    localMenu: () => host.menu.current(),
    applyMenu: (menu) => {
      const result = host.menu.replace(menu, 'cloud');
      if (!result.ok) log.warn('cloud menu not applied', { error: result.error });
    },
    onMenuError: (error) => {
      if (error) log.warn('cloud menu refused', { error });
    },
    handlers,
    notifier: options.notifier ?? { notify: (title) => log.info('alert', { title }) },
    ownerEmail: () => options.firebase.ownerEmail,
    restaurantName: () => host.menu.current().restaurant,
    language: () => host.settings.current().locale ?? languageOf(host.menu.current().locale),
    version: host.version,
    ...(options.firebase.deviceName ? { deviceName: options.firebase.deviceName } : {}),
    firebase: {
      config: options.firebase.config,
      ...(options.firebase.email ? { email: options.firebase.email } : {}),
      ...(options.firebase.password ? { password: options.firebase.password } : {}),
      ...(options.signInFresh ? { fresh: true } : {}),
    },
    ...(options.env ? { env: options.env } : {}),
    ...(options.sessionStore ? { sessionStore: options.sessionStore } : {}),
    ...(options.profileDir
      ? {
          backups: {
            secretStore: options.secretStore ?? fileSecretStore(join(options.dataDir, 'secrets')),
            profileDir: options.profileDir,
            ...(options.firebase.recoveryCode !== undefined ? { recoveryCode: options.firebase.recoveryCode } : {}),
            // The screen shows it until acknowledged (memory only); headless also prints it once to
            // the console. Never to the log.
            onRecoveryCode: (code: string) => {
              ref.status?.showRecoveryCode(code);
              if (options.printRecoveryCode ?? true) console.log(`Backup recovery code (write it down, it is shown once): ${code}`);
            },
          },
        }
      : {}),
  });
  ref.cloud = cloud;
  const status = new CloudStatusSource({
    cloud,
    restartSession: () => host.engine.reconnect(),
    ...(options.profileDir
      ? {
          recovery: {
            useCode: (code: string) => cloud.useRecoveryCode(code),
            restore: () => restoreAfterRecoveryCode({ engine: host.engine, cloud, clock, logger: log }),
          },
        }
      : {}),
    logger: log,
  });
  ref.status = status;
  // Before start: the screen sees "signing in" and then the outcome.
  host.service.setCloud(status);
  const offStats = host.stats.onCount((name) => cloud.parts.device?.count(name));
  const offOrders = host.bus.subscribe((event) => {
    if (event.type === 'order') cloud.parts.device?.setCounter('ordersToday', host.service.ordersTodayCount());
  });
  // The session's own alarms (watchdog gave up, idle for days, memory) reach the owner too.
  const engineAlerts = (host.engine as Partial<Pick<WhatsAppWorkerEngine, 'onAlert'>>).onAlert;
  const offAlerts = engineAlerts?.call(host.engine, (alert) => {
    const kind = cloudAlertKind(alert);
    if (kind) cloud.parts.alerts?.raise(kind, alert.message);
  });
  // never-ready / events-silent: once per episode, by e-mail and notification too.
  const offProblems = host.problems.onAlert((alert) => cloud.parts.alerts?.raise(alert.problem));
  // Only a confirmed unlink deletes the session backups (and frees this restaurant's lease).
  const offUnlinked = host.service.onUnlinked(() => {
    void (async () => {
      await cloud.parts.backups?.removeAll();
      await cloud.parts.lease?.release();
      log.info('session backups deleted and lease released after an unlink');
    })().catch((error: unknown) => log.warn('cleanup after unlink failed', errorFields(error)));
  });
  let state: CloudState;
  try {
    state = await cloud.start();
  } catch (error) {
    host.service.setCloud(undefined);
    status.stop();
    offStats();
    offOrders();
    offAlerts?.();
    offProblems();
    offUnlinked();
    throw error;
  }
  if (state.state === 'sign-in-failed') log.warn('cloud is off: sign-in failed', { reason: state.error });
  if (state.state === 'running' && cloud.parts.backups) {
    // The last backup made by any PC of this restaurant, for the screen; a later one moves it on.
    void cloud.parts.backups
      .list()
      .then((manifests) => {
        const latest = Math.max(...manifests.map((m) => m.createdAt));
        if (Number.isFinite(latest)) status.backedUp(latest);
      })
      .catch((error: unknown) => log.warn('session backups not listed', errorFields(error)));
  }
  // The engine started before the cloud could restore anything: with no local profile, start it
  // again now so its pre-launch step can bring the backup back instead of showing a QR.
  if (state.state === 'running' && options.profileDir && host.engine.kind === 'whatsapp' && !existsSync(options.profileDir)) {
    log.info('no local WhatsApp profile: restarting the engine to restore the session backup');
    await host.engine.stop();
    await host.engine.start();
  }
  return {
    cloud,
    state,
    stop: () => {
      offStats();
      offOrders();
      offAlerts?.();
      offProblems();
      offUnlinked();
      host.service.setCloud(undefined);
      status.stop();
      return cloud.stop();
    },
  };
}
