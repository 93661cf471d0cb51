// Ajustes' tabs in Debian's Chromium on the fake host, used as an owner would: the menu editor
// (add, rename, price, options, duplicate, reorder, delete after asking, a refused save said in
// words with the running menu kept, CSV import with a bad row, export), the restaurant's terms,
// the kitchen settings, WhatsApp (engine switch asked first, a bad value refused), screens on the
// network, the cloud sign-in and the PIN change.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, useFakeScreen, type ScreenPage } from './fake-screen.ts';
import { FAKE_CLOUD_EMAIL, FAKE_CLOUD_PASSWORD } from './fake-owner-api.ts';

const screen = useFakeScreen();

async function settings(tab: string, query = ''): Promise<ScreenPage> {
  const page = await screen.newPage();
  await page.goto(`${screen.url}${query}`);
  await page.getByTestId('open-settings').click();
  if (query.includes('pin=')) {
    await page.getByTestId('pin-pad').waitFor();
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
  }
  await page.getByTestId(`owner-tab-${tab}`).click();
  await page.getByTestId(`owner-content-${tab}`).waitFor();
  return page;
}

// Reads the fake host's state as JSON (functions and classes do not cross).
const fake = <T>(page: Page, expression: string) => page.evaluate(`JSON.parse(JSON.stringify(window.__fake.${expression}))`) as Promise<T>;
interface Item {
  id: string;
  name: string;
  price: number;
  aliases?: string[];
  options?: { name: string; choices: { name: string; price: number }[] }[];
}
const dishes = async (page: Page, category = 0) => (await fake<{ categories: { items: Item[] }[] }>(page, 'menu')).categories[category]!.items;

describe('Ajustes › Menú (Chromium, fake host)', () => {
  it('adds a dish with price, aliases and a size option; duplicates, reorders, deletes after asking; saves', async () => {
    const page = await settings('menu');
    const burgers = page.getByTestId('menu-category').first();
    await burgers.getByTestId('dish-add').click();
    const editor = page.getByTestId('dish-editor');
    await editor.getByTestId('dish-name').fill('Hamburguesa vegana');
    await editor.getByTestId('dish-price').fill('10,50');
    await editor.getByTestId('dish-aliases').fill('vegana, veggie');
    await editor.getByTestId('group-add').click();
    await editor.getByTestId('group-name').fill('Tamaño');
    await editor.getByTestId('choice-name').fill('Normal');
    await editor.getByTestId('choice-add').click();
    await editor.getByTestId('choice-name').nth(1).fill('Grande');
    await editor.getByTestId('choice-price').nth(1).fill('2');
    await page.screenshot({ path: join(RESULTS, 'owner-menu-dish-editor.png') });
    await editor.getByTestId('dish-done').click();

    // Duplicate the classic, move the copy to the end, then delete it (asked first; cancel keeps it).
    await burgers.locator('[data-testid="menu-dish"][data-item-id="clasica"]').getByTestId('dish-duplicate').click();
    await page.getByTestId('dish-editor').getByTestId('dish-done').click();
    const copy = burgers.getByTestId('menu-dish').nth(1);
    expect(await copy.innerText()).toMatch(/Hamburguesa clásica \(copia\)/);
    await copy.getByTestId('dish-down').click();
    await expect.poll(() => burgers.getByTestId('menu-dish').nth(2).innerText()).toMatch(/\(copia\)/);
    await burgers.getByTestId('menu-dish').nth(2).getByTestId('dish-remove').click();
    expect(await page.getByTestId('delete-dialog').innerText()).toMatch(/¿Borrar «Hamburguesa clásica \(copia\)»\?/);
    await page.getByTestId('delete-dialog-cancel').click();
    expect(await burgers.getByTestId('menu-dish').count()).toBe(4);
    await burgers.getByTestId('menu-dish').nth(2).getByTestId('dish-remove').click();
    await page.getByTestId('delete-dialog-confirm').click();
    expect(await burgers.getByTestId('menu-dish').count()).toBe(3);
    // Nothing reaches the host until Save.
    expect((await dishes(page)).map((i) => i.id)).toEqual(['clasica', 'doble']);

    await page.getByTestId('menu-save').click();
    await page.getByTestId('menu-save-ok').waitFor();
    const saved = await dishes(page);
    expect(saved.map((i) => i.id)).toEqual(['clasica', 'doble', 'hamburguesa-vegana']);
    expect(saved[2]).toMatchObject({ name: 'Hamburguesa vegana', price: 10.5, aliases: ['vegana', 'veggie'] });
    expect(saved[2]!.options).toMatchObject([{ name: 'Tamaño', choices: [{ name: 'Normal', price: 0 }, { name: 'Grande', price: 2 }] }]);
    await page.screenshot({ path: join(RESULTS, 'owner-menu-tab.png') });
    expect(page.errors).toEqual([]);
  });

  it('a bad menu is refused whole with the reason in words, and the running menu stays', async () => {
    const page = await settings('menu');
    const first = page.getByTestId('menu-dish').first();
    await first.getByTestId('dish-edit').click();
    await page.getByTestId('dish-editor').getByTestId('dish-price').fill('-4');
    await page.getByTestId('dish-editor').getByTestId('dish-name').fill('');
    await page.getByTestId('menu-save').click();
    const error = page.getByTestId('menu-save-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/No se ha guardado nada: «Hamburguesas» › plato 1 \(nombre\): está vacío; «Hamburguesas» › plato 1 \(precio\): no puede ser negativo Sigue en uso el menú de antes\./);
    await page.screenshot({ path: join(RESULTS, 'owner-menu-refused.png') });
    expect((await dishes(page))[0]).toMatchObject({ name: 'Hamburguesa clásica', price: 9.5 });
    // Discard brings the running menu back on screen.
    await page.getByTestId('menu-save-discard').click();
    await expect.poll(() => page.getByTestId('menu-dish').first().innerText()).toMatch(/Hamburguesa clásica[\s\S]*9,50/);
  });

  it('imports a CSV with a preview and the bad row named; exports the menu as JSON', async () => {
    const page = await settings('menu');
    await page.getByTestId('menu-import-open').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'carta.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('category,name,price,aliases\nTacos,Taco al pastor,25,pastor\nTacos,Taco de suadero,diez,\nBebidas,Horchata,"30,5",agua de horchata\n'),
    });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-error').innerText()).toBe('Fila 3: el precio no es un número (usa 9.50 o 9,50)');
    expect(await page.getByTestId('import-use').isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'owner-menu-import-error.png') });
    await page.getByTestId('import-file').setInputFiles({
      name: 'carta.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('category,name,price,aliases\nTacos,Taco al pastor,25,pastor\nBebidas,Horchata,"30,5",agua de horchata\n'),
    });
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toBe('Vista previa: 2 platos en 2 categorías');
    await page.getByTestId('import-use').click();
    await expect.poll(() => page.getByTestId('menu-count').innerText()).toBe('2 platos');
    await page.getByTestId('menu-save').click();
    await page.getByTestId('menu-save-ok').waitFor();
    expect((await dishes(page, 1))[0]).toMatchObject({ name: 'Horchata', price: 30.5, aliases: ['agua de horchata'] });

    const download = page.waitForEvent('download');
    await page.getByTestId('menu-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('menu-casa-pepe.json');
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { categories: { name: string }[]; delivery: { fee: number } };
    expect(exported.categories.map((c) => c.name)).toEqual(['Tacos', 'Bebidas']);
    expect(exported.delivery.fee).toBe(2.5);
  });
});

