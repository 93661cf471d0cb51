// Host settings: the kitchen's preferences. Headless reads DATA_DIR/settings.json; the Electron
// shell injects its electron-store. A broken file never stops the kitchen: defaults are used, the
// file is left as it is for the owner to fix, and the problem is logged in plain words.
import { readFileSync } from 'node:fs';
import { describeZodError } from '../../shared/validation.ts';
import type { Logger } from './logger.ts';

export {
  whatsappSettingsSchema,
  printingSettingsSchema,
  printerSchema,
  hostSettingsSchema,
  settingsPatchSchema,
  type WhatsAppSettings,
  type PrintingSettings,
  type PrinterConfig,
  type HostSettings,
  type SettingsPatch,
} from '../../shared/settings.ts';
import { hostSettingsSchema, type HostSettings } from '../../shared/settings.ts';

export const DEFAULT_SETTINGS: HostSettings = hostSettingsSchema.parse({});

export function parseSettings(input: unknown): { settings: HostSettings; error?: string } {
  const result = hostSettingsSchema.safeParse(input ?? {});
  if (result.success) return { settings: result.data };
  return { settings: DEFAULT_SETTINGS, error: `invalid settings: ${describeZodError(result.error)}` };
}

export function loadSettingsFile(path: string, logger: Logger): HostSettings {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return DEFAULT_SETTINGS; // no file: defaults
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    logger.error('settings file is not valid JSON; using defaults', { path, error: (error as Error).message });
    return DEFAULT_SETTINGS;
  }
  const { settings, error } = parseSettings(json);
  if (error) logger.error('settings file rejected; using defaults', { path, error });
  return settings;
}

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
