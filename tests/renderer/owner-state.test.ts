// The owner side's pure rules: the menu editor's operations, reading a CSV or JSON menu file, the
// restaurant's terms (closed today, hours), numbers as people type them, the pause countdown, the
// country defaults and how owner errors read.
import { describe, expect, it } from 'vitest';
import { menuSchema, type Menu } from '../../shared/menu.ts';
import { KdsError } from '../../shared/kds-api.ts';
import { COUNTRY_DEFAULTS, countryDefaults, countryOfLocale } from '../../shared/countries.ts';
import { OWNER_STRINGS } from '../../shared/i18n-owner.ts';
import {
  addCategory,
  addChoice,
  addDish,
  addOptionGroup,
  duplicateDish,
  moveDish,
  parseAliases,
  removeCategory,
  removeDish,
  renameDish,
  slugId,
} from '../../renderer/src/state/menu-draft.ts';
import { applyImport, exportMenuJson, importMenuFile } from '../../renderer/src/state/menu-import.ts';
import { addRange, isClosedToday, setClosedToday, setRange, termsOf, todayIn, withTerms } from '../../renderer/src/state/terms.ts';
import { parseAmount, parseNumberList } from '../../renderer/src/state/amount.ts';
import { formatLeft, pauseView } from '../../renderer/src/state/pause.ts';
import { isOwnerPinRequired, isWrongPin, pinRetryAfter, reasonOf } from '../../renderer/src/state/owner-errors.ts';
import { firstOpenStep } from '../../renderer/src/components/setup/SetupFlow.tsx';
import { quickMenu } from '../../renderer/src/components/setup/QuickDishes.tsx';
import { demoMenu } from './owner-fixtures.ts';

const menu = (): Menu => menuSchema.parse(demoMenu());
const ids = (m: Menu) => m.categories.flatMap((c) => c.items.map((i) => i.id));

describe('menu editor operations', () => {
  it('makes ids from names, unique, accent- and case-free', () => {
    expect(slugId('Hamburguesa Clásica', new Set())).toBe('hamburguesa-clasica');
    expect(slugId('Hamburguesa clásica', new Set(['hamburguesa-clasica']))).toBe('hamburguesa-clasica-2');
    expect(slugId('¡¡!!', new Set())).toBe('plato');
  });

  it('adds, duplicates (right below, new id, "(copia)"), moves and removes dishes; the result stays a valid menu', () => {
    let m = menu();
    const added = addDish(m, 1, 'Plato nuevo');
    m = added.menu;
    expect(m.categories[1]!.items.at(-1)).toEqual({ id: 'plato-nuevo', name: 'Plato nuevo', price: 0 });
    // A new dish's id follows its name; a saved dish keeps its id when renamed.
    m = renameDish(m, 1, m.categories[1]!.items.length - 1, 'Patatas alioli', true);
    expect(m.categories[1]!.items.at(-1)!.id).toBe('patatas-alioli');
    m = renameDish(m, 0, 0, 'Hamburguesa de la casa', false);
    expect(m.categories[0]!.items[0]).toMatchObject({ id: 'clasica', name: 'Hamburguesa de la casa' });
    const dup = duplicateDish(m, 0, 0, OWNER_STRINGS.es.copyName);
    m = dup.menu;
    expect(m.categories[0]!.items.map((i) => i.name)).toEqual(['Hamburguesa de la casa', 'Hamburguesa de la casa (copia)', 'Hamburguesa doble']);
    expect(m.categories[0]!.items[1]!.options).toEqual(m.categories[0]!.items[0]!.options);
    m = moveDish(m, 0, 2, -2);
    expect(m.categories[0]!.items[0]!.id).toBe('doble');
    m = moveDish(m, 0, 0, -1);
    expect(m.categories[0]!.items[0]!.id).toBe('doble');
    m = removeDish(m, 0, 0);
    expect(ids(m)).not.toContain('doble');
    expect(new Set(ids(m)).size).toBe(ids(m).length);
    expect(menuSchema.safeParse(m).success).toBe(true);
  });

  it('adds and removes categories; option groups get choices with prices', () => {
    let m = addCategory(menu(), 'Postres');
    expect(m.categories.at(-1)).toEqual({ id: 'postres', name: 'Postres', items: [] });
    m = removeCategory(m, m.categories.length - 1);
    expect(m.categories.map((c) => c.id)).toEqual(['hamburguesas', 'raciones', 'bebidas']);
    let item = addOptionGroup({ id: 'x', name: 'X', price: 5 }, 'Tamaño', 'Opción');
    item = addChoice(item, 0, 'Opción');
    expect(item.options![0]!.choices.map((c) => c.id)).toEqual(['opcion', 'opcion-2']);
  });

  it('reads aliases separated by commas, semicolons or bars', () => {
    expect(parseAliases('clasica, burger ;  hamburguesa | ,')).toEqual(['clasica', 'burger', 'hamburguesa']);
  });
});

