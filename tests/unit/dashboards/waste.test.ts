import { describe, expect, it } from 'vitest';
import {
  categoryRows,
  defaultBaseline,
  wasteTrend,
  weeklyRates,
  type WasteWeek,
} from '@/lib/dashboards/waste';

const week = (w: string, hours: number[]): WasteWeek => ({ week: w, hours });

describe('defaultBaseline', () => {
  it('is 13 whole weeks from the week of the first waste', () => {
    expect(defaultBaseline('2024-09-04')).toEqual({ from: '2024-09-02', to: '2024-12-01' });
  });
});

describe('weeklyRates and categoryRows', () => {
  it('averages over the weeks with waste recorded, per category and in total', () => {
    const r = weeklyRates(
      [week('2025-03-03', [10, 5]), week('2025-03-10', [12, 3]), week('2025-03-24', [8, 1])],
      2,
    );
    expect(r).toEqual({ weeks: 3, perCategory: [10, 3], total: 13 });
  });

  it('no weeks: nothing to average', () => {
    expect(weeklyRates([], 2)).toEqual({ weeks: 0, perCategory: [null, null], total: null });
  });

  it('compares category by category; a category absent from the baseline has no percentage', () => {
    const base = { weeks: 2, perCategory: [20, 0], total: 20 };
    const now = { weeks: 1, perCategory: [10, 4], total: 14 };
    expect(categoryRows(['waiting', 'motion'], base, now)).toEqual([
      { key: 'waiting', baseline: 20, current: 10, change: -50 },
      { key: 'motion', baseline: 0, current: 4, change: null },
    ]);
  });
});

describe('wasteTrend', () => {
  const range = { from: '2025-03-03', to: '2025-03-30' };
  const weeks = [
    week('2025-03-03', [15, 4]),
    week('2025-03-10', [15, 4]),
    week('2025-03-24', [10, 0]),
  ];

  it('adds up the hours saved against the baseline rate; an unmeasured week adds nothing', () => {
    expect(
      wasteTrend(range, weeks, 30).map((w) => [w.week, w.total, w.reduction, w.cumulative]),
    ).toEqual([
      ['2025-03-03', 19, 11, 11],
      ['2025-03-10', 19, 11, 22],
      ['2025-03-17', null, null, 22],
      ['2025-03-24', 10, 20, 42],
    ]);
  });

  it('a week above the baseline takes hours back', () => {
    expect(
      wasteTrend({ from: '2025-03-03', to: '2025-03-09' }, [week('2025-03-03', [35])], 30)[0]
        ?.cumulative,
    ).toBe(-5);
  });

  it('without a baseline there is no reduction, but the weeks are still there', () => {
    const trend = wasteTrend(range, weeks, null);
    expect(trend.map((w) => w.total)).toEqual([19, 19, null, 10]);
    expect(trend.every((w) => w.reduction === null && w.cumulative === null)).toBe(true);
  });
});
