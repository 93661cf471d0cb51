// The rules behind the real-customer corpus, one by one: headings, questions that never trap,
// slot words with typos, answers given early, corrections, questions mid-order, quantities and
// spellings. Each test names the rule it pins down.
import { describe, expect, it } from 'vitest';
import { Chat, menuFrom, plain } from './bot-harness.ts';
import { sameWord, soundKey, undiminish } from '../../electron/bot/understanding/text-tokens.ts';
import { nearWord } from '../../electron/bot/understanding/typos.ts';
import { detectIntents, looksLikeAddress } from '../../electron/bot/understanding/intents.ts';

const FULFILMENT_QUESTION = /¿Es para recoger en el local o a domicilio\?/;

function withCart(first = 'una clásica'): Chat {
  const chat = new Chat();
  chat.say(first);
  return chat;
}

describe('headings: a category word followed by the dishes it introduces', () => {
  it('"dos pizzas: una margarita y una barbacoa" is two pizzas, not a third question', () => {
    const chat = new Chat();
    const reply = chat.say('hola, dos pizzas: una margarita y una barbacoa');
    expect(chat.cartSummary()).toEqual(['1 margarita', '1 barbacoa']);
    expect(reply).not.toContain('¿Cuál quieres');
    expect(reply).toMatch(FULFILMENT_QUESTION);
  });

  it('"2 hamburguesas, una clásica y una doble" with a comma', () => {
    const chat = new Chat();
    chat.say('2 hamburguesas, una clásica y una doble');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 doble']);
  });

  it('what the dishes after a heading do not cover is still asked about, with the rest of the quantity', () => {
    const chat = new Chat();
    const reply = chat.say('tres pizzas: una margarita');
    expect(chat.cartSummary()).toEqual(['1 margarita']);
    expect(reply).toContain('¿Cuál quieres de «pizzas»?');
    chat.say('la barbacoa');
    expect(chat.cartSummary()).toEqual(['1 margarita', '2 barbacoa']);
  });

  it('a singular generic word next to a specific dish is not a heading: it is asked about', () => {
    const chat = new Chat();
    const reply = chat.say('una hamburguesa y una doble');
    expect(chat.cartSummary()).toEqual(['1 doble']);
    expect(reply).toContain('¿Cuál quieres de «hamburguesa»?');
  });

  it('"2x pizza 4 quesos": 2x is a quantity and the digit matches the number word in the name', () => {
    const chat = new Chat();
    const reply = chat.say('quiero 2x pizza 4 quesos');
    expect(chat.cartSummary()).toEqual(['2 cuatro-quesos']);
    expect(reply).not.toContain('¿Cuál quieres');
  });

  it('a section name that no dish name contains ("tacos" on a menu of "Al pastor"…) works as a heading and as a question', () => {
    const menu = menuFrom({
      restaurant: 'Arepera Caracas',
      currency: 'USD',
      categories: [
        { id: 'arepas', name: 'Arepas', items: [
          { id: 'reina', name: 'Reina pepiada', price: 6 },
          { id: 'domino', name: 'Dominó', price: 5, aliases: ['domino'] },
          { id: 'pabellon', name: 'Pabellón', price: 7, aliases: ['pabellon'] },
        ] },
        { id: 'jugos', name: 'Jugos', items: [{ id: 'papelon', name: 'Papelón con limón', price: 2.5, aliases: ['papelon'] }] },
      ],
    });
    const chat = new Chat({ menu });
    chat.say('buenas, 3 arepas: 2 reina pepiada y una dominó');
    expect(chat.cartSummary()).toEqual(['2 reina', '1 domino']);
    const reply = chat.say('y otra arepa');
    expect(reply).toContain('¿Cuál quieres de «arepa»?');
    chat.say('pabellón');
    expect(chat.cartSummary()).toEqual(['2 reina', '1 domino', '1 pabellon']);
  });
});

