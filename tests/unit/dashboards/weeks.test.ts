import { describe, expect, it } from 'vitest';
import { daysIn, previousRange, rangeOf, rangePresets, weeksBetween } from '@/lib/dashboards';
import { rangeLabels } from '@/lib/labels';

describe('weeksBetween', () => {
  it('lists every Monday from the first week to the last, inclusive', () => {
    // Wed 24 Dec 2025 is in the week of Mon 22 Dec; Tue 6 Jan 2026 in the week of Mon 5 Jan.
    expect(weeksBetween('2025-12-24', '2026-01-06')).toEqual([
      '2025-12-22',
      '2025-12-29',
      '2026-01-05',
    ]);
  });

  it('gives one week for two days of the same week, none for a reversed range', () => {
    expect(weeksBetween('2026-01-06', '2026-01-11')).toEqual(['2026-01-05']);
    expect(weeksBetween('2026-01-12', '2026-01-05')).toEqual([]);
  });
});

describe('rangeOf', () => {
  // Wednesday 14 Jan 2026: its week began Mon 12 Jan, so the last full week ends Sun 11 Jan.
  const today = '2026-01-14';

  it('12 weeks end on the Sunday before this week', () => {
    // 12 weeks = 84 days before Mon 12 Jan: Mon 20 Oct 2025 (12 Jan − 84 d = 20 Oct).
    expect(rangeOf('12w', today)).toEqual({ from: '2025-10-20', to: '2026-01-11' });
  });

  it('a quarter is 13 weeks and a year 52', () => {
    // 91 days before 12 Jan 2026 = 13 Oct 2025; 364 days before = 13 Jan 2025.
    expect(rangeOf('quarter', today)).toEqual({ from: '2025-10-13', to: '2026-01-11' });
    expect(rangeOf('year', today)).toEqual({ from: '2025-01-13', to: '2026-01-11' });
  });

  it('on a Monday, the week that just began is left out', () => {
    expect(rangeOf('12w', '2026-01-12')).toEqual({ from: '2025-10-20', to: '2026-01-11' });
    // On the Sunday before, that week is still running: the range ends a week earlier.
    expect(rangeOf('12w', '2026-01-11')).toEqual({ from: '2025-10-13', to: '2026-01-04' });
  });

  it('snaps a custom range outward to whole weeks', () => {
    // Thu 1 Jan 2026 → Mon 29 Dec 2025; Wed 14 Jan → Sun 18 Jan.
    expect(rangeOf('custom', today, { from: '2026-01-01', to: '2026-01-14' })).toEqual({
      from: '2025-12-29',
      to: '2026-01-18',
    });
    // Dates given the wrong way round are put in order.
    expect(rangeOf('custom', today, { from: '2026-01-14', to: '2026-01-01' })).toEqual({
      from: '2025-12-29',
      to: '2026-01-18',
    });
  });

  it('custom without dates falls back to 12 weeks', () => {
    expect(rangeOf('custom', today)).toEqual(rangeOf('12w', today));
  });

  it('the presets carry their lengths, and each has its words', () => {
    expect(rangePresets.map((p) => [p.value, p.weeks])).toEqual([
      ['12w', 12],
      ['quarter', 13],
      ['year', 52],
      ['custom', null],
    ]);
    expect(rangePresets.map((p) => rangeLabels[p.value])).toEqual([
      'Last 12 weeks',
      'Last quarter (13 weeks)',
      'Last year (52 weeks)',
      'Custom dates',
    ]);
    for (const p of rangePresets)
      if (p.weeks !== null)
        expect(weeksBetween(rangeOf(p.value, today).from, rangeOf(p.value, today).to)).toHaveLength(
          p.weeks,
        );
  });
});

describe('previousRange', () => {
  it('is the same number of weeks just before', () => {
    // 20 Oct 2025 – 11 Jan 2026 is 84 days; the 84 days before: 28 Jul – 19 Oct 2025.
    expect(previousRange({ from: '2025-10-20', to: '2026-01-11' })).toEqual({
      from: '2025-07-28',
      to: '2025-10-19',
    });
    expect(daysIn({ from: '2025-07-28', to: '2025-10-19' })).toBe(84);
  });

  it('crosses a year end', () => {
    // One week, Mon 5 – Sun 11 Jan 2026 → Mon 29 Dec 2025 – Sun 4 Jan 2026.
    expect(previousRange({ from: '2026-01-05', to: '2026-01-11' })).toEqual({
      from: '2025-12-29',
      to: '2026-01-04',
    });
  });
});
