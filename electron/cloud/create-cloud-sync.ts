// The cloud side in one piece, for the host to wire in: sign-in, device status, the session
// lease, the order mirror, the cloud menu, commands and alerts. Without it the app is fully local;
// with it everything here runs in the background and survives hours offline.
import { randomUUID } from 'node:crypto';
import { hostname, platform, release } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { deleteApp, initializeApp, type FirebaseOptions } from 'firebase/app';
import { connectFirestoreEmulator, initializeFirestore, terminate, type Firestore } from 'firebase/firestore';
import type { KdsEvent } from '../../shared/kds-api.ts';
import type { Menu } from '../../shared/menu.ts';
import type { Order } from '../../shared/order.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Clock, TimerHandle } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import { Alerts, type DesktopNotifier } from './alerts.ts';
import { AuthSession, SignInError, type CloudIdentity } from './auth-session.ts';
import { CloudKv, migrateCloud } from './cloud-schema.ts';
import { CommandRunner, type CommandHandlers } from './commands.ts';
import { DeviceStatus, HEARTBEAT_MS } from './device-status.ts';
import { FleetSync } from './fleet-sync.ts';
import { MenuSync } from './menu-sync.ts';
import { OrderSync } from './order-sync.ts';
import { SessionLease, type LeaseResult } from './session-lease.ts';
import { importRecoveryCode, loadOrCreateBackupKey, type BackupKeyResult, type SecretStore } from './backup/backup-key.ts';
import { SessionBackups, type BackupManifest } from './backup/session-backups.ts';
import { BackupSchedule } from './backup/backup-schedule.ts';

export interface CloudSyncOptions {
  dataDir: string;
  /** The host's database (host.store.db); the cloud keeps its own tables in it. */
  db: DatabaseSync;
  clock: Clock;
  logger: Logger;
  /** host.bus.subscribe */
  subscribe: (listener: (event: KdsEvent) => void) => () => void;
  /** host.engine.getStatus */
  whatsappStatus: () => WhatsAppStatus;
  /** host.catchUp.health: carried on the device status. */
  catchUp?: () => { lastSweepAt?: string; recovered: number };
  /** Orders created since a time (host.store.orders.list({ createdSince })), to catch up at start. */
  ordersSince?: (ms: number) => Order[];
  /** host.menu.replace(menu, 'cloud') */
  applyMenu: (menu: Menu) => void;
  /** host.menu.current: with it, local edits newer than the cloud's copy are sent to config/menu. */
  localMenu?: () => Menu;
  onMenuError?: (error: string | null) => void;
  /** fleet/whatsapp changed (host.fleet.set); absent: not listened to. */
  onFleet?: (document: unknown) => void;
  handlers: CommandHandlers;
  notifier: DesktopNotifier;
  ownerEmail: () => string | undefined;
  restaurantName: () => string;
  /** The owner's language for alerts; default Spanish. */
  language?: () => 'es' | 'en';
  version: string;
  deviceName?: string;
  /**
   * `fresh`: the owner typed the password now, so it is checked even when a session is saved (a
   * wrong password must not pass on the strength of an old session).
   */
  firebase: { config: FirebaseOptions; email?: string; password?: string; fresh?: boolean };
  /** Desktop: the sign-in session in the OS keychain (default: DATA_DIR/cloud-session.json). */
  sessionStore?: SecretStore;
  /** FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST; default process.env. */
  env?: Record<string, string | undefined>;
  heartbeatMs?: number;
  /** Session backups: where the key lives and which browser profile holds the session. */
  backups?: {
    secretStore: SecretStore;
    /** The WhatsApp engine's browser profile directory. */
    profileDir: string;
    /** A new PC: the recovery code the owner typed, so the restaurant's backups can be read here. */
    recoveryCode?: string;
    /** A new key was made: show this recovery code to the owner once. */
    onRecoveryCode: (code: string) => void;
    timeZone?: () => string | undefined;
  };
}

