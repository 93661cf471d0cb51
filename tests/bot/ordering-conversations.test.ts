// Whole conversations against the sample menu: what the customer writes, what ends up placed.
import { describe, expect, it } from 'vitest';
import { Chat, menuFrom, plain, totalOf } from './bot-harness.ts';

describe('happy paths', () => {
  it('greets with the numbered menu, then takes a free-text order for pickup paid by card', () => {
    const chat = new Chat({ profileName: 'Ana' });
    const greeting = plain(chat.say('hola buenas'));
    expect(greeting).toContain('Casa Pepe');
    expect(greeting).toContain('*Hamburguesas*');
    expect(greeting).toMatch(/1\. Hamburguesa clásica — 9,50 €/);
    expect(greeting).toMatch(/18\. Helado de vainilla — 4,00 €/);

    const cart = plain(chat.say('quiero 2 hamburguesas clásicas y una coca cola'));
    expect(chat.cartSummary()).toEqual(['2 clasica', '1 coca-cola']);
    expect(cart).toContain('2 × Hamburguesa clásica — 19,00 €');
    expect(cart).toContain('Subtotal: 21,50 €');
    expect(cart).toMatch(/recoger.*domicilio/);

    expect(chat.say('para recoger')).toMatch(/nombre de Ana/);
    expect(chat.say('sí')).toMatch(/pagar/);
    const summary = plain(chat.say('con tarjeta'));
    expect(summary).toContain('Total: 21,50 €');
    expect(summary).toContain('Nombre: Ana');
    expect(summary).toContain('Pago: Tarjeta');
    expect(summary).toContain('recoger en el local');
    expect(summary).toMatch(/¿Confirmo el pedido\?/);
    expect(chat.effects.placed).toHaveLength(0);

    expect(chat.say('si')).toMatch(/Pedido #12 recibido/);
    expect(chat.effects.placed).toHaveLength(1);
    const draft = chat.lastPlaced!;
    expect(draft).toMatchObject({ customer: { phone: '34600111222', name: 'Ana' }, fulfilment: 'pickup', payment: 'card', currency: 'EUR' });
    expect(draft.address).toBeUndefined();
    expect(draft.items).toEqual([
      { itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 2, unitPrice: 9.5 },
      { itemId: 'coca-cola', name: 'Coca-Cola', quantity: 1, unitPrice: 2.5 },
    ]);
    expect(totalOf(draft)).toBe(21.5);
    expect(chat.effects.names).toEqual(['Ana']);
    expect(chat.cart).toEqual([]);
  });

  it('delivery with the address asked for, typed name, cash', () => {
    const chat = new Chat({ profileName: 'Ana' });
    chat.say('ponme una clasica, dos bravas y 3 cocas');
    expect(chat.cartSummary()).toEqual(['1 clasica', '2 bravas', '3 coca-cola']);
    expect(chat.say('a domicilio')).toMatch(/dirección/);
    expect(chat.say('Calle del Pez 12, 3º izquierda')).toMatch(/nombre/);
    expect(chat.say('Pedro Gómez')).toMatch(/pagar/);
    const summary = plain(chat.say('efectivo'));
    expect(summary).toContain('a domicilio — Calle del Pez 12, 3º izquierda');
    expect(summary).toContain('Nombre: Pedro Gómez');
    expect(summary).toContain('Pago: Efectivo');
    chat.say('vale');
    const draft = chat.lastPlaced!;
    expect(draft.fulfilment).toBe('delivery');
    expect(draft.address).toBe('Calle del Pez 12, 3º izquierda');
    expect(draft.customer.name).toBe('Pedro Gómez');
    expect(draft.payment).toBe('cash');
    expect(totalOf(draft)).toBe(9.5 + 11 + 7.5);
    expect(chat.effects.names).toEqual(['Pedro Gómez']);
  });

  it.each([
    ['pago con bizum', 'bizum'],
    ['por transferencia', 'transfer'],
    ['en metálico', 'cash'],
    ['datáfono', 'card'],
    ['cash', 'cash'],
  ] as const)('payment "%s" → %s', (answer, method) => {
    const chat = new Chat({ rememberedName: 'Luis' });
    chat.say('1 pizza margarita + 2 cervezas');
    chat.say('lo recojo yo');
    expect(plain(chat.say(answer))).toContain('Nombre: Luis');
    chat.say('confirmo');
    expect(chat.lastPlaced?.payment).toBe(method);
    expect(chat.lastPlaced?.items.map((i) => [i.itemId, i.quantity])).toEqual([
      ['margarita', 1],
      ['cerveza', 2],
    ]);
    expect(chat.effects.names).toEqual([]);
  });

  it('takes everything from one message and goes straight to the summary', () => {
    const chat = new Chat({ profileName: 'Marta' });
    const reply = plain(chat.say('Hola! quería 2 clásicas y una coca zero a domicilio en Calle Mayor 5, 2ºB, pago con bizum'));
    expect(chat.cartSummary()).toEqual(['2 clasica', '1 coca-cola-zero']);
    expect(reply).toMatch(/nombre de Marta/);
    const summary = plain(chat.say('si'));
    expect(summary).toContain('Calle Mayor 5, 2ºB');
    expect(summary).toContain('Pago: Bizum');
    chat.say('👍');
    expect(chat.lastPlaced).toMatchObject({ fulfilment: 'delivery', address: 'Calle Mayor 5, 2ºB', payment: 'bizum', customer: { name: 'Marta' } });
  });

  it('accepts answers to slots that were not asked yet', () => {
    const chat = new Chat({ profileName: 'Ana' });
    chat.say('2 clásicas para recoger, pago con tarjeta');
    expect(chat.state?.asked).toBe('name');
    const summary = plain(chat.say('a nombre de Carlos'));
    expect(summary).toContain('Nombre: Carlos');
    expect(summary).toContain('Pago: Tarjeta');
    chat.say('ok');
    expect(chat.lastPlaced).toMatchObject({ fulfilment: 'pickup', payment: 'card', customer: { name: 'Carlos' } });
  });

  it('a payment word at the name question uses the profile name and takes the payment', () => {
    const chat = new Chat({ profileName: 'Ana Ruiz' });
    chat.say('una vegana');
    chat.say('para llevar');
    const summary = plain(chat.say('bizum'));
    expect(summary).toContain('Nombre: Ana Ruiz');
    expect(summary).toContain('Pago: Bizum');
    expect(chat.effects.names).toEqual(['Ana Ruiz']);
  });

  it('"no" to the profile name asks for the name without offering it again', () => {
    const chat = new Chat({ profileName: 'Móvil de Pepe' });
    chat.say('el 3');
    chat.say('recoger');
    const ask = chat.say('no');
    expect(ask).toMatch(/nombre/);
    expect(ask).not.toContain('Móvil de Pepe');
    expect(chat.say('Lucía')).toMatch(/pagar/);
    expect(chat.effects.names).toEqual(['Lucía']);
  });

  it('a remembered name is used without asking, and "mi nombre es" changes it', () => {
    const chat = new Chat({ rememberedName: 'Luis', profileName: 'L' });
    chat.say('una cerveza');
    expect(chat.say('para recoger')).toMatch(/pagar/);
    expect(plain(chat.say('tarjeta'))).toContain('Nombre: Luis');
    expect(plain(chat.say('mi nombre es Luis Alberto'))).toContain('Nombre: Luis Alberto');
    chat.say('sí');
    expect(chat.lastPlaced?.customer.name).toBe('Luis Alberto');
    expect(chat.effects.names).toEqual(['Luis Alberto']);
  });

  it('after "no" at the summary the customer changes things and sees the summary again', () => {
    const chat = new Chat({ rememberedName: 'Eva' });
    chat.say('2 del 5');
    chat.say('recoger');
    chat.say('efectivo');
    expect(chat.say('no')).toMatch(/qué quieres cambiar/i);
    expect(chat.effects.placed).toHaveLength(0);
    let summary = plain(chat.say('mejor con tarjeta'));
    expect(summary).toContain('Pago: Tarjeta');
    summary = plain(chat.say('y a domicilio'));
    expect(summary).toMatch(/dirección/);
    summary = plain(chat.say('Av. Libertad 33'));
    expect(summary).toContain('a domicilio — Av. Libertad 33');
    summary = plain(chat.say('quita una margarita'));
    expect(summary).toContain('1 × Pizza margarita — 8,50 €');
    chat.say('perfecto');
    expect(chat.lastPlaced).toMatchObject({ fulfilment: 'delivery', address: 'Av. Libertad 33', payment: 'card' });
    expect(chat.lastPlaced?.items).toEqual([{ itemId: 'margarita', name: 'Pizza margarita', quantity: 1, unitPrice: 8.5 }]);
  });

  it('a new message after placing starts a new order; "gracias" right after gets a short reply', () => {
    const chat = new Chat({ rememberedName: 'Eva' });
    chat.say('una coca');
    chat.say('recoger');
    chat.say('efectivo');
    chat.say('sí');
    const thanks = chat.say('ok gracias');
    expect(thanks).toMatch(/mi pedido/);
    expect(thanks).not.toContain('*Hamburguesas*');
    expect(chat.effects.placed).toHaveLength(1);
    chat.say('otra cosa: 2 cervezas');
    expect(chat.cartSummary()).toEqual(['2 cerveza']);
  });
});

describe('taking dishes', () => {
  it.each([
    ['3', ['1 pollo']],
    ['el 3', ['1 pollo']],
    ['2 del 3', ['2 pollo']],
    ['2 x 3', ['2 pollo']],
    ['3 x2', ['2 pollo']],
    ['3x2', ['2 pollo']],
    ['dos del 12', ['2 coca-cola']],
    ['1, 12 y 17', ['1 clasica', '1 coca-cola', '1 tarta-queso']],
  ])('by number: "%s"', (text, cart) => {
    const chat = new Chat();
    chat.say(text);
    expect(chat.cartSummary()).toEqual(cart);
  });

  it.each([
    ['quiero 2 hamburguesas clásicas y una coca cola', ['2 clasica', '1 coca-cola']],
    ['ponme una clasica, dos bravas y 3 cocas', ['1 clasica', '2 bravas', '3 coca-cola']],
    ['1 pizza margarita + 2 cervezas', ['1 margarita', '2 cerveza']],
    ['2 hamburguesas dobles\n1 patatas fritas\n3 aguas', ['2 doble', '1 patatas-fritas', '3 agua']],
    ['un par de cervezas y media docena de croquetas', ['2 cerveza', '6 croquetas']],
    ['me pones una coca cola zero porfa', ['1 coca-cola-zero']],
    ['HOLA QUIERO UNA HAMBURGUESA VEGANA Y DOS FANTAS!!!', ['1 vegana', '2 fanta-naranja']],
    ['xfa 1 burger de pollo q tb quiero unas alitas', ['1 pollo', '1 alitas']],
    ['una hamburgesa clasica', ['1 clasica']],
    ['dos cuatro quesos', ['2 cuatro-quesos']],
    ['una pizza 4 quesos y 2 cocacolas', ['1 cuatro-quesos', '2 coca-cola']],
    ['para mí también una tarta de queso 😋', ['1 tarta-queso']],
    ['3 limones? no, 2 helados', ['2 helado']],
    ['doce cervezas', ['12 cerveza']],
    ['una coca x2', ['2 coca-cola']],
  ])('by name: "%s"', (text, cart) => {
    const chat = new Chat();
    chat.say(text);
    expect(chat.cartSummary()).toEqual(cart);
  });

  it('prefers the most specific dish: "coca cola zero" vs "coca cola"', () => {
    const chat = new Chat();
    chat.say('una coca cola zero y una coca cola');
    expect(chat.cartSummary()).toEqual(['1 coca-cola-zero', '1 coca-cola']);
  });

  it('asks which one for an ambiguous word and takes the answer by number', () => {
    const chat = new Chat();
    const ask = chat.say('quiero 2 hamburguesas y una coca');
    expect(ask).toMatch(/¿Cuál/);
    expect(ask).toMatch(/1\) Hamburguesa clásica/);
    expect(ask).toMatch(/4\) Hamburguesa vegana/);
    expect(chat.cartSummary()).toEqual(['1 coca-cola']);
    const after = chat.say('2');
    expect(chat.cartSummary()).toEqual(['1 coca-cola', '2 doble']);
    expect(after).toMatch(/recoger/);
  });

  it('takes the answer to "which one?" by name, with the asked quantity and note', () => {
    const chat = new Chat();
    chat.say('una hamburguesa sin pepinillo');
    chat.say('la de pollo');
    expect(chat.cartSummary()).toEqual(['1 pollo (sin pepinillo)']);
  });

  it('takes "la segunda" as an answer', () => {
    const chat = new Chat();
    chat.say('una pizza');
    chat.say('la segunda');
    expect(chat.cartSummary()).toEqual(['1 barbacoa']);
  });

  it('asks one question at a time when two words are ambiguous', () => {
    const chat = new Chat();
    expect(chat.say('una hamburguesa y una pizza')).toMatch(/Hamburguesa doble/);
    expect(chat.say('clasica')).toMatch(/Pizza barbacoa/);
    chat.say('margarita');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 margarita']);
    expect(chat.state?.pending).toEqual([]);
  });

  it('asks "did you mean?" for a partial match, and "no" drops it', () => {
    const chat = new Chat();
    const ask = chat.say('una coca light');
    expect(ask).toMatch(/¿Te refieres a \*Coca-Cola\*/);
    expect(chat.cart).toEqual([]);
    expect(chat.say('no')).toMatch(/no lo añado/);
    expect(chat.cart).toEqual([]);
  });

  it('"did you mean?" then "sí" adds it', () => {
    const chat = new Chat();
    expect(chat.say('una zero')).toMatch(/Coca-Cola Zero/);
    chat.say('sí');
    expect(chat.cartSummary()).toEqual(['1 coca-cola-zero']);
  });

  it('a dish with a typo is taken when no other dish is as close (edit distance), and asked about when two are', () => {
    const chat = new Chat();
    chat.say('unas croqetas');
    expect(chat.cartSummary()).toEqual(['1 croquetas']);
    const two = new Chat({
      menu: menuFrom({ restaurant: 'X', categories: [{ id: 'c', name: 'C', items: [{ id: 'pastel', name: 'Pastel', price: 3 }, { id: 'pastor', name: 'Pastor', price: 3 }] }] }),
    });
    expect(two.say('un pastol')).toMatch(/¿Cuál quieres de «pastol»\?/);
    expect(two.cart).toEqual([]);
  });

  it('says plainly when a dish is not on the menu, and keeps the rest', () => {
    const chat = new Chat();
    chat.say('hola');
    const reply = chat.say('2 clásicas y un kebab');
    expect(reply).toMatch(/No encuentro «kebab»/);
    expect(reply).toMatch(/menú/);
    expect(chat.cartSummary()).toEqual(['2 clasica']);
  });

  it('reports "pizza pepperoni" and offers the pizzas', () => {
    const chat = new Chat();
    const reply = chat.say('una pizza pepperoni');
    expect(reply).toMatch(/pepperoni/);
    expect(reply).toMatch(/Pizza margarita/);
    expect(chat.cart).toEqual([]);
  });

  it('says when a menu number does not exist', () => {
    const chat = new Chat();
    chat.say('hola');
    expect(chat.say('el 99')).toMatch(/número 99.*1 al 18/);
    expect(chat.cart).toEqual([]);
  });

  it('refuses absurd quantities', () => {
    const chat = new Chat();
    expect(chat.say('500 clasicas')).toMatch(/hasta 50/);
    expect(chat.cart).toEqual([]);
  });

  it('does not offer unavailable dishes and numbers only available ones', () => {
    const chat = new Chat();
    chat.menu = structuredClone(chat.menu);
    const first = chat.menu.categories[0]!.items[0]!;
    first.available = false;
    const menuText = chat.say('menu');
    expect(menuText).not.toContain('Hamburguesa clásica');
    expect(menuText).toMatch(/1\. Hamburguesa doble/);
    const reply = chat.say('una clasica');
    expect(chat.cart).toEqual([]);
    expect(reply).not.toMatch(/Tu pedido/);
    chat.say('1');
    expect(chat.cartSummary()).toEqual(['1 doble']);
  });

  it('takes the price from the menu when the dish is added', () => {
    const chat = new Chat({ rememberedName: 'Ana' });
    chat.say('una clasica');
    chat.menu = structuredClone(chat.menu);
    chat.menu.categories[0]!.items[0]!.price = 99;
    chat.say('otra clasica sin cebolla');
    chat.say('recoger');
    chat.say('efectivo');
    chat.say('sí');
    expect(chat.lastPlaced?.items.map((i) => i.unitPrice)).toEqual([9.5, 99]);
  });
});

