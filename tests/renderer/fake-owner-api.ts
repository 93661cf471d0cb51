// The owner's half of the fake host (OwnerApi): the menu with its terms, sold-out marks, the
// pause, settings, the owner PIN with its slow-down, the welcome flow, the engine, screens on the
// network and the cloud sign-in. It keeps the contract's rules (the same schemas validate, owner
// calls need the PIN once one exists, a bad menu changes nothing) so the screen can be tested
// against it; the real rules live in the host and are tested there.
import { KdsError, type CloudStatus, type KdsErrorCode, type KdsErrorDetails, type KdsEvent, type KdsSettings } from '../../shared/kds-api.ts';
import { parseMenu, menuSchema, type Menu, type MenuInput, type MenuItem } from '../../shared/menu.ts';
import { hostSettingsSchema, type HostSettings, type SettingsPatch } from '../../shared/settings.ts';
import { describeZodError } from '../../shared/validation.ts';
import {
  OWNER_PIN_REQUIRED,
  SETUP_STEPS,
  ownerPinSchema,
  type CloudSignIn,
  type EngineKind,
  type NetworkAccess,
  type OrdersPause,
  type OwnerApi,
  type OwnerStatus,
  type OwnerUnlock,
  type PauseRequest,
  type SetPinRequest,
  type SetupState,
  type SetupUpdate,
} from '../../shared/owner-api.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { demoMenu } from './owner-fixtures.ts';

/** The e-mail and password the fake cloud accepts. */
export const FAKE_CLOUD_EMAIL = 'dueno@casapepe.es';
export const FAKE_CLOUD_PASSWORD = 'correcta-123';
/** Wrong PINs allowed before the fake host slows them down (429 with retryAfterSeconds). */
export const FAKE_PIN_TRIES = 3;
export const FAKE_PIN_WAIT_SECONDS = 30;
const OWNER_TOKEN_MINUTES = 15;

export interface FakeOwnerSeed {
  menu?: MenuInput;
  /** Default: completed (the board shows at once, as for every existing screen test). */
  setup?: SetupState;
  /** A PIN that already exists. */
  pin?: string;
  pause?: OrdersPause;
  settings?: Partial<KdsSettings>;
  network?: Partial<NetworkAccess>;
}

const clone = <T>(value: T): T => structuredClone(value);

/** A KdsError with one of the owner codes the host's transports carry (403, 429). */
export function ownerError(code: KdsErrorCode, message: string, details: KdsErrorDetails = {}): KdsError {
  return new KdsError(code, message, details);
}

export abstract class FakeOwnerApi implements OwnerApi {
  menu: Menu;
  pause: OrdersPause;
  hostSettings: HostSettings;
  setup: SetupState;
  network: NetworkAccess;
  pin: string | undefined;
  /** Owner tokens handed out, with their last use (each lives 15 minutes from it). */
  private readonly ownerTokens = new Map<string, number>();
  /** The owner token the current call came with (the bridge's envelope, as the host's caller scope). */
  callerToken: string | undefined;
  private wrongPins = 0;
  private blockedUntil = 0;
  private tokenCount = 0;

  abstract whatsapp: WhatsAppStatus;
  abstract cloud: CloudStatus;
  abstract settings: KdsSettings;
  abstract readonly calls: unknown[][];
  protected abstract readonly nowMs: () => number;
  protected abstract emit(event: KdsEvent): void;
  abstract setWhatsApp(status: WhatsAppStatus): void;
  abstract setCloud(status: CloudStatus): void;
  abstract showQr(): void;

  protected constructor(seed: FakeOwnerSeed) {
    this.menu = menuSchema.parse(seed.menu ?? demoMenu());
    this.pause = seed.pause ?? { paused: false };
    this.hostSettings = hostSettingsSchema.parse(seed.settings ?? {});
    this.setup = seed.setup ?? { completed: true, done: [] };
    this.pin = seed.pin;
    this.network = { enabled: false, urls: [], ...seed.network };
  }

  protected isoNow(): string {
    return new Date(this.nowMs()).toISOString();
  }

  /** Owner routes: nothing needed until a PIN exists, then a token used within 15 minutes. */
  protected requireOwner(): void {
    if (this.pin === undefined) return;
    const token = this.callerToken;
    const lastUse = token === undefined ? undefined : this.ownerTokens.get(token);
    if (token === undefined || lastUse === undefined || this.nowMs() - lastUse > OWNER_TOKEN_MINUTES * 60_000) {
      if (token !== undefined) this.ownerTokens.delete(token);
      throw ownerError('forbidden', 'the owner PIN is needed for this', { wireCode: OWNER_PIN_REQUIRED });
    }
    this.ownerTokens.set(token, this.nowMs());
  }

