import { describe, expect, it } from 'vitest';
import type { KdsSnapshot, SimMessage } from '../../shared/kds-api.ts';
import { boardReducer, emptyBoard, type BoardState } from '../../renderer/src/state/board.ts';
import { openOrders } from '../../renderer/src/state/selectors.ts';
import { makeOrder } from './fixtures.ts';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function snapshot(over: Partial<KdsSnapshot> = {}): KdsSnapshot {
  return {
    orders: [makeOrder(1, at(1)), makeOrder(2, at(2))],
    whatsapp: { state: 'connected', since: at(0), engine: 'simulator' },
    handoffs: [],
    settings: { locale: 'en', amberAfterMinutes: 3, redAfterMinutes: 6, etaChoices: [15, 25], undoSeconds: 8 },
    menu: { restaurant: 'Casa Pepe', currency: 'EUR', locale: 'es-ES' },
    version: '1',
    pause: { paused: false },
    serverTime: at(3),
    ...over,
  };
}

const loaded = (): BoardState => boardReducer(emptyBoard, { type: 'snapshot', snapshot: snapshot() });

describe('board reducer', () => {
  it('takes everything from a snapshot', () => {
    const s = loaded();
    expect(s.loaded).toBe(true);
    expect(s.restaurant).toBe('Casa Pepe');
    expect(s.settings).toMatchObject({ locale: 'en', amberAfterMinutes: 3, etaChoices: [15, 25], undoSeconds: 8 });
    expect([...s.orders.keys()]).toEqual(['o1', 'o2']);
    expect(s.whatsapp?.state).toBe('connected');
  });

  it('upserts orders by id from events and keeps the board oldest first', () => {
    let s = loaded();
    s = boardReducer(s, { type: 'event', event: { type: 'order', order: makeOrder(3, at(0.5)) } });
    s = boardReducer(s, { type: 'event', event: { type: 'order', order: makeOrder(2, at(2), { status: 'accepted', updatedAt: at(4) }) } });
    expect(s.orders.size).toBe(3);
    expect(s.orders.get('o2')?.status).toBe('accepted');
    expect(openOrders(s.orders.values()).map((o) => o.number)).toEqual([3, 1, 2]);
  });

  it('takes closed orders off the board but keeps them for the history', () => {
    let s = loaded();
    s = boardReducer(s, { type: 'event', event: { type: 'order', order: makeOrder(1, at(1), { status: 'completed', updatedAt: at(9) }) } });
    expect(openOrders(s.orders.values()).map((o) => o.number)).toEqual([2]);
    expect(s.orders.get('o1')?.status).toBe('completed');
  });

  it('never steps back to an older version of an order', () => {
    let s = boardReducer(loaded(), { type: 'order', order: makeOrder(1, at(1), { status: 'ready', updatedAt: at(8) }) });
    s = boardReducer(s, { type: 'event', event: { type: 'order', order: makeOrder(1, at(1), { status: 'preparing', updatedAt: at(6) }) } });
    expect(s.orders.get('o1')?.status).toBe('ready');
  });

  it('keeps the same objects when nothing changed, so memoized cards do not redraw', () => {
    const s = loaded();
    const same = boardReducer(s, { type: 'event', event: { type: 'order', order: makeOrder(1, at(1)) } });
    expect(same).toBe(s);
    const reloaded = boardReducer(s, { type: 'snapshot', snapshot: snapshot({ orders: [makeOrder(1, at(1)), makeOrder(2, at(2), { acknowledged: true, updatedAt: at(5) })] }) });
    expect(reloaded.orders.get('o1')).toBe(s.orders.get('o1'));
    expect(reloaded.orders.get('o2')).not.toBe(s.orders.get('o2'));
  });

  it('a snapshot after a reconnection replaces what was missed', () => {
    let s = loaded();
    s = boardReducer(s, { type: 'snapshot', snapshot: snapshot({ orders: [makeOrder(2, at(2)), makeOrder(5, at(5))], handoffs: [{ phone: '1', name: 'A', since: at(1) }] }) });
    expect([...s.orders.keys()]).toEqual(['o2', 'o5']);
    expect(s.handoffs).toHaveLength(1);
  });

  it('replaces the WhatsApp status and the handoff list from events', () => {
    let s = loaded();
    s = boardReducer(s, { type: 'event', event: { type: 'whatsapp', status: { state: 'offline', since: at(6), engine: 'simulator' } } });
    expect(s.whatsapp?.state).toBe('offline');
    s = boardReducer(s, { type: 'event', event: { type: 'handoffs', handoffs: [{ phone: '1', name: 'A', since: at(7) }, { phone: '2', name: 'B', since: at(8) }] } });
    expect(s.handoffs.map((h) => h.phone)).toEqual(['1', '2']);
    s = boardReducer(s, { type: 'event', event: { type: 'handoffs', handoffs: [] } });
    expect(s.handoffs).toEqual([]);
  });

  it('appends simulator messages to the open chat only, once each', () => {
    const msg = (phone: string, body: string, min: number, direction: SimMessage['direction'] = 'in'): SimMessage => ({ direction, phone, body, at: at(min) });
    let s = loaded();
    s = boardReducer(s, { type: 'event', event: { type: 'sim', message: msg('111', 'ignored, no chat open', 1) } });
    expect(s.sim).toBeNull();
    s = boardReducer(s, { type: 'sim-open', phone: '111', messages: [] });
    // A message arrives before the history does: it survives the history.
    s = boardReducer(s, { type: 'event', event: { type: 'sim', message: msg('111', 'hola', 2) } });
    s = boardReducer(s, { type: 'sim-open', phone: '111', messages: [msg('111', 'antes', 1), msg('111', 'hola', 2)] });
    expect(s.sim?.messages.map((m) => m.body)).toEqual(['antes', 'hola']);
    s = boardReducer(s, { type: 'event', event: { type: 'sim', message: msg('111', '¡Hola!', 3, 'out') } });
    s = boardReducer(s, { type: 'event', event: { type: 'sim', message: msg('111', '¡Hola!', 3, 'out') } });
    s = boardReducer(s, { type: 'event', event: { type: 'sim', message: msg('222', 'other customer', 3) } });
    expect(s.sim?.messages.map((m) => m.body)).toEqual(['antes', 'hola', '¡Hola!']);
  });
});
