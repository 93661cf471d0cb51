// The restaurant's side of KdsApi (shared/owner-api.ts): the menu and its terms, out of stock,
// the orders pause, settings, the owner PIN, first run and the device. Owner operations are
// guarded here, in the host, so every transport (HTTP, Electron IPC) is guarded the same way.
import { KdsError } from '../../shared/kds-api.ts';
import {
  OWNER_PIN_REQUIRED,
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
import type { Menu, MenuInput, MenuItem } from '../../shared/menu.ts';
import type { HostSettings, SettingsPatch } from '../../shared/settings.ts';
import type { DeviceControl } from './device-control.ts';
import type { MenuSource } from './menu-source.ts';
import type { OrdersPauseControl } from './orders-pause.ts';
import type { OwnerPin } from './owner-pin.ts';
import type { OwnerTokens } from './owner-tokens.ts';
import type { SettingsStore } from './settings-store.ts';
import type { SetupStore } from './setup-store.ts';
import { currentCaller } from './owner-guard.ts';

export interface OwnerServiceOptions {
  menu: MenuSource;
  settings: SettingsStore;
  pause: OrdersPauseControl;
  setup: SetupStore;
  pin: OwnerPin;
  tokens: OwnerTokens;
  /** The running engine's kind, when no DeviceControl can say (or switch) it. */
  engineKind: () => EngineKind;
  /** The desktop app or headless shell's device controls; absent: those routes answer 409. */
  device: () => DeviceControl | undefined;
  /** What this host listens on, when no DeviceControl manages the network. */
  listening: () => NetworkAccess;
}

const NO_DEVICE = 'this Comanda cannot change that from the kitchen screen: it is set where the host is started (command line or server settings)';

export class OwnerService implements OwnerApi {
  private readonly o: OwnerServiceOptions;

  constructor(options: OwnerServiceOptions) {
    this.o = options;
  }

  /**
   * Owner operations: pass while no PIN is set, for the PC itself (no transport: owner-guard.ts),
   * and for a caller presenting a live owner token (whose 15 minutes start again); otherwise
   * forbidden (403 owner-pin-required).
   */
  requireOwner(): void {
    if (!this.o.pin.isSet()) return;
    const caller = currentCaller();
    if (caller.trusted) return;
    if (this.o.tokens.use(caller.ownerToken)) return;
    throw new KdsError('forbidden', 'the owner PIN is needed for this: unlock the owner area first', { wireCode: OWNER_PIN_REQUIRED });
  }

  /** Whether an owner PIN exists (before one does, the access token alone is the owner). */
  pinSet(): boolean {
    return this.o.pin.isSet();
  }

  /** Whether the current caller may do owner operations (no throw). */
  isOwner(): boolean {
    try {
      this.requireOwner();
      return true;
    } catch {
      return false;
    }
  }

  async getMenu(): Promise<Menu> {
    return this.o.menu.current();
  }

  async saveMenu(menu: MenuInput): Promise<Menu> {
    this.requireOwner();
    const result = this.o.menu.replace(menu, 'editor');
    if (!result.ok) throw new KdsError('bad_request', result.error);
    return result.menu;
  }

  async setItemAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    const item = this.o.menu.setAvailability(itemId, available);
    if (!item) throw new KdsError('not_found', `no dish with id "${itemId}" in the menu`);
    return item;
  }

  currentPause(): OrdersPause {
    return this.o.pause.state();
  }

  async pauseOrders(request: PauseRequest): Promise<OrdersPause> {
    return this.o.pause.pause(request.minutes ?? null);
  }

  async resumeOrders(): Promise<OrdersPause> {
    return this.o.pause.resume();
  }

  async getSettings(): Promise<HostSettings> {
    return this.o.settings.current();
  }

  async updateSettings(patch: SettingsPatch): Promise<HostSettings> {
    this.requireOwner();
    return this.o.settings.update(patch);
  }

  async getOwnerStatus(): Promise<OwnerStatus> {
    return { pinSet: this.o.pin.isSet() };
  }

  async setOwnerPin(request: SetPinRequest): Promise<OwnerStatus> {
    if (this.o.pin.isSet()) {
      this.requireOwner();
      if (request.currentPin === undefined) throw new KdsError('bad_request', 'currentPin: type the current PIN to change it');
      await this.o.pin.verify(request.currentPin);
      await this.o.pin.set(request.pin);
      // Screens unlocked with the old PIN are locked again; the one that changed it stays unlocked.
      const caller = currentCaller();
      this.o.tokens.revokeAll(caller.trusted ? undefined : caller.ownerToken);
    } else {
      await this.o.pin.set(request.pin);
    }
    return { pinSet: true };
  }

  async unlockOwner(pin: string): Promise<OwnerUnlock> {
    if (!this.o.pin.isSet()) throw new KdsError('conflict', 'no owner PIN is set yet: the owner area is open until one is');
    await this.o.pin.verify(pin);
    return this.o.tokens.issue();
  }

  /** From the PC itself only (headless flag, tray): never reachable over a transport. */
  resetPin(): void {
    this.o.pin.reset();
    this.o.tokens.revokeAll();
  }

  async getSetup(): Promise<SetupState> {
    return this.o.setup.current();
  }

  async updateSetup(update: SetupUpdate): Promise<SetupState> {
    // Re-opening the welcome flow from a staff screen would lead it through the owner's steps.
    this.requireOwner();
    return this.o.setup.update(update);
  }

  async getEngine(): Promise<EngineKind> {
    return this.o.device()?.getEngine() ?? this.o.engineKind();
  }

  async setEngine(kind: EngineKind): Promise<EngineKind> {
    this.requireOwner();
    return this.requireDevice().setEngine(kind);
  }

  async getNetworkAccess(): Promise<NetworkAccess> {
    const device = this.o.device();
    const access = device ? device.getNetworkAccess() : this.o.listening();
    if (!access.enabled && !access.blockedReason && !this.o.pin.isSet()) return { ...access, blockedReason: 'no-pin' };
    return access;
  }

  async setNetworkAccess(enabled: boolean): Promise<NetworkAccess> {
    this.requireOwner();
    if (enabled && !this.o.pin.isSet()) {
      throw new KdsError('conflict', 'set an owner PIN first: with screens on the network, the PIN keeps prices and settings safe');
    }
    return this.requireDevice().setNetworkAccess(enabled);
  }

  async rotateAccessToken(): Promise<NetworkAccess> {
    this.requireOwner();
    return this.requireDevice().rotateAccessToken();
  }

  async cloudSignIn(request: CloudSignIn): Promise<void> {
    this.requireOwner();
    await this.requireDevice().cloudSignIn(request);
  }

  async cloudSignOut(): Promise<void> {
    this.requireOwner();
    await this.requireDevice().cloudSignOut();
  }

  private requireDevice(): DeviceControl {
    const device = this.o.device();
    if (!device) throw new KdsError('conflict', NO_DEVICE);
    return device;
  }
}
