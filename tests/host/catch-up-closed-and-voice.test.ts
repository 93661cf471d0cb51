// What a waiting customer hears: outside opening hours the bot's closed reply (after the apology),
// read at the time of the catch-up, not when they wrote; and the apology in each regional voice.
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host.ts';
import { silentLogger } from '../../electron/host/logger.ts';
import { catchUpTexts, catchUpVoice } from '../../electron/messaging/catch-up-texts.ts';
import { MENU_LOCALES, parseMenu } from '../../shared/menu.ts';
import { FakeClock, flushPromises } from '../support/fake-clock.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const ANA = '34600111222';

describe('catch-up: closed hours and regional voice', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host | undefined;
  afterEach(async () => {
    await host?.stop();
    tmp.cleanup();
  });

  it('outside opening hours the waited message gets the apology and today\'s closed reply, once', async () => {
    tmp = makeTempDir('comanda-catch-up-closed-');
    // Friday 2026-11-20 12:00 UTC; the restaurant opens only on Sundays.
    const clock = new FakeClock();
    const parsed = parseMenu({
      restaurant: 'Casa Pepe',
      currency: 'EUR',
      locale: 'es-ES',
      timezone: 'UTC',
      hours: { sun: [['12:00', '16:00']] },
      categories: [{ id: 'h', name: 'Hamburguesas', items: [{ id: 'clasica', name: 'Hamburguesa clásica', price: 9.5 }] }],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const menu = parsed.menu;
    const boot = async () => {
      host = createHost({ dataDir: tmp.dir, engine: 'simulator', port: null, logger: silentLogger, clock, settleMs: 0, menu });
      await host.start();
      await clock.advance(0);
      await flushPromises();
      await host.outbox.idle();
    };
    await boot();
    host!.simulator!.receive({ from: ANA, name: 'Ana', body: 'hola, quiero una hamburguesa clásica', deliver: false });
    await host!.stop();
    await clock.advance(30 * 60_000);
    await boot();
    const sent = host!.simulator!.listSent(ANA).map((m) => m.body);
    expect(sent[0]).toBe(catchUpTexts('es-ES').apology);
    expect(sent.slice(1).join('\n')).toMatch(/cerrados/);
    expect(host!.store.orders.count()).toBe(0);
  });

  it('every menu locale has its voice: Spain, Mexico, Argentina, Colombia, the rest of Latin America, English', () => {
    expect(MENU_LOCALES.map((l) => catchUpVoice(l))).toEqual(['es-ES', 'es-MX', 'es-AR', 'es-CO', 'LatAm', 'LatAm', 'LatAm', 'en']);
    const apologies = new Set(MENU_LOCALES.map((l) => catchUpTexts(l).apology));
    expect(apologies.size).toBe(6);
    expect(catchUpTexts('es-AR').apology).toMatch(/Perdoná/);
    expect(catchUpTexts('en').handoffNote).toBe('wrote while we were closed');
    expect(catchUpTexts('es-MX').handoffNote).toBe('escribió mientras estábamos cerrados');
  });
});
