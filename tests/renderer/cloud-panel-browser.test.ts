// The cloud on the kitchen screen in Debian's Chromium, on the fake bridge (fake-bridge.ts): the
// "Nube" tab and the header notice, driven by window.__fake.setCloud as the host's 'cloud' events.
// The screen is the suite's build (tests/support/global-setup.ts rebuilds it when stale).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CloudStatus } from '../../shared/kds-api.ts';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';
import { demoSeed } from './fixtures.ts';
import { FAKE_RECOVERY_CODE, type FakeSeed } from './fake-kds-api.ts';

const CODE = 'K3F9-2QXM-7TPA-88RD-ZW4N-6HJC';

const screen = useFakeScreen();

async function open(cloud?: CloudStatus, more: Partial<FakeSeed> = {}): Promise<ScreenPage> {
  const page = await screen.newPage();
  if (cloud) {
    const seed: FakeSeed = { ...demoSeed(Date.now()), cloud, ...more };
    await page.addInitScript((s) => ((window as { __fakeSeed?: unknown }).__fakeSeed = s), seed);
  }
  await page.goto(screen.url);
  await page.getByTestId('wa-state').waitFor();
  return page;
}

const setCloud = (page: Page, status: CloudStatus) =>
  page.evaluate((s) => (window as unknown as { __fake: { setCloud(s: CloudStatus): void } }).__fake.setCloud(s), status);
