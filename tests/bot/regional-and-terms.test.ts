// The bot speaks each region's Spanish, writes money as people there do, and follows the
// restaurant's terms: accepted payments, delivery fee and minimum, pickup/delivery on or off, the
// delivery note, sold-out dishes, closed dates and the kitchen's pause.
import { describe, expect, it } from 'vitest';
import { formatMoney, type Order } from '../../shared/order.ts';
import { notificationFor } from '../../electron/orders/customer-notifications.ts';
import { botTexts } from '../../electron/bot/texts/index.ts';
import { Chat, menuFrom, plain } from './bot-harness.ts';
import { regionalMenu, type MenuName } from './regional-menus.ts';

const chatIn = (name: MenuName, changes = {}, extra: { pausedUntil?: number | null; now?: number } = {}) =>
  new Chat({ menu: regionalMenu(name, changes), ...extra });

describe('money as people write it', () => {
  it.each([
    [96, 'MXN', 'es-MX', '$96.00'],
    [9800, 'ARS', 'es-AR', '$ 9.800'],
    [9800.5, 'ARS', 'es-AR', '$ 9.800,50'],
    [18000, 'COP', 'es-CO', '$ 18.000'],
    [65, 'PEN', 'es-PE', 'S/ 65.00'],
    [9.5, 'EUR', 'es-ES', '9,50 €'],
    [9800, 'CLP', 'es-CL', '$9.800'],
    // The kitchen screen passes its language: the currency picks the region.
    [9800, 'ARS', 'es', '$ 9.800'],
    [96, 'MXN', 'es', '$96.00'],
    [9.5, 'EUR', 'es', '9,50 €'],
    [12, 'USD', 'en', '$12.00'],
  ])('%s %s in %s is %s', (amount, currency, locale, text) => {
    expect(plain(formatMoney(amount, currency, locale))).toBe(text);
  });

  it('an unknown currency code still gives a readable amount', () => {
    expect(formatMoney(5, 'XYZ', 'es')).toMatch(/5/);
  });
});

describe('regional voices', () => {
  const SPAIN_ONLY = /\bvale\b|apetece|recoger en el local|bizum|vosotros|móvil/i;
  for (const name of ['es-MX', 'es-AR', 'es-CO', 'es-PE'] as const) {
    it(`${name}: no Spain-only words in a whole conversation`, () => {
      const chat = chatIn(name);
      const dish = { 'es-MX': '3 de pastor', 'es-AR': 'una napo', 'es-CO': 'una bandeja paisa', 'es-PE': 'un medio pollo' }[name];
      chat.say(`hola ${dish}`);
      chat.say('a domicilio');
      chat.say('calle 10 123');
      chat.say('Ana');
      chat.say('efectivo');
      chat.say('sí');
      expect(chat.transcript.join('\n')).not.toMatch(SPAIN_ONLY);
      expect(chat.effects.placed).toHaveLength(1);
    });
  }

  it('Argentina uses voseo', () => {
    const chat = chatIn('es-AR');
    expect(chat.say('una napo')).toContain('¿Retirás o te lo enviamos?');
    expect(botTexts('es-AR').choose('x', ['a'])).toContain('querés');
  });

  it('Mexico, Colombia and Spain ask in their own words', () => {
    expect(chatIn('es-MX').say('2 de pastor')).toContain('¿Pasas por él o te lo llevamos a domicilio?');
    expect(chatIn('es-CO').say('una arepa')).toContain('te lo mandamos a domicilio');
    expect(chatIn('es-ES').say('una margarita')).toContain('¿Es para recoger en el local o a domicilio?');
  });

  it.each([
    ['es-MX', ['orale', 'sale', 'va']],
    ['es-AR', ['dale', 'de una', 'joya']],
    ['es-CO', ['de una', 'listo', 'hágale']],
    ['es-PE', ['ya', 'ya pues', 'al toque']],
  ] as const)('%s: yes in local words places the order', (name, yeses) => {
    for (const yes of yeses) {
      const chat = chatIn(name, { payments: ['cash'] });
      chat.say(name === 'es-MX' ? '2 de pastor' : name === 'es-AR' ? 'una napo' : name === 'es-CO' ? 'una bandeja' : 'un medio pollo');
      chat.say(name === 'es-AR' ? 'paso a buscar' : name === 'es-MX' ? 'paso por ellos' : 'para recoger');
      chat.say('Ana');
      chat.say(yes);
      expect(chat.effects.placed, `${name}: «${yes}»`).toHaveLength(1);
    }
  });

  it.each([
    ['es-AR', 'paso a buscar', 'pickup'],
    ['es-AR', 'lo retiro', 'pickup'],
    ['es-AR', 'con delivery', 'delivery'],
    ['es-MX', 'voy por ellos', 'pickup'],
    ['es-MX', 'para llevar', 'pickup'],
    ['es-CO', 'a domicilio', 'delivery'],
    ['es-CO', 'yo paso por el', 'pickup'],
    ['en', 'pick up', 'pickup'],
  ] as const)('%s: «%s» is %s', (name, words, fulfilment) => {
    const chat = chatIn(name);
    chat.say(name === 'en' ? '2 cheeseburgers' : name === 'es-MX' ? '2 de pastor' : name === 'es-CO' ? 'una bandeja' : 'una napo');
    chat.say(words);
    expect(chat.state?.fulfilment).toBe(fulfilment);
  });
});

