// End to end (headless host as a child process + Chromium): a customer's message that reached the
// phone while the host was down (deliver: false) is answered once after the restart, and a session
// that never becomes ready shows the kitchen banner in the owner's words, never "link again".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHeadless, REPO_ROOT, type HeadlessProcess } from '../tests/support/headless-process.ts';
import { waitFor } from '../tests/support/api-client.ts';
import { makeTempDir } from '../tests/support/temp-dir.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { WHATSAPP_PROBLEM_TEXT } from '../shared/i18n-whatsapp-problems.ts';
import type { WhatsAppHealth } from '../shared/kds-api.ts';

const RESULTS = join(REPO_ROOT, 'test-results');
const ANA = '34600777888';

describe('catch-up and never-ready end to end (headless host + Chromium)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: HeadlessProcess | undefined;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    tmp = makeTempDir('comanda-e2e-catch-up-');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    tmp?.cleanup();
  });

  it('a message posted with deliver:false before a restart is answered after it, once', { timeout: 60_000 }, async () => {
    host = await startHeadless({ dataDir: tmp.dir });
    await host.api.skipSetup();
    const res = await host.api.post('/api/sim/incoming', { from: ANA, name: 'Ana', body: 'hola, ¿qué tenéis hoy?', deliver: false });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await host.api.sent(ANA)).toEqual([]);
    await host.kill('SIGTERM');

    host = await startHeadless({ dataDir: tmp.dir });
    const replies = await waitFor(async () => {
      const sent = await host!.api.sent(ANA);
      return sent.length ? sent : undefined;
    }, 15_000);
    // Nothing more comes later: one answer.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await host.api.sent(ANA)).toEqual(replies);
    const conversation = (await host.api.get<{ direction: string }[]>(`/api/sim/conversation?phone=${ANA}`)).body;
    expect(conversation[0]).toMatchObject({ direction: 'in' });
    const health = (await host.api.get<WhatsAppHealth>('/api/whatsapp/health')).body;
    expect(health.catchUp.recovered).toBe(1);
    expect(health.catchUp.lastSweepAt).toBeDefined();

    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(`${host.base}/#token=${host.api.token}`);
    await page.getByTestId('wa-state').waitFor();
    await page.close();
  });

  it('the kitchen screen shows the never-ready banner', { timeout: 120_000 }, async () => {
    host ??= await startHeadless({ dataDir: tmp.dir });
    expect((await host.api.put('/api/settings', { whatsapp: { readyTimeoutSeconds: 10 } })).status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(`${host.base}/#token=${host.api.token}`);
    await page.getByTestId('wa-state').waitFor();
    expect((await host.api.post('/api/sim/fault', { kind: 'never-ready' })).status).toBe(200);
    await host.api.post('/api/whatsapp/reconnect');
    // 10 s stuck, restart; 10 s, cleared cache; 10 s, failed (no fleet pin): about 36 s.
    const banner = page.locator('[data-testid="wa-banner"][data-problem="never-ready"]');
    await banner.waitFor({ timeout: 90_000 });
    const text = await banner.innerText();
    expect(text).toContain(WHATSAPP_PROBLEM_TEXT['never-ready'].es.body);
    expect(text).not.toMatch(/vincul/i);
    await page.screenshot({ path: join(RESULTS, 'never-ready-banner.png') });
    const health = (await host.api.get<WhatsAppHealth>('/api/whatsapp/health')).body;
    expect(health.problems).toEqual(['never-ready']);
    expect(health.status.state).toBe('failed');
    const public_ = (await (await fetch(`${host.base}/api/health`)).json()) as { whatsapp: { problems?: string[] } };
    expect(public_.whatsapp.problems).toEqual(['never-ready']);
    await page.close();
  });
});
