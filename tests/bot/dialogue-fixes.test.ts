// The dialogue's answers where customers used to get stuck: a transfer named in the customer's
// words, a refused payment method and what follows it, asking for a person in each region's words.
import { describe, expect, it } from 'vitest';
import { Chat } from './bot-harness.ts';
import { regionalMenu, type MenuName } from './regional-menus.ts';

const chatIn = (name: MenuName, changes = {}) => new Chat({ menu: regionalMenu(name, changes) });

/** A pickup order in Mexico up to the payment question. */
function mexicanAtPayment(): Chat {
  const chat = new Chat({ menu: regionalMenu('es-MX') });
  chat.say('buenas, me da 4 de suadero');
  chat.say('voy por ellos');
  chat.say('Rocío');
  return chat;
}

describe('a transfer in the customer\'s words is the transfer the restaurant takes', () => {
  it.each(['por transferencia', 'te hago transferencia', 'Transferencia SPEI', 'transfe'])('Mexico (SPEI only): «%s» is SPEI', (said) => {
    const chat = mexicanAtPayment();
    const reply = chat.say(said);
    expect(reply).not.toContain('No aceptamos');
    expect(reply).toContain('¿Confirmo');
    chat.say('sale pues');
    expect(chat.lastPlaced?.payment).toBe('spei');
  });

  it('Spain with Bizum and no bank transfer: «por transferencia» is Bizum', () => {
    const chat = chatIn('es-ES', { payments: ['cash', 'bizum'] });
    chat.say('2 croquetas');
    chat.say('lo recojo yo');
    chat.say('Nuria');
    expect(chat.say('te lo paso por transferencia')).not.toContain('No aceptamos');
    chat.say('sí');
    expect(chat.lastPlaced?.payment).toBe('bizum');
  });

  it('Colombia without any transfer-like method: a transfer is refused with the accepted ones', () => {
    const chat = chatIn('es-CO');
    chat.say('una bandeja');
    chat.say('paso por ella');
    chat.say('Yeison');
    expect(chat.say('por transferencia')).toContain('No aceptamos transferencia; puedes pagar con efectivo, Nequi o Daviplata.');
  });
});

describe('a refused payment method', () => {
  it('a bare yes after the refusal asks again; it is no handoff', () => {
    const chat = mexicanAtPayment();
    expect(chat.say('con mercado pago')).toContain('No aceptamos');
    const again = chat.say('órale');
    expect(chat.effects.handoffs).toEqual([]);
    expect(again).toMatch(/pagar/);
    expect(chat.say('efectivo')).toContain('¿Confirmo');
    chat.say('va');
    expect(chat.lastPlaced?.payment).toBe('cash');
  });

  it('earlier misses elsewhere do not count against the payment question', () => {
    const chat = new Chat({ menu: regionalMenu('en') });
    chat.say('one veggie burger please');
    chat.say('blah blah');
    chat.say('pick up');
    chat.say('Tom');
    expect(chat.say('venmo ok?')).not.toContain('passing your chat');
    expect(chat.say('paypal')).toContain('Shall I place the order');
    expect(chat.effects.handoffs).toEqual([]);
  });

  it('refused or unclear three times at the payment question: a person is offered', () => {
    const chat = mexicanAtPayment();
    chat.say('con mercado pago');
    expect(chat.effects.handoffs).toEqual([]);
    chat.say('y con oxxo?');
    expect(chat.effects.handoffs).toEqual([]);
    expect(chat.say('con mp entonces')).toContain('Le paso tu chat a una persona');
    expect(chat.effects.handoffs).toHaveLength(1);
  });
});

describe('asking for a person, in each region\'s words', () => {
  it.each([
    ['es-ES', '¿me podrías pasar con alguien del bar?'],
    ['es-ES', 'quiero hablar con la jefa'],
    ['es-MX', 'oiga me comunica con una persona'],
    ['es-MX', 'quisiera hablar con un humano porfa'],
    ['es-CO', 'necesito hablar con el administrador del local'],
    ['es-CO', 'me comunica con un asesor'],
    ['es-AR', 'pasame con el encargado porfa'],
    ['en', 'could i talk to someone please'],
    ['en', 'can you get me to a real person'],
  ] as [MenuName, string][])('%s: «%s»', (name, said) => {
    const chat = chatIn(name);
    chat.say(name === 'en' ? 'hi' : 'hola');
    chat.say(said);
    expect(chat.effects.handoffs).toHaveLength(1);
  });
});

describe('questions along the way are answered, not handed off', () => {
  it('«nos los traen?» to "pickup or delivery?" is delivery', () => {
    const chat = chatIn('es-MX');
    chat.say('4 de bistec');
    expect(chat.say('y nos los traen?')).toMatch(/dirección/);
    expect(chat.effects.handoffs).toEqual([]);
  });

  it.each(['r u open right now?', 'you guys still open?', 'are ya open tonight'])('«%s» gets the hours', (said) => {
    const chat = chatIn('en');
    chat.say('hello');
    expect(chat.say(said)).toMatch(/open|any time/i);
    expect(chat.effects.handoffs).toEqual([]);
  });
});

