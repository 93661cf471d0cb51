// The restaurant's cloud account on this PC: signed in from the owner area with an e-mail and a
// password (never stored: only the SDK's session, which survives restarts), signed out from there,
// and started again with the host after a restart or an engine switch. The Firebase web config is
// the one built into the app, or a `--firebase FILE` / the app's firebase.json (servers, tests).
import { KdsError } from '../../shared/kds-api.ts';
import type { Host } from '../host/create-host.ts';
import type { Clock } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { SecretStore } from './backup/backup-key.ts';
import type { DesktopNotifier } from './alerts.ts';
import { AuthSession } from './auth-session.ts';
import type { CloudState, CloudSync } from './create-cloud-sync.ts';
import type { FirebaseFile } from './firebase-file.ts';
import type { FirebaseWebConfig } from './firebase-config-source.ts';
import { startHostCloud } from './host-cloud.ts';

export interface CloudAccountOptions {
  dataDir: string;
  /** `--firebase FILE` / firebase.json: its config wins, and its e-mail and password sign in at start. */
  file?: FirebaseFile;
  /** The config built into the app (firebase-config-source.ts). */
  builtInConfig?: FirebaseWebConfig;
  /** The WhatsApp browser profile for session backups, when the real engine runs. */
  profileDir: (host: Host) => string | undefined;
  logger: Logger;
  clock: Clock;
  notifier?: DesktopNotifier;
  secretStore?: SecretStore;
  /** Desktop: the sign-in session in the OS keychain (default: DATA_DIR/cloud-session.json). */
  sessionStore?: SecretStore;
  printRecoveryCode?: boolean;
  env?: Record<string, string | undefined>;
}

type Running = Awaited<ReturnType<typeof startHostCloud>>;

export class CloudAccount {
  private readonly o: CloudAccountOptions;
  private running: Running | undefined;

  constructor(options: CloudAccountOptions) {
    this.o = options;
  }

  /** Whether this app can sign in at all (a config is built in or given). */
  get available(): boolean {
    return this.config() !== undefined;
  }

  /** The running cloud (the WhatsApp engine asks it about the lease and backups). */
  cloud(): CloudSync | undefined {
    return this.running?.cloud;
  }

  /**
   * At start and after each engine switch: signs in with the file's credentials or the saved
   * session. With neither (a built-in config nobody signed in to yet) the cloud stays off.
   */
  async resume(host: Host): Promise<CloudState | undefined> {
    const config = this.config();
    if (!config) return undefined;
    if (!this.o.file && !AuthSession.hasSavedSession(this.o.dataDir, this.o.sessionStore)) return undefined;
    // A file without credentials still starts, as before: the screen then says "no credentials".
    return this.start(host, { ...this.o.file, config }, false);
  }

  /**
   * The owner signs in from the screen. The password is checked now (even over a saved session)
   * and kept nowhere. A refused sign-in leaves the cloud showing why (CloudStatus.problem).
   */
  async signIn(host: Host, email: string, password: string): Promise<CloudState> {
    const config = this.config();
    if (!config) throw new KdsError('conflict', 'this app has no cloud service built in; see README, "The cloud"');
    await this.stop();
    const state = await this.start(host, { ...this.o.file, config, email, password }, true);
    this.o.logger.info('cloud sign-in from the screen', { outcome: state.state });
    return state;
  }

  /** Stops the cloud and forgets the saved session: the next start stays signed out. */
  async signOut(): Promise<void> {
    await this.stop();
    AuthSession.forgetSavedSession(this.o.dataDir, this.o.sessionStore);
    this.o.logger.info('cloud signed out on this PC');
  }

  /** Before the host stops; the saved session is kept for the next start. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop().catch((error) => this.o.logger.error('cloud stop failed', errorFields(error)));
  }

  private config(): FirebaseWebConfig | undefined {
    return this.o.file?.config ?? this.o.builtInConfig;
  }

  private async start(host: Host, firebase: FirebaseFile, fresh: boolean): Promise<CloudState> {
    const profileDir = this.o.profileDir(host);
    this.running = await startHostCloud({
      host,
      dataDir: this.o.dataDir,
      firebase,
      logger: this.o.logger,
      clock: this.o.clock,
      ...(this.o.notifier ? { notifier: this.o.notifier } : {}),
      ...(this.o.secretStore ? { secretStore: this.o.secretStore } : {}),
      ...(this.o.sessionStore ? { sessionStore: this.o.sessionStore } : {}),
      ...(profileDir ? { profileDir } : {}),
      ...(this.o.printRecoveryCode !== undefined ? { printRecoveryCode: this.o.printRecoveryCode } : {}),
      ...(this.o.env ? { env: this.o.env } : {}),
      signInFresh: fresh,
    });
    return this.running.state;
  }
}
