// Host settings: the kitchen's preferences. Headless reads DATA_DIR/settings.json; the Electron
// shell injects its electron-store. A broken file never stops the kitchen: defaults are used, the
// file is left as it is for the owner to fix, and the problem is logged in plain words.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeZodError } from '../../shared/validation.ts';
import type { Logger } from './logger.ts';

export const hostSettingsSchema = z.object({
  /** Overrides the menu's locale for the KDS. */
  locale: z.enum(['es', 'en']).optional(),
  amberAfterMinutes: z.number().min(0).max(600).default(5),
  redAfterMinutes: z.number().min(0).max(600).default(10),
  etaChoices: z.array(z.number().int().min(1).max(600)).min(1).max(6).default([10, 20, 30]),
  undoSeconds: z.number().min(0).max(60).default(5),
  /** IANA zone for opening hours and "today"; default: the computer's. */
  timezone: z.string().min(1).max(100).optional(),
});
export type HostSettings = z.infer<typeof hostSettingsSchema>;

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
