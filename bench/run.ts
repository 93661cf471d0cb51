// npm run bench: prints JSON figures for the order path.
//  - latency from a simulated incoming message (the customer's confirmation) to the card visible
//    in the browser, p50/p99 over 200 orders (target p99 < 150 ms);
//  - host RSS after 10,000 orders (target < 200 MB);
//  - the KDS's frame work with 150 open cards ticking their timers (target < 16 ms);
//  - the WhatsApp engine: a killed browser noticed (< 5 s), a silent stall acted on (<= one
//    watchdog interval + 5 s), a worker restarted to ready (< 10 s);
//  - the catch-up: ready to the answer of a message that waited (p50/p99), one sweep over 5,000
//    chats with 50 unread on the fake whatsapp-web.js client (time and client calls);
//  - the cloud: session backup/restore throughput and local-transition-to-Firestore lag;
//  - printing: accepted to the kitchen ticket's last byte at a fake network printer (p50/p99);
//  - the ordering bot: time to answer one message (median, p99) on a 20- and a 1,000-item menu.
// Each part runs the real headless host as a child process and the real renderer in Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHeadless } from '../tests/support/headless-process.ts';
import { SimCustomer } from '../tests/support/customer.ts';
import type { ApiClient } from '../tests/support/api-client.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { benchWhatsAppEngine } from './whatsapp-engine-bench.ts';
import { benchSilentStall } from './whatsapp-stall-bench.ts';
import { runCloudBench } from './cloud-bench.ts';
import { benchCatchUp } from './catch-up-bench.ts';
import { benchPrinting } from './printing-bench.ts';
import { benchBot } from './bot-bench.ts';

const LATENCY_ORDERS = Number(process.env.BENCH_LATENCY_ORDERS ?? 200);
const RSS_ORDERS = Number(process.env.BENCH_RSS_ORDERS ?? 10_000);
const FRAME_CARDS = Number(process.env.BENCH_FRAME_CARDS ?? 150);
const FRAME_SECONDS = Number(process.env.BENCH_FRAME_SECONDS ?? 30);
const OPENING = 'Hola, quiero 2 hamburguesas clásicas sin cebolla y una coca cola para recoger, pago en efectivo';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const round = (n: number) => Math.round(n * 100) / 100;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function withHost<T>(fn: (api: ApiClient, base: string, pid: number) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-bench-'));
  const host = await startHeadless({ dataDir: dir });
  // The benchmarks measure the board, not the welcome flow a fresh data directory opens with.
  await host.api.skipSetup();
  try {
    return await fn(host.api, host.base, host.child.pid!);
  } finally {
    await host.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function placeOrders(api: ApiClient, count: number, concurrency: number, prefix: string, onPlaced?: () => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const customer = new SimCustomer({ phone: `${prefix}${String(i).padStart(6, '0')}`, name: `Cliente ${i}`, opening: OPENING });
      while (!(await customer.step(api)));
      onPlaced?.();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function openKds(browser: Browser, base: string, token: string) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __seen: Record<string, number> };
    w.__seen = {};
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid="order-card"]')) {
        const id = el.getAttribute('data-order-id');
        if (id && !(id in w.__seen)) w.__seen[id] = Date.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.addInitScript(() => {
    // Times each 1-second tick: the ticker's callback, React's commit (a microtask it schedules)
    // and the style/layout it causes, which is the work the frame carrying the update must do.
    const w = window as unknown as { __ticks: number[] };
    w.__ticks = [];
    const original = window.setInterval.bind(window);
    window.setInterval = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
      if (ms !== 1000 || typeof handler !== 'function') return original(handler, ms, ...rest);
      return original(() => {
        const start = performance.now();
        handler();
        queueMicrotask(() =>
          queueMicrotask(() => {
            document.body.getBoundingClientRect();
            w.__ticks.push(performance.now() - start);
          }),
        );
      }, ms);
    }) as typeof window.setInterval;
  });
  await page.goto(`${base}/#token=${token}`);
  await page.getByTestId('wa-state').waitFor();
  return page;
}

async function latencyBench(browser: Browser) {
  log(`latency over ${LATENCY_ORDERS} orders`);
  return withHost(async (api, base) => {
    const page = await openKds(browser, base, api.token);
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_ORDERS; i++) {
      const customer = new SimCustomer({ phone: `3461${String(i).padStart(7, '0')}`, name: `Cliente ${i}`, opening: OPENING });
      let order;
      while (!(order = await customer.step(api)));
      const sentAt = customer.lastPostAt;
      const seenAt = await page.waitForFunction(
        (id) => (window as unknown as { __seen: Record<string, number> }).__seen[id],
        order.id,
        { polling: 'raf', timeout: 10_000 },
      );
      latencies.push(((await seenAt.jsonValue()) as number) - sentAt);
    }
    await page.close();
    return { orders: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: Math.max(...latencies), targetP99Ms: 150 };
  });
}

