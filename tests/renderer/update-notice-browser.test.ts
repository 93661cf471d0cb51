// The desktop app's update notice in Debian's Chromium, on the fake bridge (fake-bridge.ts), whose
// window.__fakeUpdate(state) plays the shell's updater. The screen is the suite's build
// (tests/support/global-setup.ts rebuilds it when older than its sources).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';


const screen = useFakeScreen();

async function open(query = ''): Promise<ScreenPage> {
  const page = await screen.newPage();
  await page.goto(screen.url + query);
  return page;
}

const send = (page: Page, state: unknown) => page.evaluate((s) => (window as unknown as { __fakeUpdate(s: unknown): void }).__fakeUpdate(s), state);
const notice = (page: Page) => page.getByTestId('update-notice');

describe('update notice in Chromium (fake bridge)', () => {
  it('shows nothing while idle, then the download with its percent, then that the version waits for a quiet kitchen', async () => {
    const page = await open();
    await page.getByTestId('wa-state').waitFor();
    await send(page, { phase: 'checking' });
    await send(page, { phase: 'up-to-date' });
    expect(await notice(page).count()).toBe(0);

    await send(page, { phase: 'downloading', version: '1.4.0', percent: 42.7 });
    await notice(page).waitFor();
    expect(await notice(page).getAttribute('data-kind')).toBe('downloading');
    expect(await notice(page).innerText()).toMatch(/Descargando versión 1\.4\.0: 42%/);
    // Inside the header, next to the WhatsApp pill.
    expect(await page.locator('header.topbar').getByTestId('update-notice').count()).toBe(1);
    await send(page, { phase: 'downloading', version: '1.4.0', percent: 87 });
    await expect.poll(() => notice(page).innerText()).toMatch(/87%/);
    await page.screenshot({ path: join(RESULTS, 'kds-update-downloading.png'), clip: { x: 0, y: 0, width: 1600, height: 120 } });

    await send(page, { phase: 'ready', version: '1.4.0' });
    await expect.poll(() => notice(page).getAttribute('data-kind')).toBe('ready');
    expect(await notice(page).innerText()).toMatch(/Versión 1\.4\.0 lista: se instalará cuando la cocina esté tranquila o al reiniciar/);
    await page.screenshot({ path: join(RESULTS, 'kds-update-ready.png'), clip: { x: 0, y: 0, width: 1600, height: 120 } });

    // In English too.
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => notice(page).innerText()).toMatch(/Version 1\.4\.0 ready: installs when the kitchen is quiet or on restart/);
    expect(page.errors).toEqual([]);
  });

  it('says why an update failed in plain words, can be dismissed, and a later failure shows again', async () => {
    const page = await open();
    await page.getByTestId('wa-state').waitFor();
    await send(page, { phase: 'error', error: 'net::ERR_INTERNET_DISCONNECTED' });
    await notice(page).waitFor();
    expect(await notice(page).getAttribute('data-kind')).toBe('error');
    expect(await notice(page).innerText()).toMatch(/Sin conexión para actualizar\. Se reintentará solo\./);
    expect(await notice(page).innerText()).not.toContain('ERR_INTERNET');
    expect(await notice(page).getAttribute('title')).toBe('net::ERR_INTERNET_DISCONNECTED');
    await page.screenshot({ path: join(RESULTS, 'kds-update-error.png'), clip: { x: 0, y: 0, width: 1600, height: 120 } });

    await page.getByTestId('update-dismiss').click();
    await notice(page).waitFor({ state: 'detached' });

    // A malformed message changes nothing; the next real failure is shown again.
    await send(page, { phase: 'downloading', percent: 'lots' });
    expect(await notice(page).count()).toBe(0);
    await send(page, { phase: 'checking' });
    await send(page, { phase: 'error', error: 'HttpError: 404 Not Found' });
    await expect.poll(() => notice(page).innerText()).toMatch(/No se pudo actualizar; se reintentará\. Todo lo demás funciona\./);
    expect(page.errors).toEqual([]);
  });

  it('is absent without the bridge (browser screen) and with a bridge that has no onUpdate', async () => {
    const browserScreen = await open('?transport=http');
    await browserScreen.getByTestId('token-screen').waitFor();
    expect(await browserScreen.evaluate(() => 'comanda' in window)).toBe(false);
    expect(await notice(browserScreen).count()).toBe(0);

    const olderPreload = await open('?update=none');
    await olderPreload.getByTestId('wa-state').waitFor();
    expect(await olderPreload.evaluate(() => typeof (window as unknown as { comanda: { onUpdate?: unknown } }).comanda.onUpdate)).toBe('undefined');
    expect(await notice(olderPreload).count()).toBe(0);
    expect(olderPreload.errors).toEqual([]);
  });
});
