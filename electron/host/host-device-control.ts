// DeviceControl for both shells (headless and the desktop app): the engine switch restarts the
// host through the HostRunner, screens on the network move the server between 127.0.0.1 and
// 0.0.0.0, the access token is rotated in place, and the cloud account signs in and out. The
// shell brings where the choices are remembered (DevicePrefs) and the network interfaces.
import type { EngineKind, NetworkAccess } from '../../shared/owner-api.ts';
import type { DeviceControl } from './device-control.ts';
import type { CloudAccount } from '../cloud/cloud-account.ts';
import type { Clock } from './clock.ts';
import type { DevicePrefs } from './device-prefs.ts';
import type { HostRunner } from './host-runner.ts';
import { errorFields, type Logger } from './logger.ts';
import { isNetworkAddress, kitchenScreenUrls, type NetworkInterfaces } from './network-urls.ts';

export const LOCAL_ONLY_ADDRESS = '127.0.0.1';
export const ALL_ADDRESSES = '0.0.0.0';

export interface HostDeviceControlOptions {
  runner: HostRunner;
  prefs: DevicePrefs;
  cloud: CloudAccount;
  interfaces: NetworkInterfaces;
  clock: Clock;
  logger: Logger;
  /** Where "only this PC" and "the restaurant network" listen; default 127.0.0.1 and 0.0.0.0. */
  addresses?: { local: string; network: string };
  /**
   * A switch or a move closes the server the request came in on: the answer leaves first, and the
   * change happens this long after. Default 300 ms.
   */
  settleMs?: number;
}

export class HostDeviceControl implements DeviceControl {
  private readonly o: HostDeviceControlOptions;
  /** Answered but not yet applied (the server still runs the old way for settleMs). */
  private pendingEngine: EngineKind | undefined;
  private pendingHostname: string | undefined;
  private work: Promise<unknown> = Promise.resolve();

  constructor(options: HostDeviceControlOptions) {
    this.o = options;
  }

  getEngine(): EngineKind {
    return this.pendingEngine ?? this.o.runner.engine;
  }

  async setEngine(kind: EngineKind): Promise<EngineKind> {
    this.o.prefs.setEngine(kind);
    if (kind === this.getEngine()) return kind;
    this.pendingEngine = kind;
    this.later('engine switch', async () => {
      try {
        await this.o.runner.switchEngine(kind);
      } catch (error) {
        // The runner went back to the engine that ran; the next start must not try this one again.
        this.o.prefs.setEngine(this.o.runner.engine);
        throw error;
      } finally {
        if (this.pendingEngine === kind) this.pendingEngine = undefined;
      }
    });
    return kind;
  }

  getNetworkAccess(): NetworkAccess {
    const listening = this.o.runner.listening();
    if (!listening || listening.port === null) return { enabled: false, urls: [], blockedReason: 'not-supported' };
    const hostname = this.pendingHostname ?? listening.hostname;
    const { local, network } = this.addresses();
    const enabled = hostname !== local && (hostname === network || isNetworkAddress(hostname));
    // 'no-pin' is the service's to add: it owns the PIN and refuses turning this on without one.
    return { enabled, urls: enabled ? kitchenScreenUrls(hostname, listening.port, listening.token, this.o.interfaces) : [] };
  }

  async setNetworkAccess(enabled: boolean): Promise<NetworkAccess> {
    const current = this.getNetworkAccess();
    if (current.blockedReason === 'not-supported') return current;
    this.o.prefs.setNetworkAccess(enabled);
    if (current.enabled === enabled) return current;
    const hostname = enabled ? this.addresses().network : this.addresses().local;
    this.pendingHostname = hostname;
    const answer = this.getNetworkAccess();
    this.later('listening address change', async () => {
      try {
        await this.o.runner.relisten(hostname);
      } catch (error) {
        // Still listening where it was (host.relisten): remember that, not the refused address.
        this.o.prefs.setNetworkAccess(!enabled);
        throw error;
      } finally {
        if (this.pendingHostname === hostname) this.pendingHostname = undefined;
      }
    });
    return answer;
  }

  async rotateAccessToken(): Promise<NetworkAccess> {
    await this.work;
    await this.o.runner.rotateAccessToken();
    return this.getNetworkAccess();
  }

  async cloudSignIn(request: { email: string; password: string }): Promise<void> {
    await this.o.cloud.signIn(this.o.runner.host, request.email, request.password);
  }

  async cloudSignOut(): Promise<void> {
    await this.o.cloud.signOut();
  }

  /** Resolves when every answered change has been applied (tests, and a clean stop). */
  settled(): Promise<void> {
    return this.work.then(() => undefined);
  }

  private addresses(): { local: string; network: string } {
    return this.o.addresses ?? { local: LOCAL_ONLY_ADDRESS, network: ALL_ADDRESSES };
  }

  private later(what: string, change: () => Promise<void>): void {
    const delay = new Promise<void>((resolve) => this.o.clock.setTimeout(resolve, this.o.settleMs ?? 300));
    this.work = this.work
      .then(() => delay)
      .then(change)
      .catch((error) => this.o.logger.error(`${what} failed`, errorFields(error)));
  }
}
