// Host settings: the kitchen's preferences. Headless reads DATA_DIR/settings.json; the Electron
// shell injects its electron-store. A broken file never stops the kitchen: defaults are used, the
// file is left as it is for the owner to fix, and the problem is logged in plain words.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeZodError } from '../../shared/validation.ts';
import type { Logger } from './logger.ts';

/** The real WhatsApp engine and its protection layers; every default is the one the design asks for. */
export const whatsappSettingsSchema = z.object({
  /** A browser to use instead of discovering Chrome / Edge / Chromium. */
  browserPath: z.string().min(1).max(1000).optional(),
  /** Pins WhatsApp Web to this version (whatsapp-web.js's local web cache); default: the library's. */
  webVersion: z.string().regex(/^\d+\.\d+\.\d+(-[\w.]+)?$/, 'a version like 2.3000.1012345678').optional(),
  /** Run the WhatsApp browser without a window. */
  headless: z.boolean().default(true),
  /** The owner's own number (digits): keepalive messages and owner alerts go here, never to a customer. */
  ownerPhone: z.string().regex(/^\+?\d{8,15}$/, 'digits with the country code').optional(),
  /** Opt-in keepalive messages to ownerPhone. */
  keepalive: z.boolean().default(false),
  watchdogIntervalMs: z.number().int().min(5_000).max(3_600_000).default(60_000),
  heartbeatIntervalMs: z.number().int().min(10_000).max(3_600_000).default(120_000),
  activityIntervalMs: z.number().int().min(5_000).max(3_600_000).default(30_000),
  sessionMonitorIntervalMs: z.number().int().min(60_000).max(86_400_000).default(3_600_000),
  /** No customer activity for this long: warn the owner (at most once per 24 h). */
  idleWarnDays: z.number().min(1).max(60).default(5),
  /** Local time of the daily planned restart ("HH:MM"); null: never. */
  plannedRestartAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
    .nullable()
    .default('04:00'),
  /** Restart the worker when the browser's memory passes this (MB). */
  browserMemoryLimitMb: z.number().int().min(200).max(16_000).default(1_500),
  /** WhatsApp's QR rotations shown before waiting for a tap. */
  qrMaxRefreshes: z.number().int().min(1).max(50).default(5),
  perChatPerMinute: z.number().int().min(1).max(600).default(30),
  sessionPerMinute: z.number().int().min(1).max(600).default(10),
});
export type WhatsAppSettings = z.infer<typeof whatsappSettingsSchema>;

export const hostSettingsSchema = z.object({
  /** Overrides the menu's locale for the KDS. */
  locale: z.enum(['es', 'en']).optional(),
  amberAfterMinutes: z.number().min(0).max(600).default(5),
  redAfterMinutes: z.number().min(0).max(600).default(10),
  etaChoices: z.array(z.number().int().min(1).max(600)).min(1).max(6).default([10, 20, 30]),
  undoSeconds: z.number().min(0).max(60).default(5),
  /** IANA zone for opening hours and "today"; default: the computer's. */
  timezone: z.string().min(1).max(100).optional(),
  whatsapp: whatsappSettingsSchema.prefault({}),
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