export type CloudState =
  | { state: 'off' }
  | { state: 'signing-in' }
  | { state: 'sign-in-failed'; error: string; code?: string }
  | { state: 'running'; restaurantId: string; lease: LeaseResult };

export interface CloudSync {
  readonly deviceId: string;
  start(): Promise<CloudState>;
  stop(): Promise<void>;
  state(): CloudState;
  /** Called after every change of state(): sign-in, a lease renewal or take-over, stop. */
  onState(listener: (state: CloudState) => void): () => void;
  /** Called after each session backup that was stored. */
  onBackup(listener: (manifest: BackupManifest) => void): () => void;
  /** After the owner confirmed on this PC: take the session lease from another PC. */
  takeOverLease(): Promise<LeaseResult>;
  /** On demand and before a planned restart (copy from a consistent point: browser idle or stopped). */
  backupNow(): Promise<BackupManifest | undefined>;
  /** Before the browser starts, when the local profile is missing or failed verification. */
  restoreSession(): Promise<{ restored?: BackupManifest; refused: string[] }>;
  /**
   * A new PC: the owner typed the restaurant's recovery code. Throws (and changes nothing) when the
   * code is not valid or the cloud is not running with backups; else it replaces this PC's backup
   * key, and every later backup and restore uses it.
   */
  useRecoveryCode(code: string): void;
  readonly parts: {
    firestore: Firestore;
    orders?: OrderSync;
    device?: DeviceStatus;
    fleet?: FleetSync;
    commands?: CommandRunner;
    menu?: MenuSync;
    alerts?: Alerts;
    lease?: SessionLease;
    identity?: CloudIdentity;
    backups?: SessionBackups;
  };
}

function splitHost(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
}

/** The backup key: the one the owner typed on a new PC, else this PC's own (made once). */
function backupKeyFor(backups: { secretStore: SecretStore; recoveryCode?: string }, restaurantId: string, logger: Logger): BackupKeyResult {
  if (backups.recoveryCode !== undefined) {
    try {
      return { key: importRecoveryCode(backups.secretStore, restaurantId, backups.recoveryCode) };
    } catch (error) {
      logger.error('the backup recovery code is not valid; using this PC\'s own key', errorFields(error));
    }
  }
  return loadOrCreateBackupKey(backups.secretStore, restaurantId);
}

