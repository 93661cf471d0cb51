// Orders for the printing and report tests.
import type { Order } from '../../shared/order.ts';

export function sampleOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'ord-1',
    number: 42,
    status: 'accepted',
    customer: { phone: '34600111222', name: 'Begoña Núñez' },
    fulfilment: 'delivery',
    address: 'Calle Mayor 1, 2ºB',
    payment: 'cash',
    items: [
      {
        itemId: 'pizza',
        name: 'Pizza margarita',
        quantity: 2,
        unitPrice: 11.5,
        options: [
          { groupId: 'size', choiceId: 'grande', name: 'Grande', price: 2 },
          { groupId: 'extra', choiceId: 'queso', name: 'Extra queso', price: 1.5 },
        ],
        note: 'sin albahaca, alérgica',
      },
      { itemId: 'cana', name: 'Caña', quantity: 3, unitPrice: 2 },
    ],
    deliveryFee: 2.5,
    total: 31.5,
    currency: 'EUR',
    createdAt: '2026-03-14T20:05:00.000Z',
    updatedAt: '2026-03-14T20:06:00.000Z',
    etaMinutes: 25,
    requestedTime: '21:45',
    orderNote: 'Llamad al timbre 2, el niño duerme',
    events: [{ at: '2026-03-14T20:06:00.000Z', from: 'new', to: 'accepted', by: 'staff' }],
    acknowledged: true,
    notifications: [],
    ...overrides,
  };
}

/** 60 lines and a 500-character note: must print wrapped, not cut off. */
export function hugeOrder(): Order {
  const words = 'por favor que la salsa vaya aparte y bien caliente porque el cliente es muy exigente con eso'.split(' ');
  let note = '';
  for (let i = 0; note.length < 500; i++) note += `${words[i % words.length]}${i} `;
  note = note.slice(0, 500).trim();
  return sampleOrder({
    id: 'ord-huge',
    number: 7,
    items: Array.from({ length: 60 }, (_, i) => ({ itemId: `dish${i}`, name: `Plato número ${i + 1} con guarnición de la casa`, quantity: (i % 3) + 1, unitPrice: 4.25 })),
    orderNote: note,
  });
}
