import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/order.ts';
import { allDayCounts, averagePrepMinutes, formatElapsed, historyOrders, keyAction, lastCompleted, openOrders, timerLevel } from '../../renderer/kds/state/kds-selectors.ts';
import { boardReducer, emptyBoard } from '../../renderer/kds/state/board-state.ts';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function order(n: number, over: Partial<Order> = {}): Order {
  return {
    id: `o${n}`,
    number: n,
    status: 'new',
    customer: { phone: `3460000000${n}`, name: `Cliente ${n}` },
    fulfilment: 'pickup',
    items: [{ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 1, unitPrice: 9.5 }],
    total: 9.5,
    currency: 'EUR',
    createdAt: at(n),
    updatedAt: at(n),
    events: [],
    acknowledged: false,
    notifications: [],
    ...over,
  };
}

describe('kitchen screen selectors', () => {
  it('puts open orders on the board oldest first and leaves closed ones off', () => {
    const list = [order(3), order(1), order(2, { status: 'completed' }), order(4, { status: 'cancelled' }), order(5, { status: 'ready' })];
    expect(openOrders(list).map((o) => o.number)).toEqual([1, 3, 5]);
  });

  it('counts items to cook across orders not yet ready', () => {
    const list = [
      order(1, { items: [{ itemId: 'a', name: 'Croquetas', quantity: 2, unitPrice: 1 }, { itemId: 'b', name: 'Agua', quantity: 1, unitPrice: 1 }] }),
      order(2, { status: 'preparing', items: [{ itemId: 'a', name: 'Croquetas', quantity: 3, unitPrice: 1 }] }),
      order(3, { status: 'ready', items: [{ itemId: 'a', name: 'Croquetas', quantity: 10, unitPrice: 1 }] }),
    ];
    expect(allDayCounts(list)).toEqual([
      { name: 'Croquetas', quantity: 5 },
      { name: 'Agua', quantity: 1 },
    ]);
  });

  it('averages arrival-to-ready minutes, ignoring undone and recalled readies', () => {
    expect(averagePrepMinutes([order(1)])).toBeNull();
    const a = order(0, { events: [{ at: at(10), from: 'accepted', to: 'ready', by: 'kds' }] });
    const b = order(0, {
      id: 'b',
      events: [
        { at: at(1), from: 'accepted', to: 'ready', by: 'kds', undo: true },
        { at: at(20), from: 'preparing', to: 'ready', by: 'kds' },
      ],
    });
    expect(averagePrepMinutes([a, b])).toBe(15);
  });

  it('searches today by number, name, phone or dish without caring for accents', () => {
    const list = [order(1, { customer: { phone: '34611', name: 'José Ñúñez' } }), order(2, { items: [{ itemId: 'p', name: 'Pizza margarita', quantity: 1, unitPrice: 8 }] })];
    expect(historyOrders(list, 'jose nunez').map((o) => o.number)).toEqual([1]);
    expect(historyOrders(list, 'MARGARITA').map((o) => o.number)).toEqual([2]);
    expect(historyOrders(list, '#2').map((o) => o.number)).toEqual([2]);
    expect(historyOrders(list, '').map((o) => o.number)).toEqual([2, 1]);
  });

  it('colours timers at the configured thresholds', () => {
    expect(timerLevel(4 * 60_000 + 59_000, 5, 10)).toBe('ok');
    expect(timerLevel(5 * 60_000, 5, 10)).toBe('amber');
    expect(timerLevel(10 * 60_000, 5, 10)).toBe('red');
    expect(timerLevel(3 * 60_000, 2, 3)).toBe('red');
    expect(formatElapsed(65_000)).toBe('01:05');
    expect(formatElapsed(-5)).toBe('00:00');
    expect(formatElapsed(125 * 60_000)).toBe('2h05');
  });

  it('maps bump-bar keys', () => {
    expect(keyAction('1')).toEqual({ type: 'select', index: 0 });
    expect(keyAction('9')).toEqual({ type: 'select', index: 8 });
    expect(keyAction('0')).toBeNull();
    expect(keyAction('Enter')).toEqual({ type: 'advance' });
    expect(keyAction('r')).toEqual({ type: 'recall' });
    expect(keyAction('Escape')).toEqual({ type: 'escape' });
  });

  it('recalls the most recently completed order', () => {
    expect(lastCompleted([order(1, { status: 'completed', updatedAt: at(30) }), order(2, { status: 'completed', updatedAt: at(40) }), order(3)])?.number).toBe(2);
  });
});

describe('board state', () => {
  it('applies a snapshot then events, never going back to an older version of an order', () => {
    const snapshot = { orders: [order(1)], whatsapp: { state: 'connected', since: at(0), engine: 'simulator' }, handoffs: [], settings: { locale: 'es', amberAfterMinutes: 5, redAfterMinutes: 10, etaChoices: [10], undoSeconds: 5 }, menu: { restaurant: 'X', currency: 'EUR', locale: 'es' }, version: '1', serverTime: at(0) } as const;
    let s = boardReducer(emptyBoard, { type: 'snapshot', snapshot: structuredClone(snapshot) as never });
    s = boardReducer(s, { type: 'event', event: { type: 'order', order: order(1, { status: 'accepted', updatedAt: at(5) }) } });
    expect(s.orders.get('o1')!.status).toBe('accepted');
    s = boardReducer(s, { type: 'event', event: { type: 'order', order: order(1, { status: 'new', updatedAt: at(2) }) } });
    expect(s.orders.get('o1')!.status).toBe('accepted');
    s = boardReducer(s, { type: 'event', event: { type: 'whatsapp', status: { state: 'offline', since: at(6), engine: 'simulator' } } });
    expect(s.whatsapp!.state).toBe('offline');
    s = boardReducer(s, { type: 'event', event: { type: 'handoffs', handoffs: [{ phone: '1', name: 'A', since: at(7) }] } });
    expect(s.handoffs).toHaveLength(1);
  });
});
