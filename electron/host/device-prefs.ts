// The device choices the owner makes on the screen and the next start must remember: which
// WhatsApp engine runs and whether screens on the network may connect. The desktop app keeps them
// in electron-store (shell-settings.ts); the headless host in DATA_DIR/device.json, written here.
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EngineKind } from '../../shared/owner-api.ts';
import type { Logger } from './logger.ts';

export interface DevicePrefs {
  /** undefined: never chosen on the screen. */
  engine(): EngineKind | undefined;
  setEngine(kind: EngineKind): void;
  networkAccess(): boolean | undefined;
  setNetworkAccess(enabled: boolean): void;
}

export const DEVICE_PREFS_FILE = 'device.json';

const prefsSchema = z.object({
  engine: z.enum(['simulator', 'whatsapp']).optional(),
  networkAccess: z.boolean().optional(),
});
type Prefs = z.infer<typeof prefsSchema>;

/** Headless: DATA_DIR/device.json. A broken file is reported and read as "nothing chosen". */
export function fileDevicePrefs(dataDir: string, logger: Logger): DevicePrefs {
  const path = join(dataDir, DEVICE_PREFS_FILE);
  const read = (): Prefs => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed = prefsSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // reported below
    }
    logger.warn('device choices file ignored: not valid', { file: DEVICE_PREFS_FILE });
    return {};
  };
  const write = (change: Prefs) => {
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify({ ...read(), ...change }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  };
  return {
    engine: () => read().engine,
    setEngine: (engine) => write({ engine }),
    networkAccess: () => read().networkAccess,
    setNetworkAccess: (networkAccess) => write({ networkAccess }),
  };
}