const fakeCalls = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __fake: { calls: unknown[][] } }).__fake.calls)).map((c) => c[0]);
// Tests use half minutes: the screen's clock ticks once a second, so a whole one could read a minute less.
// A time before midnight is shown with its day ("6 dic 23:44"): the patterns allow it, so the
// tests pass at any hour.
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('the cloud panel in Chromium (fake bridge)', () => {
  it('cloud off: no tab, no notice, nothing in the header', async () => {
    const page = await open();
    await expect.poll(() => fakeCalls(page)).toContain('getCloudStatus');
    expect(await page.getByTestId('tab-cloud').count()).toBe(0);
    expect(await page.getByTestId('cloud-notice').count()).toBe(0);
    await page.getByTestId('tab-health').click();
    expect(await page.getByRole('tab', { name: 'Nube' }).count()).toBe(0);
    // A cloud that stops takes its tab with it.
    await setCloud(page, { state: 'signing-in' });
    await page.getByTestId('tab-cloud').waitFor();
    await setCloud(page, { state: 'off' });
    await expect.poll(() => page.getByTestId('tab-cloud').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('says why sign-in failed in plain words, in Spanish and English', async () => {
    const page = await open();
    await setCloud(page, { state: 'sign-in-failed', error: 'The e-mail or the password is not right.', problem: 'wrong-password' });
    await page.getByTestId('tab-cloud').click();
    const panel = page.getByTestId('cloud-panel');
    await panel.waitFor();
    expect(await page.getByTestId('cloud-state').innerText()).toBe('No se pudo entrar en la nube.');
    expect(await page.getByTestId('cloud-sign-in-error').innerText()).toMatch(/El correo o la contraseña no son correctos/);
    expect(await page.getByTestId('cloud-take-over').count()).toBe(0);
    expect(await page.getByTestId('cloud-notice').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'kds-cloud-sign-in-failed.png') });
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.getByTestId('cloud-sign-in-error').innerText()).toMatch(/The e-mail or the password is not right/);
    await setCloud(page, { state: 'sign-in-failed', error: 'No connection to the internet.', problem: 'no-network' });
    await expect.poll(() => page.getByTestId('cloud-sign-in-error').innerText()).toMatch(/No internet: the kitchen keeps working/);
    expect(page.errors).toEqual([]);
  });

  it('shows which PC runs WhatsApp and takes it over only after the owner confirms', async () => {
    const page = await open();
    await setCloud(page, {
      state: 'running',
      restaurantId: 'bar-luis',
      lease: { held: false, holderName: 'Caja 2', holderSeenAt: minutesAgo(2.5), expiresAt: new Date(Date.now() + 8 * 60_000).toISOString() },
      lastBackupAt: minutesAgo(90.5),
    });
    await page.getByTestId('tab-cloud').click();
    const lease = page.getByTestId('cloud-lease');
    await lease.waitFor();
    expect(await lease.getAttribute('data-held')).toBe('false');
    expect(await lease.innerText()).toMatch(/WhatsApp está funcionando en «Caja 2» \(visto por última vez (?:\d{1,2} \S+ )?\d\d:\d\d · hace 2 min\)/);
    expect(await page.getByTestId('cloud-last-backup').innerText()).toMatch(/hace 90 min/);
    expect(await page.getByTestId('cloud-restaurant').innerText()).toMatch(/bar-luis/);
    await page.screenshot({ path: join(RESULTS, 'kds-cloud-lease-elsewhere.png') });
    expect(await lease.innerText()).not.toMatch(/más de 10 minutos/);

    // A holder silent past its lease: said so (this PC takes it at its next check).
    const silent: CloudStatus = {
      state: 'running',
      restaurantId: 'bar-luis',
      lease: { held: false, holderName: 'Caja 2', holderSeenAt: minutesAgo(11.5), expiresAt: minutesAgo(1.5) },
    };
    await setCloud(page, silent);
    await expect.poll(() => lease.innerText()).toMatch(/hace 11 min[\s\S]*Ese PC lleva más de 10 minutos sin dar señales/);

    // Asked first; cancelling takes nothing.
    await page.getByTestId('cloud-take-over').click();
    await page.getByTestId('take-over-dialog').waitFor();
    expect(await page.getByTestId('take-over-dialog').innerText()).toMatch(/«Caja 2» dejará de recibir los pedidos de WhatsApp/);
    await page.screenshot({ path: join(RESULTS, 'kds-cloud-take-over-confirm.png') });
    await page.getByTestId('take-over-dialog-cancel').click();
    expect(await page.getByTestId('take-over-dialog').count()).toBe(0);
    expect(await fakeCalls(page)).not.toContain('takeOverSession');

    await page.getByTestId('cloud-take-over').click();
    await page.getByTestId('take-over-dialog-confirm').click();
    await expect.poll(() => lease.getAttribute('data-held')).toBe('true');
    expect(await fakeCalls(page)).toContain('takeOverSession');
    expect(await lease.innerText()).toBe('WhatsApp pasa a este PC. Reconectando…');
    expect(await page.getByTestId('cloud-take-over').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('shows a new recovery code once: a header notice opens it, "I wrote it down" makes both go', async () => {
    const page = await open({ state: 'running', restaurantId: 'bar-luis', lease: { held: true }, recoveryCode: CODE });
    const notice = page.getByTestId('cloud-notice');
    await notice.waitFor();
    expect(await page.locator('header.topbar').getByTestId('cloud-notice').innerText()).toMatch(/Apunta el código de recuperación/);
    // Not blocking: the board still answers.
    expect(await page.getByTestId('side-panel').count()).toBe(0);
    await notice.click();
    const code = page.getByTestId('cloud-recovery-code');
    await code.waitFor();
    expect(await code.innerText()).toBe(CODE);
    expect(await page.getByTestId('cloud-lease').innerText()).toBe('WhatsApp funciona en este PC.');
    expect(await page.getByTestId('cloud-last-backup').innerText()).toMatch(/todavía no/);
    await page.screenshot({ path: join(RESULTS, 'kds-cloud-recovery-code.png') });

    await page.getByTestId('cloud-recovery-done').click();
    await expect.poll(() => page.getByTestId('cloud-recovery').count()).toBe(0);
    expect(await notice.count()).toBe(0);
    expect(await fakeCalls(page)).toContain('acknowledgeRecoveryCode');
    // The panel stays, now without the code.
    expect(await page.getByTestId('cloud-state').innerText()).toBe('Conectado a la nube.');
    expect(page.errors).toEqual([]);
  });

  it('once a PIN exists the code reaches only the unlocked owner area (read with the owner token), not the board', async () => {
    const running: CloudStatus = { state: 'running', restaurantId: 'bar-luis', lease: { held: true }, recoveryCode: CODE };
    const page = await open(running, { pin: '2468' });
    await page.getByTestId('tab-cloud').click();
    await page.getByTestId('cloud-panel').waitFor();
    expect(await page.getByTestId('cloud-recovery-code').count()).toBe(0);
    expect(await page.getByTestId('cloud-notice').count()).toBe(0);

    await page.getByTestId('open-settings').click();
    await page.getByTestId('pin-pad').waitFor();
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByTestId('owner-tab-cloud').click();
    const code = page.getByTestId('owner-area').getByTestId('cloud-recovery-code');
    await code.waitFor();
    expect(await code.innerText()).toBe(CODE);
    // A 'cloud' event (no code in it) while unlocked: the screen reads the status again with its token.
    await setCloud(page, { ...running, lastBackupAt: minutesAgo(0.5) });
    await expect.poll(() => page.getByTestId('owner-area').getByTestId('cloud-last-backup').innerText()).not.toMatch(/todavía no/);
    expect(await code.innerText()).toBe(CODE);

    // Locked again: the board (its Nube tab still open) forgets the code.
    await page.getByTestId('owner-close').click();
    await page.getByTestId('cloud-panel').waitFor();
    await expect.poll(() => page.getByTestId('cloud-recovery-code').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('a new PC: the owner types the recovery code; a wrong one is said plainly, the right one brings the session back', async () => {
    const page = await open(
      { state: 'running', restaurantId: 'bar-luis', lease: { held: true } },
      { whatsapp: { state: 'needs-link', since: new Date().toISOString(), engine: 'whatsapp' } },
    );
    await page.getByTestId('tab-cloud').click();
    const form = page.getByTestId('recovery-form');
    await form.waitFor();
    expect(await form.locator('h3').innerText()).toBe('¿PC nuevo? Escribe el código de recuperación');
    const input = page.getByTestId('recovery-input');
    const result = page.getByTestId('recovery-result');

    await page.getByTestId('recovery-submit').click();
    expect(await result.innerText()).toBe('Escribe el código de recuperación.');
    expect(await fakeCalls(page)).not.toContain('enterRecoveryCode');

    // One character mistyped: refused in plain words; the typed code stays to be corrected.
    const mistyped = FAKE_RECOVERY_CODE.replace('2QXM', '2QXN');
    await input.fill(mistyped);
    await input.press('Enter');
    await expect.poll(() => result.getAttribute('data-kind')).toBe('error');
    expect(await result.innerText()).toBe('Ese código no es correcto: revisa que esté bien escrito, letra a letra. No se ha cambiado nada.');
    expect(await result.getAttribute('role')).toBe('alert');
    expect(await input.inputValue()).toBe(mistyped);
    await page.screenshot({ path: join(RESULTS, 'kds-cloud-recovery-code-wrong.png') });

    await input.fill(FAKE_RECOVERY_CODE.toLowerCase().replace(/-/g, ' '));
    await page.getByTestId('recovery-submit').click();
    await expect.poll(() => result.getAttribute('data-kind')).toBe('ok');
    expect(await result.innerText()).toMatch(/^Código correcto\. Se ha recuperado la sesión de WhatsApp de la copia \((?:\d{1,2} \S+ )?\d\d:\d\d · hace 60 min\); WhatsApp se está reiniciando\.$/);
    // The secret leaves the screen once the host has it.
    expect(await input.inputValue()).toBe('');
    expect(await fakeCalls(page)).toContain('enterRecoveryCode');
    await page.screenshot({ path: join(RESULTS, 'kds-cloud-recovery-code-restored.png') });

    // In English, a code taken but every backup refused: the reasons are listed.
    await page.getByTestId('locale-toggle').click();
    await page.evaluate(() => {
      (window as unknown as { __fake: { nextRecoveryRestore: unknown } }).__fake.nextRecoveryRestore = {
        skipped: 'refused',
        refused: ['backup 2026-11-20 is damaged or was altered (checksum does not match)'],
      };
    });
    await expect.poll(() => form.locator('h3').innerText()).toBe('New PC? Type the recovery code');
    await input.fill(FAKE_RECOVERY_CODE);
    await page.getByTestId('recovery-submit').click();
    await expect.poll(() => result.getAttribute('data-kind')).toBe('warn');
    expect(await result.innerText()).toMatch(/^The code is right and saved, but no session backup could be used:\s+backup 2026-11-20 is damaged/);

    // A new code of this PC waiting to be written down: that comes first, the form steps aside.
    await setCloud(page, { state: 'running', restaurantId: 'bar-luis', lease: { held: true }, recoveryCode: CODE });
    await expect.poll(() => form.count()).toBe(0);
    await setCloud(page, { state: 'sign-in-failed', problem: 'no-network' });
    await page.getByTestId('cloud-sign-in-error').waitFor();
    expect(await form.count()).toBe(0);
    expect(page.errors).toEqual([]);
  });
});