describe('a pending question never traps', () => {
  const pending = () => {
    const chat = new Chat();
    chat.say('una clásica y una pizza');
    expect(chat.transcript.at(-1)).toContain('¿Cuál quieres de «pizza»?');
    return chat;
  };

  it.each([
    ['nada más', (c: Chat) => expect(c.state?.fulfilment).toBeNull()],
    ['recojo yo', (c: Chat) => expect(c.state?.fulfilment).toBe('pickup')],
    ['a domicilio', (c: Chat) => expect(c.state?.fulfilment).toBe('delivery')],
    ['efectivo', (c: Chat) => expect(c.state?.payment).toBe('cash')],
    ['calle Mayor 5', (c: Chat) => expect(c.state?.address).toBe('calle Mayor 5')],
    ['y una coca', (c: Chat) => expect(c.cartSummary()).toContain('1 coca-cola')],
  ])('«%s» is read as usual and the question stays open (nothing is dropped unasked)', (answer, check) => {
    const chat = pending();
    const reply = plain(chat.say(answer));
    expect(reply).not.toContain('fuera del pedido');
    expect(reply).toContain('¿Cuál quieres de «pizza»?');
    check(chat);
    expect(chat.cartSummary()[0]).toBe('1 clasica');
    chat.say('ninguna');
    expect(chat.state?.pending).toEqual([]);
  });

  it('"mejor …" replaces the dish asked about', () => {
    const chat = pending();
    const reply = plain(chat.say('mejor una hamburguesa doble'));
    expect(reply).toContain('dejo «pizza» fuera del pedido');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 doble']);
  });

  it('the answer to the question still works, by name or number', () => {
    const chat = pending();
    chat.say('2');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 barbacoa']);
  });

  it('the same question at most twice in a row: a third miss hands the chat to a person, and nothing is lost', () => {
    const chat = pending();
    expect(chat.say('si')).toContain('no te he entendido');
    expect(chat.effects.handoffs).toEqual([]);
    const help = chat.say('si');
    expect(help).toContain('Le paso tu chat a una persona del restaurante');
    expect(help).not.toContain('¿Cuál quieres');
    expect(chat.effects.handoffs).toEqual(['si']);
    // Released back to the bot, the question is still there: nothing said before is dropped.
    expect(chat.say('2')).toMatch(FULFILMENT_QUESTION);
  });

  it('the miss count survives the JSON round trip and resets on an understood reply', () => {
    const chat = withCart();
    chat.say('blablabla');
    chat.say('recoger');
    expect(chat.say('xyzzy')).not.toContain('hablar con una persona');
  });
});

describe('slot words as customers write them', () => {
  it.each(['a domicilio', 'a domisilio', 'domicilo', 'a casa', 'envío', 'enviar', 'que me lo traigan', 'llevar a casa', 'delivery', 'mándamelo a casa'])(
    '«%s» is delivery',
    (words) => {
      const chat = withCart();
      expect(chat.say(words)).toMatch(/dirección/);
      expect(chat.state?.fulfilment).toBe('delivery');
    },
  );

  it.each(['recoger', 'recojo', 'paso a buscarlo', 'para llevar', 'pa llevar', 'take away', 'lo recojo', 'voy yo', 'recojer'])('«%s» is pickup', (words) => {
    const chat = withCart();
    expect(chat.say(words)).toMatch(/nombre/);
    expect(chat.state?.fulfilment).toBe('pickup');
  });

  it.each(['nada más', 'na mas', 'nada mas', 'ya está', 'ya', 'eso es todo', 'eso', 'listo', 'es todo', 'nada', 'no gracias', 'así está bien', 'ok ya'])(
    '«%s» ends the dishes without a complaint',
    (words) => {
      const chat = withCart();
      const reply = chat.say(words);
      expect(reply).not.toMatch(/no te he entendido|No encuentro/);
      expect(reply).toMatch(FULFILMENT_QUESTION);
      expect(chat.cartSummary()).toEqual(['1 clasica']);
    },
  );

  it.each([
    ['efectivo', 'cash'],
    ['efetivo', 'cash'],
    ['targeta', 'card'],
    ['pago con tarjeta', 'card'],
    ['bizum', 'bizum'],
    ['trasferencia', 'transfer'],
  ])('payment «%s» is remembered at any step', (words, method) => {
    const chat = withCart();
    chat.say(words);
    expect(chat.state?.payment).toBe(method);
  });

  it('an address when asked pickup-or-delivery means delivery to it', () => {
    for (const address of ['av. de la constitución 5', 'Calle Mayor 14, 2ºB', 'c/ Sol 3', 'Plaza España 1, portal 2', 'paseo del Prado 10']) {
      const chat = withCart();
      const reply = chat.say(address);
      expect(reply, address).not.toContain('No encuentro');
      expect(reply, address).toMatch(/nombre/);
      expect(chat.state?.fulfilment).toBe('delivery');
      expect(chat.state?.address).toBe(address);
    }
  });

  it('a single word at the name step is a name, never a missing dish', () => {
    const chat = withCart();
    chat.say('recoger');
    expect(chat.say('Irene')).not.toContain('No encuentro');
    expect(chat.state?.name).toBe('Irene');
  });

  it('a payment with words around it is not reported as missing dishes', () => {
    const chat = withCart();
    chat.say('recoger');
    chat.say('Kike');
    const reply = chat.say('pago cuando llegue en efectivo');
    expect(reply).not.toContain('No encuentro');
    expect(chat.state?.payment).toBe('cash');
  });
});

