// The kitchen's and the device's settings: one schema for settings.json, the SQLite store and
// GET|PUT /api/settings. Every key has its default here.
import { z } from 'zod';

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
  /** While connected, look for customer messages no event delivered this often (seconds). */
  sweepSeconds: z.number().int().min(5).max(3600).default(120),
  /** A start that has not become ready after this long is stuck (seconds). */
  readyTimeoutSeconds: z.number().int().min(10).max(3600).default(180),
  /** Messages older than this when caught up go to staff instead of becoming an order (hours). */
  catchUpHours: z.number().min(1).max(168).default(12),
});
export type WhatsAppSettings = z.infer<typeof whatsappSettingsSchema>;

/** A receipt printer: ESC/POS over raw TCP on the restaurant network, or (desktop app) one of the PC's own. */
export const printerSchema = z
  .object({
    id: z.string().trim().min(1).max(60),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(['network', 'system']).default('network'),
    /** network: the printer's address (IP or host name). */
    host: z.string().trim().min(1).max(255).optional(),
    port: z.number().int().min(1).max(65_535).default(9100),
    /** system (desktop app): the OS printer's name. */
    deviceName: z.string().trim().min(1).max(255).optional(),
    width: z.union([z.literal(58), z.literal(80)]).default(80),
    copies: z.number().int().min(1).max(5).default(1),
    /** A line printed big at the top of receipts (the restaurant's name or slogan). */
    logoText: z.string().trim().max(60).optional(),
    footer: z.string().trim().max(300).optional(),
    beep: z.boolean().default(false),
    openDrawer: z.boolean().default(false),
  })
  .refine((p) => p.kind !== 'network' || p.host !== undefined, { message: 'a network printer needs its address', path: ['host'] })
  .refine((p) => p.kind !== 'system' || p.deviceName !== undefined, { message: "a PC printer needs the printer's name", path: ['deviceName'] });

export const printingSettingsSchema = z
  .object({
    printers: z.array(printerSchema).max(10).default([]),
    /** off, or print by itself when an order arrives (new) or when the kitchen accepts it. */
    autoPrint: z.enum(['off', 'new', 'accepted']).default('off'),
    kitchenCopy: z.boolean().default(true),
    receiptCopy: z.boolean().default(false),
  })
  .superRefine((printing, ctx) => {
    const seen = new Set<string>();
    for (const printer of printing.printers) {
      if (seen.has(printer.id)) ctx.addIssue({ code: 'custom', path: ['printers'], message: `printer id "${printer.id}" appears twice` });
      seen.add(printer.id);
    }
  });
export type PrintingSettings = z.infer<typeof printingSettingsSchema>;
export type PrinterConfig = z.infer<typeof printerSchema>;

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
  printing: printingSettingsSchema.prefault({}),
});
export type HostSettings = z.infer<typeof hostSettingsSchema>;


/**
 * PUT /api/settings: a partial update. Top-level keys replace or merge: nested objects
 * (`whatsapp`, `printing`) are merged key by key with the current ones; arrays are replaced whole.
 * The merged result is validated with hostSettingsSchema.
 */
export const settingsPatchSchema = z.record(z.string(), z.unknown());
export type SettingsPatch = Record<string, unknown>;
