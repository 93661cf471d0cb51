// The screen's state: the host's snapshot, kept current by events. Pure.
import type { Handoff, KdsEvent, KdsSettings, KdsSnapshot, SimMessage } from '../../../shared/kds-api.ts';
import type { Order } from '../../../shared/order.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';
import type { Menu } from '../../../shared/menu.ts';
import type { OrdersPause } from '../../../shared/owner-api.ts';

export interface BoardState {
  loaded: boolean;
  restaurant: string;
  currency: string;
  settings: KdsSettings;
  /** Every order known today (open and closed), by id. */
  orders: ReadonlyMap<string, Order>;
  whatsapp: WhatsAppStatus | null;
  handoffs: Handoff[];
  /** The simulator chat on screen: one phone at a time. */
  sim: { phone: string; messages: SimMessage[] } | null;
  /** The whole menu (sold-out marks, the owner's editor); null until read. */
  menu: Menu | null;
  /** New orders paused (a rush). */
  pause: OrdersPause;
}

export const DEFAULT_SETTINGS: KdsSettings = {
  locale: 'es',
  amberAfterMinutes: 5,
  redAfterMinutes: 10,
  etaChoices: [10, 20, 30],
  undoSeconds: 5,
};

export const emptyBoard: BoardState = {
  loaded: false,
  restaurant: 'Comanda',
  currency: 'EUR',
  settings: DEFAULT_SETTINGS,
  orders: new Map(),
  whatsapp: null,
  handoffs: [],
  sim: null,
  menu: null,
  pause: { paused: false },
};

export type BoardAction =
  | { type: 'snapshot'; snapshot: KdsSnapshot }
  | { type: 'event'; event: KdsEvent }
  /** The server's answer to a call (transition, undo…): the same as an 'order' event. */
  | { type: 'order'; order: Order }
  | { type: 'sim-open'; phone: string; messages: SimMessage[] }
  /** The host's answer to getMenu / saveMenu / setItemAvailability. */
  | { type: 'menu'; menu: Menu }
  | { type: 'pause'; pause: OrdersPause };

const MAX_SIM_MESSAGES = 500;

function sameMessage(a: SimMessage, b: SimMessage): boolean {
  return a.at === b.at && a.direction === b.direction && a.body === b.body && a.phone === b.phone;
}

function upsert(state: BoardState, order: Order): BoardState {
  const current = state.orders.get(order.id);
  // An event and a snapshot (or a call's answer) can cross: never step back to an older version.
  if (current && current.updatedAt > order.updatedAt) return state;
  // The same version again (an event after the call's own answer): keep the object, no redraw.
  if (current && current.updatedAt === order.updatedAt && JSON.stringify(current) === JSON.stringify(order)) return state;
  const orders = new Map(state.orders);
  orders.set(order.id, order);
  return { ...state, orders };
}

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'snapshot': {
      const s = action.snapshot;
      return {
        ...state,
        loaded: true,
        restaurant: s.menu.restaurant,
        currency: s.menu.currency,
        settings: { ...DEFAULT_SETTINGS, ...s.settings },
        // Keep unchanged orders as the same objects: 150 cards should not all redraw on a reload.
        orders: new Map(
          s.orders.map((o) => {
            const current = state.orders.get(o.id);
            return [o.id, current && JSON.stringify(current) === JSON.stringify(o) ? current : o];
          }),
        ),
        whatsapp: s.whatsapp,
        handoffs: s.handoffs,
        pause: s.pause ?? state.pause,
      };
    }
    case 'order':
      return upsert(state, action.order);
    case 'menu':
      return { ...state, menu: action.menu, restaurant: action.menu.restaurant, currency: action.menu.currency };
    case 'pause':
      return { ...state, pause: action.pause };
    case 'sim-open': {
      // Messages that arrived while the history was on its way are kept.
      const pending = state.sim?.phone === action.phone ? state.sim.messages.filter((m) => !action.messages.some((h) => sameMessage(h, m))) : [];
      return { ...state, sim: { phone: action.phone, messages: [...action.messages, ...pending].slice(-MAX_SIM_MESSAGES) } };
    }
    case 'event': {
      const event = action.event;
      switch (event.type) {
        case 'order':
          return upsert(state, event.order);
        case 'whatsapp':
          return { ...state, whatsapp: event.status };
        case 'handoffs':
          return { ...state, handoffs: event.handoffs };
        case 'menu':
          return { ...state, menu: event.menu, restaurant: event.menu.restaurant, currency: event.menu.currency };
        case 'pause':
          return { ...state, pause: event.pause };
        case 'settings': {
          // The owner changed the kitchen's settings on some screen: every screen follows.
          const { locale, amberAfterMinutes, redAfterMinutes, etaChoices, undoSeconds } = event.settings;
          return { ...state, settings: { ...state.settings, ...(locale ? { locale } : {}), amberAfterMinutes, redAfterMinutes, etaChoices, undoSeconds } };
        }
        case 'sim': {
          const sim = state.sim;
          if (!sim || sim.phone !== event.message.phone) return state;
          if (sim.messages.some((m) => sameMessage(m, event.message))) return state;
          return { ...state, sim: { phone: sim.phone, messages: [...sim.messages, event.message].slice(-MAX_SIM_MESSAGES) } };
        }
        default:
          return state;
      }
    }
  }
}