describe('corrections', () => {
  it('"3 de la 12" then "no espera, mejor 2" changes the last line to 2', () => {
    const chat = new Chat();
    chat.say('3 de la 12');
    chat.say('no espera, mejor 2');
    expect(chat.cartSummary()).toEqual(['2 coca-cola']);
  });

  it.each([
    ['mejor que sean 2', ['1 clasica', '2 coca-cola']],
    ['cambia las cocas a 2', ['1 clasica', '2 coca-cola']],
    ['quita una coca', ['1 clasica', '2 coca-cola']],
    ['sin la coca', ['1 clasica']],
    ['al final no quiero la clásica', ['3 coca-cola']],
    ['en vez de la clásica una doble', ['3 coca-cola', '1 doble']],
    ['cambia la clásica por una doble', ['3 coca-cola', '1 doble']],
    ['cambia las cocas por fantas', ['1 clasica', '3 fanta-naranja']],
  ])('«%s»', (words, cart) => {
    const chat = new Chat();
    chat.say('una clásica y 3 cocas');
    chat.say(words);
    expect(chat.cartSummary().sort()).toEqual([...cart].sort());
  });
});

describe('questions in the middle of an order are answered, then the slot question comes back', () => {
  const hoursMenu = () =>
    menuFrom({
      restaurant: 'Bar Manolo',
      timezone: 'Europe/Madrid',
      hours: { mon: [['12:00', '16:00'], ['20:00', '23:30']] },
      categories: [{ id: 'c', name: 'Tapas', items: [{ id: 'bravas', name: 'Bravas', price: 5 }] }],
    });

  it.each(['A qué hora cerráis?', '¿hasta qué hora abrís?', 'que horario tenéis'])('«%s» gives today\'s hours from the menu', (question) => {
    const chat = new Chat({ menu: hoursMenu() });
    chat.say('unas bravas');
    const reply = plain(chat.say(question));
    expect(reply).toContain('Hoy abrimos de 12:00 a 16:00 y de 20:00 a 23:30.');
    expect(reply).not.toContain('No encuentro');
    expect(reply).toMatch(FULFILMENT_QUESTION);
    expect(chat.cartSummary()).toEqual(['1 bravas']);
  });

  it('when closed, an hours question says when it opens', () => {
    const chat = new Chat({ menu: hoursMenu(), now: Date.UTC(2025, 0, 6, 16, 0) });
    expect(plain(chat.say('¿a qué hora abrís?'))).toContain('Abrimos hoy a las 20:00');
  });

  it('"¿hacéis envíos?" is answered and does not choose delivery', () => {
    const chat = withCart();
    const reply = chat.say('¿hacéis envíos?');
    expect(reply).toContain('llevamos a domicilio');
    expect(reply).toMatch(FULFILMENT_QUESTION);
    expect(chat.state?.fulfilment).toBeNull();
  });

  it('"¿cuánto tarda?" before ordering explains how the wait is told', () => {
    const chat = withCart();
    const reply = chat.say('¿cuánto tarda?');
    expect(reply).toContain('te dice cuánto tardará');
    expect(reply).toMatch(FULFILMENT_QUESTION);
  });

  it('"¿tenéis opciones veganas?" lists the vegan dish and adds nothing', () => {
    const chat = withCart();
    const reply = chat.say('¿tenéis opciones veganas?');
    expect(reply).toContain('Hamburguesa vegana');
    expect(chat.cartSummary()).toEqual(['1 clasica']);
    expect(reply).toMatch(FULFILMENT_QUESTION);
  });

  it('"¿cuánto cuesta la doble?" gives the price and adds nothing; "¿cuánto es?" shows the cart', () => {
    const chat = withCart();
    expect(plain(chat.say('¿cuánto cuesta la doble?'))).toContain('Hamburguesa doble — 12,00 €');
    expect(chat.cartSummary()).toEqual(['1 clasica']);
    expect(plain(chat.say('¿cuánto es?'))).toContain('Subtotal: 9,50 €');
  });

  it('a time ("a las 21:00") is not read as dish numbers', () => {
    const chat = new Chat();
    const reply = chat.say('2 dobles a recoger a las 21:00');
    expect(reply).not.toContain('No tengo el número');
    expect(reply).toContain('para las 21:00');
    expect(chat.cartSummary()).toEqual(['2 doble']);
  });
});

