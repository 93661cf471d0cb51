// The corpus's own restaurants, one per region, with the terms those places really work with:
// a Madrid bar (Bizum, raciones), a Mexico City taquería (tacos sueltos and órdenes, SPEI), a Buenos
// Aires pizzería (grande/chica, empanadas by the dozen, Mercado Pago), a Medellín comidas rápidas
// (Nequi, Daviplata, domicilio fee) and a US burger joint. Each with a moment it is open.
import type { Menu, MenuInput } from '../../../shared/menu.ts';
import { menuFrom } from '../bot-harness.ts';

export type CorpusLocale = 'es-ES' | 'es-MX' | 'es-AR' | 'es-CO' | 'en';
export type MenuKey = 'bar-es' | 'taqueria-mx' | 'pizzeria-ar' | 'rapidas-co' | 'burgers-us';

const size = (id: string, name: string, choices: [string, string, number, string[]?][], required = true) => ({
  id,
  name,
  required,
  choices: choices.map(([cid, cname, price, aliases]) => ({ id: cid, name: cname, price, ...(aliases ? { aliases } : {}) })),
});

export const BAR_ES: MenuInput = {
  restaurant: 'Bar La Esquina',
  currency: 'EUR',
  locale: 'es-ES',
  timezone: 'Europe/Madrid',
  hours: { mon: [['12:00', '16:00'], ['20:00', '24:00']], tue: [['12:00', '16:00'], ['20:00', '24:00']], wed: [['12:00', '16:00'], ['20:00', '24:00']], thu: [['12:00', '16:00'], ['20:00', '24:00']], fri: [['12:00', '16:00'], ['20:00', '24:00']], sat: [['12:00', '24:00']], sun: [['12:00', '17:00']] },
  payments: ['cash', 'card', 'bizum'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 2.5, minimumOrder: 15, note: 'Repartimos en Chamberí y Malasaña.' },
  categories: [
    {
      id: 'tapas',
      name: 'Tapas y raciones',
      items: [
        { id: 'bravas', name: 'Patatas bravas', price: 5.5, aliases: ['bravas', 'patatas'] },
        { id: 'croquetas', name: 'Croquetas de jamón', price: 6, aliases: ['croquetas', 'croquetas de jamon'], options: [size('racion', 'Ración', [['media', 'Media ración', 0, ['media']], ['entera', 'Ración entera', 4, ['racion entera', 'entera']]])] },
        { id: 'tortilla', name: 'Pincho de tortilla', price: 3.2, aliases: ['tortilla', 'pincho'] },
        { id: 'calamares', name: 'Bocadillo de calamares', price: 6.5, aliases: ['bocata de calamares', 'bocadillo calamares', 'calamares'] },
        { id: 'oreja', name: 'Oreja a la plancha', price: 7, aliases: ['oreja'] },
      ],
    },
    {
      id: 'pizzas',
      name: 'Pizzas',
      items: [
        { id: 'margarita', name: 'Pizza margarita', price: 9, aliases: ['margarita', 'margherita'], options: [size('extras', 'Extras', [['queso', 'Extra de queso', 1.5, ['extra de queso', 'extra queso', 'mas queso']], ['jamon', 'Jamón york', 1.5, ['jamon', 'york']]], false)] },
        { id: 'barbacoa', name: 'Pizza barbacoa', price: 11, aliases: ['barbacoa'] },
        { id: 'cuatro-quesos', name: 'Pizza cuatro quesos', price: 11, aliases: ['cuatro quesos', '4 quesos'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'cana', name: 'Caña', price: 2.2, aliases: ['cerveza', 'birra'] },
        { id: 'tinto', name: 'Tinto de verano', price: 3, aliases: ['tinto'] },
        { id: 'coca', name: 'Coca-Cola', price: 2.5, aliases: ['coca', 'cocacola', 'coca cola'] },
        { id: 'agua', name: 'Agua mineral', price: 1.5, aliases: ['agua'] },
      ],
    },
  ],
};

export const TAQUERIA_MX: MenuInput = {
  restaurant: 'Tacos El Paisa',
  currency: 'MXN',
  locale: 'es-MX',
  timezone: 'America/Mexico_City',
  hours: { mon: [['13:00', '24:00']], tue: [['13:00', '24:00']], wed: [['13:00', '24:00']], thu: [['13:00', '24:00']], fri: [['13:00', '24:00']], sat: [['13:00', '24:00']], sun: [['13:00', '22:00']] },
  payments: ['cash', 'card', 'spei'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 30, minimumOrder: 150, note: 'Llevamos en la Roma y la Condesa.' },
  categories: [
    {
      id: 'tacos',
      name: 'Tacos',
      items: [
        { id: 'pastor', name: 'Taco al pastor', price: 18, aliases: ['pastor', 'al pastor'] },
        { id: 'suadero', name: 'Taco de suadero', price: 20, aliases: ['suadero'] },
        { id: 'bistec', name: 'Taco de bistec', price: 22, aliases: ['bistec', 'bistek'] },
        { id: 'campechano', name: 'Taco campechano', price: 23, aliases: ['campechano', 'campechanos'] },
        { id: 'orden-pastor', name: 'Orden de pastor (5 tacos)', price: 80, aliases: ['orden de pastor'] },
        { id: 'orden-suadero', name: 'Orden de suadero (5 tacos)', price: 90, aliases: ['orden de suadero'] },
      ],
    },
    {
      id: 'especialidades',
      name: 'Especialidades',
      items: [
        { id: 'gringa', name: 'Gringa', price: 55, aliases: ['gringas'] },
        { id: 'quesadilla', name: 'Quesadilla', price: 40, aliases: ['quesadillas', 'quesa'], options: [size('guisado', 'Guisado', [['queso', 'Queso', 0, ['sola', 'de queso']], ['chicharron', 'Chicharrón', 10, ['chicharron']], ['tinga', 'Tinga', 10]])] },
        { id: 'volcan', name: 'Volcán', price: 35, aliases: ['volcan', 'volcanes'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'horchata', name: 'Agua de horchata', price: 30, aliases: ['horchata'], options: [size('tamano', 'Tamaño', [['chica', 'Chica', 0, ['chico', 'medio litro']], ['grande', 'Grande', 15, ['litro', 'de litro']]])] },
        { id: 'jamaica', name: 'Agua de jamaica', price: 30, aliases: ['jamaica'], options: [size('tamano', 'Tamaño', [['chica', 'Chica', 0, ['chico', 'medio litro']], ['grande', 'Grande', 15, ['litro', 'de litro']]])] },
        { id: 'refresco', name: 'Refresco', price: 28, aliases: ['coca', 'coca cola', 'refresco', 'chesco', 'jarrito'] },
      ],
    },
  ],
};

export const PIZZERIA_AR: MenuInput = {
  restaurant: 'Pizzería La Guitarrita',
  currency: 'ARS',
  locale: 'es-AR',
  timezone: 'America/Argentina/Buenos_Aires',
  hours: { tue: [['19:00', '24:00']], wed: [['19:00', '24:00']], thu: [['19:00', '24:00']], fri: [['19:00', '24:00']], sat: [['19:00', '24:00']], sun: [['19:00', '24:00']] },
  payments: ['cash', 'mercadopago', 'transfer'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 1200, minimumOrder: 10000, note: 'Hacemos envíos en Almagro, Boedo y Caballito.' },
  categories: [
    {
      id: 'pizzas',
      name: 'Pizzas',
      items: [
        { id: 'muzza', name: 'Muzzarella', price: 9000, aliases: ['muzza', 'muza', 'mozzarella'], options: [size('tamano', 'Tamaño', [['chica', 'Chica', 0], ['grande', 'Grande', 3500]]), size('extras', 'Extras', [['extra-muzza', 'Extra muzza', 1500, ['extra queso', 'extra muzza', 'doble muzza']], ['aceitunas', 'Aceitunas', 800]], false)] },
        { id: 'napo', name: 'Napolitana', price: 10500, aliases: ['napo'], options: [size('tamano', 'Tamaño', [['chica', 'Chica', 0], ['grande', 'Grande', 3500]])] },
        { id: 'fugazzeta', name: 'Fugazzeta', price: 10500, aliases: ['fugazeta', 'fuga', 'fugaza'], options: [size('tamano', 'Tamaño', [['chica', 'Chica', 0], ['grande', 'Grande', 3500]])] },
        { id: 'faina', name: 'Fainá (porción)', price: 1500, aliases: ['faina', 'faina porcion'] },
      ],
    },
    {
      id: 'empanadas',
      name: 'Empanadas',
      items: [
        { id: 'emp-carne', name: 'Empanada de carne', price: 1400, aliases: ['carne', 'de carne', 'carne cortada a cuchillo'] },
        { id: 'emp-pollo', name: 'Empanada de pollo', price: 1400, aliases: ['pollo', 'de pollo'] },
        { id: 'emp-jyq', name: 'Empanada de jamón y queso', price: 1400, aliases: ['jamon y queso', 'jyq', 'jamon queso'] },
        { id: 'emp-humita', name: 'Empanada de humita', price: 1400, aliases: ['humita'] },
        { id: 'emp-verdura', name: 'Empanada de verdura', price: 1400, aliases: ['verdura'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'coca', name: 'Coca-Cola 1,5 L', price: 3000, aliases: ['coca', 'coca cola'] },
        { id: 'quilmes', name: 'Cerveza Quilmes 1 L', price: 3200, aliases: ['birra', 'quilmes', 'cerveza'] },
        { id: 'agua', name: 'Agua sin gas 500 ml', price: 1300, aliases: ['agua'] },
      ],
    },
  ],
};

export const RAPIDAS_CO: MenuInput = {
  restaurant: 'Comidas Rápidas El Parche',
  currency: 'COP',
  locale: 'es-CO',
  timezone: 'America/Bogota',
  hours: { mon: [['16:00', '23:30']], tue: [['16:00', '23:30']], wed: [['16:00', '23:30']], thu: [['16:00', '23:30']], fri: [['16:00', '24:00']], sat: [['16:00', '24:00']], sun: [['16:00', '23:00']] },
  payments: ['cash', 'nequi', 'daviplata'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 4000, minimumOrder: 20000, note: 'Domicilios en Laureles y Estadio.' },
  categories: [
    {
      id: 'perros',
      name: 'Perros y hamburguesas',
      items: [
        { id: 'perro', name: 'Perro sencillo', price: 12000, aliases: ['perro', 'perro caliente', 'perros'] },
        { id: 'perro-especial', name: 'Perro especial', price: 16000, aliases: ['perro especial', 'perro ranchero'] },
        { id: 'hamburguesa', name: 'Hamburguesa', price: 18000, aliases: ['burger', 'hamburguesas'], options: [size('carne', 'Carne', [['sencilla', 'Sencilla', 0], ['doble', 'Doble carne', 6000, ['doble', 'doble carne']]])] },
        { id: 'salchipapa', name: 'Salchipapa', price: 15000, aliases: ['salchipapas'], options: [size('tamano', 'Tamaño', [['personal', 'Personal', 0], ['compartir', 'Para compartir', 9000, ['para compartir', 'grande']]])] },
      ],
    },
    {
      id: 'antojos',
      name: 'Antojos',
      items: [
        { id: 'arepa', name: 'Arepa de chócolo con queso', price: 9000, aliases: ['arepa', 'arepa de chocolo', 'chocolo'] },
        { id: 'empanada', name: 'Empanada', price: 2500, aliases: ['empanadas', 'empanaditas'] },
        { id: 'papas', name: 'Papas a la francesa', price: 7000, aliases: ['papas', 'papitas', 'papas francesa'] },
      ],
    },
    {
      id: 'bebidas',
      name: 'Bebidas',
      items: [
        { id: 'gaseosa', name: 'Gaseosa personal', price: 3500, aliases: ['gaseosa', 'coca', 'colombiana', 'postobon'] },
        { id: 'jugo', name: 'Jugo natural', price: 6000, aliases: ['jugo', 'jugos'], options: [size('base', 'En agua o en leche', [['agua', 'En agua', 0, ['en agua']], ['leche', 'En leche', 1000, ['en leche']]])] },
        { id: 'limonada', name: 'Limonada de coco', price: 9000, aliases: ['limonada'] },
      ],
    },
  ],
};

export const BURGERS_US: MenuInput = {
  restaurant: "Big Mike's Burgers",
  currency: 'USD',
  locale: 'en',
  timezone: 'America/New_York',
  hours: { mon: [['11:00', '22:00']], tue: [['11:00', '22:00']], wed: [['11:00', '22:00']], thu: [['11:00', '22:00']], fri: [['11:00', '23:00']], sat: [['11:00', '23:00']], sun: [['12:00', '21:00']] },
  payments: ['cash', 'card'],
  pickup: { enabled: true },
  delivery: { enabled: true, fee: 3.99, minimumOrder: 15, note: 'We deliver within 3 miles.' },
  categories: [
    {
      id: 'burgers',
      name: 'Burgers',
      items: [
        { id: 'cheeseburger', name: 'Cheeseburger', price: 9.5, aliases: ['cheese burger', 'cheeseburgers'], options: [size('extras', 'Extras', [['bacon', 'Add bacon', 2, ['bacon', 'with bacon']], ['cheese', 'Extra cheese', 1, ['extra cheese']], ['egg', 'Fried egg', 1.5, ['egg']]], false)] },
        { id: 'double', name: 'Double cheeseburger', price: 12.5, aliases: ['double', 'double cheese', 'double cheeseburger'] },
        { id: 'chicken', name: 'Crispy chicken sandwich', price: 10, aliases: ['chicken sandwich', 'chicken sando', 'chicken'] },
        { id: 'veggie', name: 'Veggie burger', price: 10.5, aliases: ['veggie', 'veggie burger', 'beyond burger'] },
      ],
    },
    {
      id: 'sides',
      name: 'Sides',
      items: [
        { id: 'fries', name: 'Fries', price: 3.5, aliases: ['fries', 'french fries', 'chips'], options: [size('size', 'Size', [['regular', 'Regular', 0, ['small', 'reg']], ['large', 'Large', 1.5, ['big', 'lg']]])] },
        { id: 'rings', name: 'Onion rings', price: 5, aliases: ['onion rings', 'rings'] },
        { id: 'wings', name: 'Wings (6)', price: 8, aliases: ['wings', 'chicken wings'] },
      ],
    },
    {
      id: 'drinks',
      name: 'Drinks',
      items: [
        { id: 'shake', name: 'Milkshake', price: 6, aliases: ['shake', 'milkshake', 'shakes'], options: [size('flavor', 'Flavor', [['vanilla', 'Vanilla', 0], ['chocolate', 'Chocolate', 0, ['choc']], ['strawberry', 'Strawberry', 0]])] },
        { id: 'soda', name: 'Fountain soda', price: 2.5, aliases: ['soda', 'coke', 'sprite', 'pop', 'drink'] },
        { id: 'lemonade', name: 'Lemonade', price: 3, aliases: ['lemonade'] },
      ],
    },
  ],
};

export interface CorpusRestaurant {
  menu: Menu;
  locale: CorpusLocale;
  /** A moment the restaurant is open (epoch ms): a Friday evening in its own zone. */
  now: number;
  timezone: string;
}

export const RESTAURANTS: Record<MenuKey, CorpusRestaurant> = {
  // Friday 10 January 2025, 21:00 in Madrid.
  'bar-es': { menu: menuFrom(BAR_ES), locale: 'es-ES', now: Date.UTC(2025, 0, 10, 20, 0), timezone: 'Europe/Madrid' },
  // Friday 10 January 2025, 20:00 in Mexico City.
  'taqueria-mx': { menu: menuFrom(TAQUERIA_MX), locale: 'es-MX', now: Date.UTC(2025, 0, 11, 2, 0), timezone: 'America/Mexico_City' },
  // Friday 10 January 2025, 21:00 in Buenos Aires.
  'pizzeria-ar': { menu: menuFrom(PIZZERIA_AR), locale: 'es-AR', now: Date.UTC(2025, 0, 11, 0, 0), timezone: 'America/Argentina/Buenos_Aires' },
  // Friday 10 January 2025, 19:00 in Medellín.
  'rapidas-co': { menu: menuFrom(RAPIDAS_CO), locale: 'es-CO', now: Date.UTC(2025, 0, 11, 0, 0), timezone: 'America/Bogota' },
  // Friday 10 January 2025, 18:30 in New York.
  'burgers-us': { menu: menuFrom(BURGERS_US), locale: 'en', now: Date.UTC(2025, 0, 10, 23, 30), timezone: 'America/New_York' },
};
