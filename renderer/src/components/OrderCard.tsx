// One order on the board. Memoized: it redraws when its order, selection or language change; the
// timer inside redraws on its own from the shared ticker.
import { memo } from 'react';
import { formatMoney, nextStatus, type Order, type OrderItem } from '../../../shared/order.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { etaDueAt, failedNotices } from '../state/selectors.ts';
import { formatClock } from '../state/timer.ts';
import { CardTimer } from './CardTimer.tsx';
import { OWNER_STRINGS } from '../../../shared/i18n-owner.ts';
import { ReprintMenu } from './printing/ReprintMenu.tsx';
import type { PrintCopy } from '../../../shared/printing.ts';
import { ItemOptions } from './ItemOptions.tsx';
import { LocationLink } from './LocationLink.tsx';
import { MEDIA_STRINGS } from '../../../shared/i18n-media.ts';

export interface CardActions {
  /** Tap on the card: select it and stop its alarm. */
  select(order: Order): void;
  /** New order: choose an ETA. */
  accept(order: Order): void;
  /** One tap to the next state (new → the ETA dialog). */
  advance(order: Order): void;
  /** Reject (new) or cancel (accepted, preparing, ready): asks for a reason. */
  stop(order: Order): void;
  /** A tap on a dish's line: mark it sold out, or back (asks first). */
  stock?(item: OrderItem): void;
  /** Print the kitchen ticket or the receipt again; resolves true once queued. Without it, no reprint button. */
  reprint?(order: Order, copy: PrintCopy): Promise<boolean>;
}

interface Props {
  order: Order;
  index: number;
  selected: boolean;
  amberAfterMinutes: number;
  redAfterMinutes: number;
  locale: 'es' | 'en';
  t: UiStrings;
  actions: CardActions;
  /** Dishes sold out now: their lines say so. */
  soldOut?: ReadonlySet<string>;
  /** "Agotado" in the screen's language. */
  soldOutLabel?: string;
  /** Its tickets waiting for a printer, in words; undefined when none. */
  ticketPending?: string | undefined;
}

function OrderCardView({ order, index, selected, amberAfterMinutes, redAfterMinutes, locale, t, actions, soldOut, soldOutLabel, ticketPending }: Props) {
  const alarming = order.status === 'new' && !order.acknowledged;
  const next = nextStatus(order.status);
  const failed = failedNotices(order);
  const due = order.status !== 'new' ? etaDueAt(order) : undefined;
  const classes = ['card', `card--${order.status}`, alarming ? 'card--alarm' : '', selected ? 'card--selected' : ''].filter(Boolean).join(' ');
  return (
    <article
      className={classes}
      data-testid="order-card"
      data-order-id={order.id}
      data-status={order.status}
      aria-selected={selected}
      aria-label={t.selectCard(order.number)}
      onClick={() => actions.select(order)}
    >
      <header className="card__head">
        {index < 9 && <span className="card__key">{index + 1}</span>}
        <span className="card__number">#{order.number}</span>
        <CardTimer createdAt={order.createdAt} amberAfterMinutes={amberAfterMinutes} redAfterMinutes={redAfterMinutes} />
      </header>
      <div className="card__customer">
        <span className="card__name" dir="auto">
          {order.customer.name}
        </span>
        <span className={`badge badge--${order.fulfilment}`}>{order.fulfilment === 'delivery' ? `🛵 ${t.delivery}` : `🥡 ${t.pickup}`}</span>
        {order.payment && <span className="badge badge--pay">{t.payment[order.payment]}</span>}
        {order.requestedTime && (
          <span className="badge badge--time" data-testid="requested-time" title={t.requestedFor(order.requestedTime)} aria-label={t.requestedFor(order.requestedTime)}>
            ⏰ {order.requestedTime}
          </span>
        )}
      </div>
      {order.orderNote && (
        <div className="card__order-note" data-testid="order-note" dir="auto" title={t.orderNote}>
          📝 {order.orderNote}
        </div>
      )}
      {order.fulfilment === 'delivery' && order.address && (
        <div className="card__address" dir="auto">
          📍 {order.address}
        </div>
      )}
      {order.location && <LocationLink location={order.location} address={order.address} tm={MEDIA_STRINGS[locale]} />}
      <ul className="card__items">
        {order.items.map((item, i) => (
          <li key={`${item.itemId}:${i}`}>
            <button
              type="button"
              className="card__line"
              data-testid="card-line"
              data-item-id={item.itemId}
              disabled={!actions.stock}
              onClick={(e) => {
                e.stopPropagation();
                actions.stock?.(item);
              }}
            >
              <span className="card__qty">{item.quantity} ×</span>{' '}
              <span className="card__item" dir="auto">
                {item.name}
              </span>
              {soldOut?.has(item.itemId) && (
                <span className="badge badge--soldout" data-testid="line-sold-out">
                  {soldOutLabel}
                </span>
              )}
            </button>
            <ItemOptions options={item.options} />
            {item.note && (
              <div className="note" dir="auto">
                ⚠ {item.note}
              </div>
            )}
          </li>
        ))}
      </ul>
      {order.deliveryFee !== undefined && order.deliveryFee > 0 && (
        <div className="card__fee" data-testid="delivery-fee">
          🛵 {OWNER_STRINGS[locale].deliveryFee}: {formatMoney(order.deliveryFee, order.currency, locale)}
        </div>
      )}
      <div className="card__meta">
        <span className={`card__status card__status--${order.status}`} data-testid="status">
          {t.status[order.status]}
        </span>
        {due !== undefined && order.etaMinutes !== undefined && (
          <span className="card__eta" data-testid="eta">
            ⏱ {t.etaAt(formatClock(due, locale), order.etaMinutes)}
          </span>
        )}
        <span className="card__total">{formatMoney(order.total, order.currency, locale)}</span>
        {actions.reprint && <ReprintMenu compact locale={locale} onPrint={(copy) => actions.reprint!(order, copy)} />}
      </div>
      {failed.map((n) => (
        <div key={n.key} className="card__failed" role="alert" data-testid="notify-failed" dir="auto">
          ⚠ {t.notifyFailed}: {n.text}
        </div>
      ))}
      {ticketPending && (
        <div className="card__ticket" role="status" data-testid="ticket-pending" dir="auto">
          🖨 {ticketPending}
        </div>
      )}
      <footer className="card__actions" onClick={(e) => e.stopPropagation()}>
        {order.status === 'new' ? (
          <>
            <button type="button" className="btn btn--go btn--big" data-testid="accept" onClick={() => actions.accept(order)}>
              ✓ {t.accept}
            </button>
            <button type="button" className="btn btn--stop" data-testid="reject" onClick={() => actions.stop(order)}>
              {t.reject}
            </button>
          </>
        ) : (
          <>
            {next && (
              <button type="button" className={`btn btn--big btn--to-${next}`} data-testid="advance" onClick={() => actions.advance(order)}>
                {t.advance[order.status] ?? t.status[next]}
              </button>
            )}
            <button type="button" className="btn btn--stop" data-testid="cancel" onClick={() => actions.stop(order)}>
              {t.cancelShort}
            </button>
          </>
        )}
      </footer>
    </article>
  );
}

export const OrderCard = memo(OrderCardView);
