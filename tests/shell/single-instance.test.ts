import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../electron/shell/single-instance.ts';
import { MockApp } from '../support/electron-mock.ts';

describe('single instance', () => {
  it('the first launch runs and a second launch brings it forward', () => {
    const app = new MockApp(false);
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance', {}, ['comanda'], '/');
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('a second launch quits at once without starting anything', () => {
    const app = new MockApp(true);
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
