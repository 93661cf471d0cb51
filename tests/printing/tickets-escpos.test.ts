// The kitchen ticket and the receipt, laid out and encoded to ESC/POS, read back byte by byte.
import { describe, expect, it } from 'vitest';
import { encodeEscPos } from '../../electron/printing/escpos-encoder.ts';
import { kitchenTicket, receiptTicket, testPage, type TicketContext } from '../../electron/printing/ticket-layout.ts';
import { printerSchema } from '../../shared/settings.ts';
import { joinedText, readEscPos } from '../support/escpos-reader.ts';
import { hugeOrder, sampleOrder } from './order-fixtures.ts';

const ctx: TicketContext = { locale: 'es', moneyLocale: 'es-ES', timezone: 'Europe/Madrid', restaurant: 'Casa Pepe' };
const printer80 = { width: 80 as const, copies: 1, beep: false, openDrawer: false };

describe('kitchen ticket in ESC/POS', () => {
  const reading = readEscPos(encodeEscPos(kitchenTicket(sampleOrder(), ctx), printer80));
  const text = joinedText(reading);

  it('selects CP858 and prints accents, ñ and º as themselves', () => {
    expect(reading.codepages).toEqual([19]);
    expect(text).toContain('Begoña Núñez');
    expect(text).toContain('Llamad al timbre 2, el niño duerme');
    expect(text).not.toContain('\ufffd');
  });

  it('says what the kitchen needs and no prices', () => {
    expect(text).toContain('#42');
    expect(text).toContain('A DOMICILIO');
    expect(text).toContain('Para las 21:45');
    expect(text).toContain('2 x Pizza margarita');
    expect(text).toContain('+ Grande, Extra queso');
    expect(text).toContain('NOTA: sin albahaca, alérgica');
    expect(text).toContain('NOTA DEL PEDIDO: Llamad al timbre 2, el niño duerme');
    expect(text).toContain('Aceptado 21:06'); // 20:06 UTC in Madrid (UTC+1 in March)
    expect(text).toContain('Listo en 25 min (hacia las 21:31)');
    expect(text).not.toMatch(/€|11,50|31,50/);
  });

  it('prints the notes white on black and ends with one cut', () => {
    expect(reading.inverted.join(' ')).toContain('sin albahaca');
    expect(reading.inverted.join(' ')).toContain('el niño duerme');
    expect(reading.cuts).toBe(1);
    expect(reading.beeps).toBe(0);
  });
});

describe('receipt in ESC/POS', () => {
  it('has every amount in euros, the delivery details and the footer', () => {
    const doc = receiptTicket(sampleOrder(), { ...ctx, logoText: 'CASA PEPE', footer: '¡Gracias por tu pedido!' });
    const reading = readEscPos(encodeEscPos(doc, { width: 58, copies: 2, beep: true, openDrawer: true }));
    const text = joinedText(reading);
    expect(reading.codepages).toEqual([19]);
    for (const piece of ['CASA PEPE', 'Pedido #42', '14/03/2026', '2 x Pizza margarita', '23,00 €', '3 x Caña', '6,00 €', 'Envío', '2,50 €', 'TOTAL', '31,50 €', 'Pago: Efectivo', 'Dirección: Calle Mayor 1, 2ºB', 'Teléfono: +34600111222', '¡Gracias por tu pedido!']) {
      expect(text).toContain(piece);
    }
    // Two copies, each cut; then the beep and the drawer kick once.
    expect(reading.cuts).toBe(2);
    expect(reading.beeps).toBe(1);
    expect(reading.drawerPulses).toBe(1);
    // 58 mm paper: nothing wider than 32 characters.
    expect(Math.max(...reading.lines.map((l) => l.length))).toBeLessThanOrEqual(32);
  });
});

describe('a 60-line order with a 500-character note', () => {
  for (const width of [58, 80] as const) {
    it(`wraps on ${width} mm paper and loses nothing`, () => {
      const order = hugeOrder();
      const columns = width === 58 ? 32 : 48;
      const kitchen = readEscPos(encodeEscPos(kitchenTicket(order, ctx), { ...printer80, width }));
      expect(Math.max(...kitchen.lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
      const text = joinedText(kitchen);
      for (const item of order.items) expect(text).toContain(`${item.quantity} x ${item.name}`.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' '));
      // Every word of the note is printed whole, in order.
      const printedNote = kitchen.inverted.join(' ').replace(/\s+/g, ' ');
      const noteWords = order.orderNote!.split(' ');
      let from = 0;
      for (const word of noteWords) {
        const at = printedNote.indexOf(word, from);
        expect(at, `note word "${word}"`).toBeGreaterThanOrEqual(0);
        from = at + word.length;
      }
      const receipt = joinedText(readEscPos(encodeEscPos(receiptTicket(order, ctx), { ...printer80, width })));
      expect(receipt).toContain('Plato número 60');
      expect(receipt).toContain('TOTAL');
    });
  }

  it('breaks a word longer than the line instead of cutting it', () => {
    const order = sampleOrder({ orderNote: 'https://maps.example.org/' + 'x'.repeat(120) });
    const reading = readEscPos(encodeEscPos(kitchenTicket(order, ctx), { ...printer80, width: 58 }));
    expect(reading.inverted.join('').replace(/\s/g, '')).toContain('x'.repeat(120));
  });
});

describe('test page', () => {
  it('shows the printer and the accents', () => {
    const printer = printerSchema.parse({ id: 'cocina', name: 'Cocina', host: '127.0.0.1' });
    const text = joinedText(readEscPos(encodeEscPos(testPage(printer, { ...ctx, now: Date.UTC(2026, 2, 14, 12) }), printer)));
    expect(text).toContain('PÁGINA DE PRUEBA');
    expect(text).toContain('Impresora: Cocina');
    expect(text).toContain('áéíóú ÁÉÍÓÚ ñÑ üÜ ¿? ¡! €');
  });
});
