// All the layers that keep a months-long WhatsApp session honest, built from the WhatsApp settings
// and started and stopped together. Each layer is its own file; this one only wires them.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import type { WhatsAppSettings } from '../host/settings.ts';
import { ActivityLoop } from './activity.ts';
import { Heartbeat } from './heartbeat.ts';
import { Keepalive } from './keepalive.ts';
import type { LayerLoop } from './layer-loop.ts';
import { systemTimeZone } from './local-time.ts';
import { MemoryGuard, PlannedRestart } from './planned-restart.ts';
import type { SessionControl } from './session-control.ts';
import { SessionMonitor } from './session-monitor.ts';
import { Watchdog } from './watchdog.ts';
import type { OwnerLanguage } from './owner-alert-texts.ts';

export interface ProtectionLayerDeps {
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  /** The settings when WhatsApp started: keepalive, owner phone and the planned restart time come from here. */
  settings: WhatsAppSettings;
  /**
   * The settings as they are now (PUT /api/settings): the intervals of the watchdog, heartbeat,
   * activity, session monitor and memory guard, the memory limit, read at each tick.
   */
  currentSettings?: () => WhatsAppSettings;
  /** [0, 1) for the keepalive's jitter and text; default Math.random. */
  random?: () => number;
  /** The restaurant's IANA zone for the planned restart; default the computer's. */
  timezone?: string;
  /** True while orders are being sent; planned and memory restarts wait for it. */
  busy?: () => boolean;
  /** The owner's language for alerts, asked at each alert (the menu's language can change); default English. */
  language?: () => OwnerLanguage;
}

export interface ProtectionLayers {
  start(): void;
  stop(): void;
}

function plannedRestart(deps: ProtectionLayerDeps, logger: Logger): PlannedRestart {
  const base = { control: deps.control, clock: deps.clock, logger, at: deps.settings.plannedRestartAt, ...(deps.busy ? { busy: deps.busy } : {}) };
  try {
    return new PlannedRestart({ ...base, ...(deps.timezone !== undefined ? { timeZone: deps.timezone } : {}) });
  } catch (error) {
    // A mistyped zone must not cost the restaurant its daily restart: use the computer's clock.
    logger.error('planned restart: time zone rejected; using the computer\'s', { ...errorFields(error), fallback: systemTimeZone() });
    return new PlannedRestart(base);
  }
}

function keepalive(deps: ProtectionLayerDeps, logger: Logger): Keepalive | undefined {
  const { keepalive: enabled, ownerPhone } = deps.settings;
  if (!enabled) return undefined;
  if (!ownerPhone) {
    logger.warn('keepalive is on but no owner phone is set; keepalive stays off');
    return undefined;
  }
  try {
    return new Keepalive({ control: deps.control, clock: deps.clock, logger, enabled, ownerPhone, ...(deps.random ? { random: deps.random } : {}), ...(deps.language ? { language: deps.language } : {}) });
  } catch (error) {
    logger.error('keepalive stays off', errorFields(error));
    return undefined;
  }
}

export function createProtectionLayers(deps: ProtectionLayerDeps): ProtectionLayers {
  const { control, clock, settings } = deps;
  const now = deps.currentSettings ?? (() => settings);
  const logger = deps.logger.child({ area: 'whatsapp-protection' });
  const busy = deps.busy ? { busy: deps.busy } : {};
  const language = deps.language ? { language: deps.language } : {};
  const layers: LayerLoop[] = [
    new Watchdog({ control, clock, logger, intervalMs: () => now().watchdogIntervalMs, ...language }),
    new Heartbeat({ control, clock, logger, intervalMs: () => now().heartbeatIntervalMs }),
    new ActivityLoop({ control, clock, logger, intervalMs: () => now().activityIntervalMs }),
    new SessionMonitor({ control, clock, logger, intervalMs: () => now().sessionMonitorIntervalMs, idleWarnDays: settings.idleWarnDays, ...language }),
    plannedRestart(deps, logger),
    new MemoryGuard({ control, clock, logger, limitMb: () => now().browserMemoryLimitMb, ...busy, ...language }),
  ];
  const optional = keepalive(deps, logger);
  if (optional) layers.push(optional);
  return {
    start() {
      for (const layer of layers) layer.start();
    },
    stop() {
      for (const layer of layers) layer.stop();
    },
  };
}
