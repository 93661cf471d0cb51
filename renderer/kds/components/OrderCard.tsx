import { memo } from 'react';
import { formatMoney, nextStatus, type Order } from '../../../shared/order.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { formatElapsed, timerLevel } from '../state/kds-selectors.ts';

export interface CardActions {
  advance(order: Order): void;
  accept(order: Order): void;
  reject(order: Order): void;
  acknowledge(order: Order): void;
  select(order: Order): void;
}

interface Props {
  order: Order;
  index: number;
  /** Elapsed seconds, rounded, so a card re-renders once a second and not on every state change. */
  elapsedSeconds: number;
  selected: boolean;
  amberAfterMinutes: number;
  redAfterMinutes: number;
  locale: 'es' | 'en';
  t: UiStrings;
  actions: CardActions;
}

function OrderCardView({ order, index, elapsedSeconds, selected, amberAfterMinutes, redAfterMinutes, locale, t, actions }: Props) {
  const level = timerLevel(elapsedSeconds * 1000, amberAfterMinutes, redAfterMinutes);
  const alarming = order.status === 'new' && !order.acknowledged;
  const next = nextStatus(order.status);
  const failed = order.notifications.filter((n) => n.state === 'failed');
  const classes = ['card', `card--${order.status}`, `timer--${level}`, alarming ? 'card--alarm' : '', selected ? 'card--selected' : ''].join(' ');
  return (
    <article
      className={classes}
      data-testid="order-card"
      data-order-id={order.id}
      data-status={order.status}
      onClick={() => {
        actions.select(order);
        if (alarming) actions.acknowledge(order);
      }}
    >
      <header className="card__head">
        <span className="card__index">{index < 9 ? index + 1 : ''}</span>
        <span className="card__number">#{order.number}</span>
        <span className={`card__timer card__timer--${level}`} data-testid="timer">
          {formatElapsed(elapsedSeconds * 1000)}
        </span>
      </header>
      <div className="card__customer">
        <span className="card__name" dir="auto">
          {order.customer.name}
        </span>
        <span className={`badge badge--${order.fulfilment}`}>{order.fulfilment === 'delivery' ? t.delivery : t.pickup}</span>
        {order.payment && <span className="badge badge--pay">{t.payment[order.payment]}</span>}
      </div>
      {order.address && (
        <div className="card__address" dir="auto">
          📍 {order.address}
        </div>
      )}
      <ul className="card__items">
        {order.items.map((item, i) => (
          <li key={i}>
            <span className="qty">{item.quantity} ×</span> <span dir="auto">{item.name}</span>
            {item.note && (
              <div className="note" dir="auto">
                ⚠ {item.note}
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="card__meta">
        <span className="status">{t.status[order.status]}</span>
        {order.etaMinutes !== undefined && order.status !== 'new' && (
          <span className="eta">
            {t.eta} {order.etaMinutes} {t.minutes}
          </span>
        )}
        <span className="total">{formatMoney(order.total, order.currency, locale)}</span>
      </div>
      {failed.map((n) => (
        <div key={n.key} className="card__failed" role="alert">
          ⚠ {t.notifyFailed}: {n.error ?? n.kind}
        </div>
      ))}
      <footer className="card__actions" onClick={(e) => e.stopPropagation()}>
        {order.status === 'new' ? (
          <>
            <button className="btn btn--go" data-testid="accept" onClick={() => actions.accept(order)}>
              {t.accept}
            </button>
            <button className="btn btn--stop" data-testid="reject" onClick={() => actions.reject(order)}>
              {t.reject}
            </button>
          </>
        ) : (
          <>
            {next && (
              <button className="btn btn--go" data-testid="advance" onClick={() => actions.advance(order)}>
                {t.advance[order.status] ?? t.status[next]}
              </button>
            )}
            <button className="btn btn--stop btn--small" data-testid="cancel" onClick={() => actions.reject(order)}>
              ✕
            </button>
          </>
        )}
      </footer>
    </article>
  );
}

export const OrderCard = memo(OrderCardView);
