// The single contract between the kitchen screen and the host. Served over Electron IPC (preload)
// and over HTTP + WebSocket by the host's server; the renderer knows nothing else.
import { z } from 'zod';
import { ORDER_STATUSES, type Order, type OrderStatus } from './order.ts';
import type { WhatsAppProblem, WhatsAppStatus } from './whatsapp-status.ts';
export { WHATSAPP_PROBLEMS, type WhatsAppProblem } from './whatsapp-status.ts';
import type { Menu } from './menu.ts';
import type { HostSettings } from './settings.ts';
import { settingsPatchSchema } from './settings.ts';
import {
  availabilityRequestSchema,
  cloudSignInSchema,
  pauseRequestSchema,
  setPinRequestSchema,
  setupUpdateSchema,
  unlockRequestSchema,
  type OrdersPause,
  type OwnerApi,
  type SetupState,
} from './owner-api.ts';
import { PRINT_COPIES, printerIdSchema, type PrintCopy, type PrintingStatus, type PrintJobAnswer } from './printing.ts';
import { dayReportDateSchema, type DayReport } from './day-report.ts';
export { describeZodError } from './validation.ts';

/** A chat handed to staff ("hablar con una persona"): the bot is silent there until released. */
export interface Handoff {
  phone: string;
  name: string;
  since: string;
  lastMessage?: string;
  /** Voice notes, photos and documents the customer sent (oldest first), for staff to play or look at. */
  media?: HandoffMedia[];
}

/** Why a file the customer sent was not kept: over 16 MB, a type the screen cannot play or show, empty, or never fetched. */
export type HandoffMediaMissing = 'too-large' | 'unknown-type' | 'empty' | 'not-downloaded';

export interface HandoffMedia {
  kind: 'audio' | 'image' | 'document';
  at: string;
  /** Set when the file was kept: getMedia(id), or GET /api/media/:id. */
  id?: string;
  url?: string;
  mimetype?: string;
  bytes?: number;
  missing?: HandoffMediaMissing;
}

/** A kept file over a transport without URLs (the desktop app's IPC). */
export interface MediaFile {
  id: string;
  mimetype: string;
  dataBase64: string;
}

export const mediaIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a media id is 32 hex characters');

export interface SimMessage {
  /** 'in' = the customer wrote it, 'out' = the restaurant sent it. */
  direction: 'in' | 'out';
  phone: string;
  body: string;
  at: string;
}

export interface KdsSettings {
  locale: 'es' | 'en';
  amberAfterMinutes: number;
  redAfterMinutes: number;
  etaChoices: number[];
  undoSeconds: number;
}

export interface KdsSnapshot {
  /** Open orders plus everything created today, oldest first. */
  orders: Order[];
  whatsapp: WhatsAppStatus;
  handoffs: Handoff[];
  settings: KdsSettings;
  menu: Pick<Menu, 'restaurant' | 'currency' | 'locale'>;
  /** New orders paused by the kitchen (header countdown). */
  pause: OrdersPause;
  version: string;
  serverTime: string;
  /** The printers and tickets not printed yet (absent on hosts from before printing). */
  printing?: PrintingStatus;
}

/** Why the cloud sign-in failed, for the screen to say in the owner's language. */
export const CLOUD_SIGN_IN_PROBLEMS = [
  'wrong-password',
  'unknown-user',
  'invalid-email',
  'account-disabled',
  'too-many-attempts',
  'no-network',
  'project-not-found',
  'no-credentials',
  'other',
] as const;
export type CloudSignInProblem = (typeof CLOUD_SIGN_IN_PROBLEMS)[number];

/** The cloud as the kitchen screen sees it: no keys, no tokens; the recovery code only until acknowledged. */
export interface CloudStatus {
  state: 'off' | 'signing-in' | 'sign-in-failed' | 'running';
  /** sign-in-failed: plain words (English; the screen shows `problem` in its own language). */
  error?: string;
  problem?: CloudSignInProblem;
  restaurantId?: string;
  /** running: whether this PC runs the restaurant's WhatsApp session, else who does. */
  lease?: { held: boolean; holderName?: string; holderSeenAt?: string; expiresAt?: string };
  /** A new session-backup key was made on this PC: shown to the owner until acknowledged. */
  recoveryCode?: string;
  lastBackupAt?: string;
  /** Only in the answer to enterRecoveryCode: what became of the WhatsApp session backup. */
  recoveryRestore?: RecoveryRestore;
}

