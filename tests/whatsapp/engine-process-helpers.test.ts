// Small pieces of the engine that touch the machine: the browser tree's memory and the send journal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/logger.ts';
import { processTreeRss } from '../../electron/whatsapp/process-memory.ts';
import { SEND_JOURNAL_KEEP_MS, SendJournal } from '../../electron/whatsapp/send-journal.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function tempDir(): string {
  const temp = makeTempDir('comanda-engine-helpers-');
  temps.push(temp.cleanup);
  return temp.dir;
}

/** A /proc with `stat` files: pid (name) state ppid … rss (24th field). */
function fakeProc(processes: { pid: number; ppid: number; rssPages: number; name?: string }[]): string {
  const root = tempDir();
  for (const p of processes) {
    mkdirSync(join(root, String(p.pid)));
    const fields = ['S', String(p.ppid), ...Array.from({ length: 19 }, () => '0'), String(p.rssPages), '0'];
    writeFileSync(join(root, String(p.pid), 'stat'), `${p.pid} (${p.name ?? 'chrome'}) ${fields.join(' ')}`);
  }
  mkdirSync(join(root, 'self'));
  return root;
}

describe('processTreeRss', () => {
  it('sums the browser and all its descendants, not its siblings', () => {
    const root = fakeProc([
      { pid: 100, ppid: 1, rssPages: 1_000 },
      { pid: 101, ppid: 100, rssPages: 2_000, name: 'chrome (renderer)' },
      { pid: 102, ppid: 101, rssPages: 500 },
      { pid: 200, ppid: 1, rssPages: 9_999 },
    ]);
    expect(processTreeRss(100, root)).toBe((1_000 + 2_000 + 500) * 4096);
    expect(processTreeRss(101, root)).toBe((2_000 + 500) * 4096);
  });

  it('is undefined for a pid that is not there or without /proc', () => {
    const root = fakeProc([{ pid: 100, ppid: 1, rssPages: 1 }]);
    expect(processTreeRss(999, root)).toBeUndefined();
    expect(processTreeRss(100, join(root, 'missing'))).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('reads this process on the real /proc', () => {
    expect(processTreeRss(process.pid)).toBeGreaterThan(10_000_000);
  });
});

describe('SendJournal', () => {
  const entry = { chatId: '34600111222@c.us', bodyHash: 'ab'.repeat(32), startedAt: 1_000 };

  it('keeps sends in doubt across a restart and forgets confirmed ones', () => {
    const path = join(tempDir(), 'whatsapp', 'sends-in-doubt.json');
    const first = new SendJournal({ path, logger: silentLogger });
    first.begin('k1', entry);
    first.begin('k2', { ...entry, startedAt: 2_000 });
    first.end('k2');
    const second = new SendJournal({ path, logger: silentLogger });
    expect(second.get('k1')).toEqual(entry);
    expect(second.get('k2')).toBeUndefined();
    expect(readFileSync(path, 'utf8')).not.toContain('.tmp');
  });

  it('drops entries older than a day', () => {
    const journal = new SendJournal({ logger: silentLogger });
    journal.begin('old', entry);
    journal.begin('new', { ...entry, startedAt: 5_000 });
    journal.prune(1_000 + SEND_JOURNAL_KEEP_MS + 1);
    expect(journal.get('old')).toBeUndefined();
    expect(journal.get('new')).toBeDefined();
  });

  it('a torn or foreign file starts empty instead of failing, and invalid entries are skipped', () => {
    const dir = tempDir();
    const torn = join(dir, 'torn.json');
    writeFileSync(torn, '{"k1": {"chatId": "x@c.us", "bodyH');
    expect(new SendJournal({ path: torn, logger: silentLogger }).size).toBe(0);
    const mixed = join(dir, 'mixed.json');
    writeFileSync(mixed, JSON.stringify({ good: entry, bad: { chatId: 3 } }));
    const journal = new SendJournal({ path: mixed, logger: silentLogger });
    expect(journal.size).toBe(1);
    expect(journal.get('good')).toEqual(entry);
  });
});