describe('quantities and spellings', () => {
  it.each([
    ['un par de bravas', ['2 bravas']],
    ['media docena de cervezas', ['6 cerveza']],
    ['2x clásica', ['2 clasica']],
    ['clásica x2', ['2 clasica']],
    ['dos de bravas', ['2 bravas']],
    ['cocacolas x3', ['3 coca-cola']],
    ['dos cañitas', ['2 cerveza']],
    ['unas croquetitas', ['1 croquetas']],
    ['una cervecita', ['1 cerveza']],
    ['HAMBURGUESA CLASICA', ['1 clasica']],
    ['una hamburgesa clasica', ['1 clasica']],
    ['una hamburgueza doble', ['1 doble']],
    ['una pisa margarita', ['1 margarita']],
    ['una coca cola', ['1 coca-cola']],
    ['una coca-cola', ['1 coca-cola']],
    ['🍔 una clásica 😋', ['1 clasica']],
    ['una clásica con extra de queso', ['1 clasica (con extra de queso)']],
    ['una clásica bien hecha', ['1 clasica (bien hecha)']],
    ['una coca sin hielo', ['1 coca-cola (sin hielo)']],
  ])('«%s»', (words, cart) => {
    const chat = new Chat();
    chat.say(words);
    expect(chat.cartSummary()).toEqual(cart);
  });

  it('"otra", "otra más" and "lo mismo otra vez" repeat the last line', () => {
    const chat = new Chat();
    chat.say('una caña');
    chat.say('otra');
    expect(chat.cartSummary()).toEqual(['2 cerveza']);
    chat.say('otra más');
    expect(chat.cartSummary()).toEqual(['3 cerveza']);
    chat.say('lo mismo otra vez');
    expect(chat.cartSummary()).toEqual(['6 cerveza']);
  });

  it('"una más" without a dish adds one of the last line; a lone "una" does nothing', () => {
    const chat = new Chat();
    chat.say('dos bravas');
    chat.say('una más');
    expect(chat.cartSummary()).toEqual(['3 bravas']);
    chat.say('una');
    expect(chat.cartSummary()).toEqual(['3 bravas']);
  });

  it('English on an English menu: heading, size word before the dish, "another one"', () => {
    const menu = menuFrom({
      restaurant: 'Joe',
      currency: 'GBP',
      locale: 'en',
      categories: [
        { id: 'b', name: 'Burgers', items: [{ id: 'cheeseburger', name: 'Cheeseburger', price: 9 }, { id: 'bacon', name: 'Bacon burger', price: 10 }] },
        { id: 'd', name: 'Drinks', items: [{ id: 'cola', name: 'Cola', price: 2 }] },
      ],
    });
    const chat = new Chat({ menu });
    chat.say('2 burgers: a cheeseburger and a bacon burger, and a large cola');
    expect(chat.cartSummary()).toEqual(['1 cheeseburger', '1 bacon', '1 cola (large)']);
    chat.say('another one');
    expect(chat.cartSummary()).toEqual(['1 cheeseburger', '1 bacon', '2 cola (large)']);
    expect(chat.say('pickup')).toMatch(/name/);
    expect(chat.say('my names Dave')).toMatch(/Cash or card\./);
    expect(chat.state?.name).toBe('Dave');
  });
});

