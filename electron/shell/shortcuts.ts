// Keyboard shortcuts of the kitchen window (there is no menu bar in kiosk mode): full screen,
// kiosk, zoom for screens read from across the kitchen.
import type { Input } from 'electron';

export type WindowShortcut = 'toggle-fullscreen' | 'toggle-kiosk' | 'zoom-in' | 'zoom-out' | 'zoom-reset';

export function windowShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>, platform: NodeJS.Platform): WindowShortcut | undefined {
  if (input.type !== 'keyDown' || input.alt) return undefined;
  const mod = platform === 'darwin' ? input.meta : input.control;
  if (input.key === 'F11' && !mod) return 'toggle-fullscreen';
  if (!mod) return undefined;
  const key = input.key.toLowerCase();
  if (input.shift && key === 'k') return 'toggle-kiosk';
  if (platform === 'darwin' && key === 'f' && input.control) return 'toggle-fullscreen';
  if (key === '+' || key === '=') return 'zoom-in';
  if (key === '-' || key === '_') return 'zoom-out';
  if (key === '0') return 'zoom-reset';
  return undefined;
}
