// SIGKILL of the host in the middle of a catch-up: 300 customers wrote while the host was down
// (deliver: false); the host starts, begins answering them from the phone and is killed at once;
// after the next start every customer is answered, and none twice.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.ts';
import { waitFor } from '../support/api-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CUSTOMERS = 300;
const phone = (i: number) => `346005${String(i).padStart(5, '0')}`;

describe('SIGKILL in the middle of a catch-up', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess | undefined;

  beforeAll(() => {
    tmp = makeTempDir('comanda-catch-up-crash-');
  });
  afterAll(async () => {
    await host?.kill('SIGTERM');
    tmp.cleanup();
  });

  it('every waiting customer is answered exactly once across the crash', { timeout: 180_000 }, async () => {
    host = await startHeadless({ dataDir: tmp.dir });
    await host.api.skipSetup();
    for (let i = 0; i < CUSTOMERS; i++) {
      const res = await host.api.post('/api/sim/incoming', { from: phone(i), name: `Cliente ${i}`, body: 'hola', deliver: false });
      expect(res.status).toBe(200);
    }
    await host.kill('SIGTERM');

    // The catch-up starts with the engine, before the server answers: kill as soon as it does.
    host = await startHeadless({ dataDir: tmp.dir });
    host.child.kill('SIGKILL');
    await host.kill();
    const db = new DatabaseSync(join(tmp.dir, 'comanda.sqlite'), { readOnly: true });
    const handledBeforeKill = (db.prepare('SELECT COUNT(*) AS n FROM chat_cursors').get() as { n: number }).n;
    db.close();
    // Reported for the record: how far the catch-up had got when the host died.
    console.log(`catch-up at the SIGKILL: ${handledBeforeKill} of ${CUSTOMERS} chats handled`);

    host = await startHeadless({ dataDir: tmp.dir });
    const sent = await waitFor(async () => {
      const all = await host!.api.sent();
      const answered = new Set(all.map((m) => m.to));
      return answered.size === CUSTOMERS ? all : undefined;
    }, 120_000, 250);
    // Let anything that would go twice go.
    await new Promise((r) => setTimeout(r, 2_000));
    const after = await host.api.sent();
    expect(after).toHaveLength(sent.length);
    const byPhone = new Map<string, string[]>();
    for (const m of after) byPhone.set(m.to, [...(byPhone.get(m.to) ?? []), m.body]);
    const counts = new Set([...byPhone.values()].map((bodies) => bodies.length));
    // The same greeting for everyone, each message once.
    expect(counts.size).toBe(1);
    for (const bodies of byPhone.values()) expect(new Set(bodies).size).toBe(bodies.length);
  });
});