describe('building blocks', () => {
  it('sameWord: number words and digits, diminutives, plurals', () => {
    expect(sameWord('4', 'cuatro')).toBe(true);
    expect(sameWord('cuatro', '4')).toBe(true);
    expect(sameWord('5', 'cuatro')).toBe(false);
    expect(sameWord('canitas', 'cana')).toBe(true);
    expect(sameWord('taquitos', 'taco')).toBe(true);
    expect(sameWord('cervecita', 'cerveza')).toBe(true);
    expect(sameWord('croquetitas', 'croquetas')).toBe(true);
    expect(sameWord('margaritas', 'margarita')).toBe(true);
    expect(sameWord('patatitas', 'bravas')).toBe(false);
    // Only the customer's word is read as a diminutive: "carne" is not "carnitas".
    expect(sameWord('carne', 'carnitas')).toBe(false);
    expect(sameWord('tres', 'cuatro')).toBe(false);
  });

  it('undiminish only strips diminutive endings', () => {
    expect(undiminish('cafecito')).toContain('cafe');
    expect(undiminish('pizza')).toEqual([]);
  });

  it('sound-alike spellings are near, different words are not', () => {
    expect(soundKey('pizza')).toBe(soundKey('pisa'));
    expect(nearWord('hamburgueza', 'hamburguesa')).toBe(true);
    expect(nearWord('pisa', 'pizza')).toBe(true);
    expect(nearWord('pollo', 'bravas')).toBe(false);
  });

  it('looksLikeAddress needs a street word and a number', () => {
    expect(looksLikeAddress('Calle Mayor 5')).toBe(true);
    expect(looksLikeAddress('c/ Sol 3')).toBe(true);
    expect(looksLikeAddress('Av. Insurgentes Sur 1234')).toBe(true);
    expect(looksLikeAddress('calle mayor')).toBe(false);
    expect(looksLikeAddress('2 de la 5')).toBe(false);
  });

  it('a delivery question is not a delivery choice; a delivery request phrased as a question is', () => {
    expect(detectIntents('¿hacéis envíos?')).toMatchObject({ asksDelivery: true, fulfilment: null });
    expect(detectIntents('¿me lo lleváis a casa?')).toMatchObject({ asksDelivery: false, fulfilment: 'delivery' });
  });
});

describe('other menus: names with "con"/"sin", sizes, ids and sections', () => {
  const cafe = () =>
    menuFrom({
      restaurant: 'Cafetería Sol',
      categories: [
        { id: 'cafes', name: 'Cafés', items: [
          { id: 'solo', name: 'Café solo', price: 1.2 },
          { id: 'con-leche', name: 'Café con leche', price: 1.5 },
          { id: 'cortado', name: 'Cortado', price: 1.3 },
        ] },
        { id: 'comer', name: 'Para comer', items: [
          { id: 'tostada', name: 'Tostada con tomate', price: 2.5 },
          { id: 'bocata', name: 'Bocadillo de jamón', price: 4 },
        ] },
        { id: 'bebidas', name: 'Bebidas', items: [
          { id: 'agua-gas', name: 'Agua con gas', price: 1.5 },
          { id: 'agua', name: 'Agua sin gas', price: 1.2 },
          { id: 'refresco-cola', name: 'Coca-Cola 33cl', price: 2 },
        ] },
      ],
    });

  it.each([
    ['un café con leche y una tostada con tomate', ['1 con-leche', '1 tostada']],
    ['dos cafés solos y un agua sin gas', ['2 solo', '1 agua']],
    ['un agua con gas y una coca cola', ['1 agua-gas', '1 refresco-cola']],
    ['un bocata de jamón', ['1 bocata']],
    ['2 cafés: un cortado y un solo', ['1 cortado', '1 solo']],
  ])('«%s»', (words, cart) => {
    const chat = new Chat({ menu: cafe() });
    const reply = chat.say(words);
    expect(chat.cartSummary()).toEqual(cart);
    expect(reply).not.toMatch(/¿Cuál quieres|¿Te refieres/);
  });

  it('"coca también" at the name step is a dish; a bare capitalised word is the name', () => {
    const chat = withCart();
    chat.say('recoger');
    chat.say('coca también');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 coca-cola']);
    expect(chat.state?.name).toBeNull();
    chat.say('Margarita');
    expect(chat.state?.name).toBe('Margarita');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 coca-cola']);
  });
});

describe('the name step', () => {
  it('a lower-case dish is a dish, a lower-case unknown word is a name', () => {
    const chat = withCart();
    chat.say('recoger');
    expect(chat.say('pizza')).toContain('¿Cuál quieres de «pizza»?');
    expect(chat.state?.name).toBeNull();
    chat.say('la margarita');
    expect(chat.cartSummary()).toEqual(['1 clasica', '1 margarita']);
    chat.say('jose');
    expect(chat.state?.name).toBe('jose');
  });

  it('an address at the name step is the delivery address, not a name', () => {
    const chat = withCart();
    chat.say('recoger');
    expect(chat.say('Calle Sol 3, 2ºA')).toMatch(/nombre/);
    expect(chat.state).toMatchObject({ fulfilment: 'delivery', address: 'Calle Sol 3, 2ºA', name: null });
  });

  it('"para 4 personas" and a phone number are neither dishes nor dish numbers', () => {
    const chat = new Chat();
    const reply = chat.say('2 pizzas barbacoa para 4 personas, mi teléfono es 600111222');
    expect(chat.cartSummary()).toEqual(['2 barbacoa']);
    expect(reply).not.toMatch(/No tengo el número|No encuentro/);
  });
});