async function rssBench() {
  log(`host RSS after ${RSS_ORDERS} orders`);
  return withHost(async (api, _base, pid) => {
    const started = Date.now();
    let placed = 0;
    await placeOrders(api, RSS_ORDERS, 16, '3462', () => {
      if (++placed % 1000 === 0) log(`  ${placed} orders`);
    });
    const seconds = (Date.now() - started) / 1000;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { orders: RSS_ORDERS, rssMb: round(kb('VmRSS') / 1024), peakRssMb: round(kb('VmHWM') / 1024), ordersPerSecond: round(RSS_ORDERS / seconds), targetRssMb: 200 };
  });
}

async function frameBench(browser: Browser) {
  log(`frame work with ${FRAME_CARDS} open cards`);
  return withHost(async (api, base) => {
    await placeOrders(api, FRAME_CARDS, 8, '3463');
    // A working kitchen has seen its cards: measure the ticking board, not 150 flashing alarms.
    for (const order of (await api.get<{ id: string }[]>('/api/orders')).body) await api.post(`/api/orders/${order.id}/acknowledge`);
    const page = await openKds(browser, base, api.token);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="order-card"]').length >= n, FRAME_CARDS, { timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) as number;
    await page.waitForTimeout(1000);
    // 30 one-second ticks: fewer let one noisy second of a shared machine decide the p99.
    const seconds = FRAME_SECONDS;
    const taskBefore = await metric('TaskDuration');
    // Frame intervals and the longest main-thread tasks while every card's timer ticks.
    const frames = (await page.evaluate(
      (ms) =>
        new Promise<{ intervals: number[]; longTasks: number[] }>((resolve) => {
          const intervals: number[] = [];
          const longTasks: number[] = [];
          new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
          let last = performance.now();
          const end = last + ms;
          const tick = (now: number) => {
            intervals.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else resolve({ intervals, longTasks });
          };
          requestAnimationFrame(tick);
        }),
      seconds * 1000,
    )) as { intervals: number[]; longTasks: number[] };
    const busyMs = ((await metric('TaskDuration')) - taskBefore) * 1000;
    const ticks = (await page.evaluate(() => (window as unknown as { __ticks: number[] }).__ticks)).slice(1);
    await page.close();
    return {
      openCards: FRAME_CARDS,
      tickFrameWorkP50Ms: round(percentile(ticks, 50)),
      tickFrameWorkP99Ms: round(percentile(ticks, 99)),
      ticksMeasured: ticks.length,
      mainThreadBusyPerSecondMs: round(busyMs / seconds),
      frameIntervalP50Ms: round(percentile(frames.intervals, 50)),
      frameIntervalP99Ms: round(percentile(frames.intervals, 99)),
      longTasksOver50Ms: frames.longTasks.length,
      targetFrameMs: 16,
    };
  });
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  // BENCH_ONLY=latency,rss,frame,whatsapp,catchup,cloud,printing,bot runs a subset.
  const only = new Set((process.env.BENCH_ONLY ?? 'latency,frame,rss,whatsapp,catchup,cloud,printing,bot').split(','));
  const latency = only.has('latency') ? await latencyBench(browser) : undefined;
  const frame = only.has('frame') ? await frameBench(browser) : undefined;
  const rss = only.has('rss') ? await rssBench() : undefined;
  let whatsapp: Record<string, number> | undefined;
  if (only.has('whatsapp')) {
    log('whatsapp engine: killed browser, silent stall, worker restart');
    whatsapp = {
      ...(await benchWhatsAppEngine()),
      ...(await benchSilentStall()),
      targetKilledBrowserDetectMs: 5_000,
      targetWorkerRestartToReadyMs: 10_000,
    };
    whatsapp.targetSilentStallDetectMs = whatsapp.watchdogIntervalMs! + 5_000;
  }
  if (only.has('catchup')) log('catch-up: ready to the answer of a waiting message; one sweep over 5,000 chats');
  const catchUp = only.has('catchup') ? await benchCatchUp() : undefined;
  if (only.has('cloud')) log('cloud: session backup/restore, transition lag');
  const cloud = only.has('cloud') ? await runCloudBench() : undefined;
  if (only.has('printing')) log('printing: accepted to the kitchen ticket\'s last byte at a fake network printer');
  const printing = only.has('printing') ? await benchPrinting() : undefined;
  if (only.has('bot')) log('ordering bot: one message on a 20- and a 1,000-item menu');
  const bot = only.has('bot') ? benchBot() : undefined;
  console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, latency, rss, frame, whatsapp, catchUp, cloud, printing, bot }, null, 2));
} finally {
  await browser.close();
}
