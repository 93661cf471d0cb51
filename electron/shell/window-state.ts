// The window remembers where it was (display and bounds) and whether it was full screen or kiosk.
// A saved place is only reused when it still lies on a connected display: a kitchen PC whose second
// screen was unplugged must not open its KDS off-screen.
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  workArea: Rect;
}

export const savedWindowStateSchema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(1), height: z.number().int().min(1) }),
  displayId: z.number().optional(),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
  kiosk: z.boolean().default(false),
  zoomLevel: z.number().min(-3).max(5).default(0),
});
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

export const DEFAULT_SIZE = { width: 1400, height: 900 };
export const MIN_SIZE = { width: 640, height: 480 };
/** At least this much of the window's title strip must be on a display to count as visible. */
const MIN_VISIBLE = 100;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centred(area: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

export interface RestoredWindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
  kiosk: boolean;
  zoomLevel: number;
}

/**
 * Where to open: the saved bounds when they are still on a display (shrunk to fit it), else centred
 * on the primary display. Anything unreadable counts as nothing saved.
 */
export function restoreWindowState(saved: unknown, displays: readonly DisplayLike[], primary: DisplayLike): RestoredWindowState {
  const parsed = savedWindowStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: centred(primary.workArea), maximized: false, fullScreen: false, kiosk: false, zoomLevel: 0 };
  const state = parsed.data;
  const flags = { maximized: state.maximized, fullScreen: state.fullScreen, kiosk: state.kiosk, zoomLevel: state.zoomLevel };
  // The title strip (top 40 px) must be reachable, or the window cannot be dragged back.
  const titleStrip = { ...state.bounds, height: Math.min(40, state.bounds.height) };
  const candidates = [...displays].sort((a, b) => (a.id === state.displayId ? -1 : b.id === state.displayId ? 1 : 0));
  for (const display of candidates) {
    const seen = overlap(titleStrip, display.workArea);
    if (seen.width >= Math.min(MIN_VISIBLE, state.bounds.width) && seen.height > 0) {
      const area = display.workArea;
      const width = Math.max(MIN_SIZE.width, Math.min(state.bounds.width, area.width));
      const height = Math.max(MIN_SIZE.height, Math.min(state.bounds.height, area.height));
      const x = Math.min(Math.max(state.bounds.x, area.x), area.x + area.width - Math.min(width, area.width));
      const y = Math.min(Math.max(state.bounds.y, area.y), area.y + area.height - Math.min(height, area.height));
      return { bounds: { x, y, width, height }, ...flags };
    }
  }
  // Its display is gone: the primary one, keeping full screen/kiosk (those fill whatever display).
  return { bounds: centred(primary.workArea), ...flags, maximized: false };
}

/** Zoom steps for a screen read from across the kitchen. */
export const ZOOM_STEP = 0.5;
export const ZOOM_MIN = -3;
export const ZOOM_MAX = 5;

export function nextZoom(level: number, direction: 'in' | 'out' | 'reset'): number {
  if (direction === 'reset') return 0;
  const next = level + (direction === 'in' ? ZOOM_STEP : -ZOOM_STEP);
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, next));
}
