// COMANDA_E2E=1 only: what Playwright's `_electron` tests read from the main process
// (electronApp.evaluate(() => globalThis.__comandaE2E.tray())). Absent in normal runs.
import type { TrayModel } from './tray-model.ts';

export interface E2eHook {
  tray(): TrayModel | undefined;
  windowVisible(): boolean;
  keepsDisplayAwake(): boolean;
}

export const E2E_GLOBAL = '__comandaE2E';

export function exposeE2eHook(env: Record<string, string | undefined>, hook: E2eHook, target: object = globalThis): boolean {
  if (env.COMANDA_E2E !== '1') return false;
  Object.defineProperty(target, E2E_GLOBAL, { value: hook, configurable: true });
  return true;
}
