// The conversation corpus: hundreds of WhatsApp conversations written the way people in Spain,
// Mexico, Argentina, Colombia and the US write (lowercase, no accents, typos, abbreviations, voice
// notes, location pins, photos, edits), each with the ticket the restaurant would want. One test
// reads them all and reports the pass rate and the customer messages per order.
//
// Format of tests/bot/corpus/*.txt, one conversation per block (blank line between):
//   ## <menu: es-ES|es-MX|es-AR|es-CO|es-PE|en> | <name> | <pickup|delivery> | <payment id> | <address, delivery only>
//   <one customer message per line; [audio] a voice note, [photo] a picture without caption,
//    [pin lat,lon | name | address] a location pin, [edit] text  an edit of the previous message>
//   = <ticket lines separated by " | ": "2 pastor", "1 muzza[grande,queso]", "1 clasica(sin cebolla)">
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../shared/text.ts';
import type { OrderDraft } from '../../electron/bot/bot-types.ts';
import { Chat } from './bot-harness.ts';
import { regionalMenu, type MenuName } from './regional-menus.ts';

interface Conversation {
  file: string;
  line: number;
  menu: MenuName;
  name: string;
  fulfilment: 'pickup' | 'delivery';
  payment: string;
  address?: string;
  say: string[];
  items: string[];
}

const dir = new URL('./corpus/', import.meta.url);

function parse(file: string, text: string): Conversation[] {
  const out: Conversation[] = [];
  const blocks = text.split(/\n\s*\n/u);
  let line = 1;
  for (const block of blocks) {
    const lines = block.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0 && !l.startsWith('//'));
    const start = line;
    line += block.split('\n').length + 1;
    if (lines.length === 0) continue;
    const [head, ...rest] = lines;
    const ticket = rest.at(-1);
    if (!head?.startsWith('## ') || !ticket?.startsWith('= ')) throw new Error(`${file}:${start}: a conversation starts with "## " and ends with "= "`);
    const [menu, name, fulfilment, payment, address] = head.slice(3).split('|').map((s) => s.trim());
    out.push({
      file,
      line: start,
      menu: menu as MenuName,
      name: name ?? '',
      fulfilment: fulfilment as 'pickup' | 'delivery',
      payment: payment ?? '',
      ...(address ? { address } : {}),
      say: rest.slice(0, -1),
      items: ticket.slice(2).split('|').map((s) => s.trim()),
    });
  }
  return out;
}

function loadCorpus(): Conversation[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parse(f, readFileSync(new URL(f, dir), 'utf8')));
}

const norm = (s: string) => foldText(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function ticketOf(draft: OrderDraft, expected: string[]): string[] {
  // A note counts only where the expected ticket names one.
  const withNotes = expected.some((e) => e.includes('('));
  return draft.items
    .map((l) => {
      const options = l.options?.length ? `[${l.options.map((o) => o.choiceId).join(',')}]` : '';
      const note = withNotes && l.note ? `(${l.note})` : '';
      return `${l.quantity} ${l.itemId}${options}${note}`;
    })
    .sort();
}

function run(c: Conversation): { ok: boolean; why: string; messages: number } {
  const chat = new Chat({ menu: regionalMenu(c.menu) });
  let messages = 0;
  for (const said of c.say) {
    messages++;
    const pin = /^\[pin\s+(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*(?:\|\s*([^|\]]*?)\s*)?(?:\|\s*([^\]]*?)\s*)?\]$/u.exec(said);
    if (said === '[audio]') chat.send('', 'audio');
    else if (said === '[photo]') chat.send('', 'media');
    else if (said.startsWith('[photo] ')) chat.say(said.slice(8));
    else if (said.startsWith('[edit] ')) chat.send(said.slice(7), 'edit');
    else if (pin) {
      chat.pin({ latitude: Number(pin[1]), longitude: Number(pin[2]), ...(pin[3] ? { name: pin[3] } : {}), ...(pin[4] ? { address: pin[4] } : {}) });
    } else chat.say(said);
  }
  const draft = chat.lastPlaced;
  if (!draft || chat.effects.placed.length !== 1) return { ok: false, why: `placed ${chat.effects.placed.length}; last reply: ${chat.transcript.at(-1)?.slice(0, 160)}`, messages };
  const got = ticketOf(draft, c.items);
  const want = [...c.items].sort();
  const problems: string[] = [];
  if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`items ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  if (draft.fulfilment !== c.fulfilment) problems.push(`fulfilment ${draft.fulfilment}`);
  if (draft.payment !== c.payment) problems.push(`payment ${draft.payment}`);
  if (norm(draft.customer.name) !== norm(c.name)) problems.push(`name ${draft.customer.name}`);
  if (c.fulfilment === 'delivery' && !(c.address && draft.address && norm(draft.address).includes(norm(c.address)))) problems.push(`address ${draft.address}`);
  return { ok: problems.length === 0, why: problems.join('; '), messages };
}

describe('conversation corpus', () => {
  const corpus = loadCorpus();

  it('holds at least 300 conversations across Spain, Mexico, Argentina, Colombia and English', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const region of ['es-ES', 'es-MX', 'es-AR', 'es-CO', 'en'] as const) {
      expect(corpus.filter((c) => c.menu === region).length, region).toBeGreaterThanOrEqual(50);
    }
  });

  it('places the ticket the restaurant wants in at least 90% of them', () => {
    const results = corpus.map((c) => ({ c, ...run(c) }));
    const passed = results.filter((r) => r.ok);
    const rate = passed.length / results.length;
    const perOrder = passed.reduce((sum, r) => sum + r.messages, 0) / Math.max(1, passed.length);
    const byRegion = Object.entries(Object.groupBy(results, (r) => r.c.menu)).map(
      ([region, rs]) => `${region} ${rs?.filter((r) => r.ok).length}/${rs?.length}`,
    );
    const failures = results.filter((r) => !r.ok).map((r) => `${r.c.file}:${r.c.line} (${r.c.name}) ${r.why}`);
    console.log(
      `corpus: ${passed.length}/${results.length} passed (${(rate * 100).toFixed(1)}%), ${perOrder.toFixed(2)} customer messages per order; ${byRegion.join(', ')}` +
        (failures.length ? `\n${failures.join('\n')}` : ''),
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