/** Why no backup was restored after the recovery code was taken (the code itself was kept). */
export const RECOVERY_RESTORE_SKIPS = [
  /** WhatsApp is connected on this PC: its session is kept as it is. */
  'session-connected',
  /** The training simulator runs instead of WhatsApp. */
  'simulator',
  /** Another PC runs the restaurant's WhatsApp session (take it over first). */
  'lease-elsewhere',
  /** The restaurant has no session backup yet. */
  'no-backups',
  /** Every backup was refused; `refused` says why, one line each. */
  'refused',
  /** WhatsApp is still starting or reconnecting: nothing was interrupted. */
  'session-busy',
] as const;
export type RecoveryRestoreSkip = (typeof RECOVERY_RESTORE_SKIPS)[number];

export interface RecoveryRestore {
  /** ISO time the backup was put back and WhatsApp restarted with it. */
  restoredAt?: string;
  /** ISO time the restored backup had been made. */
  backupMadeAt?: string;
  skipped?: RecoveryRestoreSkip;
  /** Backups that could not be used, in plain (English) words. */
  refused?: string[];
}

/** A recovery code as typed: spaces and dashes are fine; the host checks it properly. */
export const recoveryCodeSchema = z.string().trim().min(1, 'type the recovery code').max(200, 'that is far longer than a recovery code');

export type KdsEvent =
  | { type: 'order'; order: Order }
  | { type: 'whatsapp'; status: WhatsAppStatus }
  | { type: 'handoffs'; handoffs: Handoff[] }
  | { type: 'sim'; message: SimMessage }
  | { type: 'cloud'; status: CloudStatus }
  /** The menu changed (editor, out of stock, the cloud): the whole document with terms. */
  | { type: 'menu'; menu: Menu }
  | { type: 'pause'; pause: OrdersPause }
  | { type: 'settings'; settings: HostSettings }
  | { type: 'setup'; setup: SetupState }
  | { type: 'printing'; status: PrintingStatus };

