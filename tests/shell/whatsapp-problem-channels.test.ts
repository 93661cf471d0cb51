// never-ready and events-silent reach the owner in plain words on the desktop channels: one
// notification per episode (never "link again"), and the tray's tooltip says it while it lasts.
import { describe, expect, it } from 'vitest';
import { DesktopAlerts } from '../../electron/shell/desktop-alerts.ts';
import { trayModel } from '../../electron/shell/tray-model.ts';
import { WHATSAPP_PROBLEM_TEXT } from '../../shared/i18n-whatsapp-problems.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { FakeClock } from '../support/fake-clock.ts';

const status = (state: WhatsAppStatus['state'], problems?: WhatsAppStatus['problems']): WhatsAppStatus => ({
  state,
  since: '2026-11-20T12:00:00.000Z',
  engine: 'whatsapp',
  ...(problems ? { problems } : {}),
});

describe('WhatsApp problems on the desktop', () => {
  it('notifies never-ready once, in the owner language, and not again as "disconnected"', async () => {
    const clock = new FakeClock();
    const shown: [string, string, string][] = [];
    const alerts = new DesktopAlerts({ notify: (kind, title, body) => shown.push([kind, title, body]), locale: () => 'es', clock });
    alerts.onStatus(status('connected'));
    alerts.onStatus(status('authenticating'));
    alerts.onStatus(status('failed', ['never-ready']));
    alerts.onStatus(status('reconnecting', ['never-ready']));
    alerts.onStatus(status('failed', ['never-ready']));
    await clock.advance(60_000);
    expect(shown).toEqual([['whatsapp-problem', WHATSAPP_PROBLEM_TEXT['never-ready'].es.title, WHATSAPP_PROBLEM_TEXT['never-ready'].es.body]]);
    expect(shown[0]![2]).toContain('atiende los chats desde el teléfono');
    expect(JSON.stringify(shown)).not.toMatch(/vincul|link/i);
    // Over, then back: a new episode is told again.
    alerts.onStatus(status('connected'));
    alerts.onStatus(status('connected', ['events-silent']));
    expect(shown.at(-1)).toEqual(['whatsapp-problem', WHATSAPP_PROBLEM_TEXT['events-silent'].es.title, WHATSAPP_PROBLEM_TEXT['events-silent'].es.body]);
  });

  it('the tray tooltip carries the problem while it lasts', () => {
    const base = { locale: 'en' as const, startAtLogin: false, canBackup: false, canCheckUpdates: true, updateReady: false };
    expect(trayModel({ ...base, status: status('failed', ['never-ready']) }).tooltip).toContain(WHATSAPP_PROBLEM_TEXT['never-ready'].en.title);
    expect(trayModel({ ...base, status: status('failed') }).tooltip).not.toContain(WHATSAPP_PROBLEM_TEXT['never-ready'].en.title);
  });
});
