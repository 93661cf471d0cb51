// What the tray shows for a WhatsApp status: which icon shape, the tooltip, and the menu. Pure, so
// the mapping is tested without Electron; tray.ts turns it into a Tray and a Menu.
import type { Locale } from '../../shared/i18n.ts';
import type { WhatsAppState, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { SHELL_TEXTS } from './shell-texts.ts';
import { WHATSAPP_PROBLEM_TEXT } from '../../shared/i18n-whatsapp-problems.ts';

/** One icon per group of states, each a different shape (a template image on macOS is one colour). */
export const TRAY_ICON_KINDS = ['connected', 'connecting', 'needs-link', 'offline'] as const;
export type TrayIconKind = (typeof TRAY_ICON_KINDS)[number];

const ICON_FOR_STATE: Record<WhatsAppState, TrayIconKind> = {
  connected: 'connected',
  starting: 'connecting',
  authenticating: 'connecting',
  loading: 'connecting',
  reconnecting: 'connecting',
  'needs-link': 'needs-link',
  'logged-out': 'needs-link',
  offline: 'offline',
  failed: 'offline',
};

export function trayIconKind(state: WhatsAppState): TrayIconKind {
  return ICON_FOR_STATE[state];
}

export type TrayAction = 'show' | 'reconnect' | 'link' | 'backup' | 'check-updates' | 'install-update' | 'toggle-start-at-login' | 'reset-pin' | 'quit';

export type TrayMenuEntry =
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'checkbox'; action: TrayAction; label: string; checked: boolean; enabled: boolean };

export interface TrayModelInput {
  status: WhatsAppStatus;
  /** ISO time of the last heartbeat that found the session connected. */
  lastHeartbeatAt?: string | undefined;
  locale: Locale;
  /** IANA zone for the heartbeat time; default: the computer's. */
  timeZone?: string | undefined;
  startAtLogin: boolean;
  /** The cloud's "back up now"; absent: no menu entry. */
  canBackup: boolean;
  /** Packaged builds only: a dev build has nothing to update from. */
  canCheckUpdates: boolean;
  /** A downloaded update waits to be installed. */
  updateReady: boolean;
  /** 0..100 while an update downloads. */
  downloadPercent?: number | undefined;
}

export interface TrayModel {
  icon: TrayIconKind;
  tooltip: string;
  menu: TrayMenuEntry[];
}

function formatTime(iso: string | undefined, locale: Locale, timeZone: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(date);
}

export function trayModel(input: TrayModelInput): TrayModel {
  const t = SHELL_TEXTS[input.locale];
  const state = input.status.state;
  const heartbeat = formatTime(input.lastHeartbeatAt, input.locale, input.timeZone) ?? t.never;
  const lines = [`${t.app} · ${t.whatsapp}: ${t.state[state]}`, `${t.lastHeartbeat}: ${heartbeat}`];
  if (input.downloadPercent !== undefined && !input.updateReady) lines.push(t.updating(input.downloadPercent));
  // WhatsApp Web changed: the tooltip says so in the owner's words (the title; the body is long for a tooltip).
  for (const problem of input.status.problems ?? []) lines.push(WHATSAPP_PROBLEM_TEXT[problem][input.locale].title);

  const linkable = state === 'needs-link' || state === 'logged-out' || state === 'failed';
  const menu: TrayMenuEntry[] = [
    { kind: 'action', action: 'show', label: t.menu.show, enabled: true },
    { kind: 'separator' },
    { kind: 'action', action: 'reconnect', label: t.menu.reconnect, enabled: state !== 'starting' },
    { kind: 'action', action: 'link', label: t.menu.link, enabled: linkable },
  ];
  if (input.canBackup) menu.push({ kind: 'action', action: 'backup', label: t.menu.backup, enabled: state === 'connected' });
  menu.push({ kind: 'separator' });
  if (input.updateReady) menu.push({ kind: 'action', action: 'install-update', label: t.menu.installUpdate, enabled: true });
  else menu.push({ kind: 'action', action: 'check-updates', label: t.menu.checkUpdates, enabled: input.canCheckUpdates });
  menu.push(
    { kind: 'checkbox', action: 'toggle-start-at-login', label: t.menu.startAtLogin, checked: input.startAtLogin, enabled: true },
    // A forgotten PIN is reset here, on the PC itself, never from a screen on the network.
    { kind: 'action', action: 'reset-pin', label: t.menu.resetPin, enabled: true },
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: t.menu.quit, enabled: true },
  );
  return { icon: trayIconKind(state), tooltip: lines.join('\n'), menu };
}
