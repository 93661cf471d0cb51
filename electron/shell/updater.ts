// Auto-update over GitHub releases (electron-updater), driven by update-policy.ts: background
// download, progress to the tray and the KDS, and a restart only when someone agrees or in the
// quiet hours with no open orders. Every error is logged and shown, never fatal.
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import { errorFields, type Logger } from '../host/logger.ts';
import type { UpdatePolicy } from './update-policy.ts';
import type { UpdateState } from '../../shared/update-state.ts';

export type AppUpdaterLike = Pick<AppUpdater, 'checkForUpdates' | 'quitAndInstall' | 'on' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowPrerelease' | 'allowDowngrade'> & {
  logger: AppUpdater['logger'];
};

export type UpdateChannel = 'stable' | 'beta';

export interface UpdaterOptions {
  updater: AppUpdaterLike;
  policy: UpdatePolicy;
  logger: Logger;
  channel: () => UpdateChannel;
  notify: (kind: 'ready' | 'error' | 'up-to-date', detail: string) => void;
  /** Asks whether to restart although orders are open; true: restart now. */
  confirmWithOpenOrders: () => Promise<boolean>;
  /** Lets the window close for real before electron-updater quits the app. */
  beforeInstall: () => void;
  onState: (state: UpdateState) => void;
}

export class Updater {
  private state: UpdateState = { phase: 'idle' };
  private manualCheck = false;

  private readonly o: UpdaterOptions;


  constructor(o: UpdaterOptions) {

    this.o = o;

  }

  get current(): UpdateState {
    return this.state;
  }

  start(): void {
    const { updater, logger } = this.o;
    updater.autoDownload = true;
    // Quitting from the tray is explicit, so installing then is what the owner expects.
    updater.autoInstallOnAppQuit = true;
    updater.allowDowngrade = false;
    updater.logger = {
      info: (message?: unknown) => logger.info('updater', { detail: String(message).slice(0, 300) }),
      warn: (message?: unknown) => logger.warn('updater', { detail: String(message).slice(0, 300) }),
      error: (message?: unknown) => logger.error('updater', { detail: String(message).slice(0, 300) }),
    };
    updater.on('checking-for-update', () => this.set({ phase: 'checking' }));
    updater.on('update-not-available', () => {
      this.set({ phase: 'up-to-date' });
      if (this.manualCheck) this.o.notify('up-to-date', '');
      this.manualCheck = false;
    });
    updater.on('update-available', (info: UpdateInfo) => this.set({ phase: 'downloading', version: info.version, percent: 0 }));
    updater.on('download-progress', (progress: ProgressInfo) => {
      const version = this.state.phase === 'downloading' ? this.state.version : '';
      this.set({ phase: 'downloading', version, percent: Math.max(0, Math.min(100, progress.percent)) });
    });
    updater.on('update-downloaded', (info: UpdateInfo) => {
      this.set({ phase: 'ready', version: info.version });
      this.o.policy.updateDownloaded();
      this.o.notify('ready', info.version);
    });
    updater.on('error', (error: Error) => this.failed(error));
    this.o.policy.start({ check: () => void this.check(false), install: () => this.install() });
  }

  stop(): void {
    this.o.policy.stop();
  }

  /** WhatsApp is failing (never-ready, events-silent): the policy checks and installs at once. */
  policyWhatsAppProblems(): void {
    this.o.policy.whatsappProblemsChanged();
  }

  /** Tray "Check for updates" (manual: says so when already up to date) and the policy's timer. */
  async check(manual: boolean): Promise<void> {
    if (this.state.phase === 'ready' || this.state.phase === 'downloading' || this.state.phase === 'checking') return;
    this.manualCheck = manual;
    this.o.updater.allowPrerelease = this.o.channel() === 'beta';
    try {
      await this.o.updater.checkForUpdates();
    } catch (error) {
      this.failed(error);
    }
  }

  /** Tray "Restart and update": at once with an empty board, else only after a yes. */
  async installRequested(): Promise<void> {
    if (this.state.phase !== 'ready') return;
    if (this.o.policy.installRequested() === 'confirm-open-orders' && !(await this.o.confirmWithOpenOrders())) return;
    this.install();
  }

  private install(): void {
    this.o.logger.info('installing update', { version: this.state.phase === 'ready' ? this.state.version : undefined });
    this.o.beforeInstall();
    try {
      this.o.updater.quitAndInstall(false, true);
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    const fields = errorFields(error);
    this.o.logger.warn('update failed', fields);
    const wasManual = this.manualCheck;
    this.manualCheck = false;
    // A failed download does not lose an update already waiting.
    if (this.state.phase === 'ready') return;
    this.set({ phase: 'error', error: String(fields.error).slice(0, 200) });
    if (wasManual) this.o.notify('error', String(fields.error).slice(0, 200));
  }

  private set(state: UpdateState): void {
    this.state = state;
    this.o.onState(state);
  }
}