describe('payments as the restaurant takes them', () => {
  it('offers only the accepted methods, in the customer\'s words', () => {
    const chat = chatIn('es-AR');
    chat.say('una napo');
    chat.say('paso a buscar');
    expect(chat.say('Lucía')).toContain('¿Cómo vas a pagar? Efectivo, Mercado Pago o transferencia.');
  });

  it.each([
    ['es-AR', 'pago con mp', 'mercadopago'],
    ['es-AR', 'por transfe', 'transfer'],
    ['es-AR', 'mercadopago', 'mercadopago'],
    ['es-CO', 'nequi', 'nequi'],
    ['es-CO', 'por daviplata', 'daviplata'],
    ['es-PE', 'te yapeo', 'yape'],
    ['es-PE', 'plin', 'plin'],
    ['es-MX', 'spei', 'spei'],
    ['en', 'paypal', 'paypal'],
  ] as const)('%s: «%s» records %s', (name, words, method) => {
    const chat = chatIn(name);
    chat.say(name === 'en' ? '2 cheeseburgers' : name === 'es-MX' ? '2 de pastor' : name === 'es-CO' ? 'una bandeja' : name === 'es-PE' ? 'un medio pollo' : 'una napo');
    chat.say(name === 'en' ? 'pickup' : 'para retirar');
    chat.say('Ana');
    chat.say(words);
    chat.say(name === 'en' ? 'yes' : 'sí');
    expect(chat.lastPlaced?.payment).toBe(method);
  });

  it('a method the restaurant does not take: "No aceptamos X; puedes pagar con A, B o C", never "not on the menu"', () => {
    const chat = chatIn('es-CO');
    chat.say('una bandeja');
    chat.say('paso por el');
    chat.say('Camila');
    const reply = chat.say('con tarjeta');
    expect(reply).toContain('No aceptamos tarjeta; puedes pagar con efectivo, Nequi o Daviplata.');
    expect(reply).not.toMatch(/No encuentro|menú/);
    chat.say('nequi');
    chat.say('listo');
    expect(chat.lastPlaced?.payment).toBe('nequi');
  });

  it('asked again at most twice, then a person takes the chat', () => {
    const chat = chatIn('es-CO');
    chat.say('una bandeja');
    chat.say('paso por el');
    chat.say('Camila');
    chat.say('con tarjeta');
    expect(chat.say('con bizum')).toContain('No aceptamos Bizum');
    expect(chat.effects.handoffs).toEqual([]);
    expect(chat.say('con paypal')).toContain('Le paso tu chat a una persona');
    expect(chat.effects.handoffs).toHaveLength(1);
    expect(chat.cartSummary()).toEqual(['1 bandeja']);
  });

  it('one accepted method: not asked, recorded', () => {
    const chat = chatIn('es-MX', { payments: ['cash'] });
    chat.say('2 de pastor');
    chat.say('para llevar');
    expect(chat.say('Memo')).toContain('Pago: Efectivo');
    chat.say('sale');
    expect(chat.lastPlaced?.payment).toBe('cash');
  });
});

