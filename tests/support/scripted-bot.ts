// A tiny stand-in bot for host tests that must not depend on the real bot's wording:
// "order <itemId> [qty]" places an order, "human" hands off, anything else echoes.
import type { BotHandler } from '../../electron/bot/bot-types.ts';

export const scriptedBot: BotHandler = (input, effects) => {
  const body = input.message.body.trim();
  const conversation = { version: 1 as const, updatedAt: input.now, turns: Number(input.conversation?.turns ?? 0) + 1 };
  const order = /^order (\S+)(?: (\d+))?$/.exec(body);
  if (order) {
    const item = input.menu.categories.flatMap((c) => c.items).find((i) => i.id === order[1]);
    if (!item) return { conversation, replies: [`unknown ${order[1]}`] };
    const placed = effects.placeOrder({
      customer: { phone: input.customer.phone, name: input.customer.profileName ?? 'Cliente' },
      fulfilment: 'pickup',
      payment: 'cash',
      items: [{ itemId: item.id, name: item.name, quantity: Number(order[2] ?? 1), unitPrice: item.price }],
      currency: input.menu.currency,
    });
    return { conversation, replies: [`placed #${placed.number}`] };
  }
  if (body === 'human') {
    effects.requestHandoff(body);
    return { conversation, replies: ['a person will answer'] };
  }
  return { conversation, replies: [`echo ${conversation.turns}: ${body}`] };
};
