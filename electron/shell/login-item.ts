// "Start at login". Windows and macOS have it in Electron (setLoginItemSettings); Linux does not,
// so there the app writes an XDG autostart entry (~/.config/autostart/comanda.desktop) that starts
// the AppImage (or the installed binary) hidden in the tray. Development builds never register:
// they would register the bare Electron binary.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';

export const START_HIDDEN_ARG = '--start-hidden';

export interface LoginItemOptions {
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** process.execPath: the installed binary. */
  execPath: string;
}

export type LoginItemResult = 'skipped-development' | 'os' | 'autostart-written' | 'autostart-removed';

/** Quotes a path for a desktop entry's Exec key (the XDG desktop entry spec's rules). */
export function desktopExecQuote(path: string): string {
  return `"${path.replace(/([\\"`$])/g, '\\$1')}"`;
}

export function autostartEntryPath(env: Record<string, string | undefined>, homeDir: string): string {
  return join(env.XDG_CONFIG_HOME || join(homeDir, '.config'), 'autostart', 'comanda.desktop');
}

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Comanda',
    'Comment=Kitchen display for WhatsApp orders',
    `Exec=${desktopExecQuote(executable)} ${START_HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function applyStartAtLogin(enabled: boolean, o: LoginItemOptions): LoginItemResult {
  if (!o.app.isPackaged) return 'skipped-development';
  if (o.platform !== 'linux') {
    o.app.setLoginItemSettings({ openAtLogin: enabled, args: [START_HIDDEN_ARG] });
    return 'os';
  }
  const path = autostartEntryPath(o.env, o.homeDir);
  if (!enabled) {
    rmSync(path, { force: true });
    return 'autostart-removed';
  }
  // An AppImage runs from a temporary mount: the entry must point at the AppImage file itself.
  const executable = o.env.APPIMAGE || o.execPath;
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, autostartEntry(executable));
  return 'autostart-written';
}