describe('delivery terms', () => {
  it('the fee is in the summary, the total and the order draft', () => {
    const chat = chatIn('es-AR');
    chat.say('una napo y una muzza chica');
    chat.say('con envío');
    chat.say('Thames 1234');
    chat.say('Lucía');
    const summary = plain(chat.say('efectivo'));
    expect(summary).toContain('Envío: $ 800');
    expect(summary).toContain('*Total: $ 22.100*');
    chat.say('dale');
    expect(chat.lastPlaced?.deliveryFee).toBe(800);
  });

  it('pickup orders carry no fee', () => {
    const chat = chatIn('es-AR');
    chat.say('una napo');
    chat.say('paso a buscar');
    chat.say('Lucía');
    expect(chat.say('efectivo')).not.toContain('Envío');
    chat.say('dale');
    expect(chat.lastPlaced?.deliveryFee).toBeUndefined();
  });

  it('below the minimum: the minimum is explained and pickup offered; pickup then goes on', () => {
    const chat = chatIn('es-AR');
    chat.say('2 empanadas de carne');
    const reply = plain(chat.say('con envío'));
    expect(reply).toContain('El pedido mínimo para envío es de $ 6.000 y llevás $ 3.000');
    expect(reply).toContain('lo retirás por el local');
    chat.say('bueno paso a buscar');
    chat.say('Lucía');
    chat.say('efectivo');
    chat.say('dale');
    expect(chat.lastPlaced?.fulfilment).toBe('pickup');
  });

  it('below the minimum: adding dishes reaches it and delivery goes on', () => {
    const chat = chatIn('es-AR');
    chat.say('2 empanadas de carne');
    chat.say('con envío');
    expect(chat.say('agregame una napo')).toContain('¿A qué dirección');
  });

  it('delivery off: refused, pickup only', () => {
    const chat = chatIn('es-MX', { delivery: { enabled: false } });
    const reply = chat.say('2 de pastor a domicilio');
    expect(reply).toContain('no hacemos envíos');
    chat.say('Memo');
    chat.say('efectivo');
    chat.say('sale');
    expect(chat.lastPlaced?.fulfilment).toBe('pickup');
    expect(chat.lastPlaced?.address).toBeUndefined();
  });

  it('pickup off: delivery only, the address asked straight away', () => {
    const chat = chatIn('es-CO', { pickup: { enabled: false } });
    expect(chat.say('una bandeja paisa')).toContain('¿A qué dirección te lo mandamos?');
    expect(chat.say('yo paso por el')).toContain('solo hacemos envíos');
  });

  it('the delivery note is said with the address question and in the summary', () => {
    const chat = chatIn('es-AR');
    chat.say('una napo');
    expect(chat.say('con envío')).toContain('Solo repartimos en Palermo y Villa Crespo.');
    chat.say('Thames 1234');
    chat.say('Lucía');
    expect(chat.say('efectivo')).toContain('Solo repartimos en Palermo y Villa Crespo.');
  });

  it('"¿hacen envíos?" is answered with the terms', () => {
    expect(plain(chatIn('es-ES', { delivery: { enabled: true, fee: 2.5, minimumOrder: 15 } }).say('¿hacéis envíos?'))).toContain('(envío: 2,50 €); pedido mínimo 15,00 €');
    expect(chatIn('es-ES', { delivery: { enabled: false } }).say('¿hacéis envíos?')).toContain('No hacemos envíos a domicilio');
  });
});

