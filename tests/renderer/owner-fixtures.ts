// A menu for the kitchen screen's owner-area tests: the dishes the demo orders (fixtures.ts) use,
// with the restaurant's terms, one option group and one sold-out dish.
import type { MenuInput } from '../../shared/menu.ts';

export function demoMenu(): MenuInput {
  return {
    restaurant: 'Casa Pepe',
    currency: 'EUR',
    locale: 'es-ES',
    timezone: 'Europe/Madrid',
    hours: { mon: [['12:00', '16:00'], ['20:00', '23:30']], tue: [['12:00', '16:00']], fri: [['12:00', '16:00'], ['20:00', '24:00']] },
    payments: ['cash', 'card', 'bizum'],
    pickup: { enabled: true },
    delivery: { enabled: true, fee: 2.5, minimumOrder: 12, note: 'Solo repartimos en el barrio' },
    categories: [
      {
        id: 'hamburguesas',
        name: 'Hamburguesas',
        items: [
          {
            id: 'clasica',
            name: 'Hamburguesa clásica',
            price: 9.5,
            aliases: ['clasica', 'burger'],
            description: 'Ternera, lechuga, tomate',
            options: [{ id: 'punto', name: 'Punto', required: true, max: 1, choices: [{ id: 'poco', name: 'Poco hecha', price: 0 }, { id: 'hecha', name: 'Muy hecha', price: 0 }] }],
          },
          { id: 'doble', name: 'Hamburguesa doble', price: 12, aliases: ['doble'] },
        ],
      },
      {
        id: 'raciones',
        name: 'Raciones',
        items: [
          { id: 'patatas', name: 'Patatas bravas', price: 4.5, aliases: ['bravas'] },
          { id: 'croquetas', name: 'Croquetas de jamón', price: 1.5 },
          { id: 'ensalada', name: 'Ensalada César', price: 7.5 },
          { id: 'pizza-m', name: 'Pizza margarita', price: 8 },
          { id: 'calamares', name: 'Calamares', price: 9, available: false },
        ],
      },
      {
        id: 'bebidas',
        name: 'Bebidas',
        items: [
          { id: 'cola', name: 'Coca-Cola', price: 2.2 },
          { id: 'agua', name: 'Agua', price: 1.5 },
        ],
      },
    ],
  };
}
