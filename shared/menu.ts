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

export const menuItemSchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  price: z.number().finite().nonnegative().max(100_000),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  description: z.string().max(1000).optional(),
  available: z.boolean().optional(),
});

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
    locale: z.enum(['es', 'en']).default('es'),
    timezone: z.string().max(100).optional(),
    hours: z.partialRecord(z.enum(WEEKDAYS), ranges).optional(),
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
  });

export type Menu = z.infer<typeof menuSchema>;
export type MenuCategory = z.infer<typeof menuCategorySchema>;
export type MenuItem = z.infer<typeof menuItemSchema>;

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
