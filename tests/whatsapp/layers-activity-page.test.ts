// The activity script in a real Chromium page: every event it claims to dispatch must reach the
// page's own listeners, and the wake lock answer must be one of the declared values.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInPage } from '../../electron/whatsapp/activity.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';

// The page is not scrollable (so a scroll it sees is the script's own dispatch) unless ?tall.
const page = (tall: boolean) => `<!doctype html><html><head><title>activity</title></head>
<body style="margin:0;height:${tall ? '3000px' : 'auto'}"><div id="chat" style="width:800px;height:200px">chat</div>
<script>
  window.__seen = [];
  const note = (e) => window.__seen.push(e.type + (e.key ? ':' + e.key : ''));
  for (const type of ['mousemove', 'keydown', 'keyup', 'visibilitychange', 'scroll']) document.addEventListener(type, note, true);
  window.addEventListener('focus', note);
  window.addEventListener('scroll', note);
</script></body></html>`;

const chromiumMissing = !existsSync(CHROMIUM_PATH);
if (chromiumMissing) console.warn(`skipping the activity real-page test: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

describe.skipIf(chromiumMissing)('activity script in a real Chromium page', () => {
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(request.url?.includes('tall') ?? false));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('dispatches mousemove, Shift keydown, focus, visibilitychange and scroll that the page sees', async () => {
    const tab = await browser.newPage();
    await tab.goto(url);
    const result = await tab.evaluate(activityInPage);
    const seen = await tab.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(result.dispatched).toEqual(['mousemove', 'keydown', 'focus', 'visibilitychange', 'scroll']);
    for (const event of ['mousemove', 'keydown:Shift', 'keyup:Shift', 'focus', 'visibilitychange', 'scroll']) expect(seen).toContain(event);
    expect(['held', 'acquired', 'unsupported', 'refused']).toContain(result.wakeLock);
    // A second round dispatches again (and reports a lock it still holds as held).
    const again = await tab.evaluate(activityInPage);
    const seenAgain = await tab.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seenAgain.filter((event) => event === 'mousemove')).toHaveLength(2);
    if (result.wakeLock === 'acquired') expect(again.wakeLock).toBe('held');
    else expect(again.wakeLock).toBe(result.wakeLock);
    await tab.close();
  });

  it('leaves the page where it was scrolled', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${url}?tall`);
    await tab.evaluate(() => window.scrollTo(0, 500));
    await tab.evaluate(activityInPage);
    expect(await tab.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop)).toBe(500);
    await tab.close();
  });
});
