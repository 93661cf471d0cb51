// The owner area of the in-memory KdsApi (shared/owner-api.ts): menu, out of stock, pause,
// settings, the PIN, first run and the device, close enough to the host's rules for the screens.
// Test support only. The host's real rules (scrypt, lockout, owner guard) are tested in tests/host.
import { KdsError, type KdsEvent } from '../../shared/kds-api.ts';
import { parseMenu, type Menu, type MenuInput, type MenuItem } from '../../shared/menu.ts';
import { hostSettingsSchema, type HostSettings, type SettingsPatch } from '../../shared/settings.ts';
import type {
  CloudSignIn,
  EngineKind,
  NetworkAccess,
  OrdersPause,
  OwnerApi,
  OwnerStatus,
  OwnerUnlock,
  PauseRequest,
  SetPinRequest,
  SetupState,
  SetupUpdate,
} from '../../shared/owner-api.ts';

export const FAKE_MENU: MenuInput = {
  restaurant: 'Casa Pepe',
  currency: 'EUR',
  locale: 'es-ES',
  categories: [
    {
      id: 'hamburguesas',
      name: 'Hamburguesas',
      items: [
        { id: 'clasica', name: 'Hamburguesa clásica', price: 9.5 },
        { id: 'doble', name: 'Hamburguesa doble', price: 12 },
      ],
    },
  ],
};

export interface FakeOwnerSeed {
  menu?: MenuInput;
  pin?: string;
  setup?: SetupState;
  engine?: EngineKind;
}

export class FakeOwnerArea implements OwnerApi {
  menu: Menu;
  pause: OrdersPause = { paused: false };
  settings: HostSettings = hostSettingsSchema.parse({});
  pin: string | undefined;
  setup: SetupState;
  engine: EngineKind;
  network: NetworkAccess = { enabled: false, urls: [] };
  cloudEmail: string | undefined;
  private readonly emit: (event: KdsEvent) => void;
  private readonly now: () => number;

  constructor(seed: FakeOwnerSeed, emit: (event: KdsEvent) => void, now: () => number) {
    const parsed = parseMenu(seed.menu ?? FAKE_MENU);
    if (!parsed.ok) throw new Error(parsed.error);
    this.menu = parsed.menu;
    this.pin = seed.pin;
    this.setup = seed.setup ?? { completed: true, done: [] };
    this.engine = seed.engine ?? 'simulator';
    this.emit = emit;
    this.now = now;
  }

  async getMenu(): Promise<Menu> {
    return structuredClone(this.menu);
  }

  async saveMenu(input: MenuInput): Promise<Menu> {
    const parsed = parseMenu(input);
    if (!parsed.ok) throw new KdsError('bad_request', parsed.error);
    this.menu = { ...parsed.menu, updatedAt: new Date(this.now()).toISOString() };
    this.emit({ type: 'menu', menu: this.menu });
    return structuredClone(this.menu);
  }

  async setItemAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    let found: MenuItem | undefined;
    const categories = this.menu.categories.map((c) => ({
      ...c,
      items: c.items.map((i) => (i.id === itemId ? (found = { ...i, available }) : i)),
    }));
    if (!found) throw new KdsError('not_found', `no dish with id "${itemId}" in the menu`);
    this.menu = { ...this.menu, categories };
    this.emit({ type: 'menu', menu: this.menu });
    return found;
  }

  async pauseOrders(request: PauseRequest): Promise<OrdersPause> {
    const now = this.now();
    this.pause = { paused: true, since: new Date(now).toISOString() };
    if (request.minutes != null) this.pause.until = new Date(now + request.minutes * 60_000).toISOString();
    this.emit({ type: 'pause', pause: this.pause });
    return { ...this.pause };
  }

  async resumeOrders(): Promise<OrdersPause> {
    this.pause = { paused: false };
    this.emit({ type: 'pause', pause: this.pause });
    return { ...this.pause };
  }

  async getSettings(): Promise<HostSettings> {
    return structuredClone(this.settings);
  }

  async updateSettings(patch: SettingsPatch): Promise<HostSettings> {
    const merged: Record<string, unknown> = { ...this.settings, ...patch };
    for (const key of ['whatsapp', 'printing'] as const) {
      if (patch[key] && typeof patch[key] === 'object') merged[key] = { ...this.settings[key], ...(patch[key] as object) };
    }
    const parsed = hostSettingsSchema.safeParse(merged);
    if (!parsed.success) throw new KdsError('bad_request', `invalid settings: ${parsed.error.issues[0]?.message ?? 'bad value'}`);
    this.settings = parsed.data;
    this.emit({ type: 'settings', settings: this.settings });
    return structuredClone(this.settings);
  }

  async getOwnerStatus(): Promise<OwnerStatus> {
    return { pinSet: this.pin !== undefined };
  }

  async setOwnerPin(request: SetPinRequest): Promise<OwnerStatus> {
    if (this.pin !== undefined && request.currentPin !== this.pin) throw new KdsError('unauthorized', 'wrong PIN');
    this.pin = request.pin;
    return { pinSet: true };
  }

  async unlockOwner(pin: string): Promise<OwnerUnlock> {
    if (this.pin === undefined) throw new KdsError('conflict', 'no owner PIN is set yet');
    if (pin !== this.pin) throw new KdsError('unauthorized', 'wrong PIN');
    return { ownerToken: `fake-owner-${this.now()}`, expiresAt: new Date(this.now() + 15 * 60_000).toISOString() };
  }

  async getSetup(): Promise<SetupState> {
    return structuredClone(this.setup);
  }

  async updateSetup(update: SetupUpdate): Promise<SetupState> {
    const done = new Set([...this.setup.done, ...(update.done ?? [])]);
    this.setup = { completed: update.completed ?? this.setup.completed, done: [...done] };
    this.emit({ type: 'setup', setup: this.setup });
    return structuredClone(this.setup);
  }

  async getEngine(): Promise<EngineKind> {
    return this.engine;
  }

  async setEngine(kind: EngineKind): Promise<EngineKind> {
    this.engine = kind;
    return kind;
  }

  async getNetworkAccess(): Promise<NetworkAccess> {
    return this.pin === undefined && !this.network.enabled ? { ...this.network, blockedReason: 'no-pin' } : { ...this.network };
  }

  async setNetworkAccess(enabled: boolean): Promise<NetworkAccess> {
    if (enabled && this.pin === undefined) throw new KdsError('conflict', 'set an owner PIN first');
    this.network = { enabled, urls: enabled ? ['http://192.168.1.20:4747/#token=fake'] : [] };
    return { ...this.network };
  }

  async rotateAccessToken(): Promise<NetworkAccess> {
    this.network = { ...this.network, urls: this.network.urls.map((u) => u.replace(/token=.*/, `token=fake${this.now()}`)) };
    return { ...this.network };
  }

  async cloudSignIn(request: CloudSignIn): Promise<void> {
    this.cloudEmail = request.email;
  }

  async cloudSignOut(): Promise<void> {
    this.cloudEmail = undefined;
  }
}
