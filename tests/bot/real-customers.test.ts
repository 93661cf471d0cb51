// A corpus of whole conversations in the voices real customers use: formal, terse, typo-ridden,
// voice-to-text without punctuation, Latin-American, English. Each must end with exactly the order
// the customer meant, and no conversation may get stuck (a repeated question, a name or an address
// reported as a missing dish). A second menu (a taquería) shows nothing depends on the sample menu.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from '../../shared/order.ts';
import { Chat, menuFrom, type ChatOptions } from './bot-harness.ts';

const taqueria = menuFrom(JSON.parse(readFileSync(new URL('./taqueria-menu.json', import.meta.url), 'utf8')));
const english = menuFrom({
  restaurant: 'Joe’s Diner',
  currency: 'GBP',
  locale: 'en',
  categories: [
    {
      id: 'burgers',
      name: 'Burgers',
      items: [
        { id: 'cheeseburger', name: 'Cheeseburger', price: 9, aliases: ['cheese burger'] },
        { id: 'bacon-burger', name: 'Bacon burger', price: 10.5 },
      ],
    },
    { id: 'sides', name: 'Sides', items: [{ id: 'fries', name: 'French fries', price: 3, aliases: ['chips', 'fries'] }] },
    { id: 'drinks', name: 'Drinks', items: [{ id: 'cola', name: 'Cola', price: 2 }, { id: 'lemonade', name: 'Lemonade', price: 2.5 }] },
  ],
});

/** Monday 6 January 2025, 14:00 in Mexico City: the taquería is open. */
const MONDAY_1400_MEXICO = Date.UTC(2025, 0, 6, 20, 0);

interface Conversation {
  voice: string;
  menu?: 'taqueria' | 'english';
  profileName?: string;
  say: string[];
  /** Gibberish on purpose: "not on the menu" is right, then the chat goes to a person (and the bot goes on after). */
  gibberish?: boolean;
  placed: {
    /** "2 clasica" or "1 clasica (sin cebolla)", any order. */
    items: string[];
    fulfilment: 'pickup' | 'delivery';
    address?: string;
    name: string;
    payment: PaymentMethod;
  };
}