describe('importing a menu file', () => {
  it('reads a CSV into categories, with aliases, and numbers each bad row', () => {
    const csv = [
      'category,name,price,aliases',
      'Tacos,Taco al pastor,25,pastor|al pastor',
      'Tacos,Taco de suadero,"27,50",suadero',
      ',Sin categoría,5,',
      'Bebidas,,10,',
      'Bebidas,Horchata,diez,',
      'Bebidas,Jamaica,-3,',
      'Bebidas,Agua,9,50,extra',
      'Bebidas,Refresco,18,',
    ].join('\n');
    const preview = importMenuFile('menu.csv', csv);
    expect(preview.errors).toEqual([
      { row: 4, problem: 'category' },
      { row: 5, problem: 'name' },
      { row: 6, problem: 'price' },
      { row: 7, problem: 'negative' },
      { row: 8, problem: 'columns' },
    ]);
    expect(preview.categories.map((c) => [c.name, c.items.map((i) => [i.id, i.price, i.aliases ?? []])])).toEqual([
      ['Tacos', [['taco-al-pastor', 25, ['pastor', 'al pastor']], ['taco-de-suadero', 27.5, ['suadero']]]],
      ['Bebidas', [['refresco', 18, []]]],
    ]);
  });

  it('a CSV without the needed columns is refused at row 1', () => {
    expect(importMenuFile('x.csv', 'nombre;precio\nTaco;3').errors).toEqual([{ row: 1, problem: 'columns' }]);
  });

  it('a JSON menu is validated whole: a bad one says why, a good one replaces everything; export reads back the same', () => {
    const bad = importMenuFile('menu.json', JSON.stringify({ ...demoMenu(), categories: [{ id: 'a', name: 'A', items: [{ id: 'x', name: 'X', price: -1 }] }] }));
    expect(bad.invalid).toMatch(/categories\.0\.items\.0\.price/);
    expect(importMenuFile('menu.json', '{ not json').invalid).toBeTruthy();
    const m = menu();
    const good = importMenuFile('carta.json', exportMenuJson(m));
    expect(good.invalid).toBeUndefined();
    expect(applyImport(menuSchema.parse({ ...demoMenu(), restaurant: 'Otro' }), good)).toEqual(m);
    // A CSV changes the dishes only; the terms stay.
    const fromCsv = applyImport(m, importMenuFile('a.csv', 'category,name,price\nA,B,1'));
    expect(fromCsv).toMatchObject({ restaurant: 'Casa Pepe', delivery: m.delivery, categories: [{ name: 'A', items: [{ name: 'B', price: 1 }] }] });
  });

  it('refuses a file over 2 MB without reading it', () => {
    expect(importMenuFile('big.csv', 'x'.repeat(2_000_001)).invalid).toMatch(/2 MB/);
  });
});

describe('the restaurant terms', () => {
  const NOW = Date.parse('2026-12-07T00:30:00Z');
  it('"closed today" is today in the restaurant zone (Mexico is still on the 6th)', () => {
    expect(todayIn('Europe/Madrid', NOW)).toBe('2026-12-07');
    expect(todayIn('America/Mexico_City', NOW)).toBe('2026-12-06');
    expect(todayIn('Not/AZone', NOW)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const terms = { ...termsOf(menu()), timezone: 'America/Mexico_City' };
    const closed = setClosedToday(terms, true, NOW);
    expect(closed.closedDates).toEqual(['2026-12-06']);
    expect(isClosedToday(closed, NOW)).toBe(true);
    expect(setClosedToday(closed, false, NOW).closedDates).toEqual([]);
  });

  it('edits ranges and writes the terms back into the menu document', () => {
    const terms = termsOf(menu());
    let hours = addRange(terms.hours!, 'tue');
    expect(hours.tue).toEqual([['12:00', '16:00'], ['20:00', '23:30']]);
    hours = setRange(hours, 'tue', 1, 1, '24:00');
    const doc = withTerms(menu(), { ...terms, hours, timezone: '', delivery: { ...terms.delivery, note: '  ' } });
    expect(doc.hours!.tue).toEqual([['12:00', '16:00'], ['20:00', '24:00']]);
    expect(doc).not.toHaveProperty('timezone');
    expect(doc.delivery).not.toHaveProperty('note');
    expect(menuSchema.safeParse(doc).success).toBe(true);
    expect(withTerms(menu(), { ...terms, hours: undefined })).not.toHaveProperty('hours');
  });

  it('each country fills in its regional locale, currency, zone and usual payments', () => {
    expect(COUNTRY_DEFAULTS.CO).toMatchObject({ locale: 'es-CO', currency: 'COP', payments: ['cash', 'card', 'nequi', 'daviplata'] });
    expect(countryDefaults('EN', 'Europe/London').timezone).toBe('Europe/London');
    expect(countryOfLocale('es-PE')).toBe('PE');
    expect(Object.values(COUNTRY_DEFAULTS).every((d) => menuSchema.safeParse({ ...demoMenu(), ...d, timezone: d.timezone || 'UTC' }).success)).toBe(true);
  });

  it('the first run resumes at the first step not done; typed dishes become the categories', () => {
    expect(firstOpenStep([])).toBe(0);
    expect(firstOpenStep(['country', 'restaurant', 'pin'])).toBe(3);
    expect(firstOpenStep(['country', 'restaurant', 'pin', 'whatsapp', 'menu', 'hours', 'payments', 'fulfilment'])).toBe(7);
    const m = quickMenu(menu(), [
      { category: 'Tacos', name: 'Pastor', price: 25 },
      { category: 'Bebidas', name: 'Agua', price: 10 },
      { category: 'tacos', name: 'Pastor', price: 26 },
    ]);
    expect(m.categories.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['Tacos', ['pastor', 'pastor-2']],
      ['Bebidas', ['agua']],
    ]);
    expect(m.delivery).toEqual(menu().delivery);
  });
});

