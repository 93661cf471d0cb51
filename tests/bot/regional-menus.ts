// Menus of restaurants in each region, for the regional, terms, options and corpus tests.
import type { Menu, MenuInput } from '../../shared/menu.ts';
import { menuFrom, sampleMenu } from './bot-harness.ts';

export const PIZZERIA_AR: MenuInput = {
  restaurant: 'Pizzería Don Tito',
  currency: 'ARS',
  locale: 'es-AR',
  timezone: 'America/Argentina/Buenos_Aires',
  payments: ['cash', 'mercadopago', 'transfer'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 800, minimumOrder: 6000, note: 'Solo repartimos en Palermo y Villa Crespo.' },
  categories: [
    {
      id: 'pizzas',
      name: 'Pizzas',
      items: [
        {
          id: 'muzza',
          name: 'Muzzarella',
          price: 9800,
          aliases: ['muzza', 'muza', 'mozzarella'],
          options: [
            { id: 'size', name: 'Tamaño', required: true, choices: [{ id: 'chica', name: 'Chica', price: 0 }, { id: 'grande', name: 'Grande', price: 2600 }] },
            { id: 'extras', name: 'Extras', max: 3, choices: [{ id: 'queso', name: 'Extra queso', price: 800, aliases: ['extra muzza'] }, { id: 'aceitunas', name: 'Aceitunas', price: 500 }] },
          ],
        },
        { id: 'napo', name: 'Napolitana', price: 11500, aliases: ['napo'] },
        { id: 'fugazzeta', name: 'Fugazzeta', price: 11000, aliases: ['fugazeta', 'fuga'] },
        { id: 'calabresa', name: 'Calabresa', price: 12000, available: false },
      ],
    },
    {
      id: 'empanadas',
      name: 'Empanadas',
      items: [
        { id: 'emp-carne', name: 'Empanada de carne', price: 1500, aliases: ['carne'] },
        { id: 'emp-pollo', name: 'Empanada de pollo', price: 1500, aliases: ['pollo'] },
        { id: 'emp-jyq', name: 'Empanada de jamón y queso', price: 1500, aliases: ['jamon y queso', 'jyq'] },
        { id: 'emp-humita', name: 'Empanada de humita', price: 1500, aliases: ['humita'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'coca', name: 'Coca-Cola 1,5 L', price: 3200, aliases: ['coca', 'coca cola'] },
        { id: 'cerveza', name: 'Cerveza Quilmes 1 L', price: 3500, aliases: ['birra', 'quilmes', 'cerveza'] },
      ],
    },
  ],
};

export const TAQUERIA_MX: MenuInput = {
  restaurant: 'Taquería El Güero',
  currency: 'MXN',
  locale: 'es-MX',
  timezone: 'America/Mexico_City',
  payments: ['cash', 'card', 'spei'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 35, minimumOrder: 0 },
  categories: [
    {
      id: 'tacos',
      name: 'Tacos',
      items: [
        { id: 'pastor', name: 'Taco al pastor', price: 22, aliases: ['pastor', 'al pastor'] },
        { id: 'suadero', name: 'Taco de suadero', price: 24, aliases: ['suadero'] },
        { id: 'bistec', name: 'Taco de bistec', price: 25, aliases: ['bistec', 'bistek'] },
        { id: 'campechano', name: 'Taco campechano', price: 26, aliases: ['campechano'] },
      ],
    },
    {
      id: 'otros',
      name: 'Otros',
      items: [
        { id: 'gringa', name: 'Gringa', price: 55 },
        { id: 'quesadilla', name: 'Quesadilla', price: 40, options: [{ id: 'guiso', name: 'Guisado', required: true, choices: [{ id: 'queso', name: 'Queso', price: 0 }, { id: 'chicharron', name: 'Chicharrón', price: 10 }, { id: 'tinga', name: 'Tinga', price: 10 }] }] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'horchata', name: 'Agua de horchata', price: 30, aliases: ['horchata'] },
        { id: 'jamaica', name: 'Agua de jamaica', price: 30, aliases: ['jamaica'] },
        { id: 'coca', name: 'Coca-Cola', price: 28, aliases: ['coca', 'refresco'] },
      ],
    },
  ],
};

export const CORRIENTAZO_CO: MenuInput = {
  restaurant: 'Sabor Paisa',
  currency: 'COP',
  locale: 'es-CO',
  timezone: 'America/Bogota',
  payments: ['cash', 'nequi', 'daviplata'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 4000, minimumOrder: 20000 },
  categories: [
    {
      id: 'platos',
      name: 'Platos',
      items: [
        { id: 'bandeja', name: 'Bandeja paisa', price: 32000, aliases: ['bandeja'] },
        { id: 'ajiaco', name: 'Ajiaco santafereño', price: 28000, aliases: ['ajiaco'] },
        { id: 'arepa', name: 'Arepa con queso', price: 6000, aliases: ['arepa'] },
        { id: 'empanada', name: 'Empanada', price: 3000, aliases: ['empanadas'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'limonada', name: 'Limonada de coco', price: 9000, aliases: ['limonada'] },
        { id: 'gaseosa', name: 'Gaseosa', price: 4000, aliases: ['postobon', 'colombiana'] },
        { id: 'jugo', name: 'Jugo natural', price: 7000, aliases: ['jugo'] },
      ],
    },
  ],
};

export const POLLERIA_PE: MenuInput = {
  restaurant: 'Pollería El Brasero',
  currency: 'PEN',
  locale: 'es-PE',
  timezone: 'America/Lima',
  payments: ['cash', 'yape', 'plin'],
  delivery: { enabled: true, fee: 5, minimumOrder: 0 },
  categories: [
    {
      id: 'pollos',
      name: 'Pollos',
      items: [
        { id: 'pollo-entero', name: 'Pollo a la brasa entero', price: 65, aliases: ['pollo entero'] },
        { id: 'medio-pollo', name: 'Medio pollo a la brasa', price: 35, aliases: ['medio pollo'] },
        { id: 'cuarto-pollo', name: 'Cuarto de pollo', price: 20, aliases: ['cuarto'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'inca', name: 'Inca Kola 1,5 L', price: 10, aliases: ['inca kola', 'inka'] },
        { id: 'chicha', name: 'Chicha morada 1 L', price: 12, aliases: ['chicha'] },
      ],
    },
  ],
};

export const DINER_EN: MenuInput = {
  restaurant: "Joe's Diner",
  currency: 'USD',
  locale: 'en',
  timezone: 'America/New_York',
  payments: ['cash', 'card', 'paypal'],
  delivery: { enabled: true, fee: 3.5, minimumOrder: 15 },
  categories: [
    {
      id: 'burgers',
      name: 'Burgers',
      items: [
        { id: 'cheeseburger', name: 'Cheeseburger', price: 9.5, aliases: ['cheese burger'] },
        { id: 'bacon', name: 'Bacon burger', price: 11, aliases: ['bacon'] },
        { id: 'veggie', name: 'Veggie burger', price: 10, aliases: ['veggie'] },
      ],
    },
    {
      id: 'sides',
      name: 'Sides',
      items: [
        { id: 'fries', name: 'Fries', price: 3.5, aliases: ['chips'] },
        { id: 'wings', name: 'Chicken wings', price: 8, aliases: ['wings'] },
      ],
    },
    {
      id: 'drinks',
      name: 'Drinks',
      items: [
        { id: 'coke', name: 'Coke', price: 2.5, aliases: ['coca cola', 'soda'] },
        { id: 'shake', name: 'Milkshake', price: 5, aliases: ['shake'] },
      ],
    },
  ],
};

export type MenuName = 'es-ES' | 'es-MX' | 'es-AR' | 'es-CO' | 'es-PE' | 'en';

export function regionalMenu(name: MenuName, changes: Partial<MenuInput> = {}): Menu {
  if (name === 'es-ES') return menuFrom({ ...sampleMenu(), ...changes });
  const base = { 'es-MX': TAQUERIA_MX, 'es-AR': PIZZERIA_AR, 'es-CO': CORRIENTAZO_CO, 'es-PE': POLLERIA_PE, en: DINER_EN }[name];
  return menuFrom({ ...base, ...changes });
}
