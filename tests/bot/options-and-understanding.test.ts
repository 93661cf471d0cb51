// Dish options in the customer's words, understanding that loses nothing (units and ellipsis, a
// question that never swallows the next message, "dime cuántos" → "dame 2", typos by string
// distance, numbers in addresses), and what WhatsApp customers send besides text (location pins,
// edits, photos, voice notes).
import { describe, expect, it } from 'vitest';
import { readChoices } from '../../electron/bot/understanding/dish-options.ts';
import { nearWord, typoDistance, typosAllowed } from '../../electron/bot/understanding/typos.ts';
import { Chat, plain } from './bot-harness.ts';
import { PIZZERIA_AR, regionalMenu, type MenuName } from './regional-menus.ts';
import { menuFrom } from './bot-harness.ts';

const chatIn = (name: MenuName, changes = {}) => new Chat({ menu: regionalMenu(name, changes) });
const MUZZA = menuFrom(PIZZERIA_AR).categories[0]!.items[0]!;

describe('dish options', () => {
  it('reads choices from the note and leaves the rest a note', () => {
    const read = readChoices(MUZZA, 'grande con extra queso sin cebolla');
    expect(read.options.map((o) => o.choiceId)).toEqual(['grande', 'queso']);
    expect(read.note).toBe('sin cebolla');
    expect(read.missing).toEqual([]);
  });

  it('a choice after "sin" is no choice', () => {
    const read = readChoices(MUZZA, 'chica sin aceitunas');
    expect(read.options.map((o) => o.choiceId)).toEqual(['chica']);
    expect(read.note).toBe('sin aceitunas');
  });

  it('a one-choice group keeps the last said; a required group not given is missing', () => {
    expect(readChoices(MUZZA, 'chica no mejor grande').options.map((o) => o.choiceId)).toEqual(['grande']);
    expect(readChoices(MUZZA, 'con aceitunas').missing.map((g) => g.id)).toEqual(['size']);
  });

  it('"una grande de muzza con extra queso": options on the line, in the price and the summary', () => {
    const chat = chatIn('es-AR');
    const reply = plain(chat.say('una grande de muzza con extra queso'));
    expect(reply).toContain('1 × Muzzarella (Grande, Extra queso) — $ 13.200');
    expect(chat.cart[0]).toMatchObject({ unitPrice: 13200, options: [{ groupId: 'size', choiceId: 'grande', name: 'Grande', price: 2600 }, { groupId: 'extras', choiceId: 'queso', name: 'Extra queso', price: 800 }] });
    chat.say('paso a buscar');
    chat.say('Lucía');
    chat.say('efectivo');
    chat.say('dale');
    expect(chat.lastPlaced?.items[0]?.options?.map((o) => o.choiceId)).toEqual(['grande', 'queso']);
  });

  it('a required option not given is asked for, by number or by name', () => {
    const chat = chatIn('es-AR');
    const ask = plain(chat.say('2 muzzas'));
    expect(ask).toContain('¿Tamaño para *Muzzarella*?');
    expect(ask).toContain('2) Grande (+$ 2.600)');
    chat.say('chica');
    expect(chat.cart).toMatchObject([{ itemId: 'muzza', quantity: 2, unitPrice: 9800, options: [{ choiceId: 'chica' }] }]);
    const again = chatIn('es-AR');
    again.say('una muzza');
    again.say('2');
    expect(again.cart).toMatchObject([{ itemId: 'muzza', quantity: 1, options: [{ choiceId: 'grande' }] }]);
  });

  it('the option question does not swallow the next message: the dish waits, the rest is taken', () => {
    const chat = chatIn('es-AR');
    chat.say('una muzza');
    const reply = chat.say('y una coca');
    expect(reply).toContain('¿Tamaño para *Muzzarella*?');
    expect(chat.cartSummary()).toEqual(['1 coca']);
    chat.say('grande');
    expect(chat.cartSummary().sort()).toEqual(['1 coca', '1 muzza']);
  });

  it('"2 quesadillas de tinga y una de queso": the choice names the second', () => {
    const chat = chatIn('es-MX');
    chat.say('2 quesadillas de tinga y una de queso');
    expect(chat.cart.map((l) => `${l.quantity} ${l.itemId} ${l.unitPrice}`)).toEqual(['2 quesadilla 50', '1 quesadilla 40']);
  });

  it('menus without options behave as before: size words are notes', () => {
    const chat = new Chat();
    chat.say('una coca grande');
    expect(chat.cartSummary()).toEqual(['1 coca-cola (grande)']);
  });
});

