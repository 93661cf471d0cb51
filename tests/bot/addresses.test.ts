// Whole conversations where the customer writes the delivery address inside the order ("una
// margarita a calle sol 3"), in the formats of several Spanish-speaking countries, splits a message
// over short lines, or changes pickup/delivery or payment after the summary. The address's numbers
// must never become dish numbers, and no conversation may get stuck.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectIntents } from '../../electron/bot/intents.ts';
import type { PaymentMethod } from '../../shared/order.ts';
import { Chat, menuFrom, type ChatOptions } from './bot-harness.ts';

const taqueria = menuFrom(JSON.parse(readFileSync(new URL('./taqueria-menu.json', import.meta.url), 'utf8')));
/** Monday 6 January 2025, 14:00 in Mexico City: the taquería is open. */
const MONDAY_1400_MEXICO = Date.UTC(2025, 0, 6, 20, 0);

interface Conversation {
  voice: string;
  menu?: 'taqueria';
  profileName?: string;
  say: string[];
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
  // --- The lead's case and the inline forms it stands for ---
  {
    voice: 'address inline after "a", then terse answers (the "3" is a house number, not dish 3)',
    say: ['hola me mandas una pizza margarita a calle sol 3', 'listo', 'Juan', 'bizum', 'sí'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Juan', payment: 'bizum' },
  },
  {
    voice: '"en la calle" with a floor and door, dishes after the address',
    say: ['2 clasicas y una coca en la calle Ramón y Cajal 5, 3ºB y 2 fantas', 'Juan', 'bizum', 'si'],
    placed: { items: ['2 clasica', '1 coca-cola', '2 fanta-naranja'], fulfilment: 'delivery', address: 'calle Ramón y Cajal 5, 3ºB', name: 'Juan', payment: 'bizum' },
  },
  {
    voice: '"llevar a Av." in Argentine format',
    say: ['una barbacoa, llevar a Av. Corrientes 1234 piso 3 depto B', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 barbacoa'], fulfilment: 'delivery', address: 'Av. Corrientes 1234 piso 3 depto B', name: 'Juan', payment: 'cash' },
  },
  {
    voice: '"a domicilio:" with nº, portal and piso',
    say: ['dos bravas a domicilio: calle Luna 7 nº 5 portal 4 piso 2', 'Ana', 'tarjeta', 'si'],
    placed: { items: ['2 bravas'], fulfilment: 'delivery', address: 'calle Luna 7 nº 5 portal 4 piso 2', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"para c/" after menu numbers',
    say: ['2 del 5 para c/ Sol 3', 'Ana', 'bizum', 'si'],
    placed: { items: ['2 margarita'], fulfilment: 'delivery', address: 'c/ Sol 3', name: 'Ana', payment: 'bizum' },
  },
  {
    voice: 'menu numbers and an address with a number over the menu size',
    say: ['me traen 2 del 1 y 3 del 12 a la calle Alcalá 45 piso 2', 'Laura', 'efectivo', 'sí'],
    placed: { items: ['2 clasica', '3 coca-cola'], fulfilment: 'delivery', address: 'calle Alcalá 45 piso 2', name: 'Laura', payment: 'cash' },
  },
  {
    voice: 'everything in one message: address, name, payment',
    say: ['hola quiero 2 hamburguesas clasicas y 1 coca a calle luna 12, 4ºB, soy Pedro, pago con tarjeta', 'si'],
    placed: { items: ['2 clasica', '1 coca-cola'], fulfilment: 'delivery', address: 'calle luna 12, 4ºB', name: 'Pedro', payment: 'card' },
  },
  {
    voice: 'everything in one message with "para Av." and "a nombre de"',
    say: ['2 margaritas y 1 coca para Av. Corrientes 1234 piso 3 depto B, a nombre de Lucía, pago en efectivo', 'dale'],
    placed: { items: ['2 margarita', '1 coca-cola'], fulfilment: 'delivery', address: 'Av. Corrientes 1234 piso 3 depto B', name: 'Lucía', payment: 'cash' },
  },
  {
    voice: '"en la calle" with an ordinal floor in words',
    say: ['un helado y una tarta, en la calle Ramón y Cajal 7, 1º izquierda', 'Rosa', 'efectivo', 'si'],
    placed: { items: ['1 helado', '1 tarta-queso'], fulfilment: 'delivery', address: 'calle Ramón y Cajal 7, 1º izquierda', name: 'Rosa', payment: 'cash' },
  },
  {
    voice: '"a domicilio:" with a comma-separated floor',
    say: ['1 agua, a domicilio: c/ del Prado 10, 2º', 'Ana', 'bizum', 'si'],
    placed: { items: ['1 agua'], fulfilment: 'delivery', address: 'c/ del Prado 10, 2º', name: 'Ana', payment: 'bizum' },
  },
  {
    voice: 'Colombian address inline after the dishes',
    say: ['3 del 2 a la Calle 45 # 12-30', 'Andrés', 'efectivo', 'si'],
    placed: { items: ['3 doble'], fulfilment: 'delivery', address: 'Calle 45 # 12-30', name: 'Andrés', payment: 'cash' },
  },
  {
    voice: 'Mexican address with the colonia first, after "a domicilio en"',
    say: ['quiero 3 del 2 y 2 del 13 a domicilio en Col. Roma Norte, Mérida 45', 'Lupita', 'efectivo', 'sí'],
    placed: { items: ['3 doble', '2 coca-cola-zero'], fulfilment: 'delivery', address: 'Col. Roma Norte, Mérida 45', name: 'Lupita', payment: 'cash' },
  },
  {
    voice: 'address as its own answer in three countries\' formats',
    say: ['quiero 3 del 2 y 2 del 13', 'a domicilio', 'Col. Roma Norte, Mérida 45', 'Lupita', 'efectivo', 'sí'],
    placed: { items: ['3 doble', '2 coca-cola-zero'], fulfilment: 'delivery', address: 'Col. Roma Norte, Mérida 45', name: 'Lupita', payment: 'cash' },
  },
  {
    voice: 'address with "dirección:" on its own line',
    say: ['2 croquetas\ndirección: Paseo del Prado 20, 5º D\nEva\ntarjeta', 'si'],
    placed: { items: ['2 croquetas'], fulfilment: 'delivery', address: 'Paseo del Prado 20, 5º D', name: 'Eva', payment: 'card' },
  },
  // --- Messages over several short lines ---
  {
    voice: 'one line per slot, a name that is one letter from a dish (Marta ~ tarta)',
    say: ['quiero\n2 bravas\n1 cerveza\ncalle mayor 5\nMarta\nbizum', 'si'],
    placed: { items: ['2 bravas', '1 cerveza'], fulfilment: 'delivery', address: 'calle mayor 5', name: 'Marta', payment: 'bizum' },
  },
  {
    voice: 'a quantity on one line and its dish on the next',
    say: ['hola', 'quiero una\nmargarita', 'y dos\ncocas', 'nada mas', 'domicilio', 'Calle 45 # 12-30, apto 301', 'Andrés', 'efectivo', 'si'],
    placed: { items: ['1 margarita', '2 coca-cola'], fulfilment: 'delivery', address: 'Calle 45 # 12-30, apto 301', name: 'Andrés', payment: 'cash' },
  },
  // --- The fulfilment step answered with something else ---
  {
    voice: 'the name (capitalised) when asked pickup or delivery',
    say: ['una pizza margarita', 'Juan', 'a domicilio', 'calle sol 3', 'bizum', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Juan', payment: 'bizum' },
  },
  {
    voice: 'the payment when asked pickup or delivery',
    say: ['una pizza margarita', 'bizum', 'recoger', 'Juan', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Juan', payment: 'bizum' },
  },
  // --- Changes after the summary ---
  {
    voice: '"no, mejor a domicilio" at the summary',
    say: ['una doble', 'para recoger', 'Ana', 'efectivo', 'no, mejor a domicilio', 'calle pez 4', 'si'],
    placed: { items: ['1 doble'], fulfilment: 'delivery', address: 'calle pez 4', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"cambia el pago a tarjeta" at the summary',
    say: ['una doble', 'para recoger', 'Ana', 'efectivo', 'cambia el pago a tarjeta', 'si'],
    placed: { items: ['1 doble'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"no", then delivery, then "sí"',
    say: ['una doble', 'para recoger', 'Ana', 'efectivo', 'no', 'a domicilio', 'calle pez 4', 'sí'],
    placed: { items: ['1 doble'], fulfilment: 'delivery', address: 'calle pez 4', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", then another payment, then "sí"',
    say: ['una doble', 'para recoger', 'Ana', 'efectivo', 'no', 'mejor con tarjeta', 'sí'],
    placed: { items: ['1 doble'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"no", then a dish swapped, then "sí"',
    say: ['una clasica', 'recoger', 'Ana', 'efectivo', 'no', 'quita la clasica y pon una doble', 'si'],
    placed: { items: ['1 doble'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no, mejor a domicilio a calle …" in one message',
    say: ['una clasica', 'recoger', 'Ana', 'efectivo', 'no, mejor a domicilio a calle luna 5', 'si'],
    placed: { items: ['1 clasica'], fulfilment: 'delivery', address: 'calle luna 5', name: 'Ana', payment: 'cash' },
  },
];

function chatFor(c: Conversation): Chat {
  const options: ChatOptions = {};
  if (c.menu === 'taqueria') {
    options.menu = taqueria;
    options.now = MONDAY_1400_MEXICO;
  }
  if (c.profileName) options.profileName = c.profileName;
  return new Chat(options);
}

describe('addresses inside orders, split messages, changes after the summary', () => {
  for (const c of CONVERSATIONS) {
    it(`${c.menu ?? 'sample'} menu — ${c.voice}`, () => {
      const chat = chatFor(c);
      const replies: string[] = [];
      for (const message of c.say) {
        const reply = chat.say(message);
        expect(reply.trim(), `no reply to «${message}»`).not.toBe('');
        replies.push(reply);
      }
      for (let k = 2; k < replies.length; k++) {
        expect(replies[k] === replies[k - 1] && replies[k] === replies[k - 2], `stuck at «${c.say[k]}»`).toBe(false);
      }
      for (const [k, reply] of replies.entries()) {
        expect(reply, `«${c.say[k]}» was taken for a dish`).not.toMatch(/No encuentro|I cannot find|¿Te refieres/);
        expect(reply, `«${c.say[k]}» was not understood`).not.toMatch(/no te he entendido/);
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
