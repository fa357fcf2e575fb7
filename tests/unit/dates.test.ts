import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDay,
  lastFullWeek,
  localDay,
  weekStartOf,
} from '@/lib/dates';

describe('weekStartOf', () => {
  it.each([
    ['2026-01-05', '2026-01-05'], // a Monday is its own week start
    ['2026-01-11', '2026-01-05'], // Sunday belongs to the week that began six days earlier
    ['2025-01-01', '2024-12-30'], // Wednesday New Year's Day: the week began in December
    ['2021-01-03', '2020-12-28'], // Sunday 3 Jan 2021, still ISO week 53 of 2020
    ['2024-03-01', '2024-02-26'], // leap year: Friday 1 March, back over 29 February
    ['2024-02-29', '2024-02-26'], // Thursday
    ['1970-01-01', '1969-12-29'], // a Thursday, before the epoch's first Monday
  ])('%s → %s', (date, monday) => {
    expect(weekStartOf(date)).toBe(monday);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => weekStartOf('2025-02-30')).toThrow(RangeError);
    expect(() => weekStartOf('5 Jan 2026')).toThrow(RangeError);
    expect(() => weekStartOf('2026-1-5')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29'); // a DST change day in Europe: no effect
    expect(addDays('2026-01-05', -84)).toBe('2025-10-13');
  });

  it('wants whole days', () => {
    expect(() => addDays('2026-01-05', 0.5)).toThrow(RangeError);
  });
});

describe('isIsoDay and dayNumber', () => {
  it('take real calendar dates written YYYY-MM-DD, and nothing else', () => {
    for (const day of ['2024-02-29', '1970-01-01', '2026-12-31']) expect(isIsoDay(day)).toBe(true);
    for (const text of ['2025-02-29', '2025-02-30', '2026-13-01', '2026-1-5', '5 Jan 2026', ''])
      expect(isIsoDay(text), text).toBe(false);
    expect(() => dayNumber('2025-02-30')).toThrow('"2025-02-30" is not a calendar date.');
    expect(() => dayNumber('5 Jan 2026')).toThrow('Expected a date as YYYY-MM-DD');
  });

  it('count days from 1970-01-01, and fromDayNumber reads them back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2026-01-05')).toBe(20458);
    expect(fromDayNumber(20458)).toBe('2026-01-05');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative backwards, across a leap day and a DST change', () => {
    expect(daysBetween('2026-01-05', '2026-01-11')).toBe(6);
    expect(daysBetween('2026-01-11', '2026-01-05')).toBe(-6);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('localDay', () => {
  it('is the day on the local clock, not the UTC one', () => {
    // Built from local parts, so it holds in any time zone the tests run in.
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 0, 5, 0, 1))).toBe('2026-01-05');
    expect(localDay(new Date(999, 11, 31, 12))).toBe('0999-12-31');
  });
});

describe('lastFullWeek', () => {
  it.each([
    ['2026-01-14', '2026-01-05', '2026-01-11'], // a Wednesday: last week, Monday to Sunday
    ['2026-01-12', '2026-01-05', '2026-01-11'], // a Monday: the week that just began is not over
    ['2026-01-11', '2025-12-29', '2026-01-04'], // a Sunday: its own week is still running
    ['2025-01-01', '2024-12-23', '2024-12-29'], // across a year end
  ])('on %s: %s to %s', (today, periodStart, periodEnd) => {
    expect(lastFullWeek(today)).toEqual({ periodStart, periodEnd });
  });
});

/** Any date from 1900 to 2199, as 'YYYY-MM-DD'. */
const anyDay = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('days, for any date', () => {
  it('addDays moves by exactly that many days, and undoes itself', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('a day number reads back as the same day', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        expect(fromDayNumber(dayNumber(d))).toBe(d);
      }),
    );
  });
});

describe('dates in the first century', () => {
  it('reads years 1–99 as themselves, not as 1901–1999 (a fuzz case that was a 500)', () => {
    expect(isIsoDay('0001-06-28')).toBe(true);
    expect(fromDayNumber(dayNumber('0001-06-28'))).toBe('0001-06-28');
    expect(fromDayNumber(dayNumber('0099-12-31') + 1)).toBe('0100-01-01');
  });
});
