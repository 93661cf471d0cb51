// A time the customer wants the order for ("para las 21:30", "a las nueve y media de la noche",
// "sobre las 2"), checked against today's opening hours, and a note for the whole order ("es para
// un cumpleaños", "llamad al timbre 2"): both said back, shown in the summary and placed with the order.
import { describe, expect, it } from 'vitest';
import { Chat, menuFrom, plain, sampleMenu } from './bot-harness.ts';
import { readSpokenTime } from '../../electron/bot/understanding/requested-time.ts';
import { detectIntents } from '../../electron/bot/understanding/intents.ts';

/** The sample menu (Madrid, euros) open Monday 12:00–16:00 and 20:00–23:30, Friday 20:00–02:00. */
function menuWithHours(locale: 'es' | 'en' = 'es') {
  const raw = JSON.parse(JSON.stringify(sampleMenu())) as Record<string, unknown>;
  return menuFrom({ ...raw, locale, timezone: 'Europe/Madrid', hours: { mon: [['12:00', '16:00'], ['20:00', '23:30']], fri: [['20:00', '02:00']] } });
}
/** Monday 6 January 2025 at hh:mm in Madrid (UTC+1). */
const monday = (h: number, m = 0) => Date.UTC(2025, 0, 6, h - 1, m);
/** Friday 10 January 2025 at hh:mm in Madrid. */
const friday = (h: number, m = 0) => Date.UTC(2025, 0, 10, h - 1, m);

function finish(chat: Chat, steps: string[]): void {
  for (const s of steps) chat.say(s);
}

