import { describe, expect, it } from 'vitest';
import { formatElapsed, timerLevel } from '../../renderer/src/state/timer.ts';
import { keyAction, moveSelection } from '../../renderer/src/state/keyboard.ts';

describe('card timer', () => {
  it('turns amber and red at the configured minutes (defaults 5 and 10)', () => {
    expect(timerLevel(0, 5, 10)).toBe('ok');
    expect(timerLevel(4 * 60_000 + 59_999, 5, 10)).toBe('ok');
    expect(timerLevel(5 * 60_000, 5, 10)).toBe('amber');
    expect(timerLevel(9 * 60_000 + 59_999, 5, 10)).toBe('amber');
    expect(timerLevel(10 * 60_000, 5, 10)).toBe('red');
  });

  it('follows other thresholds', () => {
    expect(timerLevel(2 * 60_000, 2, 3)).toBe('amber');
    expect(timerLevel(3 * 60_000, 2, 3)).toBe('red');
    expect(timerLevel(20 * 60_000, 15, 25)).toBe('amber');
  });

  it('reads mm:ss and stays short past 99 minutes', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_000)).toBe('01:05');
    expect(formatElapsed(65_999)).toBe('01:05');
    expect(formatElapsed(-5000)).toBe('00:00');
    expect(formatElapsed(99 * 60_000 + 59_000)).toBe('99:59');
    expect(formatElapsed(125 * 60_000)).toBe('2h05');
  });
});

describe('bump-bar keys', () => {
  it('maps 1–9 to the Nth card and nothing to 0', () => {
    expect(keyAction('1')).toEqual({ type: 'select', index: 0 });
    expect(keyAction('9')).toEqual({ type: 'select', index: 8 });
    expect(keyAction('0')).toBeNull();
  });

  it('maps Enter, R, Esc and the arrows', () => {
    expect(keyAction('Enter')).toEqual({ type: 'advance' });
    expect(keyAction('r')).toEqual({ type: 'recall' });
    expect(keyAction('R')).toEqual({ type: 'recall' });
    expect(keyAction('Escape')).toEqual({ type: 'escape' });
    expect(keyAction('ArrowRight')).toEqual({ type: 'move', by: 1 });
    expect(keyAction('ArrowDown')).toEqual({ type: 'move', by: 1 });
    expect(keyAction('ArrowLeft')).toEqual({ type: 'move', by: -1 });
    expect(keyAction('ArrowUp')).toEqual({ type: 'move', by: -1 });
    expect(keyAction('a')).toBeNull();
    expect(keyAction('Tab')).toBeNull();
  });

  it('moves the selection within the board', () => {
    expect(moveSelection(-1, 1, 5)).toBe(0);
    expect(moveSelection(-1, -1, 5)).toBe(4);
    expect(moveSelection(2, 1, 5)).toBe(3);
    expect(moveSelection(4, 1, 5)).toBe(4);
    expect(moveSelection(0, -1, 5)).toBe(0);
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});
