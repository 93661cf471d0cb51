// The kitchen card and the history row show the time the customer asked for ("⏰ 21:30") and the
// note for the whole order, as text (never as markup).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UI_STRINGS } from '../../shared/i18n.ts';
import type { Order } from '../../shared/order.ts';
import { OrderCard, type CardActions } from '../../renderer/src/components/OrderCard.tsx';
import { HistoryPanel } from '../../renderer/src/components/HistoryPanel.tsx';
import { makeOrder, XSS_NAME } from './fixtures.ts';

const CREATED = '2026-11-20T12:00:00.000Z';
const noop: CardActions = { select() {}, accept() {}, advance() {}, stop() {}, reprint: async () => true };

function card(order: Order, locale: 'es' | 'en' = 'es'): string {
  return renderToStaticMarkup(
    createElement(OrderCard, { order, index: 0, selected: false, amberAfterMinutes: 5, redAfterMinutes: 10, locale, t: UI_STRINGS[locale], actions: noop }),
  );
}

/** The inner text of the element carrying `data-testid`, tags stripped (entities kept). */
function textOf(html: string, testId: string): string | null {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return null;
  const open = html.indexOf('>', at);
  const tag = /<(\w+)/.exec(html.slice(html.lastIndexOf('<', at)))?.[1] ?? 'span';
  const close = html.indexOf(`</${tag}>`, open);
  return html.slice(open + 1, close).replace(/<[^>]+>/g, '').replace(/<!-- -->/g, '');
}

describe('order card: requested time and order note', () => {
  it('shows a clear "⏰ 21:30" badge with the spoken label, in both languages', () => {
    const order = makeOrder(7, CREATED, { requestedTime: '21:30' });
    const es = card(order, 'es');
    expect(textOf(es, 'requested-time')).toBe('⏰ 21:30');
    expect(es).toContain('aria-label="Para las 21:30"');
    expect(es).toContain('badge--time');
    expect(card(order, 'en')).toContain('aria-label="For 21:30"');
  });

  it('shows the order note line, escaped as text', () => {
    const es = card(makeOrder(8, CREATED, { orderNote: 'Llamad al timbre 2' }));
    expect(textOf(es, 'order-note')).toBe('📝 Llamad al timbre 2');
    const hostile = card(makeOrder(9, CREATED, { orderNote: XSS_NAME }));
    expect(hostile).not.toContain('<script>');
    expect(hostile).not.toContain('<img');
    expect(textOf(hostile, 'order-note')).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
  });

  it('an order without them has neither badge nor note line', () => {
    const html = card(makeOrder(10, CREATED));
    expect(html).not.toContain('data-testid="requested-time"');
    expect(html).not.toContain('data-testid="order-note"');
    expect(html).not.toContain('⏰');
  });

  it('the history row shows the time and the note', () => {
    const orders = [makeOrder(11, CREATED, { status: 'completed', requestedTime: '14:00', orderNote: 'Es para un cumpleaños' }), makeOrder(12, CREATED, { status: 'completed' })];
    const html = renderToStaticMarkup(createElement(HistoryPanel, { orders, t: UI_STRINGS.es, locale: 'es', onRecall() {}, onReprint: async () => true }));
    expect(textOf(html, 'history-requested-time')).toBe(' · ⏰ Para las 14:00');
    expect(textOf(html, 'history-order-note')).toBe('📝 Es para un cumpleaños');
    expect(html.match(/data-testid="history-requested-time"/g)).toHaveLength(1);
  });
});
