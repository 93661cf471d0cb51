import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/order.ts';
import { allDayCounts, averagePrepMinutes, etaDueAt, failedNotices, formatMinutes, historyOrders, lastCompleted, openOrders, readyAt, unacknowledged } from '../../renderer/src/state/selectors.ts';
import { makeOrder } from './fixtures.ts';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const order = (n: number, over: Partial<Order> = {}) => makeOrder(n, at(n), over);
const item = (itemId: string, name: string, quantity: number) => ({ itemId, name, quantity, unitPrice: 1 });

describe('board selectors', () => {
  it('puts open orders on the board oldest first and leaves closed ones off', () => {
    const list = [order(3), order(1), order(2, { status: 'completed' }), order(4, { status: 'cancelled' }), order(5, { status: 'ready' }), order(6, { status: 'rejected' })];
    expect(openOrders(list).map((o) => o.number)).toEqual([1, 3, 5]);
  });

  it('orders the same arrival time by number', () => {
    const list = [makeOrder(9, at(0)), makeOrder(8, at(0))];
    expect(openOrders(list).map((o) => o.number)).toEqual([8, 9]);
  });

  it('lists the unacknowledged new orders that beep and flash', () => {
    const list = [order(1), order(2, { acknowledged: true }), order(3, { status: 'accepted' })];
    expect(unacknowledged(list).map((o) => o.number)).toEqual([1]);
  });

  it('shows notices that failed for good, with the error', () => {
    const o = order(1, {
      notifications: [
        { key: 'a', kind: 'accepted', state: 'failed', attempts: 5, error: 'no WhatsApp' },
        { key: 'b', kind: 'ready', state: 'pending', attempts: 1 },
        { key: 'c', kind: 'ready', state: 'failed', attempts: 5 },
      ],
    });
    expect(failedNotices(o)).toEqual([
      { key: 'a', text: 'no WhatsApp' },
      { key: 'c', text: 'ready' },
    ]);
  });
});

describe('all-day counts', () => {
  it('adds up each dish still to cook across new, accepted and preparing orders, most first', () => {
    const list = [
      order(1, { items: [item('croq', 'Croquetas', 2), item('agua', 'Agua', 1)] }),
      order(2, { status: 'preparing', items: [item('croq', 'Croquetas', 3)] }),
      order(3, { status: 'accepted', items: [item('agua', 'Agua', 1), item('bravas', 'Bravas', 2)] }),
      order(4, { status: 'ready', items: [item('croq', 'Croquetas', 10)] }),
      order(5, { status: 'cancelled', items: [item('croq', 'Croquetas', 10)] }),
    ];
    expect(allDayCounts(list)).toEqual([
      { itemId: 'croq', name: 'Croquetas', quantity: 5 },
      { itemId: 'agua', name: 'Agua', quantity: 2 },
      { itemId: 'bravas', name: 'Bravas', quantity: 2 },
    ]);
  });

  it('is empty with nothing to cook', () => {
    expect(allDayCounts([order(1, { status: 'ready' })])).toEqual([]);
  });

  it('counts a dish with options per choice, whatever order the choices were written in', () => {
    const grande = { groupId: 'size', choiceId: 'grande', name: 'Grande', price: 2600 };
    const chica = { groupId: 'size', choiceId: 'chica', name: 'Chica', price: 0 };
    const queso = { groupId: 'extras', choiceId: 'queso', name: 'Extra queso', price: 800 };
    const muzza = (quantity: number, options: (typeof grande)[]) => ({ ...item('muzza', 'Muzzarella', quantity), options });
    const list = [
      order(1, { items: [muzza(2, [grande, queso]), muzza(1, [chica])] }),
      order(2, { status: 'preparing', items: [muzza(1, [queso, grande]), muzza(1, [grande]), item('muzza', 'Muzzarella', 1)] }),
    ];
    expect(allDayCounts(list)).toEqual([
      { itemId: 'muzza', name: 'Muzzarella', quantity: 3, choices: 'Extra queso · Grande' },
      { itemId: 'muzza', name: 'Muzzarella', quantity: 1 },
      { itemId: 'muzza', name: 'Muzzarella', quantity: 1, choices: 'Chica' },
      { itemId: 'muzza', name: 'Muzzarella', quantity: 1, choices: 'Grande' },
    ]);
  });
});

