// The Electron entry: composition only. The host (plain Node) does the work; the shell pieces in
// electron/shell give it Electron's adapters (settings in electron-store, secrets in safeStorage,
// notifications, the display kept awake), a window, a tray and an updater, and a clean exit.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, powerSaveBlocker, safeStorage, screen, shell, Tray, utilityProcess } from 'electron';
import log from 'electron-log/main';
import ElectronStore from 'electron-store';
import electronUpdater from 'electron-updater';
import { existsSync } from 'node:fs';
import { homedir, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OPEN_STATUSES } from '../shared/order.ts';
import { languageOf } from '../shared/menu.ts';
import type { Locale } from '../shared/i18n.ts';
import { createHost, type EngineContext } from './host/create-host.ts';
import { createSystemClock } from './host/clock.ts';
import { errorFields } from './host/logger.ts';
import { HostRunner } from './host/host-runner.ts';
import { OwnerTokens } from './host/owner-tokens.ts';
import { HostDeviceControl, ALL_ADDRESSES, LOCAL_ONLY_ADDRESS } from './host/host-device-control.ts';
import { engineCloudHooks } from './cloud/host-cloud.ts';
import { CloudAccount } from './cloud/cloud-account.ts';
import { loadFirebaseFile, type FirebaseFile } from './cloud/firebase-file.ts';
import { builtInFirebaseConfig } from './cloud/firebase-config-source.ts';
import type { EngineKind } from '../shared/owner-api.ts';
import type { WhatsAppEngine } from './whatsapp/engine.ts';
import { createEngineFactory, whatsappProfileDir } from './whatsapp/engine-factory.ts';
import { forwardEvents, serveKdsApiOverIpc, trustedSenderCheck } from './shell/ipc-bridge.ts';
import { configureElectronLog, electronLogger } from './shell/electron-logger.ts';
import { CrashRelaunch, installCrashHandlers } from './shell/crash-relaunch.ts';
import { claimSingleInstance } from './shell/single-instance.ts';
import { ShellSettings } from './shell/shell-settings.ts';
import { WindowPolicy } from './shell/window-policy.ts';
import { KdsWindow } from './shell/kds-window.ts';
import { TrayController } from './shell/tray.ts';
import { trayIconPath } from './shell/tray-icons.ts';
import { DesktopAlerts } from './shell/desktop-alerts.ts';
import { UpdatePolicy } from './shell/update-policy.ts';
import { Updater } from './shell/updater.ts';
import type { UpdateState } from '../shared/update-state.ts';
import { utilityProcessWorker } from './shell/utility-process-worker.ts';
import { safeStorageSecrets } from './shell/safe-storage-secrets.ts';
import { CONFIRM_BUTTON, quitWithOpenOrdersDialog, resetOwnerPinDialog, updateWithOpenOrdersDialog } from './shell/dialogs.ts';
import { SHELL_TEXTS } from './shell/shell-texts.ts';
import { exposeE2eHook } from './shell/e2e-hook.ts';
import { applyStartAtLogin, START_HIDDEN_ARG } from './shell/login-item.ts';
import { startHostWithPortFallback } from './shell/host-start.ts';
import { createSystemPrinter } from './shell/system-printer.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_INDEX = join(here, '..', 'renderer', 'index.html');
const PRELOAD = join(here, 'preload.cjs');
const WORKER_ENTRY = join(here, 'engine-worker.js');
const ASSETS = join(here, '..', 'assets');
const UPDATE_CHANNEL = 'kds:update';
/** Longest a quit waits for the host to stop before exiting anyway. */
const STOP_TIMEOUT_MS = 15_000;

// A separate profile (end-to-end tests, a second test kitchen on one PC) without touching the real one.
if (process.env.COMANDA_USER_DATA) app.setPath('userData', process.env.COMANDA_USER_DATA);
const dataDir = app.getPath('userData');
const logDir = join(dataDir, 'logs');
configureElectronLog(log, logDir);
const logger = electronLogger(log);
const clock = createSystemClock();

installCrashHandlers({
  process,
  guard: new CrashRelaunch({ historyPath: join(dataDir, 'crash-history.json'), now: () => clock.now() }),
  log: (message, fields) => logger.error(message, fields),
  relaunch: () => {
    app.relaunch();
    app.exit(1);
  },
  exit: () => app.exit(1),
});

