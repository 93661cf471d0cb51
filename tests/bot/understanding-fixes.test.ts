// How customers name a dish's choices, correct and remove, give quantities and units, and write
// numbers that are not quantities — each read from the customer's words on the regional menus of
// the corpus (tests/bot/corpus/menus.ts), in phrasings of their own.
import { describe, expect, it } from 'vitest';
import { Chat } from './bot-harness.ts';
import { RESTAURANTS, type MenuKey } from './corpus/menus.ts';

function chatAt(key: MenuKey): Chat {
  const r = RESTAURANTS[key];
  return new Chat({ menu: r.menu, now: r.now, timezone: r.timezone, profileName: 'Ana' });
}

/** The cart as "2 hamburguesa[sencilla]" strings. */
function lines(chat: Chat): string[] {
  const cart = (chat.state?.cart ?? []) as { itemId: string; quantity: number; options?: { choiceId: string }[] }[];
  return cart.map((l) => `${l.quantity} ${l.itemId}${l.options?.length ? `[${l.options.map((o) => o.choiceId).join(',')}]` : ''}`);
}

describe('option choices in the customer words', () => {
  it('a choice word after the dish is its choice, not another dish sharing that word', () => {
    const chat = chatAt('rapidas-co');
    chat.say('buenas, me manda tres hamburguesas sencillas porfa');
    expect(lines(chat)).toEqual(['3 hamburguesa[sencilla]']);
    chat.say('y una salchipapa personal');
    expect(lines(chat)).toEqual(['3 hamburguesa[sencilla]', '1 salchipapa[personal]']);
  });

  it('a dish that is named with that word still is that dish', () => {
    const chat = chatAt('rapidas-co');
    chat.say('2 perros sencillos y una hamburguesa doble');
    expect(lines(chat)).toEqual(['2 perro', '1 hamburguesa[doble]']);
  });

  it('a choice word before the dish ("una media de …", "una ración entera de …") is its choice', () => {
    const chat = chatAt('bar-es');
    chat.say('nos pones una entera de croquetas y una media de croquetas?');
    expect(lines(chat).sort()).toEqual(['1 croquetas[entera]', '1 croquetas[media]']);
  });

  it('a plural choice word and a quantity after the dish', () => {
    const chat = chatAt('bar-es');
    chat.say('croquetas enteras x3');
    expect(lines(chat)).toEqual(['3 croquetas[entera]']);
  });

  it('"media docena" stays a unit where no dish has a "media" choice', () => {
    const chat = chatAt('pizzeria-ar');
    chat.say('media docena de humita porfa');
    expect(lines(chat)).toEqual(['6 emp-humita']);
  });
});

describe('quantities and units', () => {
  it('a number after "y" is the next dish\'s quantity, not part of a name holding a number', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('me mandas 4 de suadero y 5 de bistec');
    expect(lines(chat)).toEqual(['4 suadero', '5 bistec']);
  });

  it('the unit of the dish before carries over by ellipsis ("una orden de … y otra de …")', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('quiero 2 ordenes de suadero y una de pastor');
    expect(lines(chat)).toEqual(['2 orden-suadero', '1 orden-pastor']);
  });

  it('without a unit before, "una de suadero" stays a taco', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('3 de bistec y una de suadero');
    expect(lines(chat)).toEqual(['3 bistec', '1 suadero']);
  });

  it('"y otros 2" is two more of the last dish, never dish number 2', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('2 de bistec');
    chat.say('y otros 3 porfa');
    expect(lines(chat)).toEqual(['5 bistec']);
  });
});

describe('corrections and removals', () => {
  it('"quita una" / "sacame una" / "take one off" take one off the last line', () => {
    const es = chatAt('bar-es');
    es.say('3 bravas');
    es.say('quitame una');
    expect(lines(es)).toEqual(['2 bravas']);
    const ar = chatAt('pizzeria-ar');
    ar.say('2 fugazzetas chicas');
    ar.say('sacale una');
    expect(lines(ar)).toEqual(['1 fugazzeta[chica]']);
    const en = chatAt('burgers-us');
    en.say('2 doubles');
    en.say('take one off please');
    expect(lines(en)).toEqual(['1 double']);
  });

  it('removing the only one empties the line', () => {
    const chat = chatAt('rapidas-co');
    chat.say('un perro y una hamburguesa doble');
    chat.say('quiteme una');
    expect(lines(chat)).toEqual(['1 perro']);
  });

  it('a leading "no" before a dish of the cart takes it out; before another dish in the same section it replaces the last', () => {
    const en = chatAt('burgers-us');
    en.say('a cheeseburger and a coke');
    en.say('no coke, sorry');
    expect(lines(en)).toEqual(['1 cheeseburger']);
    const es = chatAt('bar-es');
    es.say('una cuatro quesos');
    es.say('no perdona, una margarita');
    expect(lines(es)).toEqual(['1 margarita']);
  });

  it('"make that … instead" replaces the last dish; "no, falta …" still adds', () => {
    const en = chatAt('burgers-us');
    en.say('a cheeseburger');
    en.say('make it a double instead');
    expect(lines(en)).toEqual(['1 double']);
    const es = chatAt('bar-es');
    es.say('una margarita');
    es.say('no, falta una coca');
    expect(lines(es).sort()).toEqual(['1 coca', '1 margarita']);
  });

  it('"no perdón, media docena" corrects the quantity of the last line', () => {
    const chat = chatAt('pizzeria-ar');
    chat.say('una docena de pollo');
    chat.say('no perdon, media docena nomas');
    expect(lines(chat)).toEqual(['6 emp-pollo']);
  });

  it('a "no" without a correction cue stays a note ("no onions")', () => {
    const chat = chatAt('burgers-us');
    chat.say('a veggie burger');
    chat.say('no pickles please');
    expect(lines(chat)).toEqual(['1 veggie']);
  });
});