describe('notes', () => {
  it('puts a note on its line', () => {
    const chat = new Chat();
    const reply = chat.say('una clásica sin cebolla y una coca');
    expect(chat.cartSummary()).toEqual(['1 clasica (sin cebolla)', '1 coca-cola']);
    expect(reply).toMatch(/↳ sin cebolla/);
  });

  it('splits "2 clásicas, una sin cebolla"', () => {
    const chat = new Chat();
    chat.say('2 clásicas, una sin cebolla');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 clasica (sin cebolla)']);
  });

  it.each([
    ['una doble con extra de queso', '1 doble (con extra de queso)'],
    ['una clasica bien hecha', '1 clasica (bien hecha)'],
    ['una vegana sin gluten', '1 vegana (sin gluten)'],
    ['una cerveza sin alcohol', '1 cerveza (sin alcohol)'],
    ['una clasica sin cebolla y sin tomate', '1 clasica (sin cebolla y sin tomate)'],
  ])('"%s"', (text, line) => {
    const chat = new Chat();
    chat.say(text);
    expect(chat.cartSummary()).toEqual([line]);
  });

  it('a note-only message goes on the previous dish', () => {
    const chat = new Chat();
    chat.say('una clasica y unas bravas');
    chat.say('y las bravas poco picantes');
    chat.say('y sin tomate');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 bravas (poco picantes, sin tomate)']);
  });

  it('"con" followed by a dish adds the dish', () => {
    const chat = new Chat();
    chat.say('una clasica con patatas fritas');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 patatas-fritas']);
  });

  it('lines with different notes stay separate, equal ones merge', () => {
    const chat = new Chat();
    chat.say('una clasica sin cebolla');
    chat.say('una clasica');
    chat.say('otra clasica sin cebolla');
    expect(chat.cartSummary()).toEqual(['2 clasica (sin cebolla)', '1 clasica']);
  });

  it('the note reaches the placed order', () => {
    const chat = new Chat({ rememberedName: 'Ana' });
    chat.say('una clasica sin cebolla, para recoger, efectivo');
    chat.say('sí');
    expect(chat.lastPlaced?.items).toEqual([{ itemId: 'clasica', name: 'Hamburguesa clásica', quantity: 1, unitPrice: 9.5, note: 'sin cebolla' }]);
  });
});

