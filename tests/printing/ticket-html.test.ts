// The HTML ticket (PC printers in the desktop app) rendered in Chromium: a screenshot of each copy
// under test-results/ for a person to look at, and checks that nothing runs off the paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { REPO_ROOT } from '../support/headless-process.ts';
import { ticketHtml } from '../../electron/printing/ticket-html.ts';
import { kitchenTicket, receiptTicket } from '../../electron/printing/ticket-layout.ts';
import type { TicketDocument } from '../../electron/printing/ticket-document.ts';
import { hugeOrder, sampleOrder } from './order-fixtures.ts';

const RESULTS = join(REPO_ROOT, 'test-results');
const ctx = { locale: 'es' as const, moneyLocale: 'es-ES', timezone: 'Europe/Madrid', restaurant: 'Casa Pepe' };

describe('HTML ticket in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser.close();
  });

  async function render(doc: TicketDocument, width: 58 | 80, file: string) {
    const page = await browser.newPage({ viewport: { width: width === 58 ? 240 : 320, height: 400 }, deviceScaleFactor: 2 });
    await page.setContent(ticketHtml(doc, width));
    const layout = await page.evaluate(() => ({
      overflow: [...document.querySelectorAll('p, .row')].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
      bodyWidth: document.body.getBoundingClientRect().width,
      text: document.body.innerText.replace(/\u00a0/g, ' '),
    }));
    await page.screenshot({ path: join(RESULTS, file), fullPage: true });
    await page.close();
    return layout;
  }

  it('kitchen ticket (80 mm): number, notes white on black, no prices', async () => {
    const layout = await render(kitchenTicket(sampleOrder(), ctx), 80, 'ticket-kitchen-80mm.png');
    expect(layout.overflow).toBe(0);
    expect(layout.text).toContain('#42');
    expect(layout.text).toContain('NOTA: sin albahaca, alérgica');
    expect(layout.text).not.toContain('€');
  });

  it('receipt (58 mm): amounts, delivery details, footer', async () => {
    const layout = await render(receiptTicket(sampleOrder(), { ...ctx, logoText: 'CASA PEPE', footer: '¡Gracias por tu pedido!' }), 58, 'ticket-receipt-58mm.png');
    expect(layout.overflow).toBe(0);
    for (const piece of ['Pedido #42', '23,00 €', 'TOTAL', '31,50 €', 'Pago: Efectivo', 'Calle Mayor 1, 2ºB', '¡Gracias por tu pedido!']) expect(layout.text).toContain(piece);
  });

  it('a 60-line order with a 500-character note wraps inside the paper', async () => {
    const order = hugeOrder();
    const layout = await render(kitchenTicket(order, ctx), 58, 'ticket-kitchen-huge-58mm.png');
    expect(layout.overflow).toBe(0);
    expect(layout.text).toContain('Plato número 60');
    expect(layout.text.replace(/\s+/g, ' ')).toContain(order.orderNote!.slice(-60));
  });
});