export const transitionRequestSchema = z.object({
  to: z.enum(ORDER_STATUSES),
  etaMinutes: z.number().int().min(1).max(24 * 60).optional(),
  reason: z.string().trim().min(1).max(500).optional(),
  /** The KDS asks for the customer's message to wait out the undo window. */
  undoable: z.boolean().optional(),
  by: z.string().trim().min(1).max(60).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

export const listOrdersQuerySchema = z.object({
  status: z.array(z.enum(ORDER_STATUSES)).optional(),
  /** ISO date or time: orders created at or after it. */
  since: z.string().optional(),
  search: z.string().max(200).optional(),
  /** One customer's orders (digits). */
  phone: z.string().max(100).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

/** The message kinds POST /api/sim/incoming produces (whatsapp-web.js's names); other names pass as they are. */
export const SIM_MESSAGE_TYPES = ['chat', 'ptt', 'audio', 'location', 'image', 'document', 'sticker'] as const;
/** Types that carry a file. */
export const SIM_MEDIA_TYPES: readonly string[] = ['ptt', 'audio', 'image', 'document', 'sticker', 'video'];
/** A file's bytes in base64: at most a little over 16 MiB, so the "too large to keep" case can be practised. */
export const SIM_MAX_MEDIA_BASE64 = 23 * 1024 * 1024;

export const simLocationSchema = z.object({
  latitude: z.number().min(-90, 'latitude is between -90 and 90').max(90, 'latitude is between -90 and 90'),
  longitude: z.number().min(-180, 'longitude is between -180 and 180').max(180, 'longitude is between -180 and 180'),
  name: z.string().max(1000).optional(),
  address: z.string().max(1000).optional(),
});

export const simMediaSchema = z.object({
  mimetype: z.string().trim().min(1).max(200),
  dataBase64: z
    .string()
    .max(SIM_MAX_MEDIA_BASE64, 'the file is too large for the simulator')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'dataBase64 is not base64'),
  filename: z.string().max(255).optional(),
});

export const simIncomingSchema = z
  .object({
    from: z.string().trim().min(1).max(100),
    name: z.string().max(200).optional(),
    body: z.string().max(1_000_000).optional(),
    /** Message kind as whatsapp-web.js names it: chat (default), ptt, audio, location, image, document, sticker… */
    type: z.string().max(40).optional(),
    id: z.string().max(200).optional(),
    fromMe: z.boolean().optional(),
    isGroup: z.boolean().optional(),
    /** A photo's or document's caption (whatsapp-web.js gives it as the body). */
    caption: z.string().max(1_000_000).optional(),
    location: simLocationSchema.optional(),
    media: simMediaSchema.optional(),
    /** The customer edits their message with this id: `body` is the new text. */
    editOf: z.string().min(1).max(200).optional(),
    /** false: the message reaches the simulated phone but no event reaches the host (as while the PC was off). */
    deliver: z.boolean().optional(),
  })
  .superRefine((m, ctx) => {
    const type = m.type ?? (m.location ? 'location' : 'chat');
    if (type === 'location' && !m.location) ctx.addIssue({ code: 'custom', path: ['location'], message: 'a location message needs location { latitude, longitude }' });
    if (m.location && type !== 'location') ctx.addIssue({ code: 'custom', path: ['type'], message: 'location goes with type "location"' });
    if (m.media && !SIM_MEDIA_TYPES.includes(type)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `media goes with type ${SIM_MEDIA_TYPES.join(', ')}` });
    }
  });
export type SimIncoming = z.infer<typeof simIncomingSchema>;

/** Link a phone: show a (new) QR code, or a pairing code for the number typed in. */
export const linkRequestSchema = z
  .object({
    method: z.enum(['qr', 'code']),
    /** 'code' only: the restaurant's WhatsApp number with country code, digits (a leading + is fine). */
    phone: z
      .string()
      .trim()
      .regex(/^\+?\d{8,15}$/, 'the number with its country code, digits only')
      .optional(),
  })
  .refine((r) => r.method !== 'code' || r.phone !== undefined, { message: 'a pairing code needs the phone number', path: ['phone'] });
export type LinkRequest = z.infer<typeof linkRequestSchema>;

/** The health panel: how the WhatsApp session is doing, without message bodies or secrets. */
export interface WhatsAppHealth {
  status: WhatsAppStatus;
  /** ISO time of the last heartbeat that found the session connected. */
  lastHeartbeatAt?: string;
  /** Times the session went away and came back since the host started. */
  reconnects: number;
  /** Worker (browser) restarts since the host started. */
  restarts: number;
  messagesIn: number;
  messagesOut: number;
  sendFailures: number;
  /** The browser in use, or the places looked at when none was found. */
  browserPath?: string;
  browserSearched?: string[];
  browserMemoryMb?: number;
  webVersion?: string;
  /** The catch-up: when the last sweep of the phone's chats ended, and messages it recovered since start that no event delivered. */
  catchUp: CatchUpHealth;
  /** What is wrong beyond the state: `never-ready`, `events-silent`. */
  problems: WhatsAppProblem[];
}

export interface CatchUpHealth {
  /** ISO time the last sweep ended; absent before the first one. */
  lastSweepAt?: string;
  recovered: number;
}

/** POST /api/sim/fault (simulator only). */
export const simFaultSchema = z.object({ kind: z.enum(['never-ready', 'events-stop', 'none']) });

/** A diagnostics zip written under the data directory (recent logs + health, no bodies or keys). */
export interface DiagnosticsExport {
  path: string;
  fileName: string;
  bytes: number;
}

export const orderIdSchema = z.string().min(1).max(100);
export const menuItemIdSchema = z.string().trim().min(1).max(100);
export const phoneSchema = z.string().trim().min(3).max(100);

export interface KdsApi extends OwnerApi {
  getSnapshot(): Promise<KdsSnapshot>;
  listOrders(query?: ListOrdersQuery): Promise<Order[]>;
  transition(orderId: string, request: TransitionRequest): Promise<Order>;
  /** Reverts the order's last transition while the undo window is open. */
  undo(orderId: string): Promise<Order>;
  acknowledge(orderId: string): Promise<Order>;
  releaseHandoff(phone: string): Promise<Handoff[]>;
  /** A voice note or photo a customer sent (Handoff.media[].id); not_found when it was not kept. */
  getMedia(id: string): Promise<MediaFile>;
  /** Simulator engine only: chat as a customer (training mode). */
  simSend(message: SimIncoming): Promise<void>;
  simConversation(phone: string): Promise<SimMessage[]>;
  getHealth(): Promise<WhatsAppHealth>;
  /** Starts linking (a fresh QR after the refresh cap, or a pairing code); the status follows by event. */
  linkWhatsApp(request: LinkRequest): Promise<WhatsAppStatus>;
  /** Logs WhatsApp out cleanly on this PC; the status becomes needs-link. */
  unlinkWhatsApp(): Promise<WhatsAppStatus>;
  /** Restarts the WhatsApp session now (tray "Reconnect WhatsApp"). */
  reconnectWhatsApp(): Promise<WhatsAppStatus>;
  exportDiagnostics(): Promise<DiagnosticsExport>;
  /** The cloud's state, the session lease and the recovery code; {state:'off'} without a cloud. */
  getCloudStatus(): Promise<CloudStatus>;
  /** The owner confirmed: this PC takes the WhatsApp session from the PC holding it (conflict when the cloud is not running). */
  takeOverSession(): Promise<CloudStatus>;
  /** The owner wrote the recovery code down: the host forgets it. */
  acknowledgeRecoveryCode(): Promise<CloudStatus>;
  /**
   * A new PC: the owner typed the restaurant's recovery code. A wrong code is a bad_request and
   * changes nothing; a right one becomes this PC's backup key, and when WhatsApp is not linked here
   * (and this PC runs the session) the newest backup is restored (see recoveryRestore).
   */
  enterRecoveryCode(code: string): Promise<CloudStatus>;
  /** Queues a kitchen ticket or receipt of the order on every printer (a reprint after the first); conflict without printers. */
  printOrder(orderId: string, copy: PrintCopy): Promise<PrintJobAnswer>;
  /** A test page on one printer; also retries that printer's waiting tickets now. */
  testPrinter(printerId: string): Promise<PrintJobAnswer>;
  getPrintingStatus(): Promise<PrintingStatus>;
  /** The desktop app's PC printers by name (empty headless). */
  listSystemPrinters(): Promise<string[]>;
  /** The day's close for a local date (YYYY-MM-DD, the restaurant's zone); default today. Owner only. */
  getDayReport(date?: string): Promise<DayReport>;
  /** The same as CSV text. Owner only. */
  getDayReportCsv(date?: string): Promise<string>;
  /** The day's close on the receipt printers. Owner only. */
  printDayReport(date?: string): Promise<PrintJobAnswer>;
  subscribe(listener: (event: KdsEvent) => void): () => void;
}

/** Methods callable over a transport (everything but subscribe), for IPC routing. */
export const KDS_METHODS = [
  'getSnapshot',
  'listOrders',
  'transition',
  'undo',
  'acknowledge',
  'releaseHandoff',
  'getMedia',
  'simSend',
  'simConversation',
  'getHealth',
  'linkWhatsApp',
  'unlinkWhatsApp',
  'reconnectWhatsApp',
  'exportDiagnostics',
  'getCloudStatus',
  'takeOverSession',
  'acknowledgeRecoveryCode',
  'enterRecoveryCode',
  'getMenu',
  'saveMenu',
  'setItemAvailability',
  'pauseOrders',
  'resumeOrders',
  'getSettings',
  'updateSettings',
  'getOwnerStatus',
  'setOwnerPin',
  'unlockOwner',
  'getSetup',
  'updateSetup',
  'getEngine',
  'setEngine',
  'getNetworkAccess',
  'setNetworkAccess',
  'rotateAccessToken',
  'cloudSignIn',
  'cloudSignOut',
  'printOrder',
  'testPrinter',
  'getPrintingStatus',
  'listSystemPrinters',
  'getDayReport',
  'getDayReportCsv',
  'printDayReport',
] as const satisfies readonly Exclude<keyof KdsApi, 'subscribe'>[];
export type KdsMethod = (typeof KDS_METHODS)[number];

/** Argument validation per method: the same checks on every transport. */
export const kdsArgsSchemas = {
  getSnapshot: z.tuple([]),
  listOrders: z.tuple([listOrdersQuerySchema.optional()]),
  transition: z.tuple([orderIdSchema, transitionRequestSchema]),
  undo: z.tuple([orderIdSchema]),
  acknowledge: z.tuple([orderIdSchema]),
  releaseHandoff: z.tuple([phoneSchema]),
  getMedia: z.tuple([mediaIdSchema]),
  simSend: z.tuple([simIncomingSchema]),
  simConversation: z.tuple([phoneSchema]),
  getHealth: z.tuple([]),
  linkWhatsApp: z.tuple([linkRequestSchema]),
  unlinkWhatsApp: z.tuple([]),
  reconnectWhatsApp: z.tuple([]),
  exportDiagnostics: z.tuple([]),
  getCloudStatus: z.tuple([]),
  takeOverSession: z.tuple([]),
  acknowledgeRecoveryCode: z.tuple([]),
  enterRecoveryCode: z.tuple([recoveryCodeSchema]),
  // The menu is checked by the host with the menu schema, so the error names the bad path the same
  // way on every transport.
  getMenu: z.tuple([]),
  saveMenu: z.tuple([z.unknown()]),
  setItemAvailability: z.tuple([menuItemIdSchema, availabilityRequestSchema.shape.available]),
  pauseOrders: z.tuple([pauseRequestSchema]),
  resumeOrders: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
  getOwnerStatus: z.tuple([]),
  setOwnerPin: z.tuple([setPinRequestSchema]),
  unlockOwner: z.tuple([unlockRequestSchema.shape.pin]),
  getSetup: z.tuple([]),
  updateSetup: z.tuple([setupUpdateSchema]),
  getEngine: z.tuple([]),
  setEngine: z.tuple([z.enum(['simulator', 'whatsapp'])]),
  getNetworkAccess: z.tuple([]),
  setNetworkAccess: z.tuple([z.boolean()]),
  rotateAccessToken: z.tuple([]),
  cloudSignIn: z.tuple([cloudSignInSchema]),
  cloudSignOut: z.tuple([]),
  printOrder: z.tuple([orderIdSchema, z.enum(PRINT_COPIES)]),
  testPrinter: z.tuple([printerIdSchema]),
  getPrintingStatus: z.tuple([]),
  listSystemPrinters: z.tuple([]),
  getDayReport: z.tuple([dayReportDateSchema.optional()]),
  getDayReportCsv: z.tuple([dayReportDateSchema.optional()]),
  printDayReport: z.tuple([dayReportDateSchema.optional()]),
} satisfies Record<KdsMethod, z.ZodType>;

/** Errors carry an HTTP-like code so every transport reports them the same way. */
export type KdsErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'too_many_requests'
  | 'internal';

export const KDS_ERROR_CODES: readonly KdsErrorCode[] = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'too_many_requests',
  'internal',
];

export const KDS_ERROR_STATUS: Record<KdsErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
  internal: 500,
};

export interface KdsErrorDetails {
  /** The code the HTTP body carries instead of `code` (403: "owner-pin-required"). */
  wireCode?: string;
  /** too_many_requests: seconds until another try is taken. */
  retryAfterSeconds?: number;
}

export class KdsError extends Error {
  readonly code: KdsErrorCode;
  readonly wireCode: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(code: KdsErrorCode, message: string, details: KdsErrorDetails = {}) {
    super(message);
    this.name = 'KdsError';
    this.code = code;
    this.wireCode = details.wireCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
