import { describe, expect, it } from 'vitest';
import { IncomingRateLimit } from '../../electron/messaging/incoming-rate-limit.ts';
import { FakeClock } from '../support/fake-clock.ts';

describe('incoming rate limit', () => {
  it('allows a burst up to the limit, warns once, then drops until the window passes', async () => {
    const clock = new FakeClock();
    const limit = new IncomingRateLimit({ clock, maxPerWindow: 3, windowMs: 60_000 });
    const decisions = Array.from({ length: 6 }, () => limit.check('34600111222'));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'warn', 'drop', 'drop']);
    // Another customer is not affected.
    expect(limit.check('34600999888')).toBe('allow');
    await clock.advance(60_001);
    expect(limit.check('34600111222')).toBe('allow');
  });
});