describe('understanding that loses nothing', () => {
  it.each([
    ['media docena de carne y media de pollo', ['6 emp-carne', '6 emp-pollo']],
    ['una docena de carne y otra de pollo', ['12 emp-carne', '12 emp-pollo']],
    ['un par de napo', ['2 napo']],
    ['media docena de jamon y queso', ['6 emp-jyq']],
    ['3 de carne y 2 de humita', ['3 emp-carne', '2 emp-humita']],
  ])('«%s»', (text, cart) => {
    const chat = chatIn('es-AR');
    chat.say(text);
    expect(chat.cart.map((l) => `${l.quantity} ${l.itemId}`)).toEqual(cart);
  });

  it('"3 de pastor y 2 de suadero", then "otra igual"', () => {
    const chat = chatIn('es-MX');
    chat.say('3 de pastor y 2 de suadero');
    chat.say('otra igual');
    expect(chat.cartSummary()).toEqual(['3 pastor', '3 suadero']);
  });

  it('a yes/no question does not swallow "y una coca": the dish asked about stays', () => {
    const chat = new Chat();
    expect(chat.say('una hamburgesa de pollo')).toBeDefined();
    const chat2 = new Chat();
    chat2.say('una pizza');
    const reply = chat2.say('y una coca');
    expect(reply).toContain('¿Cuál quieres de «pizza»?');
    expect(chat2.cartSummary()).toEqual(['1 coca-cola']);
    chat2.say('la margarita');
    expect(chat2.cartSummary().sort()).toEqual(['1 coca-cola', '1 margarita']);
  });

  it.each([
    ['dale, mandame una', 1],
    ['dame 2', 2],
    ['dale', 1],
    ['mandame 3', 3],
  ])('"¿cuánto sale la napolitana?" then «%s» orders it', (answer, quantity) => {
    const chat = chatIn('es-AR');
    expect(chat.say('cuanto sale la napolitana?')).toContain('decime cuántos');
    chat.say(answer);
    expect(chat.cartSummary()).toEqual([`${quantity} napo`]);
  });

  it('a bare number long after a price answer is a menu number again', () => {
    const chat = chatIn('es-AR');
    chat.say('cuanto sale la napolitana?');
    chat.say('una fugazzeta');
    chat.say('2');
    expect(chat.cartSummary()).toEqual(['1 fugazzeta', '1 napo']);
  });

  it.each([
    ['2 de pastor a calle 5 de mayo 123 col centro', ['2 pastor'], 'calle 5 de mayo 123 col centro'],
    ['una bandeja paisa a la calle 45 # 18-25 apto 301', ['1 bandeja'], 'calle 45 # 18-25 apto 301'],
  ])('numbers inside an address are never quantities: «%s»', (text, cart, address) => {
    const chat = chatIn(text.includes('pastor') ? 'es-MX' : 'es-CO');
    chat.say(text);
    expect(chat.cartSummary()).toEqual(cart);
    expect(chat.state?.address).toBe(address);
  });

  it('typos: one or two wrong letters by edit distance (a swap is one), none on short words', () => {
    expect(typoDistance('croqeuta', 'croqueta')).toBe(1);
    expect(typoDistance('hamburgesa', 'hamburguesa')).toBe(1);
    expect(typosAllowed(4)).toBe(0);
    expect(typosAllowed(9)).toBe(2);
    expect(nearWord('napolitna', 'napolitana')).toBe(true);
    expect(nearWord('fugazeta', 'fugazzeta')).toBe(true);
    expect(nearWord('napolotina', 'napolitana')).toBe(true);
    expect(nearWord('coca', 'cola')).toBe(false);
  });

  it('a dish with a typo is taken when only one dish is that close, else asked', () => {
    const chat = chatIn('es-AR');
    chat.say('una napolitna y una fugaceta');
    expect(chat.cartSummary().sort()).toEqual(['1 fugazzeta', '1 napo']);
    const two = chatIn('es-AR');
    expect(two.say('una empanada de poyo')).not.toContain('No encuentro');
  });
});

