// Runs a corpus conversation through the real bot (the harness's Chat and fake effects, the state
// stored and reloaded as JSON between messages) and compares what was placed with the ticket the
// restaurant wanted. A failure names its first diverging turn: the turn from which the bot's cart,
// pickup/delivery or payment stayed wrong, else the unexpected handoff or placement, else the turn
// whose question was asked again after the customer's next message, else the last turn.
import type { OrderDraft } from '../../../electron/bot/bot-types.ts';
import type { Menu } from '../../../shared/menu.ts';
import { orderTotal } from '../../../shared/order.ts';
import { Chat } from '../bot-harness.ts';
import type { CorpusConversation, CustomerTurn, ExpectedTicket } from './corpus-types.ts';
import { RESTAURANTS, type CorpusLocale } from './menus.ts';

export interface Divergence {
  turn: number;
  said: string;
  reply: string;
  reason: string;
}

export interface ConversationResult {
  id: string;
  locale: CorpusLocale;
  passed: boolean;
  /** Customer messages sent up to and including the one that placed the order. */
  messagesToOrder?: number;
  placed: boolean;
  divergence?: Divergence;
}

interface Snapshot {
  said: string;
  reply: string;
  lines: Map<string, number>;
  fulfilment: unknown;
  payment: unknown;
  placed: boolean;
  handoff: boolean;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function describeTurn(turn: CustomerTurn): string {
  if (typeof turn === 'string') return turn;
  if ('audio' in turn) return '[voice note]';
  if ('pin' in turn) return `[location pin ${turn.pin.name ?? turn.pin.address ?? ''}]`.replace(' ]', ']');
  if ('photo' in turn) return `[photo] ${turn.photo}`;
  if ('photoOnly' in turn) return '[photo without caption]';
  return `[edited] ${turn.edit}`;
}

function lineKey(itemId: string, choiceIds: readonly string[]): string {
  return choiceIds.length ? `${itemId}[${[...choiceIds].sort().join(',')}]` : itemId;
}

/** "2 muzza [grande, extra-muzza]" → key and quantity. */
function parseExpectedItem(text: string): { key: string; quantity: number } {
  const m = /^(\d+)\s+([\w-]+)(?:\s*\[([^\]]*)\])?$/u.exec(text.trim());
  if (!m) throw new Error(`corpus: cannot read expected item "${text}"`);
  const choices = (m[3] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  return { key: lineKey(m[2] ?? '', choices), quantity: Number(m[1]) };
}

function expectedLines(ticket: ExpectedTicket): Map<string, number> {
  const lines = new Map<string, number>();
  for (const text of ticket.items) {
    const { key, quantity } = parseExpectedItem(text);
    lines.set(key, (lines.get(key) ?? 0) + quantity);
  }
  return lines;
}

type AnyLine = { itemId: string; quantity: number; options?: { choiceId: string }[] };

function linesOf(cart: readonly AnyLine[]): Map<string, number> {
  const lines = new Map<string, number>();
  for (const l of cart) {
    const key = lineKey(l.itemId, (l.options ?? []).map((o) => o.choiceId));
    lines.set(key, (lines.get(key) ?? 0) + l.quantity);
  }
  return lines;
}

const show = (lines: Map<string, number>) => [...lines].map(([k, q]) => `${q} ${k}`).join(', ') || '(empty)';

/** What the restaurant charges for the expected ticket, from its own menu prices. */
export function expectedTotal(menu: Menu, ticket: ExpectedTicket): number {
  let total = 0;
  for (const text of ticket.items) {
    const m = /^(\d+)\s+([\w-]+)(?:\s*\[([^\]]*)\])?$/u.exec(text.trim());
    const item = menu.categories.flatMap((c) => c.items).find((i) => i.id === m?.[2]);
    if (!m || !item) throw new Error(`corpus: "${text}" is not on ${menu.restaurant}'s menu`);
    const choices = (m[3] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    let unit = item.price;
    for (const id of choices) {
      const choice = (item.options ?? []).flatMap((g) => g.choices).find((c) => c.id === id);
      if (!choice) throw new Error(`corpus: "${id}" is not a choice of ${item.id}`);
      unit += choice.price;
    }
    total += unit * Number(m[1]);
  }
  return Math.round((total + (ticket.fulfilment === 'delivery' ? menu.delivery.fee : 0)) * 100) / 100;
}

/** Everything wrong with a placed draft, against the ticket. */
export function ticketProblems(menu: Menu, ticket: ExpectedTicket, draft: OrderDraft): string[] {
  const problems: string[] = [];
  const want = expectedLines(ticket);
  const got = linesOf(draft.items);
  if (want.size !== got.size || [...want].some(([k, q]) => got.get(k) !== q)) {
    problems.push(`items: wanted ${show(want)}; got ${show(got)}`);
  }
  if (draft.fulfilment !== ticket.fulfilment) problems.push(`fulfilment: wanted ${ticket.fulfilment}; got ${draft.fulfilment}`);
  if (ticket.address && !fold(draft.address ?? '').includes(fold(ticket.address))) problems.push(`address: wanted "${ticket.address}"; got "${draft.address ?? ''}"`);
  if (ticket.pin && (draft.location?.latitude !== ticket.pin.latitude || draft.location?.longitude !== ticket.pin.longitude)) {
    problems.push(`location: wanted ${ticket.pin.latitude},${ticket.pin.longitude}; got ${draft.location ? `${draft.location.latitude},${draft.location.longitude}` : 'none'}`);
  }
  if (ticket.name && !fold(draft.customer.name).includes(fold(ticket.name))) problems.push(`name: wanted "${ticket.name}"; got "${draft.customer.name}"`);
  if (draft.payment !== ticket.payment) problems.push(`payment: wanted ${ticket.payment}; got ${draft.payment}`);
  const fee = ticket.fulfilment === 'delivery' ? menu.delivery.fee : 0;
  if ((draft.deliveryFee ?? 0) !== fee) problems.push(`delivery fee: wanted ${fee}; got ${draft.deliveryFee ?? 0}`);
  const total = Math.round((orderTotal(draft.items) + (draft.deliveryFee ?? 0)) * 100) / 100;
  const want$ = expectedTotal(menu, ticket);
  if (total !== want$) problems.push(`total: wanted ${want$}; got ${total}`);
  return problems;
}

function send(chat: Chat, turn: CustomerTurn): string[] {
  if (typeof turn === 'string') return chat.send(turn);
  if ('audio' in turn) return chat.deliver({ kind: 'audio', body: '' });
  if ('pin' in turn) return chat.deliver({ kind: 'location', body: '', location: turn.pin });
  if ('photo' in turn) return chat.deliver({ kind: 'text', body: turn.photo });
  if ('photoOnly' in turn) return chat.deliver({ kind: 'media', body: '', mediaType: 'image' });
  return chat.deliver({ kind: 'edit', body: turn.edit });
}

const lastParagraph = (reply: string) => reply.trim().split(/\n\s*\n/u).at(-1)?.trim() ?? '';

export function runConversation(conv: CorpusConversation): ConversationResult {
  const restaurant = RESTAURANTS[conv.menu];
  const chat = new Chat({ menu: restaurant.menu, now: restaurant.now, timezone: restaurant.timezone, ...(conv.profileName ? { profileName: conv.profileName } : {}) });
  const snapshots: Snapshot[] = [];
  let messagesToOrder: number | undefined;
  for (const [i, turn] of conv.turns.entries()) {
    const placedBefore = chat.effects.placed.length;
    const handoffsBefore = chat.effects.handoffs.length;
    const reply = send(chat, turn).join('\n---\n');
    const state: Record<string, unknown> = chat.state ?? {};
    const placed = chat.effects.placed.length > placedBefore;
    if (placed && messagesToOrder === undefined) messagesToOrder = i + 1;
    // A voice note is handed to staff by the host; a handoff by the bot likewise: the bot is not
    // called again for this chat, so the customer's later messages go to a person.
    const handoff = chat.effects.handoffs.length > handoffsBefore || (typeof turn === 'object' && 'audio' in turn);
    const draft = placed ? chat.effects.placed.at(-1) : undefined;
    snapshots.push({
      said: describeTurn(turn),
      reply,
      lines: draft ? linesOf(draft.items) : linesOf((state.cart as AnyLine[] | undefined) ?? []),
      fulfilment: draft ? draft.fulfilment : state.fulfilment,
      payment: draft ? draft.payment : state.payment,
      placed,
      handoff,
    });
    if (handoff) break;
  }
  const expect = conv.expect;
  const locale = restaurant.locale;
  const at = (turn: number, reason: string): Divergence => {
    const s = snapshots[turn];
    return { turn: turn + 1, said: s?.said ?? '', reply: (s?.reply ?? '').slice(0, 400), reason };
  };
  const placedDrafts = chat.effects.placed;
  const handedOff = snapshots.some((s) => s.handoff);
  const result = (passed: boolean, divergence?: Divergence): ConversationResult => ({
    id: conv.id,
    locale,
    passed,
    placed: placedDrafts.length > 0,
    ...(messagesToOrder !== undefined ? { messagesToOrder } : {}),
    ...(divergence ? { divergence } : {}),
  });

  if ('none' in expect || 'handoff' in expect) {
    const placedAt = snapshots.findIndex((s) => s.placed);
    if (placedAt >= 0) return result(false, at(placedAt, 'an order was placed; none was wanted'));
    const handoffAt = snapshots.findIndex((s) => s.handoff);
    if ('none' in expect && handoffAt >= 0) return result(false, at(handoffAt, 'handed to a person; the bot should have answered'));
    if ('handoff' in expect && !handedOff) return result(false, at(snapshots.length - 1, 'never handed to a person'));
    return result(true);
  }

  const menu = restaurant.menu;
  const draft = placedDrafts[0];
  const problems = draft ? ticketProblems(menu, expect, draft) : ['no order was placed'];
  if (placedDrafts.length > 1) problems.push(`${placedDrafts.length} orders placed`);
  if (problems.length === 0) return result(true);

  // Where it went wrong: the turn from which the cart / fulfilment / payment stayed wrong.
  const want = expectedLines(expect);
  const wrongFrom = (bad: (s: Snapshot) => string | null): Divergence | null => {
    const upto = Math.max(0, snapshots.findIndex((s) => s.placed) >= 0 ? snapshots.findIndex((s) => s.placed) : snapshots.length - 1);
    if (!bad(snapshots[upto] as Snapshot)) return null;
    let from = upto;
    while (from > 0 && bad(snapshots[from - 1] as Snapshot)) from--;
    return at(from, `${bad(snapshots[from] as Snapshot) ?? ''} — ${problems.join('; ')}`);
  };
  const excess = (s: Snapshot) => {
    for (const [k, q] of s.lines) if ((want.get(k) ?? 0) < q) return `cart holds ${q} ${k}`;
    return null;
  };
  const missingAtPlacing = (s: Snapshot) => (s.placed && [...want].some(([k, q]) => (s.lines.get(k) ?? 0) < q) ? `placed without ${show(want)}` : null);
  const divergence =
    wrongFrom(excess) ??
    wrongFrom((s) => (s.fulfilment && s.fulfilment !== expect.fulfilment ? `fulfilment ${String(s.fulfilment)}` : null)) ??
    wrongFrom((s) => (s.payment && s.payment !== expect.payment ? `payment ${String(s.payment)}` : null)) ??
    (snapshots.findIndex((s) => s.handoff) >= 0 ? at(snapshots.findIndex((s) => s.handoff), `handed to a person — ${problems.join('; ')}`) : null) ??
    (snapshots.findIndex(missingAtPlacing) >= 0 ? at(snapshots.findIndex(missingAtPlacing), problems.join('; ')) : null) ??
    (() => {
      const again = snapshots.findIndex((s, i) => i > 0 && lastParagraph(s.reply) !== '' && lastParagraph(s.reply) === lastParagraph(snapshots[i - 1]?.reply ?? ''));
      // The turn that drew the question first: the customer's next message did not settle it.
      return again >= 0
        ? at(again - 1, `asked the same again after «${snapshots[again]?.said ?? ''}» — ${problems.join('; ')}`)
        : at(snapshots.length - 1, problems.join('; '));
    })();
  return result(false, divergence);
}