describe('Ajustes › the other tabs (Chromium, fake host)', () => {
  it('Restaurante y condiciones: closed today, a closed day, payments, delivery fee; no payment at all is refused', async () => {
    const page = await settings('restaurant');
    await page.getByTestId('closed-today').click();
    await page.getByTestId('closed-date-input').fill('2026-12-25');
    await page.getByTestId('closed-date-add').click();
    await page.getByTestId('payment-bizum').click();
    await page.getByTestId('payment-yape').click();
    await page.getByTestId('delivery-fee').fill('3');
    await page.getByTestId('terms-save').click();
    await page.getByTestId('terms-save-ok').waitFor();
    const menu = await fake<{ closedDates: string[]; payments: string[]; delivery: { fee: number } }>(page, 'menu');
    expect(menu.closedDates).toContain('2026-12-25');
    expect(menu.closedDates).toHaveLength(2);
    expect(menu.payments).toEqual(['cash', 'card', 'yape']);
    expect(menu.delivery.fee).toBe(3);

    for (const id of ['cash', 'card', 'yape']) await page.getByTestId(`payment-${id}`).click();
    await page.getByTestId('terms-save').click();
    await expect.poll(() => page.getByTestId('terms-save-error').innerText()).toMatch(/Formas de pago que aceptas: El bot solo ofrecerá estas\. Al menos una\./);
    expect((await fake<{ payments: string[] }>(page, 'menu')).payments).toEqual(['cash', 'card', 'yape']);
    await page.screenshot({ path: join(RESULTS, 'owner-terms-refused.png'), fullPage: true });
  });

  it('Cocina: new timer colours and ETA choices reach the board; a bad list is said before saving', async () => {
    const page = await settings('kitchen');
    await page.getByTestId('eta-choices').fill('15, veinte');
    await expect.poll(() => page.getByTestId('kitchen-tab').innerText()).toMatch(/Escribe números separados por comas/);
    await page.getByTestId('eta-choices').fill('15, 25, 45');
    await page.getByTestId('amber-after').fill('8');
    await page.getByTestId('red-after').fill('15');
    await page.getByTestId('kitchen-save').click();
    await page.getByTestId('kitchen-save-ok').waitFor();
    await page.screenshot({ path: join(RESULTS, 'owner-kitchen-tab.png') });
    await page.getByTestId('owner-close').click();
    await page.locator('[data-testid="order-card"][data-order-id="o41"]').getByTestId('accept').click();
    await page.getByTestId('eta-45').waitFor();
    expect(await page.getByTestId('eta-10').count()).toBe(0);
  });

  it('WhatsApp: switching the engine asks first and says orders are kept; a bad owner phone is refused in words', async () => {
    const page = await settings('whatsapp');
    await page.getByTestId('engine-whatsapp').click();
    expect(await page.getByTestId('engine-dialog').innerText()).toMatch(/Todos los pedidos se conservan/);
    await page.getByTestId('engine-dialog-confirm').click();
    // The real engine starts unlinked: the linking panel shows its QR right here.
    await page.getByTestId('whatsapp-tab').getByTestId('wa-qr').waitFor();
    await page.getByTestId('owner-phone').fill('12');
    await expect.poll(() => page.getByTestId('whatsapp-tab').innerText()).toMatch(/Solo cifras, con el prefijo del país/);
    await page.getByTestId('whatsapp-save').click();
    await expect.poll(() => page.getByTestId('whatsapp-save-error').innerText()).toMatch(/No se ha guardado nada/);
    await page.getByTestId('owner-phone').fill('34600111222');
    await page.getByTestId('keepalive').click();
    await page.getByTestId('planned-restart').fill('05:30');
    await page.getByTestId('whatsapp-save').click();
    await page.getByTestId('whatsapp-save-ok').waitFor();
    expect(await fake(page, 'hostSettings.whatsapp')).toMatchObject({ ownerPhone: '34600111222', keepalive: true, plannedRestartAt: '05:30' });
    await page.screenshot({ path: join(RESULTS, 'owner-whatsapp-tab.png'), fullPage: true });
  });

  it('Pantallas en la red: off until there is a PIN; on shows the address as text and a QR; a new code is asked first', async () => {
    const blocked = await settings('network');
    await blocked.getByTestId('network-blocked').waitFor();
    expect(await blocked.getByTestId('network-on').isDisabled()).toBe(true);

    const page = await settings('network', '?pin=2468');
    await page.getByTestId('network-on').click();
    await page.getByTestId('network-url').waitFor();
    expect(await page.getByTestId('network-url').innerText()).toMatch(/^http:\/\/192\.168\.1\.20:4747\/#token=/);
    expect(await page.getByTestId('network-tab').getByTestId('wa-qr').locator('svg').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'owner-network-tab.png') });
    const before = await page.getByTestId('network-url').innerText();
    await page.getByTestId('network-rotate').click();
    await page.getByTestId('rotate-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('network-url').innerText()).not.toBe(before);
    expect(await page.getByTestId('network-notice').innerText()).toMatch(/Código nuevo creado/);
  });

  it('Nube: a wrong password is said in words; the right one signs in; signing out asks first', async () => {
    const page = await settings('cloud');
    await page.getByTestId('cloud-email').fill(FAKE_CLOUD_EMAIL);
    await page.getByTestId('cloud-password').fill('mala');
    await page.getByTestId('cloud-sign-in').click();
    await expect.poll(() => page.getByTestId('cloud-sign-in-error').innerText()).toMatch(/El correo o la contraseña no son correctos/);
    expect(await page.getByTestId('cloud-password').inputValue()).toBe('');
    await page.getByTestId('cloud-password').fill(FAKE_CLOUD_PASSWORD);
    await page.getByTestId('cloud-sign-in').click();
    await expect.poll(() => page.getByTestId('cloud-state').innerText()).toBe('Conectado a la nube.');
    await page.screenshot({ path: join(RESULTS, 'owner-cloud-tab.png') });
    await page.getByTestId('cloud-sign-out').click();
    await page.getByTestId('sign-out-dialog-confirm').click();
    await page.getByTestId('cloud-email').waitFor();
  });

  it('PIN: a wrong current PIN and two different new ones are refused; the right change keeps the owner in', async () => {
    const page = await settings('pin', '?pin=2468');
    await page.getByTestId('pin-current').fill('0000');
    await page.getByTestId('pin-new').fill('1357');
    await page.getByTestId('pin-repeat').fill('1358');
    await page.getByTestId('pin-save').click();
    expect(await page.getByTestId('pin-problem').innerText()).toMatch(/Los dos PIN no coinciden/);
    await page.getByTestId('pin-repeat').fill('1357');
    await page.getByTestId('pin-save').click();
    await expect.poll(() => page.getByTestId('pin-problem').innerText()).toMatch(/El PIN actual no es correcto/);
    await page.getByTestId('pin-current').fill('2468');
    await page.getByTestId('pin-save').click();
    await page.getByTestId('pin-saved').waitFor();
    expect(await fake(page, 'pin')).toBe('1357');
    // Still unlocked: another owner change goes through.
    await page.getByTestId('owner-tab-kitchen').click();
    await page.getByTestId('undo-seconds').fill('8');
    await page.getByTestId('kitchen-save').click();
    await page.getByTestId('kitchen-save-ok').waitFor();
    expect(page.errors).toEqual([]);
  });
});