const CONVERSATIONS: Conversation[] = [
  // --- Spain, sample menu ---
  {
    voice: 'heading for the pizzas, then terse answers',
    say: ['hola, dos pizzas: una margarita y una barbacoa', 'nada más', 'recojo yo', 'Irene', 'efectivo', 'si'],
    placed: { items: ['1 margarita', '1 barbacoa'], fulfilment: 'pickup', name: 'Irene', payment: 'cash' },
  },
  {
    voice: '2x and a number in the dish name, typos at every step',
    say: ['quiero 2x pizza 4 quesos', 'na mas', 'a domisilio', 'av. de la constitución 5', 'jose', 'tarjeta', 'si'],
    placed: { items: ['2 cuatro-quesos'], fulfilment: 'delivery', address: 'av. de la constitución 5', name: 'jose', payment: 'card' },
  },
  {
    voice: 'heading for the burgers with a comma',
    say: ['2 hamburguesas, una clásica y una doble', 'ya está', 'para llevar', 'Marta', 'bizum', 'vale'],
    placed: { items: ['1 clasica', '1 doble'], fulfilment: 'pickup', name: 'Marta', payment: 'bizum' },
  },
  {
    voice: 'heading that covers only part: the rest is asked about',
    say: ['tres pizzas: una margarita', 'dos de barbacoa', 'eso es todo', 'voy yo', 'Luis', 'efectivo', 'sí'],
    placed: { items: ['1 margarita', '2 barbacoa'], fulfilment: 'pickup', name: 'Luis', payment: 'cash' },
  },
  {
    voice: 'formal Spanish',
    say: [
      'Buenas tardes. Quisiera encargar dos hamburguesas clásicas y una ración de patatas bravas, por favor.',
      'Sería para recoger en el local.',
      'A nombre de Carmen Ruiz.',
      'Pagaré con tarjeta.',
      'Sí, confirmo.',
    ],
    placed: { items: ['2 clasica', '1 bravas'], fulfilment: 'pickup', name: 'Carmen Ruiz', payment: 'card' },
  },
  {
    voice: 'voice-to-text without punctuation',
    say: ['hola quería pedir una pizza margarita y dos cocacolas para llevar a casa', 'calle mayor 14 segundo b', 'soy antonio', 'en efectivo', 'si si'],
    placed: { items: ['1 margarita', '2 coca-cola'], fulfilment: 'delivery', address: 'calle mayor 14 segundo b', name: 'antonio', payment: 'cash' },
  },
  {
    voice: 'all caps',
    say: ['QUIERO 3 CROQUETAS Y UNA CERVEZA', 'A DOMICILIO', 'CALLE SOL 3', 'PACO', 'EFECTIVO', 'SI'],
    placed: { items: ['3 croquetas', '1 cerveza'], fulfilment: 'delivery', address: 'CALLE SOL 3', name: 'PACO', payment: 'cash' },
  },
  {
    voice: 'typo-ridden dishes',
    say: ['una hamburgesa clasica y una hamburgueza doble', 'y una pisa barbacoa', 'recoger', 'Nuria', 'tarjeta', 'ok'],
    placed: { items: ['1 clasica', '1 doble', '1 barbacoa'], fulfilment: 'pickup', name: 'Nuria', payment: 'card' },
  },
  {
    voice: 'diminutives and plurals',
    say: ['ponme unas croquetitas y dos cañitas bien fresquitas', 'y 2 coca-colas', 'ya', 'lo recojo', 'Rocío', 'efectivo', 'sí'],
    placed: { items: ['1 croquetas', '2 cerveza (bien fresquitas)', '2 coca-cola'], fulfilment: 'pickup', name: 'Rocío', payment: 'cash' },
  },
  {
    voice: 'emoji everywhere',
    say: ['🍕🍕 2 margaritas porfa 🙏', 'nada mas 😊', 'recoger 🏃', 'Lucía ✨', 'bizum 📱', '👍'],
    placed: { items: ['2 margarita'], fulfilment: 'pickup', name: 'Lucía ✨', payment: 'bizum' },
  },
  {
    voice: 'notes with con, sin and bien hecha',
    say: ['una clásica bien hecha con extra de queso y una coca sin hielo', 'a domicilio, calle Luna 8', 'me llamo Sergio', 'tarjeta', 'si'],
    placed: {
      items: ['1 clasica (bien hecha con extra de queso)', '1 coca-cola (sin hielo)'],
      fulfilment: 'delivery',
      address: 'calle Luna 8',
      name: 'Sergio',
      payment: 'card',
    },
  },
  {
    voice: 'correction of the quantity just ordered',
    say: ['3 de la 12', 'no espera, mejor 2', 'recoger', 'Ana', 'efectivo', 'sí'],
    placed: { items: ['2 coca-cola'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'correction: que sean',
    say: ['dos bravas y una fanta', 'mejor que sean 3', 'ya esta', 'recojo', 'Olga', 'tarjeta', 'si'],
    placed: { items: ['2 bravas', '3 fanta-naranja'], fulfilment: 'pickup', name: 'Olga', payment: 'card' },
  },
  {
    voice: 'change one dish for another',
    say: ['una margarita y un agua', 'en vez de la margarita una barbacoa', 'para recoger', 'Tomás', 'efectivo', 'si'],
    placed: { items: ['1 barbacoa', '1 agua'], fulfilment: 'pickup', name: 'Tomás', payment: 'cash' },
  },
  {
    voice: 'cambia X por Y',
    say: ['2 cocas y una clasica', 'cambia las cocas por fantas', 'recoger', 'Pilar', 'tarjeta', 'si'],
    placed: { items: ['2 fanta-naranja', '1 clasica'], fulfilment: 'pickup', name: 'Pilar', payment: 'card' },
  },
  {
    voice: 'taking things out in several ways',
    say: ['3 cocas, una fanta, una tarta y una doble', 'quita una coca', 'sin la fanta', 'al final no quiero la tarta', 'cambia las cocas a 1', 'eso es todo', 'recoger', 'Jaime', 'efectivo', 'si'],
    placed: { items: ['1 coca-cola', '1 doble'], fulfilment: 'pickup', name: 'Jaime', payment: 'cash' },
  },
  {
    voice: 'questions in the middle of the order',
    say: ['una vegana', 'A qué hora cerráis?', '¿hacéis envíos?', 'vale pues a domicilio', '¿cuánto tarda?', 'plaza mayor 1', 'Elena', 'tarjeta', 'si'],
    placed: { items: ['1 vegana'], fulfilment: 'delivery', address: 'plaza mayor 1', name: 'Elena', payment: 'card' },
  },
  {
    voice: 'asks whether there is something before ordering it',
    say: ['¿tenéis opciones veganas?', 'pues una vegana', 'recoger', 'Inés', 'efectivo', 'sí'],
    placed: { items: ['1 vegana'], fulfilment: 'pickup', name: 'Inés', payment: 'cash' },
  },
  {
    voice: 'an address when asked pickup or delivery',
    say: ['dos clasicas', 'c/ Alcalá 120, 4ºB', 'Raúl', 'efectivo', 'sí'],
    placed: { items: ['2 clasica'], fulfilment: 'delivery', address: 'c/ Alcalá 120, 4ºB', name: 'Raúl', payment: 'cash' },
  },
  {
    voice: 'payment given early, before it is asked',
    say: ['una barbacoa, pago con tarjeta', 'recoger', 'Diana', 'si'],
    placed: { items: ['1 barbacoa'], fulfilment: 'pickup', name: 'Diana', payment: 'card' },
  },
  {
    voice: 'everything in one message',
    say: ['Hola! 2 dobles y 2 fritas a domicilio en Calle Pez 3, a nombre de Bea, pago en efectivo', 'si'],
    placed: { items: ['2 doble', '2 patatas-fritas'], fulfilment: 'delivery', address: 'Calle Pez 3', name: 'Bea', payment: 'cash' },
  },
  {
    voice: 'quantity words: un par de, media docena',
    say: ['un par de alitas y media docena de cervezas', 'listo', 'recogida', 'Gonzalo', 'efectivo', 'si'],
    placed: { items: ['2 alitas', '6 cerveza'], fulfilment: 'pickup', name: 'Gonzalo', payment: 'cash' },
  },
  {
    voice: 'x2 after the dish and dos de',
    say: ['helado x2', 'y dos de tarta', 'nada', 'paso a buscarlo', 'Mar', 'efectivo', 'si'],
    placed: { items: ['2 helado', '2 tarta-queso'], fulfilment: 'pickup', name: 'Mar', payment: 'cash' },
  },
  {
    voice: 'otra, otra más, lo mismo otra vez',
    say: ['una caña', 'otra', 'otra más', 'una doble', 'lo mismo otra vez', 'recoger', 'Nacho', 'efectivo', 'si'],
    placed: { items: ['3 cerveza', '2 doble'], fulfilment: 'pickup', name: 'Nacho', payment: 'cash' },
  },
  {
    voice: 'done-words that are not in the book',
    say: ['una clasica', 'así está bien', 'take away', 'Félix', 'efectivo', 'si'],
    placed: { items: ['1 clasica'], fulfilment: 'pickup', name: 'Félix', payment: 'cash' },
  },
  {
    voice: 'no gracias as the end of the order',
    say: ['dos de fritas', 'no gracias', 'que me lo traigan', 'Avenida de América 10, 1ºA', 'Sonia', 'tarjeta', 'si'],
    placed: { items: ['2 patatas-fritas'], fulfilment: 'delivery', address: 'Avenida de América 10, 1ºA', name: 'Sonia', payment: 'card' },
  },
  {
    voice: 'a dish question answered with another dish (the question must not trap)',
    say: ['una pizza', 'mejor una hamburguesa doble', 'ok ya', 'recoger', 'Iván', 'efectivo', 'si'],
    placed: { items: ['1 doble'], fulfilment: 'pickup', name: 'Iván', payment: 'cash' },
  },
  {
    voice: 'a dish question answered with the fulfilment (kept open until "ninguna")',
    say: ['una hamburguesa', 'la clásica', 'y una pizza', 'a domicilio', 'ninguna', 'calle Goya 20', 'Paula', 'efectivo', 'si'],
    placed: { items: ['1 clasica'], fulfilment: 'delivery', address: 'calle Goya 20', name: 'Paula', payment: 'cash' },
  },
  {
    voice: 'a dish question answered by its number',
    say: ['quiero pizza', '2', 'recoger', 'Alba', 'bizum', 'sí'],
    placed: { items: ['1 barbacoa'], fulfilment: 'pickup', name: 'Alba', payment: 'bizum' },
  },
  {
    voice: 'gibberish twice, then an order',
    gibberish: true,
    say: ['asdf qwer', 'zxcv', 'una margarita', 'recoger', 'Leo', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Leo', payment: 'cash' },
  },
  {
    voice: 'profile name accepted with yes',
    profileName: 'Clara',
    say: ['buenas, una cuatro quesos', 'para recoger', 'si', 'efectivo', 'perfecto'],
    placed: { items: ['1 cuatro-quesos'], fulfilment: 'pickup', name: 'Clara', payment: 'cash' },
  },
  {
    voice: 'no accents, lower case, abbreviations',
    say: ['xfa 1 hamburguesa de pollo y 1 coca zero', 'd nada mas', 'a domicilio', 'pza españa 2', 'maria', 'tarj', 'si'],
    placed: { items: ['1 pollo', '1 coca-cola-zero'], fulfilment: 'delivery', address: 'pza españa 2', name: 'maria', payment: 'card' },
  },
  {
    voice: 'transfer and a multi-word name',
    say: ['1 helado y 1 tarta', 'recoger', 'María José López', 'por transferencia', 'de acuerdo'],
    placed: { items: ['1 helado', '1 tarta-queso'], fulfilment: 'pickup', name: 'María José López', payment: 'transfer' },
  },
  {
    voice: 'everything on separate lines, "Soy Eva" last',
    say: ['Hola!\n2 clásicas\n1 bravas\n3 cocas\nA domicilio: Calle Luna 4\nPago tarjeta\nSoy Eva', 'si'],
    placed: { items: ['2 clasica', '1 bravas', '3 coca-cola'], fulfilment: 'delivery', address: 'Calle Luna 4', name: 'Eva', payment: 'card' },
  },
  {
    voice: 'a pickup time, "es para Laura", "¿cuánto es?"',
    say: ['me gustaría una doble sin pepinillos y unas fritas para recoger a las 21:30', 'es para Laura', '¿cuánto es?', 'con datáfono', 'sí'],
    placed: { items: ['1 doble (sin pepinillos)', '1 patatas-fritas'], fulfilment: 'pickup', name: 'Laura', payment: 'card' },
  },
  {
    voice: 'a price question, a note for the burger already in the cart, "pero"',
    say: ['una clasica', '¿cuánto cuesta la doble?', 'la hamburguesa sin cebolla pero bien hecha', 'pa llevar', 'Kike', 'pago cuando llegue en efectivo', 'confirmado'],
    placed: { items: ['1 clasica (sin cebolla pero bien hecha)'], fulfilment: 'pickup', name: 'Kike', payment: 'cash' },
  },
  {
    voice: 'people count and a phone number in the message',
    say: ['somos cuatro personas, 4 dobles y 4 cañas', 'mi teléfono es 600111222', 'a domicilio', 'Paseo de Gracia 21, 3º 1ª', 'Jordi', 'targeta', 'vale'],
    placed: { items: ['4 doble', '4 cerveza'], fulfilment: 'delivery', address: 'Paseo de Gracia 21, 3º 1ª', name: 'Jordi', payment: 'card' },
  },
  {
    voice: 'a section word answered by name, "coca también" at the name step',
    say: ['unas bebidas', 'agua', 'y una alitas', 'recoger', 'coca también', 'Rafa', 'bizum', 'ok'],
    placed: { items: ['1 agua', '1 alitas', '1 coca-cola'], fulfilment: 'pickup', name: 'Rafa', payment: 'bizum' },
  },
  // --- Latin America, taquería ---
  {
    voice: 'Mexican: heading for tacos, gaseosa, colonia',
    menu: 'taqueria',
    say: ['buenas noches', 'me regala 3 tacos: 2 al pastor y 1 de carnitas', 'y una gaseosa', 'eso es todo', 'a domicilio', 'Colonia Roma, calle Orizaba 45 depto 3', 'Guadalupe', 'efectivo', 'si'],
    placed: { items: ['2 pastor', '1 carnitas', '1 refresco'], fulfilment: 'delivery', address: 'Colonia Roma, calle Orizaba 45 depto 3', name: 'Guadalupe', payment: 'cash' },
  },
  {
    voice: 'Mexican: quisiera, taquitos, x4',
    menu: 'taqueria',
    say: ['quisiera unos taquitos de pastor x4 y una horchata', 'para llevar', 'a nombre de Memo', 'con tarjeta', 'dale'],
    placed: { items: ['4 pastor', '1 horchata'], fulfilment: 'pickup', name: 'Memo', payment: 'card' },
  },
  {
    voice: 'Mexican slang, sin cebolla, profile name',
    menu: 'taqueria',
    profileName: 'Lupe',
    say: ['Q onda, 5 de suadero sin cebolla y 2 chelas', 'paso yo', 'si', 'efectivo', 'sip'],
    placed: { items: ['5 suadero (sin cebolla)', '2 chela'], fulfilment: 'pickup', name: 'Lupe', payment: 'cash' },
  },
  {
    voice: 'Colombian: domicilio, regáleme, carrera',
    menu: 'taqueria',
    say: ['Buenas, regáleme dos quesadillas de queso y un agua de jamaica', 'domicilio', 'Carrera 7 # 45-10 apto 301', 'Andrés', 'en efectivo', 'listo'],
    placed: { items: ['2 quesadilla-queso', '1 jamaica'], fulfilment: 'delivery', address: 'Carrera 7 # 45-10 apto 301', name: 'Andrés', payment: 'cash' },
  },
  {
    voice: 'Argentinian voseo and a category with a comma',
    menu: 'taqueria',
    say: ['hola che, me mandás 2 quesadillas, una de chicharrón y una sencilla?', 'nada más', 'lo retiro', 'Facu', 'efectivo', 'dale'],
    placed: { items: ['1 quesadilla-chicharron', '1 quesadilla-queso'], fulfilment: 'pickup', name: 'Facu', payment: 'cash' },
  },
  {
    voice: 'taquería: a section word answered by number',
    menu: 'taqueria',
    say: ['quiero 3 tacos', '4', 'y un flan', 'recoger', 'Toño', 'tarjeta', 'si'],
    placed: { items: ['3 bistec', '1 flan'], fulfilment: 'pickup', name: 'Toño', payment: 'card' },
  },
  {
    voice: 'taquería: hours question (hours from the menu), then the order',
    menu: 'taqueria',
    say: ['¿a qué hora cierran?', 'ok, una gringa y unos churros', 'recojo', 'Pepe', 'efectivo', 'si'],
    placed: { items: ['1 gringa', '1 churros'], fulfilment: 'pickup', name: 'Pepe', payment: 'cash' },
  },
  {
    voice: 'taquería: correction and replacement',
    menu: 'taqueria',
    say: ['4 de bistec', 'mejor 6', 'y una coca', 'en lugar de la coca una horchata', 'ya', 'a domicilio', 'Av. Insurgentes Sur 1234', 'Rosa', 'tarjeta', 'si'],
    placed: { items: ['6 bistec', '1 horchata'], fulfilment: 'delivery', address: 'Av. Insurgentes Sur 1234', name: 'Rosa', payment: 'card' },
  },
  {
    voice: 'Mexican: "un domicilio" as the first words, con todo, me lo mandás, órale',
    menu: 'taqueria',
    say: ['quiero pedir un domicilio', '2 de pastor con todo y una orden de suadero', '¿me lo mandás a Av. Reforma 222?', 'Chuy', 'efectivo', 'órale pues'],
    placed: { items: ['2 pastor (con todo)', '1 suadero'], fulfilment: 'delivery', address: 'Av. Reforma 222', name: 'Chuy', payment: 'cash' },
  },
  // --- English menu ---
  {
    voice: 'English, terse',
    menu: 'english',
    say: ['2 cheeseburgers and chips', "that's all", 'pickup', 'Tom', 'card', 'yes'],
    placed: { items: ['2 cheeseburger', '1 fries'], fulfilment: 'pickup', name: 'Tom', payment: 'card' },
  },
  {
    voice: 'English, polite, delivery',
    menu: 'english',
    say: ['Hi, could I get a bacon burger and a lemonade please?', 'delivery please', '221B Baker Street', 'my name is Sherlock', 'cash', 'yes please'],
    placed: { items: ['1 bacon-burger', '1 lemonade'], fulfilment: 'delivery', address: '221B Baker Street', name: 'Sherlock', payment: 'cash' },
  },
  {
    voice: 'English, heading and a change of mind',
    menu: 'english',
    say: ['two burgers: one cheeseburger and one bacon burger', 'nothing else', 'i will collect', 'Ann', 'card', 'yes'],
    placed: { items: ['1 cheeseburger', '1 bacon-burger'], fulfilment: 'pickup', name: 'Ann', payment: 'card' },
  },
];

function chatFor(c: Conversation): Chat {
  const options: ChatOptions = {};
  if (c.menu === 'taqueria') {
    options.menu = taqueria;
    options.now = MONDAY_1400_MEXICO;
  }
  if (c.menu === 'english') options.menu = english;
  if (c.profileName) options.profileName = c.profileName;
  return new Chat(options);
}

describe('real customers: whole conversations', () => {
  it('has a corpus of at least 40 conversations', () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CONVERSATIONS) {
    it(`${c.menu ?? 'sample'} menu — ${c.voice}`, () => {
      const chat = chatFor(c);
      const replies: string[] = [];
      for (const message of c.say) {
        const reply = chat.say(message);
        expect(reply.trim(), `no reply to «${message}»`).not.toBe('');
        replies.push(reply);
      }
      // Not stuck: the same reply never comes three times in a row, and no name, address or
      // slot answer is reported as a missing dish.
      for (let k = 2; k < replies.length; k++) {
        expect(replies[k] === replies[k - 1] && replies[k] === replies[k - 2], `stuck at «${c.say[k]}»`).toBe(false);
      }
      if (c.gibberish) {
        expect(replies.join('\n')).toContain('Le paso tu chat a una persona del restaurante');
        expect(chat.effects.handoffs).toHaveLength(1);
      }
      else {
        for (const [k, reply] of replies.entries()) {
          expect(reply, `«${c.say[k]}» was taken for a dish`).not.toMatch(/No encuentro|I cannot find/);
        }
      }
      expect(chat.effects.placed, `not placed; last reply: ${replies.at(-1)}`).toHaveLength(1);
      const draft = chat.lastPlaced!;
      const items = draft.items.map((l) => `${l.quantity} ${l.itemId}${l.note ? ` (${l.note})` : ''}`);
      expect(items.sort()).toEqual([...c.placed.items].sort());
      expect(draft.fulfilment).toBe(c.placed.fulfilment);
      expect(draft.address).toBe(c.placed.address);
      expect(draft.customer.name).toBe(c.placed.name);
      expect(draft.payment).toBe(c.placed.payment);
    });
  }
});
