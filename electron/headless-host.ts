// The headless host's composition, apart from its command line (headless.ts) so tests run it in
// process: a HostRunner over createHost, the device control the owner area drives (engine switch
// in process on the same port and token, screens on the network, access token, cloud sign-in) and
// the cloud account. What the screen chooses is kept in DATA_DIR/device.json; flags given at
// start win over it.
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { EngineKind } from '../shared/owner-api.ts';
import { createHost, APP_ROOT, type EngineContext, type Host, type StartedHost } from './host/create-host.ts';
import type { Clock } from './host/clock.ts';
import type { Logger } from './host/logger.ts';
import { HostRunner } from './host/host-runner.ts';
import { OwnerTokens } from './host/owner-tokens.ts';
import { HostDeviceControl, ALL_ADDRESSES, LOCAL_ONLY_ADDRESS } from './host/host-device-control.ts';
import { fileDevicePrefs } from './host/device-prefs.ts';
import type { NetworkInterfaces } from './host/network-urls.ts';
import type { WhatsAppEngine } from './whatsapp/engine.ts';
import { createEngineFactory, whatsappProfileDir } from './whatsapp/engine-factory.ts';
import { CloudAccount } from './cloud/cloud-account.ts';
import type { FirebaseFile } from './cloud/firebase-file.ts';
import { builtInFirebaseConfig, readFirebaseConfigSource } from './cloud/firebase-config-source.ts';
import { engineCloudHooks } from './cloud/host-cloud.ts';
import type { HeadlessArgs } from './headless-args.ts';

export interface HeadlessHostOptions {
  args: HeadlessArgs;
  logger: Logger;
  clock: Clock;
  /** `--firebase FILE`, loaded. */
  firebase?: FirebaseFile;
  env?: Record<string, string | undefined>;
  /** Default os.networkInterfaces (tests inject their own). */
  interfaces?: NetworkInterfaces;
  /** Default: the real whatsapp-web.js worker (tests inject a fake). */
  whatsappEngine?: (context: EngineContext) => WhatsAppEngine;
  rendererDir?: string;
  /** How long after answering the engine switch or address change happens. */
  settleMs?: number;
  /** Tests listen on loopback addresses only. */
  addresses?: { local: string; network: string };
}

export interface HeadlessHost {
  runner: HostRunner;
  device: HostDeviceControl;
  cloud: CloudAccount;
  started: StartedHost;
  readonly host: Host;
  stop(): Promise<void>;
}

/** Which engine and address the host starts with: the flag, else the screen's last choice. */
export function startChoices(args: HeadlessArgs, prefs: { engine(): EngineKind | undefined; networkAccess(): boolean | undefined }): { engine: EngineKind; hostname: string } {
  return {
    engine: args.engine ?? prefs.engine() ?? 'simulator',
    hostname: args.host ?? (prefs.networkAccess() ? ALL_ADDRESSES : LOCAL_ONLY_ADDRESS),
  };
}

/** The Firebase config screen sign-in uses when no --firebase file gives one. */
export function headlessBuiltInConfig(env: Record<string, string | undefined>) {
  return builtInFirebaseConfig() ?? readFirebaseConfigSource({ env, root: APP_ROOT })?.config;
}

/** Creates and starts everything; throws MenuError / listen errors as createHost and start do. */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const { args, logger, clock } = options;
  const dataDir = resolve(args.dataDir);
  const env = options.env ?? process.env;
  const prefs = fileDevicePrefs(dataDir, logger);
  const { engine, hostname } = startChoices(args, prefs);
  const builtInConfig = headlessBuiltInConfig(env);

  const cloud = new CloudAccount({
    dataDir,
    ...(options.firebase ? { file: options.firebase } : {}),
    ...(builtInConfig ? { builtInConfig } : {}),
    profileDir: (host) => (host.engine.kind === 'whatsapp' ? whatsappProfileDir(dataDir) : undefined),
    logger,
    clock,
    env,
  });
  const whatsappEngine = options.whatsappEngine ?? createEngineFactory('whatsapp', engineCloudHooks(() => cloud.cloud()));
  // --menu imports its file once, at start; a later engine switch keeps what the owner edited since.
  let menuPath = args.menu ? resolve(args.menu) : undefined;
  const ownerTokens = new OwnerTokens(clock);
  // The device control needs the runner and each host needs it: a holder breaks the circle.
  const deviceRef: { current?: HostDeviceControl } = {};
  const runner = new HostRunner({
    engine,
    port: args.port,
    hostname,
    logger,
    create: (params) => {
      const host = createHost({
        dataDir,
        engine: params.engine === 'simulator' ? 'simulator' : whatsappEngine,
        port: params.port,
        hostname: params.hostname,
        logger,
        clock,
        ownerTokens,
        ...(menuPath ? { menuPath } : {}),
        ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
        ...(deviceRef.current ? { device: deviceRef.current } : {}),
      });
      menuPath = undefined;
      return host;
    },
    afterStart: async (host) => void (await cloud.resume(host)),
    beforeStop: () => cloud.stop(),
  });
  const device = new HostDeviceControl({
    runner,
    prefs,
    cloud,
    interfaces: options.interfaces ?? networkInterfaces,
    clock,
    logger,
    ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
    ...(options.addresses ? { addresses: options.addresses } : {}),
  });
  deviceRef.current = device;
  const started = await runner.start();
  return {
    runner,
    device,
    cloud,
    started,
    get host() {
      return runner.host;
    },
    async stop() {
      await device.settled();
      await runner.stop();
    },
  };
}