describe('after a price question the dish is in focus', () => {
  it.each([
    ['en', 'how much are the wings?', 'nice, i\'ll take 3', '3 wings'],
    ['en', 'whats the price of the bacon burger', 'ok gimme 2', '2 bacon'],
    ['es-MX', '¿en cuánto sale la gringa?', 'órale, me das 2', '2 gringa'],
    ['es-AR', 'cuanto esta la fugazzeta?', 'bueno, mandame 2', '2 fugazzeta'],
  ] as [MenuName, string, string, string][])('%s: «%s» then «%s»', (name, question, answer, cart) => {
    const chat = chatIn(name);
    chat.say(question);
    chat.say(answer);
    expect(chat.cartSummary()).toEqual([cart]);
  });

  it('«dale, ponme una y dos cocas»: one of the dish in focus and the others named', () => {
    const chat = chatIn('es-AR');
    chat.say('a cuanto la fugazzeta?');
    chat.say('dale, ponme una y dos cocas');
    expect(chat.cartSummary()).toEqual(['1 fugazzeta', '2 coca']);
  });

  it('the price answer does not take "a la cuatro" for a time', () => {
    const chat = new Chat({ menu: regionalMenu('es-ES') });
    expect(chat.say('cuanto cuesta la cuatro?')).not.toMatch(/ya han pasado|¿Para qué hora/);
  });
});

describe('below the delivery minimum every answer moves the conversation', () => {
  /** 5,50 € of bravas for delivery where the minimum is 15 €. */
  function belowMinimum(): Chat {
    const chat = chatIn('es-ES', { delivery: { enabled: true, fee: 2, minimumOrder: 15 } });
    chat.say('una de bravas');
    expect(chat.say('me lo traéis a casa')).toMatch(/mínimo.*¿Añades algo más o lo recoges en el local\?/s);
    return chat;
  }

  it('more dishes reach the minimum: on to the address', () => {
    const chat = belowMinimum();
    expect(chat.say('pues añade 2 de alitas')).toMatch(/dirección/);
  });

  it('«vale» asks what to add, not the minimum again', () => {
    const chat = belowMinimum();
    const reply = chat.say('vale');
    expect(reply).not.toMatch(/mínimo/);
    expect(chat.say('2 de croquetas')).toMatch(/dirección/);
  });

  it.each(['bueno, paso yo a recogerlo', 'lo recojo entonces'])('«%s»: pickup, on to the name', (said) => {
    const chat = belowMinimum();
    expect(chat.say(said)).toMatch(/nombre/);
  });

  it.each(['no, déjalo', 'nada, gracias'])('«%s»: the order is given up', (said) => {
    const chat = belowMinimum();
    expect(chat.say(said)).toMatch(/cancelado/);
    expect(chat.cartSummary()).toEqual([]);
  });

  it('an address below the minimum is kept and said back; reaching the minimum goes on to the name', () => {
    const chat = belowMinimum();
    expect(chat.say('calle Ponzano 12, 3ºA')).toMatch(/Apuntada la dirección: calle Ponzano 12/);
    expect(chat.say('añade unas alitas y unas croquetas')).toMatch(/nombre/);
  });

  it('English: «I\'ll swing by and grab it» is pickup', () => {
    const chat = chatIn('en');
    chat.say('a cheeseburger');
    expect(chat.say('delivery please')).toMatch(/minimum/);
    expect(chat.say("i'll swing by and grab it")).toMatch(/name/);
  });
});

describe('"did you mean …?" answered with the next step', () => {
  function guessed(): Chat {
    const chat = chatIn('en');
    expect(chat.say('2 chese burgr')).toMatch(/Do you mean \*Cheeseburger\*/);
    return chat;
  }

  it('pickup in the answer: the only close dish is taken and pickup too', () => {
    const chat = guessed();
    expect(chat.say("i'll pick them up")).toMatch(/name/);
    expect(chat.cartSummary()).toEqual(['2 cheeseburger']);
  });

  it('an address and a payment in the answer: the dish is taken and both slots are kept', () => {
    const chat = guessed();
    chat.say('deliver to 12 Elm Street apt 5, paying cash');
    expect(chat.cartSummary()).toEqual(['2 cheeseburger']);
    expect(chat.say('Sam')).toMatch(/12 Elm Street/);
  });

  it('another dish in the answer keeps the question open (nothing is dropped unasked)', () => {
    const chat = guessed();
    chat.say('and a coke');
    expect(chat.cartSummary()).toEqual(['1 coke']);
    chat.say('yes');
    expect(chat.cartSummary().sort()).toEqual(['1 coke', '2 cheeseburger']);
  });

  it('«no» still drops the guess', () => {
    const chat = guessed();
    chat.say('no');
    expect(chat.cartSummary()).toEqual([]);
  });
});

describe('regional words met along the way', () => {
  it('«voy x ellos» is pickup in Mexico («x» for «por»)', () => {
    const chat = chatIn('es-MX');
    chat.say('6 de pastor');
    expect(chat.say('voy x ellos')).toMatch(/nombre/);
  });

  it('a refused method named below the delivery minimum does not add to misses elsewhere', () => {
    const chat = chatIn('es-ES', { delivery: { enabled: true, fee: 2, minimumOrder: 15 } });
    chat.say('una de bravas');
    chat.say('a domicilio');
    chat.say('Lucía');
    expect(chat.say('pago con paypal')).toContain('No aceptamos PayPal');
    expect(chat.effects.handoffs).toEqual([]);
  });

  it('«efe» is cash in Mexico', () => {
    const chat = mexicanAtPayment();
    expect(chat.say('efe')).toContain('Pago: Efectivo');
  });

  it('«¿tenés …?» (voseo) asks whether they have it; «dale, mandame 4» orders it', () => {
    const chat = chatIn('es-AR');
    expect(chat.say('tenés empanadas de humita?')).toMatch(/tenemos/);
    expect(chat.cartSummary()).toEqual([]);
    chat.say('dale, mandame 4');
    expect(chat.cartSummary()).toEqual(['4 emp-humita']);
  });

  it('«brilliant, cheers» confirms the summary', () => {
    const chat = chatIn('en');
    chat.say('a veggie burger');
    chat.say('pick up');
    chat.say('Harriet');
    chat.say('card');
    chat.say('brilliant, cheers');
    expect(chat.lastPlaced?.payment).toBe('card');
  });
});
