// The single contract between the kitchen screen and the host. Served over Electron IPC (preload)
// and over HTTP + WebSocket by the host's server; the renderer knows nothing else.
import { z } from 'zod';
import { ORDER_STATUSES, type Order, type OrderStatus } from './order.ts';
import type { WhatsAppStatus } from './whatsapp-status.ts';
import type { Menu } from './menu.ts';
export { describeZodError } from './validation.ts';

/** A chat handed to staff ("hablar con una persona"): the bot is silent there until released. */
export interface Handoff {
  phone: string;
  name: string;
  since: string;
  lastMessage?: string;
}

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
  version: string;
  serverTime: string;
}

export type KdsEvent =
  | { type: 'order'; order: Order }
  | { type: 'whatsapp'; status: WhatsAppStatus }
  | { type: 'handoffs'; handoffs: Handoff[] }
  | { type: 'sim'; message: SimMessage };

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

export const simIncomingSchema = z.object({
  from: z.string().trim().min(1).max(100),
  name: z.string().max(200).optional(),
  body: z.string().max(1_000_000).optional(),
  /** Message kind as whatsapp-web.js names it: chat, image, ptt, audio, video, document, sticker… */
  type: z.string().max(40).optional(),
  id: z.string().max(200).optional(),
  fromMe: z.boolean().optional(),
  isGroup: z.boolean().optional(),
});
export type SimIncoming = z.infer<typeof simIncomingSchema>;

export const orderIdSchema = z.string().min(1).max(100);
export const phoneSchema = z.string().trim().min(3).max(100);

export interface KdsApi {
  getSnapshot(): Promise<KdsSnapshot>;
  listOrders(query?: ListOrdersQuery): Promise<Order[]>;
  transition(orderId: string, request: TransitionRequest): Promise<Order>;
  /** Reverts the order's last transition while the undo window is open. */
  undo(orderId: string): Promise<Order>;
  acknowledge(orderId: string): Promise<Order>;
  releaseHandoff(phone: string): Promise<Handoff[]>;
  /** Simulator engine only: chat as a customer (training mode). */
  simSend(message: SimIncoming): Promise<void>;
  simConversation(phone: string): Promise<SimMessage[]>;
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
  'simSend',
  'simConversation',
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
  simSend: z.tuple([simIncomingSchema]),
  simConversation: z.tuple([phoneSchema]),
} satisfies Record<KdsMethod, z.ZodType>;

/** Errors carry an HTTP-like code so every transport reports them the same way. */
export type KdsErrorCode = 'bad_request' | 'unauthorized' | 'not_found' | 'conflict' | 'too_large' | 'internal';

export const KDS_ERROR_STATUS: Record<KdsErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  internal: 500,
};

export class KdsError extends Error {
  readonly code: KdsErrorCode;
  constructor(code: KdsErrorCode, message: string) {
    super(message);
    this.name = 'KdsError';
    this.code = code;
  }
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