describe('sold out, closed dates and the pause', () => {
  it('a sold-out dish: told it is sold out today and offered the rest of its section', () => {
    const chat = chatIn('es-AR');
    const reply = plain(chat.say('una calabresa'));
    expect(reply).toContain('hoy se nos acabó Calabresa');
    expect(reply).toContain('• Napolitana — $ 11.500');
    expect(reply).not.toContain('No encuentro');
    expect(chat.cart).toEqual([]);
  });

  it('a sold-out dish of several words ("tortilla de patatas") named in a first message is told so too', () => {
    const menu = menuFrom({
      restaurant: 'Bar Luis',
      currency: 'EUR',
      locale: 'es-ES',
      categories: [{ id: 'tapas', name: 'Tapas', items: [{ id: 't', name: 'Tortilla de patatas', price: 9, available: false }, { id: 'c', name: 'Croquetas caseras', price: 7.5 }] }],
    });
    const chat = new Chat({ menu });
    const reply = plain(chat.say('Hola, quiero una tortilla de patatas para recoger, pago en efectivo'));
    expect(reply).toContain('hoy se nos ha acabado Tortilla de patatas');
    expect(reply).toContain('• Croquetas caseras — 7,50 €');
    expect(reply).not.toContain('No encuentro');
    expect(chat.cart).toEqual([]);
  });

  it('a closed date: closed today, the next opening is another day', () => {
    const monday = Date.UTC(2025, 0, 6, 12, 0);
    const chat = chatIn('es-ES', { hours: { mon: [['12:00', '23:00']], tue: [['12:00', '23:00']], wed: [['12:00', '23:00']] }, closedDates: ['2025-01-06', '2025-01-07'], timezone: 'Europe/Madrid' }, { now: monday });
    const reply = chat.say('una margarita');
    expect(reply).toContain('cerrados');
    expect(reply).toContain('el miércoles a las 12:00');
  });

  it('paused until a time: a new customer is told when orders reopen', () => {
    const now = Date.UTC(2025, 0, 6, 12, 0);
    const chat = chatIn('es-ES', { timezone: 'Europe/Madrid' }, { now, pausedUntil: now + 30 * 60_000 });
    expect(chat.say('una margarita')).toContain('Volvemos a las 13:30');
    expect(chat.cart).toEqual([]);
  });

  it('paused until resumed: a cart in progress is kept and can be placed once resumed', () => {
    const chat = chatIn('es-ES');
    chat.say('una margarita');
    chat.say('recoger');
    chat.say('Ana');
    chat.pausedUntil = null;
    const reply = chat.say('efectivo');
    expect(reply).toContain('no estamos aceptando pedidos nuevos');
    expect(reply).toContain('Tu pedido sigue guardado');
    expect(chat.say('sí')).not.toContain('Pedido #');
    expect(chat.effects.placed).toHaveLength(0);
    chat.pausedUntil = undefined;
    chat.say('efectivo');
    chat.say('sí');
    expect(chat.lastPlaced?.items.map((l) => l.itemId)).toEqual(['margarita']);
  });
});

describe('customer notifications in the restaurant\'s voice', () => {
  const order = { number: 7, fulfilment: 'pickup', etaMinutes: 15 } as Order;
  it.each([
    ['es-ES', 'ready', 'Ya puedes pasar a recogerlo'],
    ['es-AR', 'ready', 'Ya podés pasar a buscarlo'],
    ['es-MX', 'ready', 'Ya puedes pasar por ella'],
    ['es-CO', 'ready', 'Ya puedes pasar por él'],
    ['es-PE', 'ready', 'Ya puedes pasar a retirarlo'],
    ['en', 'ready', 'You can come and pick it up'],
    ['es', 'accepted', 'ha sido aceptado'],
  ] as const)('%s %s', (locale, to, text) => {
    expect(notificationFor(order, 'accepted', to, undefined, locale)?.body).toContain(text);
  });
});