describe('corrections', () => {
  it('"quita la coca cola" removes it', () => {
    const chat = new Chat();
    chat.say('2 clasicas y una coca cola');
    expect(chat.say('quita la coca cola')).toMatch(/Quitado: Coca-Cola/);
    expect(chat.cartSummary()).toEqual(['2 clasica']);
  });

  it('"sin la coca" removes it when it is in the cart', () => {
    const chat = new Chat();
    chat.say('2 clasicas y una coca');
    chat.say('sin la coca');
    expect(chat.cartSummary()).toEqual(['2 clasica']);
  });

  it('removing something that is not in the cart says so', () => {
    const chat = new Chat();
    chat.say('una clasica');
    expect(chat.say('quita la cerveza')).toMatch(/No tienes «cerveza»/);
    expect(chat.cartSummary()).toEqual(['1 clasica']);
  });

  it('"quita la hamburguesa" with one burger in the cart needs no question', () => {
    const chat = new Chat();
    chat.say('una doble y una fanta');
    chat.say('quita la hamburguesa');
    expect(chat.cartSummary()).toEqual(['1 fanta-naranja']);
  });

  it('"quita una coca" takes one', () => {
    const chat = new Chat();
    chat.say('3 cocas');
    chat.say('quita una coca');
    expect(chat.cartSummary()).toEqual(['2 coca-cola']);
  });

  it('"mejor 3 clásicas" and "cambia las clásicas a 1" set the quantity', () => {
    const chat = new Chat();
    chat.say('2 clasicas y una coca');
    chat.say('mejor 3 clásicas');
    expect(chat.cartSummary()).toEqual(['3 clasica', '1 coca-cola']);
    chat.say('cambia las clásicas a 1');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 coca-cola']);
  });

  it('"otra coca cola" adds one', () => {
    const chat = new Chat();
    chat.say('una coca cola');
    chat.say('otra coca cola');
    expect(chat.cartSummary()).toEqual(['2 coca-cola']);
  });

  it('"borra todo" and "vacía el carrito" empty the cart', () => {
    const chat = new Chat();
    chat.say('2 clasicas');
    expect(chat.say('borra todo')).toMatch(/vaciado/);
    expect(chat.cart).toEqual([]);
    chat.say('una coca');
    chat.say('vacía el carrito');
    expect(chat.cart).toEqual([]);
  });

  it('items can still be added at the pickup/delivery question', () => {
    const chat = new Chat();
    chat.say('una clasica');
    expect(chat.state?.asked).toBe('fulfilment');
    const reply = chat.say('ah y una cerveza');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 cerveza']);
    expect(reply).toMatch(/recoger/);
  });
});
