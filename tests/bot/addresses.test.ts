// Whole conversations where the customer writes the delivery address inside the order ("una
// margarita a calle sol 3"), in the formats of several Spanish-speaking countries, splits a message
// over short lines, or changes pickup/delivery or payment after the summary. The address's numbers
// must never become dish numbers, and no conversation may get stuck.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { floorOrDoor } from '../../electron/bot/understanding/addresses.ts';
import { detectIntents } from '../../electron/bot/understanding/intents.ts';
import type { PaymentMethod } from '../../shared/order.ts';
import { Chat, menuFrom, type ChatOptions } from './bot-harness.ts';

const taqueria = menuFrom(JSON.parse(readFileSync(new URL('./taqueria-menu.json', import.meta.url), 'utf8')));
const english = menuFrom({
  restaurant: 'Joe’s Diner',
  currency: 'GBP',
  locale: 'en',
  categories: [
    { id: 'burgers', name: 'Burgers', items: [{ id: 'cheeseburger', name: 'Cheeseburger', price: 9 }, { id: 'bacon-burger', name: 'Bacon burger', price: 10.5 }] },
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
  // --- Latin-American formats (taquería menu) ---
  {
    voice: 'Colombian "Calle 10 # 5-20 barrio Chapinero" inline',
    menu: 'taqueria',
    say: ['buenas, me manda 4 de pastor y 2 horchatas a la Calle 10 # 5-20 barrio Chapinero', 'Camilo', 'efectivo', 'sí'],
    placed: { items: ['4 pastor', '2 horchata'], fulfilment: 'delivery', address: 'Calle 10 # 5-20 barrio Chapinero', name: 'Camilo', payment: 'cash' },
  },
  {
    voice: 'Mexican avenue with interior and colonia after a comma',
    menu: 'taqueria',
    say: ['quiero 3 tacos de suadero para Av. Insurgentes Sur 1234 int 5, Col. Del Valle', 'Memo', 'tarjeta', 'si'],
    placed: { items: ['3 suadero'], fulfilment: 'delivery', address: 'Av. Insurgentes Sur 1234 int 5, Col. Del Valle', name: 'Memo', payment: 'card' },
  },
  {
    voice: 'Mexican street and number first, colonia after',
    menu: 'taqueria',
    say: ['2 gringas a domicilio en Mérida 45, Col. Roma Norte', 'Lupe', 'efectivo', 'si'],
    placed: { items: ['2 gringa'], fulfilment: 'delivery', address: 'Mérida 45, Col. Roma Norte', name: 'Lupe', payment: 'cash' },
  },
  {
    voice: '"ocupo" (Mexico) and a calzada with a depto',
    menu: 'taqueria',
    say: ['ocupo 5 de bistec y 2 cocas', 'a domicilio', 'Calzada de Tlalpan 3000 depto 12', 'Beto', 'efectivo', 'sí'],
    placed: { items: ['5 bistec', '2 refresco'], fulfilment: 'delivery', address: 'Calzada de Tlalpan 3000 depto 12', name: 'Beto', payment: 'cash' },
  },
  {
    voice: 'Colombian "me regala" with a carrera and apto',
    menu: 'taqueria',
    say: ['me regala 2 quesadillas sencillas y 1 jamaica porfa, a la carrera 15 # 93-47 apto 502', 'Juliana', 'efectivo', 'si'],
    placed: { items: ['2 quesadilla-queso', '1 jamaica'], fulfilment: 'delivery', address: 'carrera 15 # 93-47 apto 502', name: 'Juliana', payment: 'cash' },
  },
  {
    voice: 'Argentine address on the taquería menu, "dale" to confirm',
    menu: 'taqueria',
    say: ['me manda 3 de pastor a Av. Corrientes 1234 piso 3 depto B', 'Facu', 'efectivo', 'dale'],
    placed: { items: ['3 pastor'], fulfilment: 'delivery', address: 'Av. Corrientes 1234 piso 3 depto B', name: 'Facu', payment: 'cash' },
  },
  {
    voice: 'one line per slot on the taquería menu',
    menu: 'taqueria',
    say: ['hola\n2 de pastor\n1 flan\npara llevar\nToño\nefectivo', 'si'],
    placed: { items: ['2 pastor', '1 flan'], fulfilment: 'pickup', name: 'Toño', payment: 'cash' },
  },
  {
    voice: '"no" at the summary, then the payment changed (taquería)',
    menu: 'taqueria',
    say: ['4 de pastor', '1 horchata', 'ya', 'recoger', 'Ana', 'efectivo', 'no', 'cambia el pago a tarjeta', 'si'],
    placed: { items: ['4 pastor', '1 horchata'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  // --- More Spanish forms ---
  {
    voice: 'avenue with bloque and floor-door, commas between',
    say: ['una margarita y una barbacoa a la Av. de la Constitución 15, bloque 2, 3ºA', 'Pilar', 'efectivo', 'si'],
    placed: { items: ['1 margarita', '1 barbacoa'], fulfilment: 'delivery', address: 'Av. de la Constitución 15, bloque 2, 3ºA', name: 'Pilar', payment: 'cash' },
  },
  {
    voice: 'cañas and a floor written "2º izq" without a comma',
    say: ['2 cañas y unas bravas a calle Toledo 3 2º izq', 'Luis', 'efectivo', 'si'],
    placed: { items: ['2 cerveza', '1 bravas'], fulfilment: 'delivery', address: 'calle Toledo 3 2º izq', name: 'Luis', payment: 'cash' },
  },
  {
    voice: '"c/ Mayor nº 5"',
    say: ['dos cervezas y una de croquetas a c/ Mayor nº 5', 'Luis', 'bizum', 'si'],
    placed: { items: ['2 cerveza', '1 croquetas'], fulfilment: 'delivery', address: 'c/ Mayor nº 5', name: 'Luis', payment: 'bizum' },
  },
  {
    voice: 'a street named like a dish ("calle Margarita") inline',
    say: ['una barbacoa a la calle Margarita 5, 2º', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 barbacoa'], fulfilment: 'delivery', address: 'calle Margarita 5, 2º', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'a street named like a dish as the answer to "which address?"',
    say: ['una coca', 'a domicilio', 'Calle Margarita 5', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 coca-cola'], fulfilment: 'delivery', address: 'Calle Margarita 5', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"vivo en la calle …" (the article is not part of the address)',
    say: ['2 bravas a domicilio', 'vivo en la calle del Pez 12 3ºA', 'Ana', 'efectivo', 'si'],
    placed: { items: ['2 bravas'], fulfilment: 'delivery', address: 'calle del Pez 12 3ºA', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'a note before the address and politeness after it',
    say: ['una doble sin cebolla a calle sol 3 piso 2 por favor', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 doble (sin cebolla)'], fulfilment: 'delivery', address: 'calle sol 3 piso 2', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'emoji and an ático',
    say: ['hola! 2 pizzas margarita 🍕🍕 a c/ San Vicente 14 ático', 'Nerea', 'bizum', 'si'],
    placed: { items: ['2 margarita'], fulfilment: 'delivery', address: 'c/ San Vicente 14 ático', name: 'Nerea', payment: 'bizum' },
  },
  {
    voice: 'a dish after the address ("… sol 3 y otra barbacoa")',
    say: ['una margarita a calle sol 3 y otra barbacoa', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita', '1 barbacoa'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"s/n" (no house number) after a comma',
    say: ['una margarita, calle sol s/n', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol s/n', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'a street with a date for a name ("calle 5 de mayo 12")',
    say: ['una clasica a la calle 5 de mayo 12', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 clasica'], fulfilment: 'delivery', address: 'calle 5 de mayo 12', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'menu number, address with "1º dcha", then another dish',
    say: ['2 del 7 a domicilio en calle Bailén 3, 1º dcha y una tarta', 'Ana', 'efectivo', 'si'],
    placed: { items: ['2 cuatro-quesos', '1 tarta-queso'], fulfilment: 'delivery', address: 'calle Bailén 3, 1º dcha', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'menu numbers written as words ("dos del tres")',
    say: ['dos del tres y una del doce', 'recoger', 'Ana', 'efectivo', 'si'],
    placed: { items: ['2 pollo', '1 coca-cola'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'quantities next to menu numbers ("3 x 2", "el 14 x2", "el 5 x2")',
    say: ['3 x 2 y el 14 x2', 'y el 5 x2', 'recoger', 'Ana', 'efectivo', 'si'],
    placed: { items: ['3 doble', '2 fanta-naranja', '2 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'five short lines: dish, address, payment, name',
    say: ['hola\nuna vegana\ncalle Olmo 8, 2ºA\npago con tarjeta\nsoy Iker', 'si'],
    placed: { items: ['1 vegana'], fulfilment: 'delivery', address: 'calle Olmo 8, 2ºA', name: 'Iker', payment: 'card' },
  },
  // --- More changes after the summary ---
  {
    voice: '"no", then "al final lo recojo yo" (delivery → pickup)',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'no', 'al final lo recojo yo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"mejor paso yo a buscarla" straight at the summary',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'mejor paso yo a buscarla', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"cambia la dirección a calle luna 4" at the summary',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'cambia la dirección a calle luna 4', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle luna 4', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", "cambia la dirección", the new address, "si"',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'no', 'cambia la dirección', 'calle luna 4', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle luna 4', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", "el nombre es Bea"',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'no', 'el nombre es Bea', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Bea', payment: 'cash' },
  },
  {
    voice: '"pago con tarjeta mejor" at the summary',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'pago con tarjeta mejor', 'sí'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"no, en efectivo" at the summary',
    say: ['una margarita', 'recoger', 'Ana', 'tarjeta', 'no, en efectivo', 'sí'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", then delivery with an inline address, then "sí"',
    say: ['una margarita', 'recoger', 'Ana', 'tarjeta', 'no', 'mejor a domicilio a la calle Goya 20, 1ºC', 'sí'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle Goya 20, 1ºC', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"no", then one more dish, then "sí"',
    say: ['una margarita', 'recoger', 'Ana', 'tarjeta', 'no', 'añade una coca', 'sí'],
    placed: { items: ['1 margarita', '1 coca-cola'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  // --- More forms found while hunting ---
  {
    voice: 'postcode and city after the address',
    say: ['una margarita a calle sol 3, 28013 Madrid', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3, 28013 Madrid', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", then "nada, está bien así", then "sí"',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'no', 'nada, está bien así', 'sí'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", then "sí" (the summary again), then "sí"',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'no', 'sí', 'sí'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'Argentine cross streets ("entre 5 y 6")',
    menu: 'taqueria',
    say: ['3 de pastor para Calle Falsa 123 entre 5 y 6', 'Homero', 'efectivo', 'si'],
    placed: { items: ['3 pastor'], fulfilment: 'delivery', address: 'Calle Falsa 123 entre 5 y 6', name: 'Homero', payment: 'cash' },
  },
  {
    voice: '"dirección" without a colon after the dishes',
    say: ['quiero una margarita. dirección calle sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"para llevar a calle …" is a delivery, not take-away',
    say: ['una margarita para llevar a calle sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"para llevar a casa", then the address',
    say: ['una margarita para llevar a casa', 'calle sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'the floor sent after the address ("ah y es 3ºB")',
    say: ['una margarita a calle sol 3', 'ah y es 3ºB', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3, 3ºB', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'the floor on the next line of the address answer',
    say: ['una margarita', 'a domicilio', 'calle sol 3\n2ºB', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3 2ºB', name: 'Juan', payment: 'cash' },
  },
  {
    voice: '"el piso es 2ºA" after the address',
    say: ['una margarita', 'a domicilio', 'calle sol 3', 'el piso es 2ºA', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3, piso 2ºA', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'Peruvian jirón with the city after a comma',
    say: ['una margarita', 'domicilio', 'Jr. de la Unión 456, Lima', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Jr. de la Unión 456, Lima', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'address, floor and door on their own line, name, payment',
    say: ['una margarita a calle sol 3\npiso 2 puerta B\nJuan\nbizum', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3 piso 2 puerta B', name: 'Juan', payment: 'bizum' },
  },
  {
    voice: 'the floor remembered at the summary ("perdona, falta el piso: 4º izquierda")',
    say: ['una margarita', 'domicilio', 'calle sol 3', 'Juan', 'efectivo', 'perdona, falta el piso: 4º izquierda', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3, piso 4º izquierda', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'Argentine address answered with a floor and depto after commas',
    say: ['una margarita a domicilio', 'Av. Libertador 1500, 7° piso, depto C', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Av. Libertador 1500, 7° piso, depto C', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'Colombian "Carrera 7 No. 45-10"',
    say: ['una margarita', 'domicilio', 'Carrera 7 No. 45-10', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Carrera 7 No. 45-10', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'Mexican manzana/lote with colonia',
    say: ['una margarita', 'domicilio', 'Mz 5 Lt 12, Col. Centro', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Mz 5 Lt 12, Col. Centro', name: 'Juan', payment: 'cash' },
  },
  // --- An address sent in pieces ---
  {
    voice: '"calle" alone, then the rest of it',
    say: ['hola', 'dos margaritas', 'eso es todo', 'a domicilio', 'calle', 'sol 3', 'Juan', 'efectivo', 'si'],
    placed: { items: ['2 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Juan', payment: 'cash' },
  },
  {
    voice: '"en la calle sol", then "número 3" (not dish 3)',
    say: ['una margarita', 'a domicilio', 'en la calle sol', 'número 3', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol número 3', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'an address with no number, then "sin número"',
    say: ['una margarita', 'a domicilio', 'Finca Los Olivos', 'sin número', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Finca Los Olivos s/n', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'an address with no number, then the name (the question does not trap)',
    say: ['una margarita', 'a domicilio', 'Finca Los Olivos', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Finca Los Olivos', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'the street inline without a number, then "3, 2ºB"',
    say: ['una margarita a domicilio en la calle Sol', '3, 2ºB', 'Juan', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle Sol 3, 2ºB', name: 'Juan', payment: 'cash' },
  },
  {
    voice: 'a house number sent alone after the street, then a floor',
    say: ['2 del 4', 'a domicilio porfa', 'c/ sol 3', '2º', 'Juan', 'efectivo', 'si'],
    placed: { items: ['2 vegana'], fulfilment: 'delivery', address: 'c/ sol 3, 2º', name: 'Juan', payment: 'cash' },
  },
  // --- Corrections at the summary, in other words ---
  {
    voice: '"ya no en efectivo, con tarjeta" (the negated method is dropped)',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'ya no en efectivo, con tarjeta', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"efectivo, no, mejor tarjeta" (the preferred method wins)',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo, no, mejor tarjeta', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  {
    voice: '"no, el nombre está mal", then the right name',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'no, el nombre está mal', 'Ana María', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana María', payment: 'cash' },
  },
  {
    voice: '"no, falta una coca" (not a fuzzy "fanta")',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'no, falta una coca', 'si'],
    placed: { items: ['1 margarita', '1 coca-cola'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no, son 3 margaritas" sets the quantity',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'no, son 3 margaritas', 'si'],
    placed: { items: ['3 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"No. Mejor para recoger." when it already was (the summary again)',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'No. Mejor para recoger.', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"cambio de opinión, que me lo traigan a calle …" at the summary',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'cambio de opinión, que me lo traigan a calle sol 3', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no", "cambiar la entrega", delivery, the address, "si"',
    say: ['una margarita', 'recoger', 'Ana', 'efectivo', 'no', 'cambiar la entrega', 'a domicilio', 'calle sol 3', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"no, la dirección está mal", then the new one',
    say: ['una margarita a calle sol 3', 'Ana', 'efectivo', 'no, la dirección está mal', 'calle luna 5', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle luna 5', name: 'Ana', payment: 'cash' },
  },
  // --- English, number first ---
  {
    voice: 'English: "to 42 Elm Street" inline',
    menu: 'english',
    say: ['a cheeseburger to 42 Elm Street please', 'Tom', 'cash', 'yes'],
    placed: { items: ['1 cheeseburger'], fulfilment: 'delivery', address: '42 Elm Street', name: 'Tom', payment: 'cash' },
  },
  {
    voice: 'English: "at 221B Baker St, flat 2" inline',
    menu: 'english',
    say: ['a cheeseburger and chips at 221B Baker St, flat 2', 'Tom', 'cash', 'yes'],
    placed: { items: ['1 cheeseburger', '1 fries'], fulfilment: 'delivery', address: '221B Baker St, flat 2', name: 'Tom', payment: 'cash' },
  },
  {
    voice: 'English: "actually make it delivery" at the summary',
    menu: 'english',
    say: ['a cheeseburger', 'pickup', 'Tom', 'cash', 'actually make it delivery', '5 Baker Street', 'yes'],
    placed: { items: ['1 cheeseburger'], fulfilment: 'delivery', address: '5 Baker Street', name: 'Tom', payment: 'cash' },
  },
  {
    voice: 'English: "no", then "pay by card instead"',
    menu: 'english',
    say: ['a cheeseburger', 'pickup', 'Tom', 'cash', 'no', 'pay by card instead', 'yes'],
    placed: { items: ['1 cheeseburger'], fulfilment: 'pickup', name: 'Tom', payment: 'card' },
  },
  // --- Everything in one message, in several styles ---
  {
    voice: 'polite paragraph with "para entregar en", "me llamo" and Bizum',
    say: ['Hola buenas! Quería pedir 2 pizzas barbacoa y una coca zero para entregar en Calle Alcalá 120, 4ºB. Me llamo Marta y pago con Bizum. Gracias!', 'si'],
    placed: { items: ['2 barbacoa', '1 coca-cola-zero'], fulfilment: 'delivery', address: 'Calle Alcalá 120, 4ºB', name: 'Marta', payment: 'bizum' },
  },
  {
    voice: 'form-like "Domicilio: … Nombre: … Pago: …"',
    say: ['2 hamburguesas dobles sin pepinillo, 1 de bravas y 2 cervezas. Domicilio: Av. Libertad 33, piso 1. Nombre: Carlos. Pago: efectivo', 'si'],
    placed: { items: ['2 doble (sin pepinillo)', '1 bravas', '2 cerveza'], fulfilment: 'delivery', address: 'Av. Libertad 33, piso 1', name: 'Carlos', payment: 'cash' },
  },
  {
    voice: 'Mexican run-on sentence with colonia, street and "a nombre de"',
    menu: 'taqueria',
    say: ['buenas tardes quisiera 3 tacos al pastor 2 de suadero y una horchata a domicilio colonia narvarte calle xola 512 a nombre de Fernanda pago en efectivo', 'si'],
    placed: { items: ['3 pastor', '2 suadero', '1 horchata'], fulfilment: 'delivery', address: 'colonia narvarte calle xola 512', name: 'Fernanda', payment: 'cash' },
  },
  {
    voice: 'Colombian "para la Cra 15 # 93-47, soy Camila"',
    menu: 'taqueria',
    say: ['me regala 2 gringas y 1 jamaica para la Cra 15 # 93-47, soy Camila, pago en efectivo', 'si'],
    placed: { items: ['2 gringa', '1 jamaica'], fulfilment: 'delivery', address: 'Cra 15 # 93-47', name: 'Camila', payment: 'cash' },
  },
  {
    voice: 'terse "Pedido: 1x …. Entrega a domicilio …. Juan. Tarjeta."',
    say: ['Pedido: 1x margarita, 1x barbacoa, 2x coca. Entrega a domicilio C/ Mayor 3 2ºA. Juan. Tarjeta.', 'si'],
    placed: { items: ['1 margarita', '1 barbacoa', '2 coca-cola'], fulfilment: 'delivery', address: 'C/ Mayor 3 2ºA', name: 'Juan', payment: 'card' },
  },
  {
    voice: 'menu numbers, "a domicilio a calle …", name and card in one line',
    say: ['quiero 2 del 1 y 1 del 12 a domicilio a calle sol 3 piso 2 a nombre de Luis pago con tarjeta', 'si'],
    placed: { items: ['2 clasica', '1 coca-cola'], fulfilment: 'delivery', address: 'calle sol 3 piso 2', name: 'Luis', payment: 'card' },
  },
  {
    voice: 'ALL CAPS, everything in one line',
    say: ['HOLA QUIERO UNA PIZZA MARGARITA A LA CALLE SOL 3 SOY PEPE PAGO EFECTIVO', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'CALLE SOL 3', name: 'PEPE', payment: 'cash' },
  },
  {
    voice: '"estoy en la calle …, Ana, bizum" (the name between commas)',
    say: ['una margarita porfa, estoy en la calle Sol 3, Ana, bizum', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'calle Sol 3', name: 'Ana', payment: 'bizum' },
  },
  {
    voice: '"forma de pago: tarjeta" with the dish',
    say: ['una margarita, forma de pago: tarjeta', 'recoger', 'Ana', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'pickup', name: 'Ana', payment: 'card' },
  },
  // --- Number first, and more street words ---
  {
    voice: '"para el nº 5 de la calle sol" (number first, no number after)',
    say: ['2 margaritas para el nº 5 de la calle sol', 'Ana', 'efectivo', 'si'],
    placed: { items: ['2 margarita'], fulfilment: 'delivery', address: 'nº 5 de la calle sol', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"al portal 4 de calle sol 3" (the 4 is not dish 4)',
    say: ['una margarita al portal 4 de calle sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'portal 4 de calle sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"al nº 5 de la calle sol y una coca" (a dish after it)',
    say: ['una margarita al nº 5 de la calle sol y una coca', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita', '1 coca-cola'], fulfilment: 'delivery', address: 'nº 5 de la calle sol', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'Mexican "privada" after "a la"',
    menu: 'taqueria',
    say: ['una orden de 5 tacos de pastor a la privada de los pinos 23', 'Nacho', 'efectivo', 'si'],
    placed: { items: ['5 pastor'], fulfilment: 'delivery', address: 'privada de los pinos 23', name: 'Nacho', payment: 'cash' },
  },
  {
    voice: 'Mexican street named after a date, with the colonia',
    menu: 'taqueria',
    say: ['3 de suadero x favor a la calle 5 de febrero 45 col. obrera', 'Nacho', 'efectivo', 'si'],
    placed: { items: ['3 suadero'], fulfilment: 'delivery', address: 'calle 5 de febrero 45 col. obrera', name: 'Nacho', payment: 'cash' },
  },
  {
    voice: 'one line per slot with "los mandan a Av. …"',
    menu: 'taqueria',
    say: ['quiero 2 tacos de pastor y 1 de carnitas\nlos mandan a Av. Revolución 1500 int 3\nsoy Lalo\nefectivo', 'sí'],
    placed: { items: ['2 pastor', '1 carnitas'], fulfilment: 'delivery', address: 'Av. Revolución 1500 int 3', name: 'Lalo', payment: 'cash' },
  },
  {
    voice: '"a la gran via 12, 3ºA" and "al paseo de la castellana"',
    say: ['una margarita a la gran via 12, 3ºA', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'gran via 12, 3ºA', name: 'Ana', payment: 'cash' },
  },
  // --- Streets named like dishes, answered without a street word ---
  {
    voice: '"Jamaica 12, col. Morelos" when jamaica is a drink on the menu',
    menu: 'taqueria',
    say: ['3 de pastor', 'a domicilio', 'Jamaica 12, col. Morelos', 'Nacho', 'efectivo', 'si'],
    placed: { items: ['3 pastor'], fulfilment: 'delivery', address: 'Jamaica 12, col. Morelos', name: 'Nacho', payment: 'cash' },
  },
  {
    voice: '"Margarita 5, 2ºB" when margarita is a pizza',
    say: ['3 cocas', 'a domicilio', 'Margarita 5, 2ºB', 'Ana', 'efectivo', 'si'],
    placed: { items: ['3 coca-cola'], fulfilment: 'delivery', address: 'Margarita 5, 2ºB', name: 'Ana', payment: 'cash' },
  },
  {
    voice: 'a dish added when asked for the address, then the address',
    say: ['3 cocas', 'a domicilio', 'y una margarita', 'calle sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['3 coca-cola', '1 margarita'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
  },
  // --- Address headings ---
  {
    voice: '"Dirección de entrega:" in a one-message order',
    say: ['una margarita. Dirección de entrega: Calle Sol 3, 1ºA. Ana. Efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Calle Sol 3, 1ºA', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"envío a: Calle Sol 3"',
    say: ['una margarita, envío a: Calle Sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita'], fulfilment: 'delivery', address: 'Calle Sol 3', name: 'Ana', payment: 'cash' },
  },
  {
    voice: '"a domicilio calle sol 3" with no comma or preposition',
    say: ['una margarita y 2 cocas a domicilio calle sol 3', 'Ana', 'efectivo', 'si'],
    placed: { items: ['1 margarita', '2 coca-cola'], fulfilment: 'delivery', address: 'calle sol 3', name: 'Ana', payment: 'cash' },
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
        expect(reply, `«${c.say[k]}» was taken for a dish`).not.toMatch(/No encuentro|I cannot find|¿Te refieres|Do you mean/);
        expect(reply, `«${c.say[k]}» was not understood`).not.toMatch(/no te he entendido|did not understand/);
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

describe('addresses inside a message: cut out before the dishes are read', () => {
  it.each([
    ['una pizza margarita a calle sol 3', 'calle sol 3'],
    ['dos bravas en la calle Luna 7, 3ºB y una coca', 'calle Luna 7, 3ºB'],
    ['una barbacoa, llevar a Av. Corrientes 1234 piso 3 depto B', 'Av. Corrientes 1234 piso 3 depto B'],
    ['2 del 5 para c/ Sol 3', 'c/ Sol 3'],
    ['3 del 2 a domicilio: Calle 45 # 12-30', 'Calle 45 # 12-30'],
    ['una margarita a la avenida de América 10, portal 4', 'avenida de America 10, portal 4'.replace('America', 'América')],
    ['dirección: Paseo del Prado 20, 5º D', 'Paseo del Prado 20, 5º D'],
  ])('«%s» → %s, and no digit of it is left for the dishes', (text, address) => {
    const it = detectIntents(text);
    expect(it.address).toBe(address);
    expect(it.fulfilment).toBe('delivery');
    const numbersOutside = text.replace(address, '').match(/\d+/g) ?? [];
    expect(it.rest.match(/\d+/g) ?? []).toEqual(numbersOutside);
  });

  it.each([
    'una margarita y 3 cocas',
    'pizza 4 quesos x2',
    'la calle está cortada, 2 del 3',
    'quiero 2 del 3 para recoger en el local',
    'hola, ronda de 3 cañas',
    'una tarta de manzana y 2 cocas',
    'a la calle una pizza x2',
  ])('«%s» holds no address', (text) => {
    expect(detectIntents(text).address).toBeNull();
  });
});

describe('a floor or door sent on its own', () => {
  it.each([
    ['ah y es 3ºB', '3ºB'],
    ['el piso es 2ºA', 'piso 2ºA'],
    ['perdona, falta el piso: 4º izquierda', 'piso 4º izquierda'],
    ['puerta B', 'puerta B'],
    ['bajo', 'bajo'],
  ])('«%s» → %s', (text, part) => {
    expect(floorOrDoor(text)).toBe(part);
  });

  it.each(['Ana', 'y 2', '3', 'una coca', 'calle sol 3', 'sí'])('«%s» is not a floor or door', (text) => {
    expect(floorOrDoor(text)).toBeNull();
  });

  it('"la 3ª" answers an open "which one?" question, not the address', () => {
    const chat = new Chat();
    chat.say('una coca a calle sol 3');
    chat.say('una pizza');
    chat.say('la 3ª');
    expect(chat.state?.address).toBe('calle sol 3');
    expect(chat.cartSummary()).toEqual(['1 coca-cola', '1 cuatro-quesos']);
  });
});

describe('a capitalised word beside dishes only is not taken for a name', () => {
  it('"una margarita, Sushi" reports Sushi as not on the menu', () => {
    const chat = new Chat();
    expect(chat.say('una margarita, Sushi')).toContain('No encuentro «Sushi»');
    expect(chat.state?.name ?? null).toBeNull();
  });
});

// Every format with every way of introducing it, and at every step of the conversation: the cart
// holds only the dishes asked for, and the address comes back exactly as written.
const FORMATS = [
  'calle sol 3', 'Calle Mayor 14, 2ºB', 'c/ Alcalá 120, 4ºB', 'Av. de la Constitución 5', 'avenida de América 10, portal 4',
  'Plaza España 1, bajo', 'paseo del Prado 10, 3º izq', 'Calle 45 # 12-30', 'Carrera 7 No. 45-10 apto 301',
  'Av. Corrientes 1234 piso 3 depto B', 'Calzada de Tlalpan 3000 depto 12', 'calle Ramón y Cajal 7, 1º izquierda', 'C/ Mayor nº 5',
  'calle Luna 7 nº 5 portal 4 piso 2', 'Av. Insurgentes Sur 1234 int 5', 'calle 5 de mayo 12', 'calle sol s/n', 'Paseo de Gracia 21, 3º 1ª',
  'Calle Toledo 3 2º izq', 'av. libertad 33', 'Cra 15 # 93-47', 'Jr. de la Unión 456', 'Gran Vía 12, 3ºA', 'Calle del Pez 12, ático',
];
const INTROS = ['a', 'a la', 'en', 'en la', 'para', 'para la', 'llevar a', 'a domicilio:', 'dirección:', 'a domicilio en', 'mándalo a', 'entregar en'];
const TAILS: { tail: string; cart: string[]; payment?: PaymentMethod; name?: string }[] = [
  { tail: '', cart: ['1 margarita'] },
  { tail: ' y una coca', cart: ['1 margarita', '1 coca-cola'] },
  { tail: ', pago con tarjeta', cart: ['1 margarita'], payment: 'card' },
  { tail: ' por favor', cart: ['1 margarita'] },
  { tail: ', soy Ana', cart: ['1 margarita'], name: 'Ana' },
  { tail: '\n2 cocas', cart: ['1 margarita', '2 coca-cola'] },
];

describe('address formats × ways to introduce them', () => {
  it.each(FORMATS)('«%s» after every intro, before every kind of tail', (address) => {
    for (const intro of INTROS) {
      for (const { tail, cart, payment, name } of TAILS) {
        const message = `una margarita ${intro} ${address}${tail}`;
        const chat = new Chat();
        chat.say(message);
        const state = chat.state as { address?: string; fulfilment?: string; payment?: string; name?: string; pending?: unknown[] };
        expect(chat.cartSummary(), message).toEqual(cart);
        expect(state.address, message).toBe(address);
        expect(state.fulfilment, message).toBe('delivery');
        expect(state.pending, message).toEqual([]);
        if (payment) expect(state.payment, message).toBe(payment);
        if (name) expect(state.name, message).toBe(name);
      }
    }
  });
});

const MORE_FORMATS = [...FORMATS, 'Col. Roma Norte, Mérida 45', 'Mérida 45, Col. Roma Norte', 'Mz 5 Lt 12, Col. Centro', 'Calle 10 # 5-20 barrio Chapinero', 'Calle Falsa 123 entre 5 y 6'];
const FLOWS: { step: string; say: (address: string) => string[] }[] = [
  { step: 'answering "which address?"', say: (a) => ['una margarita', 'a domicilio', a, 'Ana', 'efectivo', 'si'] },
  { step: 'answering "pickup or delivery?"', say: (a) => ['una margarita', a, 'Ana', 'efectivo', 'si'] },
  { step: 'answering "which address?" asked after the dish', say: (a) => ['una margarita a domicilio', a, 'Ana', 'efectivo', 'si'] },
  { step: 'inline in the first message (the lead\'s case)', say: (a) => [`hola me mandas una margarita a ${a}`, 'listo', 'Juan', 'bizum', 'sí'] },
  { step: 'after the summary', say: (a) => ['una margarita', 'recoger', 'Ana', 'efectivo', `no, mejor a domicilio a ${a}`, 'si'] },
];

describe('address formats at every step, on two menus', () => {
  for (const menu of ['sample', 'taqueria'] as const) {
    for (const { step, say } of FLOWS) {
      it(`${menu} menu — ${step}`, () => {
        for (const address of MORE_FORMATS) {
          const chat = chatFor({ voice: step, say: [], menu: menu === 'taqueria' ? 'taqueria' : undefined, placed: { items: [], fulfilment: 'delivery', name: '', payment: 'cash' } });
          const dish = menu === 'taqueria' ? 'gringa' : 'margarita';
          // The taquería takes cash and card only (the menu's default), not Bizum.
          const replies = say(address).map((m) => chat.say(m.replace('una margarita', `una ${dish}`).replace(/^bizum$/u, menu === 'taqueria' ? 'efectivo' : 'bizum')));
          for (const reply of replies) expect(reply, address).not.toMatch(/No encuentro|no te he entendido|¿Te refieres/);
          const draft = chat.lastPlaced;
          expect(draft, `${address}: not placed`).toBeDefined();
          expect(draft?.items.map((l) => `${l.quantity} ${l.itemId}`), address).toEqual([`1 ${dish}`]);
          expect(draft?.fulfilment, address).toBe('delivery');
          expect(draft?.address, address).toBe(address);
        }
      });
    }
  }
});

describe('the pickup-or-delivery question answered with something else', () => {
  it('a payment word is remembered, said back, and the question asked again without "no te he entendido"', () => {
    const chat = new Chat();
    chat.say('una margarita');
    const reply = chat.say('bizum');
    expect(reply).toContain('Apuntado: pago con Bizum.');
    expect(reply).toMatch(/recoger en el local o a domicilio/);
    expect(reply).not.toMatch(/no te he entendido|No encuentro/);
    expect(chat.state).toMatchObject({ payment: 'bizum', fulfilment: null });
  });

  it('a lone capitalised word that matches no dish is the name; a lowercase one stays "not on the menu"', () => {
    const chat = new Chat();
    chat.say('una margarita');
    const reply = chat.say('Juan');
    expect(reply).toContain('Apuntado a nombre de Juan.');
    expect(reply).toMatch(/recoger en el local o a domicilio/);
    expect(chat.state).toMatchObject({ name: 'Juan' });

    const other = new Chat();
    other.say('una margarita');
    expect(other.say('sushi')).toContain('No encuentro «sushi»');
    expect(other.state?.name ?? null).toBeNull();
  });

  it('a capitalised word close to a dish is still asked about, not taken as the name', () => {
    const chat = new Chat();
    chat.say('una coca');
    expect(chat.say('Fantaa')).toMatch(/Fanta de naranja/);
    expect(chat.state?.name ?? null).toBeNull();
  });
});
