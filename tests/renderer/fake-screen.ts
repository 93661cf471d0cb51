// The built kitchen screen on the fake host (fake-bridge.ts) in Debian's Chromium, for one browser
// test file: the static server and the browser start before its tests and close after them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { bundleFakeBridge, REPO_ROOT, startStaticServer, type StaticServer } from './static-server.ts';

/** Where screenshots go for a person to look at. */
export const RESULTS = join(REPO_ROOT, 'test-results');

export type ScreenPage = Page & { errors: string[] };

export interface FakeScreen {
  readonly url: string;
  /** A fresh page (own context) that records uncaught page errors in `errors`. */
  newPage(viewport?: { width: number; height: number }): Promise<ScreenPage>;
}

export function useFakeScreen(): FakeScreen {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    server = await startStaticServer({ fakeBridge: await bundleFakeBridge() });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the fake screen is not started yet');
      return server.url;
    },
    async newPage(viewport = { width: 1600, height: 900 }) {
      if (!browser) throw new Error('the browser is not started yet');
      const context = await browser.newContext({ viewport });
      const page = (await context.newPage()) as ScreenPage;
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      return page;
    },
  };
}