describe('numbers, the pause and owner errors', () => {
  it('reads money as people type it', () => {
    expect(parseAmount('9,50')).toBe(9.5);
    expect(parseAmount('9.50')).toBe(9.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount(' 12 ')).toBe(12);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('diez')).toBeNull();
    expect(parseNumberList('10, 20;30')).toEqual([10, 20, 30]);
    expect(parseNumberList('10, x')).toBeNull();
  });

  it('counts a pause down and ends it on the clock', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(pauseView({ paused: false }, now)).toEqual({ kind: 'off' });
    expect(pauseView({ paused: true, since: '2026-12-07T11:59:00Z' }, now)).toEqual({ kind: 'open-ended' });
    expect(pauseView({ paused: true, until: '2026-12-07T12:09:05Z' }, now)).toMatchObject({ kind: 'timed', leftMs: 545_000 });
    expect(pauseView({ paused: true, until: '2026-12-07T11:59:59Z' }, now)).toEqual({ kind: 'off' });
    expect(formatLeft(545_000)).toBe('9:05');
    expect(formatLeft(3_725_400)).toBe('1:02:05');
    expect(formatLeft(-5)).toBe('0:00');
  });

  it('tells a lapsed PIN session, a wrong PIN and the wait apart', () => {
    expect(isOwnerPinRequired(new KdsError('forbidden', 'the owner PIN is needed'))).toBe(true);
    expect(isOwnerPinRequired(new KdsError('conflict', 'no'))).toBe(false);
    expect(isWrongPin(new KdsError('unauthorized', 'wrong PIN'))).toBe(true);
    expect(pinRetryAfter(new KdsError('unauthorized', 'wrong PIN; the next try is taken in 30 s', { retryAfterSeconds: 30 }))).toBe(30);
    expect(pinRetryAfter(new KdsError('too_many_requests', 'try again in 120 s'))).toBe(120);
    expect(pinRetryAfter(new KdsError('unauthorized', 'wrong PIN'))).toBeUndefined();
    expect(reasonOf(new KdsError('bad_request', 'invalid menu: categories.0.items.0.price: too small'))).toBe('categories.0.items.0.price: too small');
    expect(OWNER_STRINGS.es.pinWait(90)).toMatch(/Espera 2 minutos/);
    expect(OWNER_STRINGS.en.pinWait(30)).toMatch(/Wait 30 seconds/);
  });
});

describe("a refused menu in the owner's words", () => {
  it('names the category and dish, the field and the problem', async () => {
    const { describeMenuProblem } = await import('../../renderer/src/state/menu-errors.ts');
    const o = OWNER_STRINGS.es;
    const m = menu();
    expect(describeMenuProblem('categories.1.items.0.price: Too small: expected number to be >=0', m, o)).toBe('«Raciones» › «Patatas bravas» (precio): no puede ser negativo');
    expect(describeMenuProblem('categories.0.items.5.name: Too small: expected string to have >=1 characters', m, o)).toBe('«Hamburguesas» › plato 6 (nombre): está vacío');
    expect(describeMenuProblem('payments: accept at least one payment method', m, o)).toBe('Formas de pago que aceptas: El bot solo ofrecerá estas. Al menos una.');
    expect(describeMenuProblem('item id "x" appears twice in the menu', m, o)).toBe('item id "x" appears twice in the menu');
  });
});
