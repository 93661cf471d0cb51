// The screen's state: the host's snapshot, kept current by events. Pure.
import type { Handoff, KdsEvent, KdsSnapshot, SimMessage } from '../../../shared/kds-api.ts';
import type { Order } from '../../../shared/order.ts';
import type { WhatsAppStatus } from '../../../shared/whatsapp-status.ts';

export interface BoardState {
  snapshot: KdsSnapshot | null;
  /** Every order known today, by id. */
  orders: Map<string, Order>;
  whatsapp: WhatsAppStatus | null;
  handoffs: Handoff[];
  simMessages: SimMessage[];
}

export const emptyBoard: BoardState = { snapshot: null, orders: new Map(), whatsapp: null, handoffs: [], simMessages: [] };

export type BoardAction = { type: 'snapshot'; snapshot: KdsSnapshot } | { type: 'event'; event: KdsEvent } | { type: 'sim-history'; messages: SimMessage[] };

const MAX_SIM_MESSAGES = 500;

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'snapshot':
      return {
        ...state,
        snapshot: action.snapshot,
        orders: new Map(action.snapshot.orders.map((o) => [o.id, o])),
        whatsapp: action.snapshot.whatsapp,
        handoffs: action.snapshot.handoffs,
      };
    case 'sim-history':
      return { ...state, simMessages: action.messages.slice(-MAX_SIM_MESSAGES) };
    case 'event': {
      const event = action.event;
      switch (event.type) {
        case 'order': {
          const current = state.orders.get(event.order.id);
          // Events can cross a snapshot in flight: never go back to an older version.
          if (current && current.updatedAt > event.order.updatedAt) return state;
          const orders = new Map(state.orders);
          orders.set(event.order.id, event.order);
          return { ...state, orders };
        }
        case 'whatsapp':
          return { ...state, whatsapp: event.status };
        case 'handoffs':
          return { ...state, handoffs: event.handoffs };
        case 'sim':
          return { ...state, simMessages: [...state.simMessages, event.message].slice(-MAX_SIM_MESSAGES) };
        default:
          return state;
      }
    }
  }
}
