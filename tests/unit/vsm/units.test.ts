import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestUnit,
  defaultCalendar,
  durationUnits,
  fromSeconds,
  isValidCalendar,
  toSeconds,
  type WorkingCalendar,
} from '@/lib/vsm';

const eightByFive: WorkingCalendar = { hoursPerDay: 8, daysPerWeek: 5 };

describe('toSeconds', () => {
  it.each([
    [0.1, 'hours', eightByFive, 360], // 0.1 * 3600 = 360 exactly, not 360.00000000000006
    [1.5, 'days', { hoursPerDay: 7.5, daysPerWeek: 5 }, 40500], // 1.5 * 7.5 * 3600 = 40500
    [2, 'weeks', eightByFive, 288000], // 2 * 5 * 8 * 3600 = 288000
    [1.234, 'minutes', eightByFive, 74.04], // 1.234 * 60 = 74.04
    [0.7, 'hours', eightByFive, 2520], // 0.7 * 3600 = 2520
    [2.345, 'days', eightByFive, 67536], // 2.345 * 28800 = 67536
    [0.3, 'weeks', eightByFive, 43200], // 0.3 * 144000 = 43200
    [1, 'days', { hoursPerDay: 24, daysPerWeek: 7 }, 86400], // a 24/7 shop floor
    [1, 'weeks', { hoursPerDay: 24, daysPerWeek: 7 }, 604800], // 7 * 24 * 3600
    [0.001, 'seconds', eightByFive, 0.001],
    [0.0004, 'seconds', eightByFive, 0], // below a millisecond
  ] as const)('%s %s -> %s s', (value, unit, calendar, seconds) => {
    expect(toSeconds(value, unit, calendar)).toBe(seconds);
  });

  it('never returns -0', () => {
    expect(Object.is(toSeconds(-0.0001, 'seconds', eightByFive), 0)).toBe(true);
  });

  it('refuses a calendar that makes no sense, but only where days or weeks need it', () => {
    const broken = { hoursPerDay: 0, daysPerWeek: 5 };
    expect(isValidCalendar(broken)).toBe(false);
    expect(isValidCalendar({ hoursPerDay: 8, daysPerWeek: 8 })).toBe(false);
    expect(isValidCalendar(defaultCalendar)).toBe(true);
    expect(() => toSeconds(1, 'days', broken)).toThrow(RangeError);
    expect(() => fromSeconds(1, 'weeks', broken)).toThrow(RangeError);
    expect(toSeconds(2, 'hours', broken)).toBe(7200);
  });

  it('is exact to the millisecond for any value with up to 3 decimals', () => {
    const calendar = fc.record({
      hoursPerDay: fc.constantFrom(8, 7.5, 7.25, 6, 24),
      daysPerWeek: fc.constantFrom(5, 4.5, 6, 7),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom(...durationUnits),
        calendar,
        (k, unit, cal) => {
          const perUnit = toSeconds(1, unit, cal); // an integer number of seconds for these calendars
          expect(Number.isInteger(perUnit)).toBe(true);
          // k thousandths of a unit: k * perUnit is an exact integer, so this division is the exact decimal.
          expect(toSeconds(k / 1000, unit, cal)).toBe((k * perUnit) / 1000 || 0);
        },
      ),
    );
  });
});

describe('fromSeconds', () => {
  it.each([
    [360, 'hours', 0.1],
    [90, 'minutes', 1.5],
    [40500, 'days', 1.5, { hoursPerDay: 7.5, daysPerWeek: 5 }],
    [324000, 'weeks', 2.25], // 324000 / 144000 = 2.25
    [0, 'weeks', 0],
  ] as const)(
    '%s s in %s -> %s',
    (seconds, unit, value, calendar: WorkingCalendar = eightByFive) => {
      expect(fromSeconds(seconds, unit, calendar)).toBe(value);
    },
  );

  it('round-trips through toSeconds for any millisecond duration, unit and calendar', () => {
    const calendar = fc.record({
      hoursPerDay: fc.double({ min: 0.5, max: 24, noNaN: true }),
      daysPerWeek: fc.double({ min: 0.5, max: 7, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(...durationUnits),
        calendar,
        (ms, unit, cal) => {
          const seconds = ms / 1000 || 0;
          expect(toSeconds(fromSeconds(seconds, unit, cal), unit, cal)).toBe(seconds);
        },
      ),
    );
  });
});

describe('bestUnit', () => {
  it.each([
    [0, 'seconds'],
    [0.5, 'seconds'],
    [45, 'seconds'],
    [59.999, 'seconds'],
    [60, 'minutes'],
    [90, 'minutes'], // 1.5 min
    [3599, 'minutes'],
    [3600, 'hours'],
    [5400, 'hours'], // 1.5 h
    [28799, 'hours'],
    [28800, 'days'], // 8 working hours with an 8-hour day: 1 d
    [143999, 'days'],
    [144000, 'weeks'], // 5 * 8 h
    [-5400, 'hours'], // a change reads like a duration
    [Number.NaN, 'seconds'],
  ] as const)('%s s -> %s', (seconds, unit) => {
    expect(bestUnit(seconds, eightByFive)).toBe(unit);
  });

  it('depends on the working calendar', () => {
    expect(bestUnit(28800, { hoursPerDay: 24, daysPerWeek: 7 })).toBe('hours');
    expect(bestUnit(86400, { hoursPerDay: 24, daysPerWeek: 7 })).toBe('days');
  });

  it('always gives a value of at least 1 in that unit, and less than 1 in any larger unit', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e10, noNaN: true }), (seconds) => {
        const unit = bestUnit(seconds, eightByFive);
        expect(fromSeconds(seconds, unit, eightByFive)).toBeGreaterThanOrEqual(1);
        const larger = durationUnits.slice(durationUnits.indexOf(unit) + 1);
        for (const u of larger) expect(fromSeconds(seconds, u, eightByFive)).toBeLessThan(1);
      }),
    );
  });
});
