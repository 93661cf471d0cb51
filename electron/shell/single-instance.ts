// One Comanda per PC: two would fight over the database and the WhatsApp session. A second launch
// only brings the first one's window forward.
import type { App } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>;

/** True when this process is the one to run; otherwise it has already asked to quit. */
export function claimSingleInstance(app: SingleInstanceApp, onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