  /** Pause state as of now: a timed pause that has run out reads as not paused. */
  currentPause(): OrdersPause {
    if (this.pause.paused && this.pause.until && Date.parse(this.pause.until) <= this.nowMs()) this.pause = { paused: false };
    return clone(this.pause);
  }

  async getMenu(): Promise<Menu> {
    this.calls.push(['getMenu']);
    return clone(this.menu);
  }

  async saveMenu(input: MenuInput): Promise<Menu> {
    this.calls.push(['saveMenu', input]);
    this.requireOwner();
    const parsed = parseMenu(input);
    if (!parsed.ok) throw new KdsError('bad_request', parsed.error);
    this.menu = { ...parsed.menu, updatedAt: this.isoNow() };
    this.emit({ type: 'menu', menu: this.menu });
    return clone(this.menu);
  }

  async setItemAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    this.calls.push(['setItemAvailability', itemId, available]);
    for (const category of this.menu.categories) {
      const item = category.items.find((i) => i.id === itemId);
      if (!item) continue;
      item.available = available;
      this.menu.updatedAt = this.isoNow();
      this.emit({ type: 'menu', menu: this.menu });
      return clone(item);
    }
    throw new KdsError('not_found', `no dish ${itemId} on the menu`);
  }

  async pauseOrders(request: PauseRequest): Promise<OrdersPause> {
    this.calls.push(['pauseOrders', request]);
    const since = this.isoNow();
    this.pause = { paused: true, since, ...(request.minutes ? { until: new Date(this.nowMs() + request.minutes * 60_000).toISOString() } : {}) };
    this.emit({ type: 'pause', pause: this.pause });
    return clone(this.pause);
  }

  async resumeOrders(): Promise<OrdersPause> {
    this.calls.push(['resumeOrders']);
    this.pause = { paused: false };
    this.emit({ type: 'pause', pause: this.pause });
    return clone(this.pause);
  }

  async getSettings(): Promise<HostSettings> {
    this.calls.push(['getSettings']);
    return clone(this.hostSettings);
  }

  /** Like the host: nested objects merge key by key, arrays replace, the result is validated whole. */
  async updateSettings(patch: SettingsPatch): Promise<HostSettings> {
    this.calls.push(['updateSettings', patch]);
    this.requireOwner();
    const merged: Record<string, unknown> = { ...this.hostSettings };
    for (const [key, value] of Object.entries(patch)) {
      const current = merged[key];
      merged[key] =
        value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' ? { ...(current as object), ...(value as object) } : value;
    }
    const result = hostSettingsSchema.safeParse(merged);
    if (!result.success) throw new KdsError('bad_request', `invalid settings: ${describeZodError(result.error)}`);
    this.hostSettings = result.data;
    const { locale, amberAfterMinutes, redAfterMinutes, etaChoices, undoSeconds } = result.data;
    this.settings = { ...this.settings, ...(locale ? { locale } : {}), amberAfterMinutes, redAfterMinutes, etaChoices, undoSeconds };
    this.emit({ type: 'settings', settings: this.hostSettings });
    return clone(this.hostSettings);
  }

  async getOwnerStatus(): Promise<OwnerStatus> {
    this.calls.push(['getOwnerStatus']);
    return { pinSet: this.pin !== undefined };
  }

  async setOwnerPin(request: SetPinRequest): Promise<OwnerStatus> {
    this.calls.push(['setOwnerPin', { ...request, pin: '****' }]);
    const pin = ownerPinSchema.safeParse(request.pin);
    if (!pin.success) throw new KdsError('bad_request', 'the PIN is 4 to 8 digits');
    if (this.pin !== undefined && request.currentPin !== this.pin) throw new KdsError('unauthorized', 'the current PIN is not right');
    this.pin = pin.data;
    return { pinSet: true };
  }

  async unlockOwner(pin: string): Promise<OwnerUnlock> {
    this.calls.push(['unlockOwner', '****']);
    const now = this.nowMs();
    if (now < this.blockedUntil) {
      const retryAfterSeconds = Math.ceil((this.blockedUntil - now) / 1000);
      throw ownerError('too_many_requests', `too many wrong PINs: try again in ${retryAfterSeconds} s [retryAfterSeconds=${retryAfterSeconds}]`, { retryAfterSeconds });
    }
    if (this.pin === undefined) throw new KdsError('conflict', 'no owner PIN is set yet');
    if (pin !== this.pin) {
      this.wrongPins++;
      if (this.wrongPins >= FAKE_PIN_TRIES) {
        this.blockedUntil = now + FAKE_PIN_WAIT_SECONDS * 1000;
        this.wrongPins = 0;
      }
      throw new KdsError('unauthorized', 'wrong PIN');
    }
    this.wrongPins = 0;
    this.tokenCount++;
    const ownerToken = `owner-${this.tokenCount}`;
    this.ownerTokens.set(ownerToken, now);
    return { ownerToken, expiresAt: new Date(now + OWNER_TOKEN_MINUTES * 60_000).toISOString() };
  }

  async getSetup(): Promise<SetupState> {
    this.calls.push(['getSetup']);
    return clone(this.setup);
  }

  async updateSetup(update: SetupUpdate): Promise<SetupState> {
    this.calls.push(['updateSetup', update]);
    // Like the host: the owner's once a PIN exists; steps only add up (done or skipped), in the flow's order.
    this.requireOwner();
    const done = new Set([...this.setup.done, ...(update.done ?? [])]);
    this.setup = { completed: update.completed ?? this.setup.completed, done: SETUP_STEPS.filter((step) => done.has(step)) };
    this.emit({ type: 'setup', setup: this.setup });
    return clone(this.setup);
  }

  async getEngine(): Promise<EngineKind> {
    this.calls.push(['getEngine']);
    return this.whatsapp.engine === 'whatsapp' ? 'whatsapp' : 'simulator';
  }

  /** Orders are kept: only the engine changes; the real one starts unlinked (a QR). */
  async setEngine(kind: EngineKind): Promise<EngineKind> {
    this.calls.push(['setEngine', kind]);
    this.requireOwner();
    if (kind === 'simulator') this.setWhatsApp({ state: 'connected', since: this.isoNow(), engine: 'simulator' });
    else {
      this.whatsapp = { ...this.whatsapp, engine: 'whatsapp' };
      this.showQr();
    }
    return kind;
  }

  async getNetworkAccess(): Promise<NetworkAccess> {
    this.calls.push(['getNetworkAccess']);
    return clone({ ...this.network, ...(this.pin === undefined ? { blockedReason: 'no-pin' as const } : {}) });
  }

  async setNetworkAccess(enabled: boolean): Promise<NetworkAccess> {
    this.calls.push(['setNetworkAccess', enabled]);
    this.requireOwner();
    if (enabled && this.pin === undefined) throw new KdsError('conflict', 'set an owner PIN before opening the kitchen screen to the network');
    this.network = { enabled, urls: enabled ? [`http://192.168.1.20:4747/#token=fake-token-${this.tokenCount + 1}`] : [] };
    return clone(this.network);
  }

  async rotateAccessToken(): Promise<NetworkAccess> {
    this.calls.push(['rotateAccessToken']);
    this.requireOwner();
    this.tokenCount++;
    this.network = { ...this.network, urls: this.network.enabled ? [`http://192.168.1.20:4747/#token=fake-token-rotated-${this.tokenCount}`] : [] };
    return clone(this.network);
  }

  /** A right password signs in (the status follows by event); a wrong one is a sign-in failure said in words. */
  async cloudSignIn(request: CloudSignIn): Promise<void> {
    this.calls.push(['cloudSignIn', { email: request.email }]);
    this.requireOwner();
    if (request.email === FAKE_CLOUD_EMAIL && request.password === FAKE_CLOUD_PASSWORD) {
      this.setCloud({ state: 'running', restaurantId: 'casa-pepe', lease: { held: true } });
    } else {
      this.setCloud({ state: 'sign-in-failed', problem: 'wrong-password', error: 'The e-mail or the password is not right.' });
    }
  }

  async cloudSignOut(): Promise<void> {
    this.calls.push(['cloudSignOut']);
    this.requireOwner();
    this.setCloud({ state: 'off' });
  }

  // ——— Controls for tests ———

  /** The owner tokens run out (15 minutes without use): the next owner call is refused. */
  expireOwnerToken(): void {
    this.ownerTokens.clear();
  }
}
