// Bump bars and keyboards. Pure: a key becomes an action, an action becomes the next selection.
export type KeyAction =
  | { type: 'select'; index: number }
  | { type: 'advance' }
  | { type: 'recall' }
  | { type: 'escape' }
  | { type: 'move'; by: number };

export function keyAction(key: string): KeyAction | null {
  if (/^[1-9]$/.test(key)) return { type: 'select', index: Number(key) - 1 };
  switch (key) {
    case 'Enter':
      return { type: 'advance' };
    case 'r':
    case 'R':
      return { type: 'recall' };
    case 'Escape':
      return { type: 'escape' };
    case 'ArrowRight':
    case 'ArrowDown':
      return { type: 'move', by: 1 };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'move', by: -1 };
    default:
      return null;
  }
}

/** Index to select after a move; from nothing, forward starts at the first card, back at the last. */
export function moveSelection(current: number, by: number, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return by > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + by));
}