export function createCloudSync(options: CloudSyncOptions): CloudSync {
  const { db, clock } = options;
  const logger = options.logger.child({ part: 'cloud' });
  const env = options.env ?? process.env;
  migrateCloud(db);
  const kv = new CloudKv(db);
  let deviceId = kv.get<string>('deviceId');
  if (!deviceId) {
    deviceId = randomUUID();
    kv.set('deviceId', deviceId);
  }
  const deviceName = options.deviceName ?? hostname();
  const app = initializeApp(options.firebase.config, `comanda-${options.firebase.config.projectId ?? 'cloud'}`);
  const firestore = initializeFirestore(app, { ignoreUndefinedProperties: true });
  const firestoreHost = env.FIRESTORE_EMULATOR_HOST;
  if (firestoreHost) {
    const { host, port } = splitHost(firestoreHost);
    connectFirestoreEmulator(firestore, host, port);
  }
  const authHost = env.FIREBASE_AUTH_EMULATOR_HOST;
  const auth = new AuthSession({
    app,
    dataDir: options.dataDir,
    ...(authHost ? { emulatorHost: authHost } : {}),
    ...(options.sessionStore ? { sessionStore: options.sessionStore } : {}),
  });

  let current: CloudState = { state: 'off' };
  const stateListeners = new Set<(state: CloudState) => void>();
  const backupListeners = new Set<(manifest: BackupManifest) => void>();
  const setState = (next: CloudState) => {
    current = next;
    for (const listener of stateListeners) {
      try {
        listener(next);
      } catch (error) {
        logger.warn('cloud state listener failed', errorFields(error));
      }
    }
  };
  const parts: CloudSync['parts'] = { firestore };
  const unsubscribers: (() => void)[] = [];
  let leaseTimer: TimerHandle | undefined;
  let schedule: BackupSchedule | undefined;
  let backupRunning: Promise<BackupManifest | undefined> | undefined;
  /** The restaurant's backup key on this PC; replaced when the owner types a recovery code. */
  let backupKey: Buffer | undefined;

  const backupNow = (): Promise<BackupManifest | undefined> => {
    const backups = parts.backups;
    if (!backups || !options.backups) return Promise.resolve(undefined);
    if (backupRunning) return backupRunning;
    backupRunning = backups
      .backup(options.backups.profileDir)
      .then(async (manifest) => {
        await backups.prune().catch((error: unknown) => logger.warn('backup retention failed', errorFields(error)));
        parts.device?.push({ lastBackup: { id: manifest.id, at: new Date(manifest.createdAt).toISOString(), bytes: manifest.size } });
        for (const listener of backupListeners) {
          try {
            listener(manifest);
          } catch (error) {
            logger.warn('backup listener failed', errorFields(error));
          }
        }
        return manifest;
      })
      .finally(() => {
        backupRunning = undefined;
      });
    return backupRunning;
  };

  const renewLease = () => {
    leaseTimer = clock.setTimeout(() => {
      const lease = parts.lease;
      if (!lease || current.state !== 'running') return;
      lease
        .acquire()
        .then((result) => {
          if (current.state === 'running') setState({ ...current, lease: result });
          parts.device?.push({ lease: result.held ? 'held' : { heldBy: result.holder.deviceId } });
        })
        .catch((error: unknown) => logger.warn('lease not renewed', errorFields(error)))
        .finally(renewLease);
    }, options.heartbeatMs ?? HEARTBEAT_MS);
  };

  return {
    deviceId,
    parts,
    state: () => current,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onBackup(listener) {
      backupListeners.add(listener);
      return () => backupListeners.delete(listener);
    },
    async start() {
      setState({ state: 'signing-in' });
      let identity: CloudIdentity;
      try {
        const { email, password, fresh } = options.firebase;
        identity = fresh && email && password ? await auth.signIn(email, password) : await auth.ensure(email && password ? { email, password } : undefined);
      } catch (error) {
        const message = error instanceof SignInError ? error.message : 'Could not sign in.';
        const code = (error as { code?: string } | undefined)?.code;
        logger.warn('cloud sign-in failed', { code });
        setState({ state: 'sign-in-failed', error: message, ...(typeof code === 'string' ? { code } : {}) });
        return current;
      }
      parts.identity = identity;
      const rid = identity.restaurantId;
      const common = { firestore, restaurantId: rid, deviceId: deviceId!, clock, logger };
      const device = new DeviceStatus({
        ...common,
        deviceName,
        version: options.version,
        os: `${platform()} ${release()}`,
        ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
        ...(options.catchUp ? { catchUp: options.catchUp } : {}),
      });
      const orders = new OrderSync({ ...common, db });
      const menu = new MenuSync({
        firestore,
        restaurantId: rid,
        kv,
        logger,
        apply: options.applyMenu,
        onError: options.onMenuError ?? (() => {}),
        ...(options.localMenu ? { local: options.localMenu } : {}),
      });
      const commands = new CommandRunner({ ...common, db, handlers: options.handlers });
      const alerts = new Alerts({
        firestore,
        restaurantId: rid,
        restaurantName: options.restaurantName,
        ownerEmail: options.ownerEmail,
        clock,
        logger,
        kv,
        notifier: options.notifier,
        ...(options.language ? { language: options.language } : {}),
      });
      const lease = new SessionLease({ firestore, restaurantId: rid, deviceId: deviceId!, deviceName, clock });
      Object.assign(parts, { device, orders, menu, commands, alerts, lease });
      if (options.onFleet) parts.fleet = new FleetSync({ firestore, logger, onFleet: options.onFleet });
      if (options.backups) {
        const { key, newRecoveryCode } = backupKeyFor(options.backups, rid, logger);
        backupKey = key;
        if (newRecoveryCode) options.backups.onRecoveryCode(newRecoveryCode);
        // Read at each use: a recovery code typed later replaces the key for every later backup.
        const currentKey = () => {
          if (!backupKey) throw new Error('no backup key');
          return backupKey;
        };
        parts.backups = new SessionBackups({ ...common, key: currentKey });
        schedule = new BackupSchedule({
          clock,
          ...(options.backups.timeZone ? { timeZone: options.backups.timeZone } : {}),
          run: (reason) => {
            backupNow().catch((error: unknown) => logger.warn('session backup failed', { reason, ...errorFields(error) }));
          },
        });
        schedule.start();
      }

      // Catch up with changes made while the cloud was off or the process died before queueing.
      const watermark = kv.get<number>('orderWatermark') ?? 0;
      if (options.ordersSince) {
        for (const order of options.ordersSince(Math.max(0, watermark - 24 * 3600_000))) {
          if (Date.parse(order.updatedAt) > watermark) orders.enqueue(order);
        }
      }
      unsubscribers.push(
        options.subscribe((event) => {
          if (event.type === 'order') {
            orders.enqueue(event.order);
            kv.set('orderWatermark', Math.max(kv.get<number>('orderWatermark') ?? 0, Date.parse(event.order.updatedAt)));
          } else if (event.type === 'whatsapp') {
            device.onWhatsAppStatus(event.status);
            alerts.onWhatsAppStatus(event.status);
            if (event.status.state === 'connected') schedule?.sessionReady();
          } else if (event.type === 'handoffs' && event.handoffs.length > 0) {
            alerts.raise('handoff');
          } else if (event.type === 'menu') {
            menu.onLocalChange();
          }
        }),
      );
      device.onWhatsAppStatus(options.whatsappStatus());
      device.start();
      orders.start();
      menu.start();
      parts.fleet?.start();
      await commands.start().catch((error: unknown) => logger.warn('commands not started', errorFields(error)));
      let leaseResult: LeaseResult;
      try {
        leaseResult = await lease.acquire();
      } catch (error) {
        // Offline at start: the PC that held the session keeps running it.
        logger.warn('lease not checked', errorFields(error));
        leaseResult = { held: true };
      }
      setState({ state: 'running', restaurantId: rid, lease: leaseResult });
      renewLease();
      logger.info('cloud started', { restaurantId: rid, deviceId, lease: leaseResult.held ? 'held' : 'elsewhere' });
      return current;
    },
    async takeOverLease() {
      if (!parts.lease) throw new Error('the cloud is not signed in');
      const result = await parts.lease.acquire({ takeOver: true });
      if (current.state === 'running') setState({ ...current, lease: result });
      return result;
    },
    backupNow,
    async restoreSession() {
      if (!parts.backups || !options.backups) return { refused: ['session backups are not set up'] };
      const result = await parts.backups.restoreLatest(options.backups.profileDir);
      if (result.restored) parts.device?.count('restores');
      return result;
    },
    useRecoveryCode(code) {
      if (!options.backups || !parts.backups) throw new Error('session backups are not set up on this PC');
      if (current.state !== 'running') throw new Error('the cloud is not running on this PC');
      // Parses (and throws on a wrong code) before anything is stored.
      backupKey = importRecoveryCode(options.backups.secretStore, current.restaurantId, code);
      logger.info('backup key replaced by the recovery code the owner typed');
    },
    async stop() {
      if (leaseTimer) clock.clearTimeout(leaseTimer);
      schedule?.stop();
      await backupRunning?.catch(() => undefined);
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      parts.device?.stop();
      parts.orders?.stop();
      parts.menu?.stop();
      parts.fleet?.stop();
      parts.commands?.stop();
      setState({ state: 'off' });
      await terminate(firestore).catch(() => {});
      await deleteApp(app).catch(() => {});
    },
  };
}
