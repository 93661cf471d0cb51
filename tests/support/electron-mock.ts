// The one stand-in for Electron's main-process modules (as Electron Fiddle keeps one in its tests).
// Electron cannot start on this machine, so the shell takes its Electron pieces as arguments and
// tests hand it these fakes: each records what the shell asked of it and lets the test play the
// user or the OS (emit 'close', click a menu item, end a utility process).
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';

export class MockWebContents extends EventEmitter {
  zoomLevel = 0;
  destroyed = false;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | undefined;
  permissionHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  reloads = 0;
  readonly mainFrame = { url: 'file:///app/dist/renderer/index.html' };
  readonly session = {
    setPermissionRequestHandler: (handler: MockWebContents['permissionHandler']) => {
      this.permissionHandler = handler;
    },
  };
  setWindowOpenHandler(handler: MockWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
  setZoomLevel(level: number): void {
    this.zoomLevel = level;
  }
  getZoomLevel(): number {
    return this.zoomLevel;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  reload(): void {
    this.reloads++;
  }
  /** Fires an event whose first argument is a preventable Electron Event; returns it. */
  fire(name: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit(name, event, ...args);
    return event;
  }
}

export class MockBrowserWindow extends EventEmitter {
  static readonly instances: MockBrowserWindow[] = [];
  readonly webContents = new MockWebContents();
  visible = false;
  minimized = false;
  maximized = false;
  fullScreen: boolean;
  kiosk: boolean;
  destroyed = false;
  focused = false;
  bounds: { x: number; y: number; width: number; height: number };
  loadedFile: string | undefined;

  readonly options: Record<string, unknown> & { x?: number; y?: number; width?: number; height?: number; webPreferences?: Record<string, unknown> };

  constructor(options: MockBrowserWindow['options']) {
    super();
    this.options = options;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.fullScreen = options.fullscreen === true;
    this.kiosk = options.kiosk === true;
    MockBrowserWindow.instances.push(this);
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = pathToFileURL(path).href;
    // As in Electron, the page announces itself after the load was asked for.
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  setFullScreen(value: boolean): void {
    this.fullScreen = value;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  setKiosk(value: boolean): void {
    this.kiosk = value;
  }
  isKiosk(): boolean {
    return this.kiosk;
  }
  getBounds() {
    return { ...this.bounds };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The user clicks the window's close button; returns whether the close was prevented. */
  userClose(): boolean {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (!event.defaultPrevented) {
      this.destroyed = true;
      this.visible = false;
      this.emit('closed');
    }
    return event.defaultPrevented;
  }
}

export class MockTray extends EventEmitter {
  static readonly instances: MockTray[] = [];
  image: unknown;
  tooltip = '';
  menu: MockMenu | undefined;
  menuSets = 0;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    MockTray.instances.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: MockMenu | null): void {
    this.menu = menu ?? undefined;
    this.menuSets++;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** Clicks the menu item with this label. */
  click(label: string): void {
    const item = this.menu?.items.find((i) => i.label === label);
    if (!item) throw new Error(`no tray menu item "${label}"`);
    if (item.enabled === false) throw new Error(`tray menu item "${label}" is disabled`);
    (item.click as (() => void) | undefined)?.();
  }
}

export class MockMenu {
  readonly items: MenuItemConstructorOptions[];

  constructor(items: MenuItemConstructorOptions[]) {
    this.items = items;
  }
  static buildFromTemplate(template: MenuItemConstructorOptions[]): MockMenu {
    return new MockMenu(template);
  }
}

export class MockNativeImage {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }
  static createFromPath(path: string): MockNativeImage {
    return new MockNativeImage(path);
  }
}

/** powerSaveBlocker: ids handed out and which are running. */
export function createPowerSaveBlocker() {
  const running = new Map<number, string>();
  let next = 1;
  return {
    running,
    start: (type: 'prevent-app-suspension' | 'prevent-display-sleep') => {
      const id = next++;
      running.set(id, type);
      return id;
    },
    stop: (id: number) => running.delete(id),
    isStarted: (id: number) => running.has(id),
  };
}

export interface MockDisplay {
  id: number;
  workArea: { x: number; y: number; width: number; height: number };
  bounds: { x: number; y: number; width: number; height: number };
}

export function createScreen(displays: MockDisplay[]) {
  return {
    displays,
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
    getDisplayMatching: (rect: { x: number; y: number }) =>
      displays.find((d) => rect.x >= d.bounds.x && rect.x < d.bounds.x + d.bounds.width && rect.y >= d.bounds.y && rect.y < d.bounds.y + d.bounds.height) ?? displays[0]!,
  };
}

export function display(id: number, x: number, y: number, width: number, height: number): MockDisplay {
  return { id, bounds: { x, y, width, height }, workArea: { x, y, width, height: height - 40 } };
}

/** A utility process: the test reads what was posted and plays the worker. */
export class MockUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined;
  readonly posted: unknown[] = [];
  killed = false;
  readonly modulePath: string;
  readonly args: string[] | undefined;
  readonly options: Record<string, unknown> | undefined;

  constructor(modulePath: string, args: string[] | undefined, options: Record<string, unknown> | undefined) {
    super();
    this.modulePath = modulePath;
    this.args = args;
    this.options = options;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  spawned(pid: number): void {
    this.pid = pid;
    this.emit('spawn');
  }
  exit(code: number): void {
    this.pid = undefined;
    this.emit('exit', code);
  }
}

export function createUtilityProcess() {
  const forked: MockUtilityProcess[] = [];
  return {
    forked,
    fork: (modulePath: string, args?: string[], options?: Record<string, unknown>) => {
      const child = new MockUtilityProcess(modulePath, args, options);
      forked.push(child);
      return child;
    },
  };
}

/** app: the single-instance lock and the events the shell listens to. */
export class MockApp extends EventEmitter {
  quitCalls = 0;
  relaunchCalls = 0;
  exitCodes: number[] = [];
  isPackaged = false;
  loginItem = { openAtLogin: false };
  private readonly lockHeld: boolean;

  constructor(lockHeld = false) {
    super();
    this.lockHeld = lockHeld;
  }
  requestSingleInstanceLock(): boolean {
    return !this.lockHeld;
  }
  quit(): void {
    this.quitCalls++;
  }
  relaunch(): void {
    this.relaunchCalls++;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { ...settings };
  }
  getLoginItemSettings() {
    return this.loginItem;
  }
}

/** safeStorage with a reversible fake encryption (so tests can see it is not plain text). */
export function createSafeStorage(available = true, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(7), 'hex').toString();
    },
  };
}

/** Notification: records what was shown. */
export class MockNotification extends EventEmitter {
  static readonly shown: { title: string; body: string }[] = [];
  static isSupported(): boolean {
    return true;
  }
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
  }
  show(): void {
    MockNotification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

/** The app as main.ts uses it: ready at once, paths, and a quit that runs 'before-quit' like Electron. */
export class MockElectronApp extends MockApp {
  private readonly paths = new Map<string, string>();
  quitted = false;
  readonly version = '0.1.0';
  constructor(userData: string, lockHeld = false) {
    super(lockHeld);
    this.paths.set('userData', userData);
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`no mock path ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return this.version;
  }
  setAppUserModelId(): void {}
  override quit(): void {
    super.quit();
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) {
      this.quitted = true;
      this.emit('will-quit');
      this.emit('quit');
    }
  }
}

/** electron-log's main logger: the lines written, and the file transport settings. */
export function createElectronLog() {
  const lines: string[] = [];
  const write = (line: string) => void lines.push(line);
  return {
    lines,
    info: write,
    warn: write,
    error: write,
    debug: write,
    transports: { file: { maxSize: 0, resolvePathFn: () => '', archiveLogFn: () => undefined, format: '', level: 'silly' as unknown }, console: { level: 'silly' as unknown } },
  };
}

/**
 * Every Electron module main.ts imports, as one object: a child process installs it in place of
 * 'electron' (and of electron-log, electron-store, electron-updater) to run the real composition.
 */
export function createElectronModule(options: { userData: string; store?: Record<string, unknown>; dialogResponse?: number; lockHeld?: boolean }) {
  const storeData = new Map<string, unknown>(Object.entries(options.store ?? {}));
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const dialogs: unknown[] = [];
  const errorBoxes: string[] = [];
  const opened: string[] = [];
  const dialog = {
    shown: dialogs,
    errorBoxes,
    /** The button the person picks in the next message boxes. */
    response: options.dialogResponse ?? 0,
    showMessageBox: async (...args: unknown[]) => {
      dialogs.push(args.at(-1));
      return { response: dialog.response, checkboxChecked: false };
    },
    showErrorBox: (title: string, content: string) => void errorBoxes.push(`${title}: ${content}`),
  };
  return {
    app: new MockElectronApp(options.userData, options.lockHeld),
    BrowserWindow: MockBrowserWindow,
    Tray: MockTray,
    Menu: MockMenu,
    nativeImage: MockNativeImage,
    Notification: MockNotification,
    ipcMain: {
      handlers: ipcHandlers,
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    powerMonitor: new EventEmitter(),
    powerSaveBlocker: createPowerSaveBlocker(),
    safeStorage: createSafeStorage(),
    screen: createScreen([display(1, 0, 0, 1920, 1080)]),
    shell: { opened, openExternal: async (url: string) => void opened.push(url) },
    utilityProcess: createUtilityProcess(),
    dialog,
    log: createElectronLog(),
    storeData,
    ElectronStore: class {
      get(key: string): unknown {
        return storeData.get(key);
      }
      set(key: string, value: unknown): void {
        storeData.set(key, value);
      }
    },
    autoUpdater: new EventEmitter(),
  };
}
export type ElectronModuleMock = ReturnType<typeof createElectronModule>;