describe('a requested time', () => {
  it('"para las 21:30": said back, in the summary, placed with the order', () => {
    const chat = new Chat({ now: monday(13) });
    const first = chat.say('2 dobles para recoger para las 21:30');
    expect(first).toContain('Apuntado: para las 21:30 ⏰');
    expect(first).not.toContain('hablar con una persona');
    expect(chat.cartSummary()).toEqual(['2 doble']);
    chat.say('Ana');
    const summary = chat.say('bizum');
    expect(summary).toContain('\nPara las 21:30\n');
    chat.say('sí');
    expect(chat.lastPlaced).toMatchObject({ fulfilment: 'pickup', customer: { name: 'Ana' }, payment: 'bizum', requestedTime: '21:30' });
    expect(chat.lastPlaced?.orderNote).toBeUndefined();
  });

  it('"a las nueve y media de la noche" is 21:30, and its words are no quantities', () => {
    const chat = new Chat({ now: monday(13) });
    const reply = chat.say('una clásica a las nueve y media de la noche');
    expect(reply).toContain('para las 21:30');
    expect(chat.cartSummary()).toEqual(['1 clasica']);
    finish(chat, ['recoger', 'Ana', 'efectivo', 'sí']);
    expect(chat.lastPlaced?.requestedTime).toBe('21:30');
  });

  it('"sobre las 2" at one o\'clock is 14:00 (02:00 has gone by); "a las dos" is never two dishes', () => {
    const chat = new Chat({ now: monday(13) });
    expect(chat.say('hola, 2 bravas sobre las 2')).toContain('para las 14:00');
    expect(chat.cartSummary()).toEqual(['2 bravas']);
    const other = new Chat({ now: monday(13) });
    other.say('dos clásicas a las dos y media');
    expect(other.cartSummary()).toEqual(['2 clasica']);
    expect(other.state?.requestedTime).toBe('14:30');
  });

  it('"sobre las 14h", "a las 8pm", "a las 9 y cuarto de la noche", "a la una menos cuarto"', () => {
    const cases: [string, string][] = [
      ['sobre las 14h', '14:00'],
      ['a las 8pm', '20:00'],
      ['a las 9 y cuarto de la noche', '21:15'],
      ['a la una menos cuarto', '12:45'],
      ['hacia las 21.30', '21:30'],
    ];
    for (const [said, expected] of cases) {
      const chat = new Chat({ now: monday(12, 10) });
      chat.say(`una clásica ${said}`);
      expect(chat.state?.requestedTime, said).toBe(expected);
      expect(chat.cartSummary(), said).toEqual(['1 clasica']);
    }
  });

  it('a time outside today\'s hours gets a polite reply with the hours, and nothing is stored', () => {
    const chat = new Chat({ menu: menuWithHours(), now: monday(13) });
    const reply = chat.say('una clásica para las 18:00');
    expect(reply).toContain('Lo siento, a las 18:00 no estamos abiertos. Hoy abrimos de 12:00 a 16:00 y de 20:00 a 23:30. ¿Para qué hora lo quieres?');
    expect(chat.cartSummary()).toEqual(['1 clasica']);
    expect(chat.state?.requestedTime).toBeNull();
    // After closing time as well.
    expect(chat.say('a las 23:45')).toContain('a las 23:45 no estamos abiertos');
    expect(chat.say('pues a las 20:30')).toContain('Apuntado: para las 20:30');
    finish(chat, ['recoger', 'Ana', 'tarjeta', 'sí']);
    expect(chat.lastPlaced?.requestedTime).toBe('20:30');
  });

  it('"a las 5" (neither 05:00 nor 17:00 works) gets the hours; "a las 9" in the evening is 21:00', () => {
    const chat = new Chat({ menu: menuWithHours(), now: monday(13) });
    expect(chat.say('una clásica a las 5')).toContain('a las 17:00 no estamos abiertos');
    expect(chat.say('a las 9')).toContain('para las 21:00');
  });

  it('a time already gone by today is asked again; the next good one is taken', () => {
    const chat = new Chat({ menu: menuWithHours(), now: monday(13) });
    const reply = chat.say('una clásica para recoger a las 12:30');
    expect(reply).toContain('Las 12:30 ya han pasado 🕐 ¿Para qué hora lo quieres?');
    expect(chat.state?.requestedTime).toBeNull();
    expect(chat.say('para las 15:00')).toContain('Apuntado: para las 15:00');
    finish(chat, ['Ana', 'efectivo', 'sí']);
    expect(chat.lastPlaced?.requestedTime).toBe('15:00');
  });

  it('a time that goes by while the summary waits is asked again before placing', () => {
    const chat = new Chat({ menu: menuWithHours(), now: monday(13) });
    chat.say('una clásica para recoger a las 13:05');
    expect(chat.state?.requestedTime).toBe('13:05');
    finish(chat, ['Ana', 'efectivo']);
    chat.now = monday(13, 10);
    const reply = chat.say('sí');
    expect(reply).toContain('Las 13:05 ya han pasado');
    expect(chat.effects.placed).toHaveLength(0);
    expect(reply).not.toContain('Para las 13:05');
    chat.say('sí');
    expect(chat.effects.placed).toHaveLength(1);
    expect(chat.lastPlaced?.requestedTime).toBeUndefined();
  });

  it('after midnight counts as tonight while today\'s hours run past it', () => {
    const chat = new Chat({ menu: menuWithHours(), now: friday(23) });
    expect(chat.say('una clásica a la 1')).toContain('para las 01:00');
    const late = new Chat({ menu: menuWithHours(), now: friday(23) });
    expect(late.say('una clásica a las 3')).toContain('a las 03:00 no estamos abiertos. Hoy abrimos de 20:00 a 02:00.');
    expect(late.say('a las 22:00')).toContain('Las 22:00 ya han pasado');
  });

  it('a time that is no clock time is asked again', () => {
    const chat = new Chat({ now: monday(13) });
    expect(chat.say('una clásica a las 25:00')).toContain('No entiendo esa hora');
    expect(chat.state?.requestedTime).toBeNull();
  });

  it('English: "at 9pm", "for 21:30" and the summary line', () => {
    const chat = new Chat({ menu: menuWithHours('en'), now: monday(13) });
    expect(chat.say('one clasica for pickup at 9pm')).toContain('Noted: for 21:00 ⏰');
    expect(chat.say('at 18:00')).toContain('Sorry, we are not open at 18:00. Today we are open from 12:00 to 16:00 and from 20:00 to 23:30.');
    chat.say('Ana');
    expect(chat.say('cash')).toContain('\nFor 21:00\n');
  });
});

