// A simulated WhatsApp customer for end-to-end tests and benchmarks: writes an order the way a
// person would, then answers whatever the bot asks until the order exists. It reads the bot's
// questions by topic, not by exact wording, so it does not pin the bot's phrasing.
import type { Order } from '../../shared/order.ts';
import type { ApiClient } from './api-client.ts';

export interface CustomerOptions {
  phone: string;
  name: string;
  /** The opening message; default a free-text order with everything in it. */
  opening?: string;
  /** Message ids are derived from this, so a retried message is recognised as a redelivery. */
  idPrefix?: string;
  maxTurns?: number;
}

export interface CustomerResult {
  order: Order;
  turns: number;
}

export function answerFor(question: string, name: string): string {
  const q = question.toLowerCase();
  if (/confirm|¿está (todo )?bien|todo correcto|correcto\?|lo confirmo/.test(q)) return 'sí';
  if (/nombre|a nombre de|c[oó]mo te llamas/.test(q)) return name;
  if (/recoger|domicilio|llevar|env[ií]o/.test(q)) return 'para recoger';
  if (/direcci[oó]n/.test(q)) return 'Calle Mayor 1, 2ºB';
  if (/pag|efectivo|tarjeta|bizum/.test(q)) return 'efectivo';
  if (/algo m[aá]s|a[nñ]adir/.test(q)) return 'nada más';
  return 'sí';
}

/**
 * One customer's conversation, a message at a time. Each message carries a stable id: when a POST
 * fails (the host was killed), step() again sends the same message under the same id, and the host
 * drops it if it had already handled it, as it drops WhatsApp's redeliveries.
 */
export class SimCustomer {
  readonly options: CustomerOptions;
  turn = 0;
  order: Order | undefined;
  /** Date.now() just before the latest message was sent (for latency measurements). */
  lastPostAt = 0;
  private body: string;

  constructor(options: CustomerOptions) {
    this.options = options;
    this.body = options.opening ?? '¡Hola! Quiero 2 hamburguesas clásicas y una coca cola, para recoger. Pago en efectivo';
  }

  async step(api: ApiClient): Promise<Order | undefined> {
    const { phone, name } = this.options;
    const prefix = this.options.idPrefix ?? `c-${phone}`;
    if (this.turn >= (this.options.maxTurns ?? 8)) throw new Error(`no order for ${phone} after ${this.turn} turns`);
    this.lastPostAt = Date.now();
    const res = await api.post('/api/sim/incoming', { from: phone, name, body: this.body, id: `${prefix}-${this.turn}` });
    if (res.status !== 200) throw new Error(`sim/incoming answered ${res.status}`);
    this.order = await findOrder(api, phone);
    if (this.order) return this.order;
    const question = (await api.sent(phone)).at(-1)?.body ?? '';
    this.body = answerFor(question, name);
    this.turn++;
    return undefined;
  }
}

/** Orders as a customer, answering the bot until the order exists. */
export async function orderAsCustomer(api: ApiClient, options: CustomerOptions): Promise<CustomerResult> {
  const customer = new SimCustomer(options);
  for (;;) {
    const order = await customer.step(api);
    if (order) return { order, turns: customer.turn + 1 };
  }
}

export async function findOrder(api: ApiClient, phone: string): Promise<Order | undefined> {
  const orders = (await api.get<Order[]>(`/api/orders?phone=${encodeURIComponent(phone)}`)).body;
  return orders.at(-1);
}
