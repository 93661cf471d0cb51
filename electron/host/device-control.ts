// What the owner area changes on the device itself rather than in the host: which WhatsApp engine
// runs, listening on the restaurant network, the access token and the cloud sign-in. The headless
// host and the desktop app each implement it (they own the server, the engine choice and the
// secrets); KdsService guards it with the owner PIN and delegates here.
import type { CloudSignIn, EngineKind, NetworkAccess } from '../../shared/owner-api.ts';

export interface DeviceControl {
  getEngine(): EngineKind;
  /** Persists the choice and restarts the engine; orders stay in the database. */
  setEngine(kind: EngineKind): Promise<EngineKind>;
  getNetworkAccess(): NetworkAccess;
  setNetworkAccess(enabled: boolean): Promise<NetworkAccess>;
  rotateAccessToken(): Promise<NetworkAccess>;
  cloudSignIn(request: CloudSignIn): Promise<void>;
  cloudSignOut(): Promise<void>;
}
