import { describe, expect, it } from 'vitest';
import {
  describeCalendar,
  formatChange,
  formatDate,
  formatDateTime,
  formatDuration,
  formatHours,
  formatNumber,
  formatPercent,
  formatPeople,
  formatPeriod,
  formatPValue,
  formatShortDate,
  formatTime,
  sharedCalendar,
} from '@/lib/format';
import type { WorkingCalendar } from '@/lib/vsm/types';

const eightByFive: WorkingCalendar = { hoursPerDay: 8, daysPerWeek: 5 };

describe('formatDate', () => {
  it('writes a calendar day as it is, whatever the time zone', () => {
    expect(formatDate('2026-01-05')).toBe('5 Jan 2026');
    expect(formatDate('2025-09-30')).toBe('30 Sep 2025');
    expect(formatShortDate('2026-01-05')).toBe('5 Jan');
  });

  it('writes a moment as the day it was on the local calendar', () => {
    expect(formatDate(new Date(2026, 2, 3, 23, 59))).toBe('3 Mar 2026');
    expect(formatDateTime(new Date(2026, 2, 3, 14, 5))).toBe('3 Mar 2026, 14:05');
    expect(formatDateTime(new Date(2025, 8, 3, 9, 5))).toBe('3 Sep 2025, 09:05');
    expect(formatTime(new Date(2025, 8, 3, 9, 5))).toBe('09:05');
  });

  it('writes a dash for nothing, or for what is not a date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('soon')).toBe('—');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2025-03-03', '2025-03-03', 'Mar 3, 2025'],
    ['2025-06-09', '2025-06-15', 'Jun 9–15, 2025'],
    ['2025-03-31', '2025-04-06', 'Mar 31 – Apr 6, 2025'],
    ['2024-12-30', '2025-01-05', 'Dec 30, 2024 – Jan 5, 2025'],
  ])('%s to %s: %s', (start, end, text) => {
    expect(formatPeriod(start, end)).toBe(text);
  });
});

