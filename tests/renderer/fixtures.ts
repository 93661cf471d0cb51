// Orders and scenes for the kitchen screen's tests and screenshots.
import type { Order, OrderItem } from '../../shared/order.ts';
import type { FakeSeed } from './fake-kds-api.ts';

export const XSS_NAME = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const item = (itemId: string, name: string, quantity: number, unitPrice: number, note?: string): OrderItem => ({ itemId, name, quantity, unitPrice, ...(note ? { note } : {}) });

export function makeOrder(n: number, createdAt: string, over: Partial<Order> = {}): Order {
  const items = over.items ?? [item('clasica', 'Hamburguesa clásica', 1, 9.5)];
  return {
    id: `o${n}`,
    number: n,
    status: 'new',
    customer: { phone: `3460000${String(n).padStart(4, '0')}`, name: `Cliente ${n}` },
    fulfilment: 'pickup',
    items,
    total: items.reduce((s, i) => s + i.quantity * i.unitPrice, 0),
    currency: 'EUR',
    createdAt,
    updatedAt: createdAt,
    events: [],
    acknowledged: false,
    notifications: [],
    ...over,
  };
}

/** A busy lunchtime: every state, notes, a delivery, a failed notice, RTL and emoji, one hostile name. */
export function demoSeed(now: number): FakeSeed {
  const ago = (min: number) => new Date(now - min * 60_000).toISOString();
  const ev = (min: number, from: Order['status'], to: Order['status'], extra: Partial<Order['events'][number]> = {}) => ({ at: ago(min), from, to, by: 'kds', ...extra });
  const orders: Order[] = [
    makeOrder(41, ago(2), {
      customer: { phone: '34611222333', name: 'Lucía Fernández' },
      items: [item('clasica', 'Hamburguesa clásica', 2, 9.5, 'sin cebolla'), item('patatas', 'Patatas bravas', 1, 4.5), item('cola', 'Coca-Cola', 2, 2.2)],
      payment: 'card',
    }),
    makeOrder(38, ago(14), {
      status: 'preparing',
      acknowledged: true,
      customer: { phone: '34622333444', name: 'José Ñúñez 🍔' },
      fulfilment: 'delivery',
      address: 'Calle de Alcalá 123, 4º B, escalera izquierda — timbre roto, llamar al móvil',
      payment: 'cash',
      etaMinutes: 20,
      items: [item('pizza-m', 'Pizza margarita', 1, 8), item('clasica', 'Hamburguesa clásica', 1, 9.5, 'muy hecha, sin pepinillos y con la salsa aparte por favor 🙏')],
      events: [ev(13, 'new', 'accepted'), ev(9, 'accepted', 'preparing')],
    }),
    makeOrder(40, ago(6), {
      status: 'accepted',
      acknowledged: true,
      customer: { phone: '971500111222', name: 'محمد العلي' },
      etaMinutes: 30,
      payment: 'bizum',
      items: [item('croquetas', 'Croquetas de jamón', 3, 1.5), item('agua', 'Agua', 1, 1.5)],
      events: [ev(5, 'new', 'accepted')],
      notifications: [{ key: 'o40:accepted', kind: 'accepted', state: 'failed', attempts: 5, error: 'el número no tiene WhatsApp' }],
    }),
    makeOrder(36, ago(22), {
      status: 'ready',
      acknowledged: true,
      customer: { phone: '34633444555', name: 'Marta' },
      items: [item('ensalada', 'Ensalada César', 1, 7.5, 'sin picatostes')],
      etaMinutes: 20,
      events: [ev(21, 'new', 'accepted'), ev(15, 'accepted', 'preparing'), ev(4, 'preparing', 'ready')],
    }),
    makeOrder(42, ago(0.5), {
      customer: { phone: '34644555666', name: XSS_NAME },
      items: [item('clasica', 'Hamburguesa clásica', 1, 9.5, '<b>bold?</b> & "quotes"')],
    }),
    makeOrder(30, ago(70), {
      status: 'completed',
      acknowledged: true,
      customer: { phone: '34655666777', name: 'Pedro Gómez' },
      items: [item('pizza-m', 'Pizza margarita', 2, 8)],
      events: [ev(68, 'new', 'accepted'), ev(58, 'accepted', 'ready'), ev(50, 'ready', 'completed')],
    }),
    makeOrder(31, ago(60), {
      status: 'cancelled',
      acknowledged: true,
      customer: { phone: '34666777888', name: 'Ana Ruiz' },
      events: [ev(59, 'new', 'cancelled', { reason: 'El cliente lo ha pedido' })],
    }),
  ];
  return {
    restaurant: 'Casa Pepe',
    orders,
    whatsapp: { state: 'connected', since: ago(120), engine: 'simulator', phone: '34911222333' },
    handoffs: [{ phone: '34677888999', name: 'Carmen', since: ago(3), lastMessage: '¿Puedo hablar con alguien? Tengo una alergia al marisco' }],
  };
}

/** A rush: `count` open orders, for the "stays smooth with 150 cards" checks. */
export function manySeed(now: number, count = 150): FakeSeed {
  const orders: Order[] = [];
  const states = ['new', 'accepted', 'preparing', 'ready'] as const;
  for (let i = 0; i < count; i++) {
    const status = states[i % 4]!;
    orders.push(
      makeOrder(100 + i, new Date(now - (count - i) * 20_000).toISOString(), {
        status,
        acknowledged: status !== 'new' || i % 8 !== 0,
        ...(status !== 'new' ? { etaMinutes: 20, events: [{ at: new Date(now - (count - i) * 20_000 + 5000).toISOString(), from: 'new', to: 'accepted', by: 'kds' }] } : {}),
        items: [item('clasica', 'Hamburguesa clásica', 1 + (i % 3), 9.5, i % 5 === 0 ? 'sin cebolla' : undefined), item('patatas', 'Patatas bravas', 1, 4.5)],
      }),
    );
  }
  return { restaurant: 'Casa Pepe', orders };
}
