import { describe, expect, it } from 'vitest';
import { detectIntents } from '../../electron/bot/understanding/intents.ts';
import { menuIndex, scanOrder } from '../../electron/bot/understanding/mentions.ts';
import { sameWord } from '../../electron/bot/understanding/text-tokens.ts';
import { nearWord, typoDistance as editDistance } from '../../electron/bot/understanding/typos.ts';
import { sampleMenu } from './bot-harness.ts';

const menu = sampleMenu();
function scan(text: string, cart: string[] = []) {
  const it = detectIntents(text);
  return scanOrder(text, it.folded, it.rest, menuIndex(menu), { cartItemIds: new Set(cart) });
}

describe('words', () => {
  it('plural and accent-insensitive equality, one-typo nearness on long words', () => {
    expect(sameWord('clasicas', 'clasica')).toBe(true);
    expect(sameWord('limones', 'limon')).toBe(true);
    expect(sameWord('dobles', 'doble')).toBe(true);
    expect(sameWord('pollo', 'bollo')).toBe(false);
    expect(nearWord('hamburgesa', 'hamburguesa')).toBe(true);
    expect(nearWord('croqetas', 'croquetas')).toBe(true);
    expect(nearWord('coca', 'cola')).toBe(false);
    expect(editDistance('abcd', 'abdc')).toBe(1);
  });
});

describe('scanOrder', () => {
  it('finds quantities, dishes and notes', () => {
    const r = scan('quiero 2 hamburguesas clásicas sin cebolla y una coca cola zero');
    expect(r.mentions.map((m) => [m.itemId, m.quantity, m.note])).toEqual([
      ['clasica', 2, 'sin cebolla'],
      ['coca-cola-zero', 1, null],
    ]);
  });

  it('ambiguous words become candidates, never a pick', () => {
    const r = scan('una hamburguesa');
    expect(r.mentions).toHaveLength(1);
    expect(r.mentions[0]?.itemId).toBeNull();
    expect(r.mentions[0]?.candidates).toEqual(['clasica', 'doble', 'pollo', 'vegana']);
  });

  it('"fanta de limón" is not silently a Fanta de naranja', () => {
    const r = scan('una fanta de limón');
    expect(r.mentions[0]?.itemId).toBeNull();
    expect(r.mentions[0]?.candidates).toEqual(['fanta-naranja']);
  });

  it('keeps the customer spelling of notes and unknown words', () => {
    const r = scan('una Clásica SIN Cebolla, 1 Kebab');
    expect(r.mentions[0]?.note).toBe('SIN Cebolla');
    expect(r.unknown).toEqual(['Kebab']);
  });

  it('modes: remove, set, "sin" for a dish in the cart', () => {
    expect(scan('quita la coca').mentions.map((m) => [m.mode, m.itemId])).toEqual([['remove', 'coca-cola']]);
    expect(scan('mejor 3 clasicas').mentions.map((m) => [m.mode, m.quantity])).toEqual([['set', 3]]);
    expect(scan('sin la coca', ['coca-cola']).mentions.map((m) => m.mode)).toEqual(['remove']);
    expect(scan('sin la coca', []).orphanNotes).toEqual([{ note: 'sin la coca', quantity: null }]);
  });
});

describe('intents', () => {
  it.each([
    ['paso a buscarlo', 'pickup'],
    ['para llevar', 'pickup'],
    ['en el local', 'pickup'],
    ['a casa porfa', 'delivery'],
    ['envío', 'delivery'],
    ['que me lo traigan', 'delivery'],
    ['delivery', 'delivery'],
  ] as const)('fulfilment "%s"', (text, f) => {
    expect(detectIntents(text).fulfilment).toBe(f);
  });

  it.each(['sí', 'si', 'Vale!', 'ok', 'okay', 'dale', 'confirmo', 'correcto', 'perfecto', 'de acuerdo', 'claro', '👍', 'yes'])('yes: "%s"', (text) => {
    expect(detectIntents(text).yes).toBe(true);
  });

  it('"no quiero la coca" is not a plain no', () => {
    expect(detectIntents('no').no).toBe(true);
    expect(detectIntents('no quiero la coca').no).toBe(false);
  });

  it('address after "a domicilio en", cut before the payment', () => {
    const i = detectIntents('a domicilio en Calle Mayor 5, 2ºB, pago con tarjeta');
    expect(i.address).toBe('Calle Mayor 5, 2ºB');
    expect(i.payment).toBe('card');
  });

  it('names, shown as given', () => {
    expect(detectIntents('a nombre de María José').name).toBe('María José');
    expect(detectIntents('me llamo Ñandú, para recoger').name).toBe('Ñandú');
  });
});
