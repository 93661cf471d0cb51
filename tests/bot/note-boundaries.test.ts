import { describe, expect, it } from 'vitest';
import { Chat } from './bot-harness.ts';

describe('where a note ends and the next dish begins', () => {
  it('"sin cebolla y unas bravas": the note stops at the next dish, even after an article', () => {
    const chat = new Chat({ profileName: 'Javier' });
    chat.say('quiero una hamburguesa doble sin cebolla y unas bravas, a domicilio en Calle Luna 5, pago en efectivo');
    expect(chat.cartSummary()).toEqual(['1 doble (sin cebolla)', '1 bravas']);
  });

  it('keeps a note that goes on after "y" when no dish follows', () => {
    const chat = new Chat();
    chat.say('una clasica sin cebolla y sin tomate y la coca');
    expect(chat.cartSummary()).toEqual(['1 clasica (sin cebolla y sin tomate)', '1 coca-cola']);
  });

  it('a name the customer gives with a digit is a name, not menu item number', () => {
    const chat = new Chat({ profileName: 'Cliente 3' });
    chat.say('2 clasicas para recoger, pago en efectivo');
    chat.say('Cliente 3');
    expect(chat.cartSummary()).toEqual(['2 clasica']);
    chat.say('sí');
    expect(chat.lastPlaced?.customer.name).toBe('Cliente 3');
  });
});
