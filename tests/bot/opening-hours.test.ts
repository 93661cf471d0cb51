import { describe, expect, it } from 'vitest';
import { isOpen, isOpenAtLocal, localTime, nextOpening } from '../../electron/bot/terms/opening-hours.ts';

const MON = 1;
const hours = { mon: [['12:00', '16:00'], ['20:00', '23:30']], fri: [['20:00', '02:00']], sun: [['00:00', '24:00']] } as const;
const h = hours as unknown as Parameters<typeof isOpenAtLocal>[0];
const at = (weekday: number, hhmm: string) => ({ weekday, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });

describe('opening hours', () => {
  it('absent hours: always open, no next opening', () => {
    expect(isOpen(undefined, Date.now(), 'Europe/Madrid')).toBe(true);
    expect(nextOpening(undefined, Date.now(), 'Europe/Madrid')).toBeNull();
  });

  it('range edges: open at the start minute, closed at the end minute', () => {
    expect(isOpenAtLocal(h, at(MON, '11:59'))).toBe(false);
    expect(isOpenAtLocal(h, at(MON, '12:00'))).toBe(true);
    expect(isOpenAtLocal(h, at(MON, '15:59'))).toBe(true);
    expect(isOpenAtLocal(h, at(MON, '16:00'))).toBe(false);
    expect(isOpenAtLocal(h, at(MON, '23:29'))).toBe(true);
  });

  it('ranges crossing midnight and 24:00', () => {
    expect(isOpenAtLocal(h, at(5, '23:00'))).toBe(true);
    expect(isOpenAtLocal(h, at(6, '01:59'))).toBe(true);
    expect(isOpenAtLocal(h, at(6, '02:00'))).toBe(false);
    expect(isOpenAtLocal(h, at(0, '23:59'))).toBe(true);
    expect(isOpenAtLocal(h, at(2, '10:00'))).toBe(false);
  });

  it('local time follows the zone (winter: Madrid UTC+1)', () => {
    const t = Date.UTC(2025, 0, 6, 11, 30); // Monday
    expect(localTime(t, 'Europe/Madrid')).toEqual({ weekday: 1, minutes: 12 * 60 + 30 });
    expect(localTime(t, 'America/Bogota')).toEqual({ weekday: 1, minutes: 6 * 60 + 30 });
    expect(localTime(t, 'Not/AZone')).toEqual({ weekday: 1, minutes: 11 * 60 + 30 });
  });

  it('next opening: later today, tomorrow, or days ahead', () => {
    const monday1700Madrid = Date.UTC(2025, 0, 6, 16, 0);
    expect(nextOpening(h, monday1700Madrid, 'Europe/Madrid')).toEqual({ daysAhead: 0, weekday: 'mon', time: '20:00' });
    const tuesday = Date.UTC(2025, 0, 7, 10, 0);
    expect(nextOpening(h, tuesday, 'Europe/Madrid')).toEqual({ daysAhead: 3, weekday: 'fri', time: '20:00' });
    const saturday = Date.UTC(2025, 0, 11, 12, 0);
    expect(nextOpening(h, saturday, 'Europe/Madrid')).toEqual({ daysAhead: 1, weekday: 'sun', time: '00:00' });
    expect(nextOpening({}, saturday, 'Europe/Madrid')).toBeNull();
  });
});
