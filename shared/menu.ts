// The menu file: the restaurant's own JSON, and the shape synced from the cloud (config/menu).
import { z } from 'zod';
import { describeZodError } from './validation.ts';

const time = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'hours must be written as HH:MM, for example "12:30"')
  .refine((t) => t <= '24:00', 'hours go up to 24:00');

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const ranges = z.array(z.tuple([time, time]));

/** The restaurant's region: the bot's voice, money formatting and the customer's words. */
export const MENU_LOCALES = ['es-ES', 'es-MX', 'es-AR', 'es-CO', 'es-CL', 'es-PE', 'es-US', 'en'] as const;
export type MenuLocale = (typeof MENU_LOCALES)[number];
/** The two languages the kitchen screen and the bot's texts come in. */
export type Language = 'es' | 'en';

export function languageOf(locale: MenuLocale | Language): Language {
  return locale === 'en' ? 'en' : 'es';
}

/** `es` (older menus) means Spain's Spanish. */
export const menuLocaleSchema = z.preprocess((v) => (v === 'es' ? 'es-ES' : v), z.enum(MENU_LOCALES));

/** Payment method ids a restaurant can accept (the order records the id). */
export const PAYMENT_METHOD_IDS = [
  'cash',
  'card',
  'transfer',
  'bizum',
  'mercadopago',
  'nequi',
  'daviplata',
  'yape',
  'plin',
  'pix',
  'spei',
  'paypal',
] as const;
export type PaymentMethodId = (typeof PAYMENT_METHOD_IDS)[number];
export const DEFAULT_PAYMENTS: readonly PaymentMethodId[] = ['cash', 'card'];

const money = z.number().finite().nonnegative().max(100_000_000);

/** A choice inside an option group ("Grande", "Extra queso"); `price` is added to the dish's. */
export const optionChoiceSchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  price: money.default(0),
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
});

/** A dish's option group: a size (required, one choice) or extras (up to `max`). */
export const optionGroupSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    required: z.boolean().default(false),
    /** Most choices a customer may take from the group (default 1). */
    max: z.number().int().min(1).max(50).default(1),
    choices: z.array(optionChoiceSchema).min(1).max(50),
  })
  .superRefine((group, ctx) => {
    const seen = new Set<string>();
    for (const choice of group.choices) {
      if (seen.has(choice.id)) ctx.addIssue({ code: 'custom', message: `choice id "${choice.id}" appears twice in option group "${group.id}"` });
      seen.add(choice.id);
    }
  });

export const menuItemSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    price: z.number().finite().nonnegative().max(100_000_000),
    aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    description: z.string().max(1000).optional(),
    /** false: sold out / hidden; the bot does not sell it. */
    available: z.boolean().optional(),
    options: z.array(optionGroupSchema).max(10).optional(),
  })
  .superRefine((item, ctx) => {
    const seen = new Set<string>();
    for (const group of item.options ?? []) {
      if (seen.has(group.id)) ctx.addIssue({ code: 'custom', message: `option group id "${group.id}" appears twice in item "${item.id}"` });
      seen.add(group.id);
    }
  });

export const pickupTermsSchema = z.object({ enabled: z.boolean().default(true) });
export const deliveryTermsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Added to every delivery order's total. */
  fee: money.default(0),
  /** Below this (dishes only, before the fee) delivery is refused and pickup offered. */
  minimumOrder: money.default(0),
  /** Said to the customer with delivery ("solo repartimos en Palermo"). */
  note: z.string().trim().max(300).optional(),
});

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are written YYYY-MM-DD');

/** Most dishes a menu may hold: more is refused (the bot and the kitchen screen stay fast). */
export const MAX_MENU_ITEMS = 2000;

export const menuCategorySchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  items: z.array(menuItemSchema).max(500),
});

export const menuSchema = z
  .object({
    restaurant: z.string().trim().min(1).max(200),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'currency must be an ISO code such as EUR or MXN')
      .default('EUR'),
    locale: menuLocaleSchema.default('es-ES'),
    timezone: z.string().max(100).optional(),
    hours: z.partialRecord(z.enum(WEEKDAYS), ranges).optional(),
    /** One-off closed dates (YYYY-MM-DD, the restaurant's zone): "closed today" adds today's. */
    closedDates: z.array(isoDate).max(366).optional(),
    payments: z.array(z.enum(PAYMENT_METHOD_IDS)).min(1, 'accept at least one payment method').max(PAYMENT_METHOD_IDS.length).default([...DEFAULT_PAYMENTS]),
    pickup: pickupTermsSchema.prefault({}),
    delivery: deliveryTermsSchema.prefault({}),
    /** ISO time of the last edit: the local menu and the cloud's config/menu meet by it (last writer wins). */
    updatedAt: z.string().datetime({ offset: true }).optional(),
    categories: z.array(menuCategorySchema).min(1).max(100),
  })
  .superRefine((menu, ctx) => {
    const seen = new Set<string>();
    for (const category of menu.categories) {
      for (const item of category.items) {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', message: `item id "${item.id}" appears twice in the menu` });
        }
        seen.add(item.id);
      }
    }
    if (seen.size === 0) ctx.addIssue({ code: 'custom', message: 'the menu has no items' });
    if (seen.size > MAX_MENU_ITEMS) ctx.addIssue({ code: 'custom', message: `the menu has ${seen.size} items; at most ${MAX_MENU_ITEMS}` });
    if (new Set(menu.payments).size !== menu.payments.length) ctx.addIssue({ code: 'custom', path: ['payments'], message: 'a payment method is listed twice' });
  });

export type Menu = z.infer<typeof menuSchema>;
export type MenuCategory = z.infer<typeof menuCategorySchema>;
export type MenuItem = z.infer<typeof menuItemSchema>;
export type OptionGroup = z.infer<typeof optionGroupSchema>;
export type OptionChoice = z.infer<typeof optionChoiceSchema>;
export type DeliveryTerms = z.infer<typeof deliveryTermsSchema>;
/** A menu as written (before defaults are filled in): what files, the editor and the cloud send. */
export type MenuInput = z.input<typeof menuSchema>;

export type MenuParseResult = { ok: true; menu: Menu } | { ok: false; error: string };

/** Validates untrusted menu JSON (file or cloud) and says in plain words what is wrong. */
export function parseMenu(input: unknown): MenuParseResult {
  const result = menuSchema.safeParse(input);
  if (result.success) return { ok: true, menu: result.data };
  return { ok: false, error: `invalid menu: ${describeZodError(result.error)}` };
}

/** Items in menu order, the order the bot numbers them in. */
export function menuItems(menu: Menu): MenuItem[] {
  return menu.categories.flatMap((c) => c.items.filter((i) => i.available !== false));
}