describe('a note for the whole order', () => {
  it('"es para un cumpleaños" and "llamad al timbre 2": said back, in the summary, placed; no dish or number read from them', () => {
    const chat = new Chat({ now: monday(13) });
    const first = chat.say('2 bravas, es para un cumpleaños');
    expect(first).toContain('Apuntado para el pedido: «Es para un cumpleaños».');
    expect(first).not.toContain('No encuentro');
    expect(chat.cartSummary()).toEqual(['2 bravas']);
    const second = chat.say('a domicilio calle Mayor 5, llamad al timbre 2');
    expect(second).not.toContain('No tengo el número');
    expect(chat.cartSummary()).toEqual(['2 bravas']);
    chat.say('Luis');
    const summary = plain(chat.say('efectivo'));
    expect(summary).toContain('Nota: Es para un cumpleaños. Llamad al timbre 2');
    chat.say('sí');
    expect(chat.lastPlaced).toMatchObject({ address: 'calle Mayor 5', customer: { name: 'Luis' }, orderNote: 'Es para un cumpleaños. Llamad al timbre 2' });
    expect(chat.lastPlaced?.items.every((i) => i.note === undefined)).toBe(true);
  });

  it('"nota: …" takes its line; the dishes on the next line are ordered', () => {
    const chat = new Chat({ now: monday(13) });
    chat.say('nota: dejadlo en portería, gracias\n3 cocas');
    expect(chat.cartSummary()).toEqual(['3 coca-cola']);
    expect(chat.state?.orderNote).toBe('Dejadlo en portería, gracias');
  });

  it('a dish note stays with its dish; "es para Laura" is the name and "es para llevar" is pickup', () => {
    const chat = new Chat({ now: monday(13) });
    chat.say('una clásica sin cebolla');
    expect(chat.cartSummary()).toEqual(['1 clasica (sin cebolla)']);
    chat.say('es para llevar');
    expect(chat.state?.fulfilment).toBe('pickup');
    chat.say('es para Laura');
    expect(chat.state?.name).toBe('Laura');
    expect(chat.state?.orderNote).toBeNull();
    finish(chat, ['bizum', 'sí']);
    expect(chat.lastPlaced?.orderNote).toBeUndefined();
    expect(chat.lastPlaced?.items[0]?.note).toBe('sin cebolla');
  });

  it('phrasings that are no order note: "me llamo", "se llama", "es para mi casa", "¿a qué hora llamo?"', () => {
    for (const said of ['me llamo Ana', 'mi hijo se llama Pedro', 'es para mi casa', 'una clásica que no pique', 'call the restaurant']) {
      expect(detectIntents(said).orderNote, said).toBeNull();
    }
    expect(detectIntents('no toquéis el timbre, hay un bebé').orderNote).toBe('No toquéis el timbre');
    expect(detectIntents('me avisáis al llegar?').orderNote).toBe('Avisáis al llegar');
  });

  it('English: "it\'s for a birthday", "please ring the bell twice"', () => {
    const chat = new Chat({ menu: menuWithHours('en'), now: monday(13) });
    chat.say("one clasica, it's for a birthday");
    chat.say('delivery to Calle Mayor 5, please ring the bell twice');
    expect(chat.cartSummary()).toEqual(['1 clasica']);
    expect(chat.state?.orderNote).toBe("It's for a birthday. Please ring the bell twice");
  });
});

describe('reading the words', () => {
  it.each([
    ['para las 21:30', { hour: 21, minute: 30, fixed: true }],
    ['a las nueve y media de la noche', { hour: 21, minute: 30, fixed: true }],
    ['sobre las 2', { hour: 2, minute: 0, fixed: false }],
    ['a la una de la madrugada', { hour: 1, minute: 0, fixed: true }],
    ['a las 12 de la noche', { hour: 0, minute: 0, fixed: true }],
    ['a las 24:00', { hour: 0, minute: 0, fixed: true }],
    ['a las 09:15', { hour: 9, minute: 15, fixed: true }],
  ])('%s', (said, expected) => {
    expect(readSpokenTime(said)).toEqual(expected);
  });

  it('no clock time: null', () => {
    expect(readSpokenTime('a las 25:00')).toBeNull();
    expect(readSpokenTime('a las 9:75')).toBeNull();
  });

  it('the intents carry the time and the note, and blank them for the dish matcher', () => {
    const it = detectIntents('3 cocas a las nueve, llamad al timbre 2');
    expect(it.clock).toEqual({ hour: 9, minute: 0, fixed: false });
    expect(it.orderNote).toBe('Llamad al timbre 2');
    expect(it.rest).not.toMatch(/nueve|timbre|2/u);
  });
});
