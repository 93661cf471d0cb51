// Where the tray icons live: dist/assets/tray, copied from build/icons by the build. macOS gets the
// monochrome template images (its menu bar tints them); the others the coloured ones. Electron
// picks the @2x file on high-density screens by itself.
import { join } from 'node:path';
import type { TrayIconKind } from './tray-model.ts';

export function trayIconPath(assetsDir: string, kind: TrayIconKind, platform: NodeJS.Platform): string {
  return join(assetsDir, 'tray', platform === 'darwin' ? `tray-${kind}Template.png` : `tray-${kind}.png`);
}
