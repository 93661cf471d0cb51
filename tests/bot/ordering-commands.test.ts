// Commands at any step, opening hours, idle reset, media, restarts and hostile input.
import { describe, expect, it } from 'vitest';
import { IDLE_RESET_MS, type CustomerOrderSummary } from '../../electron/bot/bot-types.ts';
import { handleMessage } from '../../electron/bot/ordering-bot.ts';
import { Chat, FakeEffects, menuFrom, MONDAY_1300_MADRID, plain, sampleMenu } from './bot-harness.ts';

function order(partial: Partial<CustomerOrderSummary>): CustomerOrderSummary {
  return { id: 'o-7', number: 7, status: 'new', fulfilment: 'pickup', createdAt: new Date(MONDAY_1300_MADRID - 600_000).toISOString(), total: 19, currency: 'EUR', ...partial };
}

const SMALL_EN = menuFrom({
  restaurant: 'Burger Bar',
  currency: 'GBP',
  locale: 'en',
  categories: [
    { id: 'mains', name: 'Mains', items: [
      { id: 'cheeseburger', name: 'Cheeseburger', price: 8, aliases: ['cheese burger'] },
      { id: 'veggie', name: 'Veggie burger', price: 7.5 },
      { id: 'fries', name: 'Fries', price: 3 },
    ] },
    { id: 'drinks', name: 'Drinks', items: [
      { id: 'cola', name: 'Cola', price: 2 },
      { id: 'lemonade', name: 'Lemonade', price: 2.5, available: false },
    ] },
  ],
});

const WITH_HOURS = menuFrom({
  restaurant: 'Taquería Lupita',
  currency: 'MXN',
  timezone: 'America/Mexico_City',
  hours: {
    mon: [['13:00', '17:00'], ['19:00', '23:00']],
    tue: [['13:00', '17:00']],
    fri: [['20:00', '02:00']],
  },
  categories: [
    { id: 'tacos', name: 'Tacos', items: [
      { id: 'pastor', name: 'Tacos al pastor', price: 85, aliases: ['pastor'] },
      { id: 'suadero', name: 'Tacos de suadero', price: 90, aliases: ['suadero'] },
    ] },
    { id: 'bebidas', name: 'Bebidas', items: [{ id: 'horchata', name: 'Agua de horchata', price: 35, aliases: ['horchata'] }] },
  ],
});

/** Local Mexico City time (UTC-6, no DST since 2022) → epoch ms. 2025-01-06 is a Monday. */
function mexico(day: number, hh: number, mm = 0): number {
  return Date.UTC(2025, 0, day, hh + 6, mm);
}

