// The catch-up (messages no event delivered), two figures:
//  - readyToAnswerMs: from `ready` to the answer of a message that waited on the phone, p50/p99
//    over repeated gaps (simulator engine, real host, bot and outbox, wall clock);
//  - sweep5000: one sweep over 5,000 chats of which 50 have unread messages, through the real
//    engine, supervisor and worker on the fake whatsapp-web.js client: time, chats opened and the
//    client calls it cost (getChats, fetchMessages), then the next sweep with nothing new.
// Standalone: node bench/catch-up-bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSystemClock } from '../electron/host/clock.ts';
import { createHost } from '../electron/host/create-host.ts';
import { silentLogger } from '../electron/host/logger.ts';
import { hostSettingsSchema, whatsappSettingsSchema } from '../electron/host/settings.ts';
import { WhatsAppWorkerEngine } from '../electron/whatsapp/whatsapp-engine.ts';
import { FakeWwebjsClient } from '../tests/support/fake-wwebjs-client.ts';
import { createInProcessSpawn } from '../tests/support/in-process-worker.ts';

const GAPS = Number(process.env.BENCH_CATCH_UP_GAPS ?? 100);
const CHATS = 5_000;
const UNREAD = 50;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const round = (n: number) => Math.round(n * 100) / 100;
const until = async (probe: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error('catch-up bench: condition not met in time');
    await new Promise((r) => setTimeout(r, 1));
  }
};

export async function benchReadyToAnswer(): Promise<{ gaps: number; p50: number; p99: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-bench-catch-up-'));
  const host = createHost({ dataDir: dir, engine: 'simulator', port: null, logger: silentLogger, settleMs: 0 });
  await host.start();
  const sim = host.simulator!;
  const samples: number[] = [];
  try {
    for (let i = 0; i < GAPS; i++) {
      const phone = `34611${String(i).padStart(6, '0')}`;
      sim.setState('reconnecting');
      sim.receive({ from: phone, name: 'Ana', body: 'hola', deliver: false });
      let answeredAt = 0;
      const off = sim.onChatMessage((m) => {
        if (m.direction === 'out' && m.phone === phone && answeredAt === 0) answeredAt = performance.now();
      });
      const readyAt = performance.now();
      sim.setState('connected');
      await until(() => answeredAt > 0, 10_000);
      off();
      samples.push(answeredAt - readyAt);
    }
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { gaps: GAPS, p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)) };
}

export async function benchSweep5000(): Promise<Record<string, number>> {
  FakeWwebjsClient.reset();
  const dir = mkdtempSync(join(tmpdir(), 'comanda-bench-sweep-'));
  const clock = createSystemClock();
  const phone = new FakeWwebjsClient();
  const old = Math.floor(Date.now() / 1000) - 3 * 24 * 3600;
  // 5,000 chats read long ago (two lines each), 50 with a customer message waiting.
  for (let i = 0; i < CHATS; i++) {
    const from = `3462${String(i).padStart(7, '0')}@c.us`;
    phone.receive({ from, body: 'gracias', timestamp: old + i }, { deliver: false });
    phone.phone.get(from)!.unreadCount = 0;
  }
  for (let i = 0; i < UNREAD; i++) phone.receive({ from: `3462${String(i * 97).padStart(7, '0')}@c.us`, body: 'hola, ¿abrís hoy?' }, { deliver: false });
  const workers = createInProcessSpawn();
  const engine = new WhatsAppWorkerEngine({
    clock,
    logger: silentLogger,
    spawn: workers.spawn,
    settings: whatsappSettingsSchema.parse({ plannedRestartAt: null }),
    authDir: join(dir, 'whatsapp'),
    discoverBrowser: () => ({ path: '/usr/bin/fake-chrome', searched: [] }),
    describeMissingBrowser: () => 'none',
    browserArgs: () => [],
    killBrowser: () => undefined,
    removeSession: async () => undefined,
  });
  const host = createHost({
    dataDir: dir,
    engine: () => engine,
    port: null,
    logger: silentLogger,
    clock,
    settleMs: 0,
    settings: hostSettingsSchema.parse({ whatsapp: { plannedRestartAt: null, sessionPerMinute: 600, perChatPerMinute: 600 } }),
  });
  try {
    await host.start();
    await until(() => workers.workers[0]?.client !== undefined, 5_000);
    const client = workers.latest().client!;
    client.authenticate();
    client.becomeReady();
    await until(() => host.catchUp.sweeps >= 1, 60_000);
    const first = host.catchUp.lastReport!;
    const calls = (prefix: string) => client.calls.filter((c) => c.startsWith(prefix)).length;
    const firstCalls = { getChats: calls('getChats'), fetchMessages: calls('fetchMessages') };
    const second = await host.catchUp.sweep('bench');
    return {
      chats: CHATS,
      unreadChats: UNREAD,
      sweepMs: first.durationMs,
      chatsOpened: first.chatsOpened,
      recovered: first.recovered,
      getChatsCalls: firstCalls.getChats,
      fetchMessagesCalls: firstCalls.fetchMessages,
      nextSweepMs: second?.durationMs ?? NaN,
      nextSweepChatsOpened: second?.chatsOpened ?? NaN,
      nextSweepFetchMessagesCalls: calls('fetchMessages') - firstCalls.fetchMessages,
    };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCatchUp(): Promise<{ readyToAnswerMs: Awaited<ReturnType<typeof benchReadyToAnswer>>; sweep5000: Record<string, number> }> {
  return { readyToAnswerMs: await benchReadyToAnswer(), sweep5000: await benchSweep5000() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchCatchUp(), null, 2));
}