let kdsWindow: KdsWindow | undefined;

if (claimSingleInstance(app, () => kdsWindow?.show())) {
  const settings = new ShellSettings(new ElectronStore({ name: 'comanda' }), logger, app.isPackaged);
  const hostSettings = settings.host;
  const policy = new WindowPolicy(powerSaveBlocker);
  const startHidden = process.argv.includes(START_HIDDEN_ARG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  let tray: TrayController | undefined;
  let alerts: DesktopAlerts | undefined;
  let updater: Updater | undefined;
  let updateState: UpdateState = { phase: 'idle' };
  let lastHeartbeatAt: string | undefined;
  let stopped = false;

  let cloudAccount: CloudAccount | undefined;
  const engineOption = (kind: EngineKind): 'simulator' | ((context: EngineContext) => WhatsAppEngine) => {
    if (kind === 'simulator') return 'simulator';
    return createEngineFactory('whatsapp', {
      spawn: utilityProcessWorker({ fork: utilityProcess.fork, entryPath: WORKER_ENTRY, logger: logger.child({ part: 'worker' }) }),
      ...engineCloudHooks(() => cloudAccount?.cloud()),
    });
  };
  let device: HostDeviceControl | undefined;
  const ownerTokens = new OwnerTokens(clock);
  // The PC's own printers: tickets printed silently from a hidden window (USB printers with an OS driver).
  const systemPrinter = createSystemPrinter({
    createWindow: () => new BrowserWindow({ show: false, width: 400, height: 800, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } }),
  });
  // The host is replaced when the owner switches engines; everything below reaches it through here.
  const runner = new HostRunner({
    engine: settings.engine,
    port: settings.port,
    hostname: settings.networkAccess ? ALL_ADDRESSES : LOCAL_ONLY_ADDRESS,
    logger,
    create: (params) => createHost({ dataDir, engine: engineOption(params.engine), port: params.port, hostname: params.hostname, logger, clock, settings: hostSettings, logDir, ownerTokens, systemPrinter, ...(device ? { device } : {}) }),
    firstStart: (create, port) => startHostWithPortFallback(create, port, logger),
    // The kitchen works without the cloud; the owner sees why in the log and on the Cloud tab.
    afterStart: (host) => cloudAccount?.resume(host).then(() => undefined, (error) => logger.error('cloud not started', errorFields(error))) ?? Promise.resolve(),
    beforeStop: () => cloudAccount?.stop() ?? Promise.resolve(),
  });
  const host = () => runner.running;

  const locale = (): Locale => hostSettings.locale ?? languageOf(host()?.menu.current().locale ?? 'es');
  const openOrders = () => host()?.store.orders.list({ statuses: OPEN_STATUSES }).length ?? 0;
  const timeZone = () => host()?.menu.current().timezone ?? hostSettings.timezone;

  const notify = (title: string, body: string) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body, silent: false });
    notification.on('click', () => kdsWindow?.show());
    notification.show();
  };

  /** firebase.json in the data folder (support, a restaurant's own Firebase project) wins over the built-in config. */
  const createCloudAccount = () => {
    const secrets = safeStorageSecrets(safeStorage, join(dataDir, 'secrets'), logger);
    const firebasePath = join(dataDir, 'firebase.json');
    let file: FirebaseFile | undefined;
    let builtInConfig: ReturnType<typeof builtInFirebaseConfig>;
    try {
      if (existsSync(firebasePath)) file = loadFirebaseFile(firebasePath);
      builtInConfig = builtInFirebaseConfig();
    } catch (error) {
      logger.error('cloud config not usable', errorFields(error));
    }
    return new CloudAccount({
      dataDir,
      ...(file ? { file } : {}),
      ...(builtInConfig ? { builtInConfig } : {}),
      profileDir: (running) => (running.engine.kind === 'whatsapp' ? whatsappProfileDir(dataDir) : undefined),
      logger,
      clock,
      notifier: { notify },
      // The backup key and the sign-in session sealed by the OS keychain.
      secretStore: secrets,
      sessionStore: secrets,
      // The app shows the recovery code on the kitchen screen (Cloud tab), not on a console.
      printRecoveryCode: false,
    });
  };

  const startAtLogin = (enabled: boolean) => {
    try {
      applyStartAtLogin(enabled, { app, platform: process.platform, env: process.env, homeDir: homedir(), execPath: process.execPath });
    } catch (error) {
      logger.warn('start at login not changed', errorFields(error));
    }
  };

  const requestQuit = async () => {
    if (!policy.isQuitting) {
      const open = openOrders();
      if (policy.onQuitRequested(open) === 'confirm') {
        const parent = kdsWindow?.window;
        const options = quitWithOpenOrdersDialog(locale(), open);
        const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
        if (response !== CONFIRM_BUTTON) return;
      }
      policy.markQuitting();
    }
    app.quit();
  };

  const readHeartbeat = async () => {
    if (host()) lastHeartbeatAt = (await runner.service.getHealth()).lastHeartbeatAt;
  };

  /** Tray: a forgotten owner PIN, removed on this PC after a confirmation. */
  const resetPin = async () => {
    const parent = kdsWindow?.window;
    const options = resetOwnerPinDialog(locale());
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (response !== CONFIRM_BUTTON) return;
    const t = SHELL_TEXTS[locale()].notify;
    try {
      await runner.host.resetOwnerPin();
      logger.info('owner PIN reset from the tray');
      notify(t.pinResetTitle, t.pinResetBody);
    } catch (error) {
      logger.error('owner PIN not reset', errorFields(error));
      notify(t.pinResetFailedTitle, error instanceof Error ? error.message : String(error));
    }
  };
  const refreshHeartbeat = () => {
    void readHeartbeat()
      .then(() => tray?.update())
      .catch((error) => logger.warn('health not read for the tray', errorFields(error)));
  };

  const startShell = async () => {
    app.setAppUserModelId('app.comanda.kds');
    cloudAccount = createCloudAccount();
    device = new HostDeviceControl({ runner, prefs: settings.devicePrefs(), cloud: cloudAccount, interfaces: networkInterfaces, clock, logger });
    await runner.start();
    const service = runner.service;
    serveKdsApiOverIpc({
      ipcMain,
      api: service,
      isTrustedSender: trustedSenderCheck(() => kdsWindow?.window?.webContents, pathToFileURL(RENDERER_INDEX).href),
    });
    const backupNow = () => cloudAccount?.cloud()?.backupNow();

    kdsWindow = new KdsWindow({
      createWindow: (options) => new BrowserWindow(options),
      screen,
      preloadPath: PRELOAD,
      rendererIndex: RENDERER_INDEX,
      policy,
      openExternal: (url) => shell.openExternal(url),
      loadState: () => settings.windowState,
      saveState: (state) => (settings.windowState = state),
      clock,
      logger: logger.child({ part: 'window' }),
      platform: process.platform,
      startHidden,
      onCreated: (win) => {
        forwardEvents(service, win.webContents);
        // Windows logging off or shutting down emits no before-quit: stop what can be stopped.
        win.on('session-end', () => {
          policy.markQuitting();
          stopped = true;
          void stopAll().catch((error) => logger.error('stop at session end failed', errorFields(error)));
        });
        win.webContents.once('did-finish-load', () => win.webContents.send(UPDATE_CHANNEL, updateState));
      },
    });
    kdsWindow.open();

    alerts = new DesktopAlerts({ notify: (_kind, title, body) => notify(title, body), locale, clock });
    alerts.onStatus(runner.host.service.whatsappStatus());
    alerts.onHandoffs(service.handoffs());

    if (app.isPackaged) {
      const t = () => SHELL_TEXTS[locale()].notify;
      updater = new Updater({
        updater: electronUpdater.autoUpdater,
        policy: new UpdatePolicy({
          clock,
          openOrders,
          timeZone,
          whatsappBroken: () => runner.host.problems.list().length > 0,
        }),
        logger: logger.child({ part: 'updater' }),
        channel: () => settings.updateChannel,
        notify: (kind, detail) => {
          if (kind === 'ready') notify(t().updateReadyTitle, `${detail} · ${t().updateReadyBody}`);
          else if (kind === 'error') notify(t().updateErrorTitle, detail);
          else notify(t().upToDateTitle, app.getVersion());
        },
        confirmWithOpenOrders: async () => {
          const parent = kdsWindow?.window;
          const options = updateWithOpenOrdersDialog(locale(), openOrders());
          const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
          return response === CONFIRM_BUTTON;
        },
        beforeInstall: () => policy.markQuitting(),
        onState: (state) => {
          updateState = state;
          kdsWindow?.window?.webContents.send(UPDATE_CHANNEL, state);
          tray?.update();
        },
      });
      updater.start();
    }

    tray = new TrayController({
      createTray: (image) => new Tray(image),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      icon: (kind) => nativeImage.createFromPath(trayIconPath(ASSETS, kind, process.platform)),
      input: () => ({
        status: runner.host.service.whatsappStatus(),
        lastHeartbeatAt,
        locale: locale(),
        timeZone: timeZone(),
        startAtLogin: settings.startAtLogin,
        canBackup: cloudAccount?.cloud() !== undefined,
        canCheckUpdates: updater !== undefined,
        updateReady: updateState.phase === 'ready',
        downloadPercent: updateState.phase === 'downloading' ? updateState.percent : undefined,
      }),
      actions: {
        show: () => kdsWindow?.show(),
        reconnect: async () => void (await service.reconnectWhatsApp()),
        link: async () => {
          // The kitchen screen shows the linking screen while the status is needs-link.
          kdsWindow?.show();
          await service.linkWhatsApp({ method: 'qr' });
        },
        backup: async () => void (await backupNow()),
        'check-updates': () => updater?.check(true),
        'install-update': () => updater?.installRequested(),
        'toggle-start-at-login': () => {
          settings.startAtLogin = !settings.startAtLogin;
          startAtLogin(settings.startAtLogin);
          tray?.update();
        },
        'reset-pin': resetPin,
        quit: requestQuit,
      },
      clock,
      logger: logger.child({ part: 'tray' }),
      refreshMs: 60_000,
      beforeRefresh: readHeartbeat,
    });
    tray.start();
    startAtLogin(settings.startAtLogin);
    refreshHeartbeat();

    runner.subscribe((event) => {
      if (event.type === 'whatsapp') {
        alerts?.onStatus(event.status);
        if (event.status.problems?.length) updater?.policyWhatsAppProblems();
        tray?.update();
        refreshHeartbeat();
      } else if (event.type === 'handoffs') {
        alerts?.onHandoffs(event.handoffs);
      }
    });
    // Linux/macOS shutting down: quit now (no question: the OS is going away anyway).
    powerMonitor.on('shutdown', () => {
      policy.markQuitting();
      app.quit();
    });
    // After sleep the session is often gone while the engine still believes it is up.
    powerMonitor.on('resume', () => {
      if (runner.host.engine.getStatus().state !== 'connected') void service.reconnectWhatsApp().catch((error) => logger.warn('reconnect after resume failed', errorFields(error)));
    });
    // Another engine now runs in a new host: the page loads again to show it (orders are the same).
    runner.onHostChanged((next) => {
      alerts?.onStatus(next.service.whatsappStatus());
      tray?.update();
      kdsWindow?.window?.webContents.reload();
    });

    exposeE2eHook(process.env, {
      tray: () => tray?.model,
      windowVisible: () => kdsWindow?.window?.isVisible() ?? false,
      keepsDisplayAwake: () => policy.keepsDisplayAwake,
    });
  };

  /** Everything down in order: the cloud reads the store, the host closes the WhatsApp browser. */
  const stopAll = async () => {
    kdsWindow?.flushState();
    updater?.stop();
    alerts?.stop();
    tray?.stop();
    await device?.settled();
    await runner.stop();
  };

  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (!policy.isQuitting) {
      // Cmd+Q, the dock or the OS asked: the same question as the tray's Quit.
      void requestQuit();
      return;
    }
    stopped = true;
    const forceExit = setTimeout(() => {
      logger.error('host did not stop in time; exiting');
      app.exit(0);
    }, STOP_TIMEOUT_MS);
    void stopAll()
      .catch((error) => logger.error('stop failed', errorFields(error)))
      .finally(() => {
        clearTimeout(forceExit);
        app.quit();
      });
  });

  // The window only hides; with every window gone the app still runs in the tray.
  app.on('window-all-closed', () => undefined);
  app.on('activate', () => kdsWindow?.show());

  void app.whenReady().then(() =>
    startShell().catch((error) => {
      logger.error('Comanda could not start', errorFields(error));
      dialog.showErrorBox('Comanda', `Comanda could not start: ${error instanceof Error ? error.message : String(error)}`);
      policy.markQuitting();
      app.quit();
    }),
  );
}