describe('average preparation time', () => {
  it('is null when no order reached ready', () => {
    expect(averagePrepMinutes([])).toBeNull();
    expect(averagePrepMinutes([order(1), order(2, { status: 'preparing', events: [{ at: at(5), from: 'accepted', to: 'preparing', by: 'kds' }] })])).toBeNull();
    expect(formatMinutes(null)).toBe('—');
  });

  it('averages arrival → ready over orders that got there', () => {
    const a = makeOrder(1, at(0), { status: 'completed', events: [{ at: at(10), from: 'preparing', to: 'ready', by: 'kds' }, { at: at(12), from: 'ready', to: 'completed', by: 'kds' }] });
    const b = makeOrder(2, at(0), { status: 'ready', events: [{ at: at(20), from: 'accepted', to: 'ready', by: 'kds' }] });
    expect(averagePrepMinutes([a, b, order(3)])).toBe(15);
    expect(formatMinutes(15.5)).toBe('15:30');
  });

  it('forgets a ready that was undone, counts the later one, and ignores recalls', () => {
    const undone = makeOrder(1, at(0), {
      status: 'ready',
      events: [
        { at: at(4), from: 'preparing', to: 'ready', by: 'kds' },
        { at: at(4.05), from: 'ready', to: 'preparing', by: 'kds', reason: 'undo', undo: true },
        { at: at(9), from: 'preparing', to: 'ready', by: 'kds' },
        { at: at(11), from: 'ready', to: 'completed', by: 'kds' },
        { at: at(30), from: 'completed', to: 'ready', by: 'kds' },
      ],
    });
    expect(readyAt(undone)).toBe(at(9));
    const onlyUndone = makeOrder(2, at(0), {
      status: 'preparing',
      events: [
        { at: at(4), from: 'preparing', to: 'ready', by: 'kds' },
        { at: at(4.05), from: 'ready', to: 'preparing', by: 'kds', undo: true },
      ],
    });
    expect(readyAt(onlyUndone)).toBeUndefined();
    expect(averagePrepMinutes([undone, onlyUndone])).toBe(9);
  });
});

describe('history search', () => {
  const list = [
    order(1, { customer: { phone: '34611222333', name: 'José Ñúñez' } }),
    order(2, { status: 'completed', items: [item('p', 'Pizza Margarita', 1)] }),
    order(12, { status: 'cancelled', customer: { phone: '34699', name: 'Ana' } }),
  ];

  it('lists everything newest first when empty', () => {
    expect(historyOrders(list, '').map((o) => o.number)).toEqual([12, 2, 1]);
    expect(historyOrders(list, '   ').map((o) => o.number)).toEqual([12, 2, 1]);
  });

  it('finds by name and dish without caring for accents or case', () => {
    expect(historyOrders(list, 'jose nunez').map((o) => o.number)).toEqual([1]);
    expect(historyOrders(list, 'ÑÚÑEZ').map((o) => o.number)).toEqual([1]);
    expect(historyOrders(list, 'margarita').map((o) => o.number)).toEqual([2]);
  });

  it('finds by number and phone', () => {
    expect(historyOrders(list, '#2').map((o) => o.number)).toEqual([2]);
    expect(historyOrders(list, '12').map((o) => o.number)).toEqual([12]);
    expect(historyOrders(list, '611 222').map((o) => o.number)).toEqual([1]);
    expect(historyOrders(list, '+34611222333').map((o) => o.number)).toEqual([1]);
  });

  it('finds nothing for an unknown word', () => {
    expect(historyOrders(list, 'paella')).toEqual([]);
  });
});

describe('recall and ETA', () => {
  it('recalls the order completed most recently, whenever it was created', () => {
    const older = order(1, { status: 'completed', events: [{ at: at(50), from: 'ready', to: 'completed', by: 'kds' }] });
    const newer = order(2, { status: 'completed', events: [{ at: at(40), from: 'ready', to: 'completed', by: 'kds' }] });
    expect(lastCompleted([older, newer, order(3)])?.number).toBe(1);
    expect(lastCompleted([order(3)])).toBeUndefined();
  });

  it('promises the ETA from the moment of acceptance', () => {
    const o = makeOrder(1, at(0), { status: 'accepted', etaMinutes: 20, events: [{ at: at(3), from: 'new', to: 'accepted', by: 'kds' }] });
    expect(etaDueAt(o)).toBe(T0 + 23 * 60_000);
    expect(etaDueAt(makeOrder(2, at(0)))).toBeUndefined();
  });
});
