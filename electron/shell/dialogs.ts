// The questions the shell asks: quit anyway with orders open? restart to update now? remove the
// owner PIN? The safe answer (keep running, cancel) is the default and what Escape picks.
import type { MessageBoxOptions } from 'electron';
import type { Locale } from '../../shared/i18n.ts';
import { SHELL_TEXTS } from './shell-texts.ts';

export function quitWithOpenOrdersDialog(locale: Locale, openOrders: number): MessageBoxOptions {
  const t = SHELL_TEXTS[locale].quitDialog;
  return { type: 'warning', title: t.title, message: t.message(openOrders), detail: t.detail, buttons: [t.cancel, t.quit], defaultId: 0, cancelId: 0, noLink: true };
}

export function updateWithOpenOrdersDialog(locale: Locale, openOrders: number): MessageBoxOptions {
  const t = SHELL_TEXTS[locale].updateDialog;
  return { type: 'question', title: t.title, message: t.message(openOrders), detail: t.detail, buttons: [t.later, t.now], defaultId: 0, cancelId: 0, noLink: true };
}

/** Asked from the tray before a forgotten owner PIN is removed. */
export function resetOwnerPinDialog(locale: Locale): MessageBoxOptions {
  const t = SHELL_TEXTS[locale].resetPinDialog;
  return { type: 'warning', title: t.title, message: t.message, detail: t.detail, buttons: [t.cancel, t.reset], defaultId: 0, cancelId: 0, noLink: true };
}

/** Index 1 is the "go ahead" button in every dialog. */
export const CONFIRM_BUTTON = 1;