describe('English corrections and slot phrasings', () => {
  const menu = () =>
    menuFrom({
      restaurant: 'Joe',
      currency: 'GBP',
      locale: 'en',
      categories: [
        { id: 'b', name: 'Burgers', items: [{ id: 'cheeseburger', name: 'Cheeseburger', price: 9 }] },
        { id: 'd', name: 'Drinks', items: [{ id: 'cola', name: 'Cola', price: 2 }, { id: 'lemonade', name: 'Lemonade', price: 2.5 }] },
      ],
    });

  it('"make it 2", "change the cola to lemonade", "I\'ll come get it", "apple pay"', () => {
    const chat = new Chat({ menu: menu() });
    chat.say('a cheeseburger and a cola');
    expect(chat.say('make it 2')).not.toContain('cannot find');
    expect(chat.cartSummary()).toEqual(['1 cheeseburger', '2 cola']);
    chat.say('change the cola to lemonade');
    expect(chat.cartSummary()).toEqual(['1 cheeseburger', '2 lemonade']);
    expect(chat.say("I'll come get it")).toMatch(/name/);
    expect(chat.state?.fulfilment).toBe('pickup');
    chat.say('apple pay');
    expect(chat.state?.payment).toBe('card');
  });

  it('"cambia la coca a fanta" swaps, "cambia las fantas a 3" sets the quantity', () => {
    const chat = new Chat();
    chat.say('2 cocas');
    chat.say('cambia la coca a fanta');
    expect(chat.cartSummary()).toEqual(['2 fanta-naranja']);
    chat.say('cambia las fantas a 3');
    expect(chat.cartSummary()).toEqual(['3 fanta-naranja']);
  });
});

describe('a name while a dish question is open', () => {
  it('"Irene" when the name is what comes next is taken as the name, and the question stays open', () => {
    const chat = withCart();
    chat.say('recoger');
    expect(chat.say('y una pizza')).toContain('¿Cuál quieres de «pizza»?');
    const reply = chat.say('Irene');
    expect(reply).not.toContain('No encuentro');
    expect(chat.state?.name).toBe('Irene');
    expect(reply).toContain('¿Cuál quieres de «pizza»?');
    expect(chat.say('la barbacoa')).toMatch(/pagar/);
  });
});

describe('menus with sizes and shared words', () => {
  it('"margarita familiar" is the family margarita; "una margarita" asks which size', () => {
    const menu = menuFrom({
      restaurant: 'Pizzería Napoli',
      categories: [{ id: 'p', name: 'Pizzas', items: [
        { id: 'marg-m', name: 'Pizza margarita mediana', price: 8 },
        { id: 'marg-f', name: 'Pizza margarita familiar', price: 14 },
        { id: 'pep-m', name: 'Pizza pepperoni mediana', price: 9 },
      ] }],
    });
    const chat = new Chat({ menu });
    chat.say('una margarita familiar y una pepperoni mediana');
    expect(chat.cartSummary()).toEqual(['1 marg-f', '1 pep-m']);
    expect(chat.say('y una margarita')).toContain('¿Cuál quieres de «margarita»?');
  });

  it('under a heading, a word two dishes share means the one in the heading ("dos durums: uno de pollo y otro mixto")', () => {
    const menu = menuFrom({
      restaurant: 'Kebab Ali',
      categories: [{ id: 'k', name: 'Kebabs', items: [
        { id: 'kebab-pollo', name: 'Kebab de pollo', price: 5 },
        { id: 'kebab-mixto', name: 'Kebab mixto', price: 5.5 },
        { id: 'durum-pollo', name: 'Dürüm de pollo', price: 6 },
        { id: 'durum-mixto', name: 'Dürüm mixto', price: 6.5 },
      ] }],
    });
    const chat = new Chat({ menu });
    chat.say('dos durums: uno de pollo y otro mixto');
    expect(chat.cartSummary()).toEqual(['1 durum-pollo', '1 durum-mixto']);
  });
});