describe('commands', () => {
  it('"cancelar" mid-order drops the cart and says so', () => {
    const chat = new Chat();
    chat.say('2 clasicas');
    chat.say('a domicilio');
    expect(chat.say('cancelar')).toMatch(/cancelado/);
    expect(chat.cart).toEqual([]);
    expect(chat.state?.asked).toBeNull();
    expect(chat.effects.cancelled).toEqual([]);
    chat.say('una coca');
    expect(chat.cartSummary()).toEqual(['1 coca-cola']);
  });

  it('"cancelar" at the summary drops everything and places nothing', () => {
    const chat = new Chat({ rememberedName: 'Eva' });
    chat.say('una clasica, recoger, efectivo');
    expect(chat.state?.asked).toBe('confirm');
    chat.say('mejor cancela todo');
    chat.say('sí');
    expect(chat.effects.placed).toEqual([]);
  });

  it('"cancelar mi pedido" cancels a placed order the kitchen has not accepted', () => {
    const chat = new Chat({ recentOrders: [order({ status: 'new' })] });
    expect(chat.say('cancelar mi pedido')).toMatch(/#7 está cancelado/);
    expect(chat.effects.cancelled).toEqual([{ orderId: 'o-7', reason: 'Cancelado por el cliente' }]);
  });

  it('cannot cancel an accepted order from the chat and offers a person', () => {
    const chat = new Chat({ recentOrders: [order({ status: 'preparing' })] });
    const reply = chat.say('quiero cancelar');
    expect(reply).toMatch(/no se puede cancelar/);
    expect(reply).toMatch(/persona/);
    expect(chat.effects.cancelled).toEqual([]);
  });

  it('says so when the host refuses the cancel (accepted meanwhile)', () => {
    const chat = new Chat({ recentOrders: [order({ status: 'new' })] });
    chat.effects.cancelResult = false;
    expect(chat.say('cancelar')).toMatch(/no se puede cancelar/);
  });

  it('nothing to cancel', () => {
    expect(new Chat().say('cancelar')).toMatch(/ningún pedido/);
  });

  it('"cancela la coca" removes a dish instead of cancelling', () => {
    const chat = new Chat();
    chat.say('una clasica y una coca');
    chat.say('cancela la coca');
    expect(chat.cartSummary()).toEqual(['1 clasica']);
  });

  it.each(['hablar con una persona', 'humano', 'persona', 'quiero hablar con el encargado', 'un agente', 'atención al cliente'])(
    'handoff: "%s"',
    (text) => {
      const chat = new Chat();
      chat.say('una clasica');
      expect(chat.say(text)).toMatch(/persona del restaurante/);
      expect(chat.effects.handoffs).toEqual([text]);
      expect(chat.cartSummary()).toEqual(['1 clasica']);
    },
  );

  it('"para 4 personas" is not a handoff', () => {
    const chat = new Chat();
    chat.say('2 pizzas barbacoa para 4 personas');
    expect(chat.effects.handoffs).toEqual([]);
    expect(chat.cartSummary()).toEqual(['2 barbacoa']);
  });

  it('"menú" shows the menu and keeps the cart', () => {
    const chat = new Chat();
    chat.say('2 clasicas');
    const reply = chat.say('me pasas la carta?');
    expect(reply).toContain('*Postres*');
    expect(reply).toMatch(/2 × Hamburguesa clásica/);
    expect(chat.cartSummary()).toEqual(['2 clasica']);
  });

  it.each([
    [order({ status: 'new' }), /#7 está recibido y esperando/],
    [order({ status: 'accepted', etaMinutes: 30, acceptedAt: new Date(MONDAY_1300_MADRID - 10 * 60_000).toISOString() }), /#7 está aceptado.*unos 20 minutos/],
    [order({ status: 'preparing', etaMinutes: 15, acceptedAt: new Date(MONDAY_1300_MADRID - 20 * 60_000).toISOString() }), /preparando.*cualquier momento/],
    [order({ status: 'ready', fulfilment: 'pickup' }), /listo.*recogerlo/],
    [order({ status: 'ready', fulfilment: 'delivery' }), /listo y sale/],
    [order({ status: 'rejected' }), /no pudo aceptar/],
  ])('status of the newest order %#', (o, expected) => {
    const chat = new Chat({ recentOrders: [o, order({ id: 'old', number: 3, status: 'completed' })] });
    expect(chat.say('¿cómo va mi pedido?')).toMatch(expected);
  });

  it('"dónde está mi pedido" with no orders says so and mentions the cart in progress', () => {
    const chat = new Chat();
    chat.say('una clasica');
    const reply = plain(chat.say('dónde está mi pedido'));
    expect(reply).toMatch(/ningún pedido reciente/);
    expect(reply).toMatch(/a medias.*1 × Hamburguesa clásica/);
    expect(chat.cartSummary()).toEqual(['1 clasica']);
  });

  it('"mi pedido es 2 clásicas" is an order, not a status question', () => {
    const chat = new Chat();
    chat.say('mi pedido es 2 clásicas');
    expect(chat.cartSummary()).toEqual(['2 clasica']);
  });
});

describe('opening hours', () => {
  it('closed: polite reply with the opening time today, no order started', () => {
    const chat = new Chat({ menu: WITH_HOURS, now: mexico(6, 18, 10) });
    const reply = chat.say('hola, quiero 2 tacos al pastor');
    expect(reply).toMatch(/cerrados.*hoy a las 19:00/);
    expect(chat.cart).toEqual([]);
    expect(chat.effects.placed).toEqual([]);
  });

  it('closed after the last range: next day, and a weekday name further away', () => {
    expect(new Chat({ menu: WITH_HOURS, now: mexico(6, 23, 30) }).say('hola')).toMatch(/mañana a las 13:00/);
    expect(new Chat({ menu: WITH_HOURS, now: mexico(7, 18) }).say('hola')).toMatch(/el viernes a las 20:00/);
  });

  it('open inside a range, including after midnight of a range that crosses it', () => {
    const chat = new Chat({ menu: WITH_HOURS, now: mexico(11, 1, 30) }); // Saturday 01:30, Friday's 20:00-02:00
    chat.say('2 pastor');
    expect(chat.cartSummary()).toEqual(['2 pastor']);
  });

  it('cannot confirm once closed, but "mi pedido" and "persona" still work', () => {
    const chat = new Chat({ menu: WITH_HOURS, now: mexico(6, 16, 50), rememberedName: 'Lupe', recentOrders: [order({ status: 'new' })] });
    chat.say('un suadero para recoger con tarjeta');
    expect(chat.state?.asked).toBe('confirm');
    chat.now = mexico(6, 17, 5);
    expect(chat.say('sí')).toMatch(/cerrados.*19:00/);
    expect(chat.effects.placed).toEqual([]);
    expect(chat.cartSummary()).toEqual(['1 suadero']);
    expect(chat.say('mi pedido')).toMatch(/#7/);
    expect(chat.say('persona')).toMatch(/persona del restaurante/);
    chat.now = mexico(6, 19, 1);
    chat.state = { ...chat.state!, updatedAt: chat.now - 60_000 };
    chat.say('sí');
    expect(chat.effects.placed).toHaveLength(1);
    expect(chat.lastPlaced?.currency).toBe('MXN');
  });

  it('hours with no opening at all', () => {
    const menu = { ...WITH_HOURS, hours: {} };
    const reply = new Chat({ menu, now: mexico(6, 14) }).say('hola');
    expect(reply).toMatch(/cerrados/);
    expect(reply).toMatch(/no tenemos horario/);
    expect(reply).not.toMatch(/\d\d:\d\d/);
  });

  it('the host timezone is used when the menu has none', () => {
    const menu = { ...WITH_HOURS, timezone: undefined };
    // 18:10 in Mexico City is 01:10 next day in Madrid: closed there, open nowhere near.
    const chat = new Chat({ menu, now: mexico(6, 14), timezone: 'America/Mexico_City' });
    chat.say('un pastor');
    expect(chat.cartSummary()).toEqual(['1 pastor']);
    const madrid = new Chat({ menu, now: mexico(6, 14), timezone: 'Europe/Madrid' }); // 21:00 Monday in Madrid
    madrid.say('un pastor');
    expect(madrid.cartSummary()).toEqual(['1 pastor']);
    const madridLate = new Chat({ menu, now: mexico(6, 18), timezone: 'Europe/Madrid' }); // 01:00 Tuesday in Madrid
    expect(madridLate.say('un pastor')).toMatch(/hoy a las 13:00/);
  });
});

describe('idle, media, restarts', () => {
  it('after 30 idle minutes the conversation starts over and says so', () => {
    const chat = new Chat();
    chat.say('2 clasicas');
    chat.now += IDLE_RESET_MS + 1000;
    const reply = chat.say('hola');
    expect(reply).toMatch(/empezamos de nuevo/);
    expect(reply).toContain('*Hamburguesas*');
    expect(chat.cart).toEqual([]);
  });

  it('within 30 minutes it continues', () => {
    const chat = new Chat();
    chat.say('2 clasicas');
    chat.now += IDLE_RESET_MS - 60_000;
    chat.say('y una coca');
    expect(chat.cartSummary()).toEqual(['2 clasica', '1 coca-cola']);
  });

  it('media: asks for the order in writing once; a photo that keeps coming goes to a person, and the cart stays', () => {
    const chat = new Chat();
    expect(chat.send('', 'media')).toEqual([expect.stringMatching(/Escríbeme tu pedido/)]);
    expect(chat.effects.handoffs).toEqual([]);
    chat.say('una clasica');
    expect(chat.send('', 'media')).toEqual([expect.stringMatching(/persona del restaurante/)]);
    expect(chat.effects.handoffs).toHaveLength(1);
    expect(chat.cartSummary()).toEqual(['1 clasica']);
  });

  it('audio: the host has handed the chat to staff; the bot says nothing and keeps the cart', () => {
    const chat = new Chat();
    chat.say('una clasica');
    expect(chat.send('', 'audio')).toEqual([]);
    expect(chat.cartSummary()).toEqual(['1 clasica']);
  });

  it('a restart between every message (state through JSON, fresh objects) changes nothing', () => {
    const script = ['hola buenas', 'quiero una hamburguesa sin cebolla', '3', 'y 2 cocas', 'a domicilio', 'C/ Real 4', 'no', 'Marta', 'bizum', 'sí'];
    const effects = new FakeEffects();
    let stored: string | null = null;
    let now = MONDAY_1300_MADRID;
    for (const body of script) {
      const out = handleMessage(
        { now, message: { kind: 'text', body }, conversation: stored ? JSON.parse(stored) : null, customer: { phone: '1', profileName: 'M' }, menu: sampleMenu(), recentOrders: [], timezone: 'Europe/Madrid' },
        effects,
      );
      stored = JSON.stringify(out.conversation);
      expect(JSON.parse(stored)).toEqual(out.conversation);
      now += 30_000;
    }
    expect(effects.placed).toHaveLength(1);
    expect(effects.placed[0]).toMatchObject({ fulfilment: 'delivery', address: 'C/ Real 4', payment: 'bizum', customer: { name: 'Marta' } });
    expect(effects.placed[0]?.items).toEqual([
      { itemId: 'pollo', name: 'Hamburguesa de pollo', quantity: 1, unitPrice: 10, note: 'sin cebolla' },
      { itemId: 'coca-cola', name: 'Coca-Cola', quantity: 2, unitPrice: 2.5 },
    ]);
  });

  it('a corrupt stored state starts cleanly instead of throwing', () => {
    const chat = new Chat();
    chat.state = { version: 1, updatedAt: MONDAY_1300_MADRID, cart: [{ itemId: 5 }, 'x', null], pending: 'nope', asked: 'weird' };
    chat.say('una coca');
    expect(chat.cartSummary()).toEqual(['1 coca-cola']);
  });
});

describe('hostile and odd input never throws', () => {
  const inputs = [
    '',
    '   ',
    '😀😀😀',
    '🍔🍔',
    '<script>alert(1)</script>',
    '<b>2 clasicas</b>',
    'مرحبا أريد طلب',
    '\u202Eabc\u202C',
    'a'.repeat(2000),
    '9'.repeat(2000),
    Array.from({ length: 400 }, (_, k) => String.fromCharCode(33 + ((k * 7919) % 90))).join(''),
    '1 x 2 x 3 x 4 x',
    'sin sin sin con con',
    'y y y , , ,',
    'x2',
    'null',
    '{"version":1}',
  ];
  it.each(inputs.map((s, k) => [k, s] as const))('input %i', (_k, text) => {
    const chat = new Chat();
    const replies = chat.send(text);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(r.length).toBeLessThan(4000);
    // And the conversation still works afterwards.
    chat.say('una coca');
    expect(chat.cartSummary().at(-1)).toBe('1 coca-cola');
  });

  it('script tags are not dishes; the menu number inside them is not taken', () => {
    const chat = new Chat();
    chat.say('hola');
    chat.say('<script>alert(1)</script>');
    expect(chat.cart).toEqual([]);
  });

  it('<b>2 clasicas</b> still orders two clásicas', () => {
    const chat = new Chat();
    chat.say('<b>2 clasicas</b>');
    expect(chat.cartSummary()).toEqual(['2 clasica']);
  });
});

describe('English locale', () => {
  it('speaks English and takes an order end to end', () => {
    const chat = new Chat({ menu: SMALL_EN, profileName: 'Sam' });
    const greeting = chat.say('hi');
    expect(greeting).toMatch(/Welcome to Burger Bar/);
    expect(greeting).toMatch(/1\. Cheeseburger — £8\.00/);
    expect(greeting).not.toContain('Lemonade');
    const cart = chat.say('2 cheeseburgers and a cola please');
    expect(chat.cartSummary()).toEqual(['2 cheeseburger', '1 cola']);
    expect(cart).toMatch(/pickup or delivery/);
    expect(chat.say('delivery to 10 Downing Street')).toMatch(/name/);
    expect(chat.say('yes')).toMatch(/pay/);
    const summary = chat.say('card');
    expect(summary).toMatch(/Total: £18\.00/);
    expect(summary).toMatch(/10 Downing Street/);
    expect(chat.say('yes')).toMatch(/Order #12 received/);
    expect(chat.lastPlaced).toMatchObject({ currency: 'GBP', fulfilment: 'delivery', payment: 'card', customer: { name: 'Sam' } });
  });

  it('asks which burger in English', () => {
    const chat = new Chat({ menu: SMALL_EN });
    expect(chat.say('one burger')).toMatch(/Which one.*\n1\) Cheeseburger/s);
  });
});

describe('large menu', () => {
  const big = menuFrom({
    restaurant: 'Grande',
    categories: Array.from({ length: 4 }, (_, c) => ({
      id: `cat${c}`,
      name: ['Entrantes', 'Principales', 'Postres', 'Bebidas'][c],
      items: Array.from({ length: 8 }, (_, k) => ({ id: `i${c}-${k}`, name: `${['Entrante', 'Plato', 'Postre', 'Bebida'][c]} ${['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho'][k]} especial`, price: 5 + k })),
    })),
  });

  it('lists sections, a section number shows its dishes with global numbers', () => {
    const chat = new Chat({ menu: big });
    const first = chat.say('hola');
    expect(first).toMatch(/1\. Entrantes/);
    expect(first).not.toMatch(/Plato uno/);
    const section = chat.say('2');
    expect(section).toMatch(/9\. Plato uno especial/);
    expect(section).not.toMatch(/Entrante uno/);
    expect(chat.cart).toEqual([]);
    chat.say('el 10');
    expect(chat.cartSummary()).toEqual(['1 i1-1']);
    expect(chat.say('postres')).toMatch(/17\. Postre uno especial/);
  });
});
