// A scripted WhatsApp chat against the ordering bot, with fake effects that record every call.
import { readFileSync } from 'node:fs';
import { parseMenu, type Menu } from '../../shared/menu.ts';
import { orderTotal } from '../../shared/order.ts';
import type { BotEffects, BotInput, BotMessage, ConversationState, CustomerOrderSummary, OrderDraft } from '../../electron/bot/bot-types.ts';
import { handleMessage } from '../../electron/bot/ordering-bot.ts';

export function sampleMenu(): Menu {
  const raw: unknown = JSON.parse(readFileSync(new URL('../../electron/assets/sample-menu.json', import.meta.url), 'utf8'));
  const parsed = parseMenu(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.menu;
}

export function menuFrom(raw: unknown): Menu {
  const parsed = parseMenu(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.menu;
}

/** Monday 6 January 2025, 13:00 in Madrid (12:00 UTC). */
export const MONDAY_1300_MADRID = Date.UTC(2025, 0, 6, 12, 0);

export class FakeEffects implements BotEffects {
  placed: OrderDraft[] = [];
  cancelled: { orderId: string; reason: string }[] = [];
  handoffs: string[] = [];
  names: string[] = [];
  nextNumber = 12;
  cancelResult = true;

  placeOrder(draft: OrderDraft): { id: string; number: number } {
    this.placed.push(structuredClone(draft));
    const number = this.nextNumber++;
    return { id: `order-${number}`, number };
  }
  cancelOrder(orderId: string, reason: string): boolean {
    this.cancelled.push({ orderId, reason });
    return this.cancelResult;
  }
  requestHandoff(lastMessage: string): void {
    this.handoffs.push(lastMessage);
  }
  rememberName(name: string): void {
    this.names.push(name);
  }
}

export interface ChatOptions {
  menu?: Menu;
  profileName?: string;
  rememberedName?: string;
  now?: number;
  timezone?: string;
  recentOrders?: CustomerOrderSummary[];
  /** BotInput.pausedUntil: undefined not paused, null until resumed, epoch ms until then. */
  pausedUntil?: number | null;
}

export class Chat {
  readonly effects = new FakeEffects();
  menu: Menu;
  now: number;
  timezone: string;
  profileName: string | undefined;
  rememberedName: string | undefined;
  recentOrders: CustomerOrderSummary[];
  pausedUntil: number | null | undefined;
  state: ConversationState | null = null;
  /** Every reply of every turn, oldest first. */
  transcript: string[] = [];

  constructor(options: ChatOptions = {}) {
    this.menu = options.menu ?? sampleMenu();
    this.now = options.now ?? MONDAY_1300_MADRID;
    this.timezone = options.timezone ?? 'Europe/Madrid';
    this.profileName = options.profileName;
    this.rememberedName = options.rememberedName;
    this.recentOrders = options.recentOrders ?? [];
    this.pausedUntil = options.pausedUntil;
  }

  /** Sends a message (as stored and reloaded by the host: the state goes through JSON). */
  say(body: string, kind: 'text' | 'media' | 'audio' | 'edit' = 'text'): string {
    return this.send(body, kind).join('\n---\n');
  }

  /** A shared WhatsApp location pin. */
  pin(location: { latitude: number; longitude: number; name?: string; address?: string }): string {
    return this.deliver({ kind: 'location', body: '', location }).join('\n---\n');
  }

  send(body: string, kind: 'text' | 'media' | 'audio' | 'edit' = 'text'): string[] {
    return this.deliver({ kind, body });
  }

  deliver(message: BotMessage): string[] {
    const customer: BotInput['customer'] = { phone: '34600111222' };
    if (this.profileName) customer.profileName = this.profileName;
    if (this.rememberedName) customer.rememberedName = this.rememberedName;
    const out = handleMessage(
      {
        now: this.now,
        message,
        conversation: this.state,
        customer,
        menu: this.menu,
        recentOrders: this.recentOrders,
        timezone: this.timezone,
        ...(this.pausedUntil === undefined ? {} : { pausedUntil: this.pausedUntil }),
      },
      this.effects,
    );
    if (out.conversation.version !== 1 || out.conversation.updatedAt !== this.now) throw new Error('bad state stamp');
    this.state = JSON.parse(JSON.stringify(out.conversation)) as ConversationState;
    this.transcript.push(...out.replies);
    this.now += 20_000;
    return out.replies;
  }

  get cart(): { itemId: string; quantity: number; note?: string; unitPrice: number; name: string }[] {
    return ((this.state?.cart as unknown[]) ?? []) as { itemId: string; quantity: number; note?: string; unitPrice: number; name: string }[];
  }

  /** Cart as "2 clasica" / "1 clasica (sin cebolla)" strings, order kept. */
  cartSummary(): string[] {
    return this.cart.map((l) => `${l.quantity} ${l.itemId}${l.note ? ` (${l.note})` : ''}`);
  }

  get lastPlaced(): OrderDraft | undefined {
    return this.effects.placed.at(-1);
  }
}

export function totalOf(draft: OrderDraft | undefined): number {
  return draft ? orderTotal(draft.items) : Number.NaN;
}

/** Same text with any whitespace (formatMoney uses a no-break space) as a plain space. */
export function plain(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
