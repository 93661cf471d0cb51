// The desktop app's own settings, kept in electron-store (one JSON file in userData) next to the
// host's settings. Every read is validated: a hand-edited or old file falls back to the defaults for
// the broken key and loses nothing else.
import { z } from 'zod';
import { parseSettings, type HostSettings } from '../host/settings.ts';
import type { Logger } from '../host/logger.ts';
import type { DevicePrefs } from '../host/device-prefs.ts';
import type { SavedWindowState } from './window-state.ts';
import type { UpdateChannel } from './updater.ts';

/** The slice of electron-store used (injected: tests use a Map). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const engineSchema = z.enum(['simulator', 'whatsapp']);
const channelSchema = z.enum(['stable', 'beta']);

export class ShellSettings {
  private readonly store: KeyValueStore;
  private readonly logger: Logger;
  /** Installed builds start at login unless the owner turned it off; development builds do not. */
  private readonly isPackaged: boolean;

  constructor(store: KeyValueStore, logger: Logger, isPackaged: boolean) {
    this.store = store;
    this.logger = logger;
    this.isPackaged = isPackaged;
  }

  private read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const value = this.store.get(key);
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.logger.warn('setting ignored: invalid value', { key });
    return fallback;
  }

  /** The WhatsApp engine: the simulator until the real one is chosen. */
  get engine(): 'simulator' | 'whatsapp' {
    return this.read('engine', engineSchema, 'simulator');
  }

  /** Chosen in the welcome flow or the owner area; the host restarts with it. */
  set engine(kind: 'simulator' | 'whatsapp') {
    this.store.set('engine', kind);
  }

  /** Screens on the network: the host listens on 0.0.0.0 instead of 127.0.0.1. Off by default. */
  get networkAccess(): boolean {
    return this.read('networkAccess', z.boolean(), false);
  }

  set networkAccess(enabled: boolean) {
    this.store.set('networkAccess', enabled);
  }

  /** The same choices as the DeviceControl sees them. */
  devicePrefs(): DevicePrefs {
    return {
      engine: () => this.engine,
      setEngine: (kind) => (this.engine = kind),
      networkAccess: () => this.networkAccess,
      setNetworkAccess: (enabled) => (this.networkAccess = enabled),
    };
  }

  /** The host's HTTP port for extra kitchen screens and tools; null: the window alone, no HTTP. */
  get port(): number | null {
    return this.read('port', z.number().int().min(0).max(65_535).nullable(), 4747);
  }

  get startAtLogin(): boolean {
    return this.read('startAtLogin', z.boolean(), this.isPackaged);
  }

  set startAtLogin(value: boolean) {
    this.store.set('startAtLogin', value);
  }

  get updateChannel(): UpdateChannel {
    return this.read('updateChannel', channelSchema, 'stable');
  }

  get windowState(): unknown {
    return this.store.get('window');
  }

  set windowState(state: SavedWindowState) {
    this.store.set('window', state);
  }

  /** The host's settings (same schema as headless settings.json). */
  get host(): HostSettings {
    const raw = this.store.get('host');
    const { settings, error } = parseSettings(raw ?? {});
    if (error) this.logger.error('host settings rejected; using defaults', { error });
    return settings;
  }
}
