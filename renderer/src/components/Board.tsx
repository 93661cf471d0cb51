// The grid of open orders, oldest first. Cards are memoized; only their timers tick.
import { memo } from 'react';
import type { Order } from '../../../shared/order.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { OrderCard, type CardActions } from './OrderCard.tsx';

interface Props {
  orders: Order[];
  loaded: boolean;
  selectedId: string | null;
  amberAfterMinutes: number;
  redAfterMinutes: number;
  locale: 'es' | 'en';
  t: UiStrings;
  actions: CardActions;
  soldOut?: ReadonlySet<string>;
  soldOutLabel?: string;
  /** Per order: its tickets waiting for a printer ("ticket pendiente — impresora Cocina sin conexión"). */
  ticketNotes?: ReadonlyMap<string, string>;
}

function BoardView({ orders, loaded, selectedId, amberAfterMinutes, redAfterMinutes, locale, t, actions, soldOut, soldOutLabel, ticketNotes }: Props) {
  return (
    <section className="board" data-testid="board">
      {!loaded && <p className="board__empty">{t.loading}</p>}
      {loaded && orders.length === 0 && <p className="board__empty">{t.noOrders}</p>}
      {orders.map((order, index) => (
        <OrderCard
          key={order.id}
          order={order}
          index={index}
          selected={order.id === selectedId}
          amberAfterMinutes={amberAfterMinutes}
          redAfterMinutes={redAfterMinutes}
          locale={locale}
          t={t}
          actions={actions}
          soldOut={soldOut}
          soldOutLabel={soldOutLabel}
          ticketPending={ticketNotes?.get(order.id)}
        />
      ))}
    </section>
  );
}

export const Board = memo(BoardView);
