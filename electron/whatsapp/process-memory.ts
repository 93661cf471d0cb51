// Resident memory of the WhatsApp browser: the browser process and every process it started
// (renderers, GPU, utility), because a leaking WhatsApp tab grows a renderer, not the browser.
// Linux reads /proc; elsewhere the answer is "unknown" rather than a guess.
import { readFileSync, readdirSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Sum of RSS (bytes) over `pid` and its descendants; undefined where /proc is not available. */
export function processTreeRss(pid: number, procRoot = '/proc'): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync(procRoot).filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  const rssPages = new Map<number, number>();
  for (const name of entries) {
    let stat: string;
    try {
      stat = readFileSync(`${procRoot}/${name}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // Fields after the parenthesised name: state ppid … rss is the 24th field overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const child = Number(name);
    const parent = Number(fields[1]);
    const rss = Number(fields[21]);
    rssPages.set(child, Number.isFinite(rss) ? rss : 0);
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  if (!rssPages.has(pid)) return undefined;
  let total = 0;
  const queue = [pid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    total += (rssPages.get(next) ?? 0) * PAGE_BYTES;
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}