describe('choices split across quantities, ellipsis and sizes after a note', () => {
  it('"4 shakes: 3 strawberry and 1 chocolate" splits the shakes into lines by flavour', () => {
    const chat = chatAt('burgers-us');
    chat.say('4 shakes: 3 strawberry and 1 chocolate');
    expect(lines(chat).sort()).toEqual(['1 shake[chocolate]', '3 shake[strawberry]']);
  });

  it('"2 quesadillas de tinga y una de queso" are two lines of quesadillas', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('me da 3 quesadillas de tinga y una de chicharron');
    expect(lines(chat)).toEqual(['3 quesadilla[tinga]', '1 quesadilla[chicharron]']);
  });

  it('"a veggie burger and a double": the double is the double cheeseburger, not one dish across "and"', () => {
    const chat = chatAt('burgers-us');
    chat.say('a veggie burger, a cheeseburger and a double please');
    expect(lines(chat)).toEqual(['1 veggie', '1 cheeseburger', '1 double']);
  });

  it('"with bacon and two large fries": the quantity after a note starts the next dish', () => {
    const chat = chatAt('burgers-us');
    chat.say('3 cheeseburgers with extra cheese and two large fries');
    expect(lines(chat)).toEqual(['3 cheeseburger[cheese]', '2 fries[large]']);
  });
});

describe('numbers that are not quantities', () => {
  it('"bring change for a 20" is a note for the cash, never 20 dishes', () => {
    const chat = chatAt('burgers-us');
    chat.say('a double and a coke');
    chat.say('pls bring change for a 20');
    expect(lines(chat)).toEqual(['1 double', '1 soda']);
    expect(chat.state?.orderNote ?? '').toMatch(/change for a 20/i);
  });

  it('"traeme vuelto de 10000" in Spanish too', () => {
    const chat = chatAt('pizzeria-ar');
    chat.say('una fugazzeta grande');
    chat.say('traeme vuelto de 10000 porfa');
    expect(lines(chat)).toEqual(['1 fugazzeta[grande]']);
  });
});

describe('questions, "the same again" and addresses inside the order', () => {
  it('"tenés … ?" in voseo is a question: nothing is added, and "mandame 4" then adds that dish', () => {
    const chat = chatAt('pizzeria-ar');
    chat.say('hola, tenes empanadas de humita?');
    expect(lines(chat)).toEqual([]);
    chat.say('buenisimo, mandame 4');
    expect(lines(chat)).toEqual(['4 emp-humita']);
  });

  it('"con doble muzza" after a muzza is its extra, not a second pizza', () => {
    const chat = chatAt('pizzeria-ar');
    chat.say('quiero una muzza chica con doble muzza');
    expect(lines(chat)).toEqual(['1 muzza[chica,extra-muzza]']);
  });

  it('"otra igual" takes the choices of the one in the cart', () => {
    const chat = chatAt('pizzeria-ar');
    chat.say('una fugazzeta chica');
    chat.say('y otra fugazzeta igual porfa');
    expect(lines(chat)).toEqual(['2 fugazzeta[chica]']);
  });

  it('an address with an interior number and "col" inside the order is the address, its numbers no quantities', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('me traen 3 de bistec a Durango 45 int 2 col condesa');
    expect(lines(chat)).toEqual(['3 bistec']);
    expect(chat.state?.address ?? '').toMatch(/Durango 45/);
  });
});

describe('the dish asked about, typos in choices and replacements', () => {
  it('a required choice answered alone in the next message is taken, not read as another dish', () => {
    const chat = chatAt('rapidas-co');
    chat.say('3 salchipapas porfa');
    chat.say('personales');
    expect(lines(chat)).toEqual(['3 salchipapa[personal]']);
  });

  it('after the price of a dish, "me regala una <choice>" is that dish with that choice', () => {
    const chat = chatAt('rapidas-co');
    chat.say('a como la hamburguesa?');
    chat.say('bueno, me regala una doble');
    expect(lines(chat)).toEqual(['1 hamburguesa[doble]']);
  });

  it('a choice word with a typo after its dish is still its choice', () => {
    const chat = chatAt('rapidas-co');
    chat.say('3 amburguesas sensilla');
    expect(lines(chat)).toEqual(['3 hamburguesa[sencilla]']);
  });

  it('"en vez del X, Y" and "en vez de pastor que sea de bistec" keep the unit of the cart line', () => {
    const co = chatAt('rapidas-co');
    co.say('2 perros sencillos');
    co.say('en vez del perro una salchipapa personal');
    expect(lines(co)).toEqual(['1 salchipapa[personal]']);
    const mx = chatAt('taqueria-mx');
    mx.say('2 ordenes de suadero');
    mx.say('en vez de suadero que sean de pastor');
    expect(lines(mx)).toEqual(['2 orden-pastor']);
  });

  it('"y una de tinga" in the next message is another of the dish touched last, with that choice', () => {
    const chat = chatAt('taqueria-mx');
    chat.say('2 quesadillas de tinga');
    chat.say('y una de chicharron');
    expect(lines(chat)).toEqual(['2 quesadilla[tinga]', '1 quesadilla[chicharron]']);
  });

  it('"w" is texted "with": "2 cheeseburgers w bacon" take the bacon', () => {
    const chat = chatAt('burgers-us');
    chat.say('2 cheeseburgers w bacon pls');
    expect(lines(chat)).toEqual(['2 cheeseburger[bacon]']);
  });
});