describe('formatNumber', () => {
  it('keeps at most the decimals asked for (one by default), trailing zeros dropped', () => {
    expect(formatNumber(2.25)).toBe('2.3');
    expect(formatNumber(2.25, 3)).toBe('2.25');
    expect(formatNumber(2, 3)).toBe('2');
    expect(formatNumber(1234.5, 0)).toBe('1,235');
  });

  it('groups thousands, unless the text is for an input to read back', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, 2, { grouping: false })).toBe('1234567.89');
  });

  it('never writes -0, and a dash for nothing', () => {
    expect(formatNumber(-0.04)).toBe('0');
    expect(formatNumber(-0.4, 0)).toBe('0');
    expect(formatNumber(-1.25, 1)).toBe('-1.3');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('formatPercent', () => {
  it.each([
    [97, '97%'],
    [12.5, '12.5%'],
    [12.56, '12.6%'],
    [0.43, '0.43%'], // under 1%: two significant digits, so it does not read 0%
    [0.004321, '0.0043%'],
    [0, '0%'],
    [-2.5, '-2.5%'],
  ])('%s → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it('takes a ratio 0..1, fewer decimals, and writes a dash for nothing', () => {
    expect(formatPercent(0.4567, { fromRatio: true })).toBe('45.7%');
    expect(formatPercent(0.0043, { fromRatio: true })).toBe('0.43%');
    expect(formatPercent(12.56, { decimals: 0 })).toBe('13%');
    expect(formatPercent(0.43, { decimals: 0 })).toBe('0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(null, { fromRatio: true })).toBe('—');
  });
});

describe('formatChange and formatHours', () => {
  it('sign a change with a real minus, and round hours', () => {
    expect(formatChange(12.4)).toBe('+12%');
    expect(formatChange(-8.4)).toBe('−8%');
    expect(formatChange(0.3)).toBe('0%');
    expect(formatChange(1500)).toBe('+1,500%');
    expect(formatChange(null)).toBe('—');
    expect(formatHours(1240.4)).toBe('1,240 h');
    expect(formatHours(-0.2)).toBe('0 h');
    expect(formatHours(undefined)).toBe('—');
  });
});

describe('formatPeople', () => {
  it('counts people', () => {
    expect(formatPeople(1)).toBe('1 person');
    expect(formatPeople(3)).toBe('3 people');
    expect(formatPeople(null)).toBe('people not set');
  });
});

describe('formatPValue', () => {
  it('writes small p-values with three decimals and tiny ones as a bound', () => {
    expect(formatPValue(0.0122)).toBe('p = 0.012');
    expect(formatPValue(0.6428)).toBe('p = 0.64');
    expect(formatPValue(0.0004)).toBe('p < 0.001');
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [90, '1.5 min'],
    [100, '1.667 min'], // 100 / 60 = 1.6666...
    [5400, '1.5 h'],
    [86400, '3 d'], // 86400 / 28800 = 3
    [324000, '2.25 wk'], // 324000 / 144000
    [1e6, '6.944 wk'], // 1e6 / 144000 = 6.9444...
    [0, '0 s'],
    [0.0004, '0 s'],
    [0.25, '0.25 s'],
    [-5400, '-1.5 h'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s s -> %j', (seconds, text) => {
    expect(formatDuration(seconds, eightByFive, { maxDecimals: 3 })).toBe(text);
  });

  it('has one decimal by default, the default calendar, and a dash for nothing', () => {
    expect(formatDuration(100, eightByFive)).toBe('1.7 min');
    expect(formatDuration(324000)).toBe('2.3 wk'); // 8 h × 5 d: 2.25 weeks
    expect(formatDuration(324000, { hoursPerDay: 7.5, daysPerWeek: 5 })).toBe('2.4 wk'); // 135000 s a week
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('takes a unit, a number of decimals and a sign on request', () => {
    expect(formatDuration(5400, eightByFive, { unit: 'minutes' })).toBe('90 min');
    expect(formatDuration(100, eightByFive, { maxDecimals: 2 })).toBe('1.67 min');
    expect(formatDuration(100, eightByFive, { maxDecimals: 0 })).toBe('2 min');
    expect(formatDuration(5400, eightByFive, { signed: true })).toBe('+1.5 h');
    expect(formatDuration(-5400, eightByFive, { signed: true })).toBe('-1.5 h');
    expect(formatDuration(0, eightByFive, { signed: true })).toBe('0 s');
  });
});

describe('durations in the view a person chose, and the calendar said in words', () => {
  const odd: WorkingCalendar = { hoursPerDay: 15.3333333, daysPerWeek: 5 };
  const twoWorkingWeeks = 10 * 15.3333333 * 3600;

  it("working days (the default) use the stream's own day; hours use none; calendar days are 24 h", () => {
    expect(formatDuration(twoWorkingWeeks, odd)).toBe('2 wk');
    expect(formatDuration(twoWorkingWeeks, odd, { view: 'working' })).toBe('2 wk');
    expect(formatDuration(twoWorkingWeeks, odd, { view: 'hours' })).toBe('153.3 h');
    expect(formatDuration(twoWorkingWeeks, odd, { view: 'calendar' })).toBe('6.4 d');
    // Under an hour, hours read as minutes; a unit asked for beyond the view is capped.
    expect(formatDuration(90, odd, { view: 'hours' })).toBe('1.5 min');
    expect(formatDuration(twoWorkingWeeks, odd, { view: 'hours', unit: 'weeks' })).toBe('153.3 h');
    expect(formatDuration(30 * 86400, odd, { view: 'calendar' })).toBe('30 d');
  });

  it('says what a day and a week are, exactly', () => {
    expect(describeCalendar(odd)).toBe('Working days: 1 day = 15.3333 h of work, 1 week = 5 days.');
    expect(describeCalendar(odd, 'hours')).toBe(
      'Durations in hours of work: no working day applied.',
    );
    expect(describeCalendar(odd, 'calendar')).toBe('Durations in calendar days: 1 day = 24 h.');
  });

  it('several streams: one sentence when they share a calendar, and says so when they differ', () => {
    expect(describeCalendar([eightByFive, { ...eightByFive }])).toBe(
      'Working days: 1 day = 8 h of work, 1 week = 5 days.',
    );
    expect(describeCalendar([eightByFive, { hoursPerDay: 7.5, daysPerWeek: 4.5 }, odd])).toBe(
      'Calendars differ: each stream converted with its own working day (7.5 to 15.3333 h a day, 4.5 to 5 days a week).',
    );
    expect(sharedCalendar([eightByFive, odd])).toBeNull();
    expect(sharedCalendar([odd, { ...odd }])).toEqual(odd);
    expect(sharedCalendar([])).toBeNull();
  });
});
