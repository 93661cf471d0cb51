// The WhatsApp corpus: every conversation through the real bot, its placed ticket compared with
// the one the restaurant wanted. Prints the pass rate per region and overall and the customer
// messages per order, writes test-results/bot-corpus.json, and fails below the measured floor.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runConversation, type ConversationResult } from './corpus-driver.ts';
import type { CorpusConversation } from './corpus-types.ts';
import { EN } from './conversations-en.ts';
import { ES_AR } from './conversations-es-AR.ts';
import { ES_CO } from './conversations-es-CO.ts';
import { ES_ES } from './conversations-es-ES.ts';
import { ES_MX } from './conversations-es-MX.ts';
import type { CorpusLocale } from './menus.ts';

const CORPUS: CorpusConversation[] = [...ES_ES, ...ES_MX, ...ES_AR, ...ES_CO, ...EN];
const LOCALES: CorpusLocale[] = ['es-ES', 'es-MX', 'es-AR', 'es-CO', 'en'];

/** The share of conversations the bot got right when the corpus was last measured (rounded down). */
const PASS_RATE_FLOOR = 98;

const rate = (results: ConversationResult[]) => (results.length ? results.filter((r) => r.passed).length / results.length : 0);
const pct = (x: number) => Math.round(x * 1000) / 10;

describe('WhatsApp corpus', () => {
  it('has at least 300 conversations, 50 per region, with unique ids', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
    for (const locale of LOCALES) expect(CORPUS.filter((c) => c.id.startsWith(`${locale}-`)).length, locale).toBeGreaterThanOrEqual(50);
  });

  it(`places the ticket the restaurant wanted in at least ${PASS_RATE_FLOOR}% of conversations`, () => {
    const results = CORPUS.map(runConversation);
    const perLocale = Object.fromEntries(
      LOCALES.map((locale) => {
        const mine = results.filter((r) => r.locale === locale);
        return [locale, { conversations: mine.length, passed: mine.filter((r) => r.passed).length, passRate: pct(rate(mine)) }];
      }),
    );
    const orders = results.filter((r) => r.passed && r.messagesToOrder !== undefined);
    const averageMessagesPerOrder = orders.length ? Math.round((orders.reduce((s, r) => s + (r.messagesToOrder ?? 0), 0) / orders.length) * 100) / 100 : 0;
    const failures = results.filter((r) => !r.passed).map((r) => ({ id: r.id, ...r.divergence }));
    const summary = {
      conversations: results.length,
      passed: results.filter((r) => r.passed).length,
      passRate: pct(rate(results)),
      perLocale,
      ordersPlacedRight: orders.length,
      averageMessagesPerOrder,
      failures,
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/bot-corpus.json', `${JSON.stringify(summary, null, 2)}\n`);
    const lines = [
      `corpus: ${summary.passed}/${summary.conversations} passed (${summary.passRate}%), ${averageMessagesPerOrder} customer messages per order`,
      ...LOCALES.map((l) => `  ${l}: ${perLocale[l]?.passed}/${perLocale[l]?.conversations} (${perLocale[l]?.passRate}%)`),
      ...failures.map((f) => `  ✗ ${f.id} turn ${f.turn} «${f.said}»: ${f.reason}\n      bot: ${(f.reply ?? '').replace(/\s+/gu, ' ').slice(0, 220)}`),
    ];
    console.log(lines.join('\n'));
    expect(summary.passRate).toBeGreaterThanOrEqual(PASS_RATE_FLOOR);
  });
});