describe('what WhatsApp customers send besides text', () => {
  it('a location pin at the address step is the address; the order keeps the pin', () => {
    const chat = chatIn('es-AR');
    chat.say('una napo');
    chat.say('con envío');
    const reply = chat.pin({ latitude: -34.5889, longitude: -58.4306, name: 'Casa', address: 'Thames 1234, Palermo' });
    expect(reply).toContain('Anotada la dirección: Thames 1234, Palermo');
    chat.say('Lucía');
    chat.say('efectivo');
    chat.say('dale');
    expect(chat.lastPlaced).toMatchObject({ fulfilment: 'delivery', address: 'Thames 1234, Palermo', location: { latitude: -34.5889, longitude: -58.4306, name: 'Casa', address: 'Thames 1234, Palermo' } });
  });

  it('a pin with only a name (or nothing) still gives an address text', () => {
    const chat = chatIn('es-MX');
    chat.say('2 de pastor');
    chat.pin({ latitude: 19.4326, longitude: -99.1332 });
    expect(chat.state?.address).toBe('📍 19.43260, -99.13320');
    expect(chat.state?.fulfilment).toBe('delivery');
  });

  it('a pin with latitude 500 is refused with the question for the address in words', () => {
    const chat = chatIn('es-MX');
    chat.say('2 de pastor');
    expect(chat.pin({ latitude: 500, longitude: 0 })).toContain('¿A qué dirección');
    expect(chat.state?.address).toBeNull();
  });

  it('a pin on a pickup order is not taken', () => {
    const chat = chatIn('es-MX');
    chat.say('2 de pastor para llevar');
    expect(chat.pin({ latitude: 19.4, longitude: -99.1 })).toContain('no necesito la ubicación');
    expect(chat.state?.fulfilment).toBe('pickup');
  });

  it('an edit of the last message replaces what it added', () => {
    const chat = chatIn('es-MX');
    chat.say('hola');
    chat.say('3 de pastor');
    chat.say('2 de suadero', 'edit');
    expect(chat.cartSummary()).toEqual(['2 suadero']);
  });

  it('an edit after the order was placed is ignored', () => {
    const chat = chatIn('es-MX', { payments: ['cash'] });
    chat.say('3 de pastor para llevar');
    chat.say('Memo');
    chat.say('sale');
    expect(chat.effects.placed).toHaveLength(1);
    expect(chat.send('5 de pastor', 'edit')).toEqual([]);
    expect(chat.effects.placed).toHaveLength(1);
  });

  it('a photo caption is read as text (the host sends it as a text message)', () => {
    const chat = chatIn('es-MX');
    chat.say('quiero 3 de pastor');
    expect(chat.cartSummary()).toEqual(['3 pastor']);
  });

  it('a 200 kB caption is cut and answered, never stuck', () => {
    const chat = chatIn('es-MX');
    expect(chat.say(`2 de pastor. ${'x'.repeat(200_000)}`).length).toBeGreaterThan(0);
    expect(chat.cartSummary()).toEqual(['2 pastor']);
  });
});
