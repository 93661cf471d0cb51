// The ordering bot's speed: time to answer one customer message (median and p99) on a 20-item and
// a 1,000-item menu, over the es-ES conversations of the corpus (tests/bot/corpus/es-ES.txt) played
// on the sample menu grown to that size. Each message goes through JSON like the host's state.
// Standalone: node bench/bot-bench.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMenu, type Menu } from '../shared/menu.ts';
import type { BotEffects, ConversationState } from '../electron/bot/bot-types.ts';
import { handleMessage } from '../electron/bot/ordering-bot.ts';

const MEATS = ['pollo', 'ternera', 'cerdo', 'cordero', 'atún', 'salmón', 'gambas', 'pulpo', 'setas', 'tofu', 'pavo', 'chorizo', 'jamón', 'bacalao', 'calamar', 'verduras', 'queso', 'huevo', 'berenjena', 'espinacas'];
const DISHES = ['Bocadillo', 'Ensalada', 'Wrap', 'Arroz', 'Tosta', 'Crema', 'Lasaña', 'Canelones', 'Empanadilla', 'Brocheta', 'Sándwich', 'Tortilla', 'Risotto', 'Fideuá', 'Quiche', 'Taco', 'Burrito', 'Poke', 'Curry', 'Guiso', 'Estofado', 'Pastel', 'Timbal', 'Rollito', 'Sopa'];
const STYLES = ['de la casa', 'al horno', 'a la plancha', 'picante'];

function sampleMenu(): Menu {
  const parsed = parseMenu(JSON.parse(readFileSync(new URL('../electron/assets/sample-menu.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.menu;
}

/** The sample menu (18 dishes) with generated dishes until it holds `size`. */
export function menuOfSize(size: number): Menu {
  const menu = sampleMenu();
  let count = menu.categories.reduce((n, c) => n + c.items.length, 0);
  const extra: Menu['categories'] = [];
  let k = 0;
  while (count < size) {
    const dish = DISHES[k % DISHES.length]!;
    const meat = MEATS[Math.floor(k / DISHES.length) % MEATS.length]!;
    const style = STYLES[Math.floor(k / (DISHES.length * MEATS.length)) % STYLES.length]!;
    const category = `extra-${Math.floor(k / 25)}`;
    let c = extra.find((x) => x.id === category);
    if (!c) {
      c = { id: category, name: `Especiales ${extra.length + 1}`, items: [] };
      extra.push(c);
    }
    c.items.push({ id: `gen-${k}`, name: `${dish} de ${meat} ${style}`, price: 5 + (k % 20) });
    k++;
    count++;
  }
  const parsed = parseMenu({ ...menu, categories: [...menu.categories, ...extra] });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.menu;
}

function conversations(): string[][] {
  const text = readFileSync(new URL('../tests/bot/corpus/es-ES.txt', import.meta.url), 'utf8');
  return text
    .split(/\n\s*\n/u)
    .map((block) => block.split('\n').filter((l) => l.trim() && !l.startsWith('##') && !l.startsWith('=') && !l.startsWith('[')))
    .filter((c) => c.length > 0);
}

const effects: BotEffects = {
  placeOrder: () => ({ id: 'x', number: 1 }),
  cancelOrder: () => true,
  requestHandoff: () => undefined,
  rememberName: () => undefined,
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function benchBot(rounds = Number(process.env.BENCH_BOT_ROUNDS ?? 5)): Record<string, number> {
  const out: Record<string, number> = {};
  const chats = conversations();
  for (const size of [20, 1000]) {
    const menu = menuOfSize(size);
    const times: number[] = [];
    const now = Date.UTC(2025, 0, 6, 12, 0);
    for (let round = 0; round < rounds; round++) {
      for (const say of chats) {
        let state: ConversationState | null = null;
        for (const body of say) {
          const started = performance.now();
          const reply = handleMessage(
            { now, message: { kind: 'text', body }, conversation: state, customer: { phone: '34600111222' }, menu, recentOrders: [], timezone: 'Europe/Madrid' },
            effects,
          );
          state = JSON.parse(JSON.stringify(reply.conversation)) as ConversationState;
          // The first round warms the JIT and the menu index (built once per menu, as in the host).
          if (round > 0) times.push(performance.now() - started);
        }
      }
    }
    times.sort((a, b) => a - b);
    out[`menu${size}Messages`] = times.length;
    out[`menu${size}MedianMs`] = Math.round(percentile(times, 50) * 1000) / 1000;
    out[`menu${size}P99Ms`] = Math.round(percentile(times, 99) * 1000) / 1000;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(benchBot()));
}
