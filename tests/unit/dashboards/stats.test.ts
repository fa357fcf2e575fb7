import { describe, expect, it } from 'vitest';
import { flowEfficiency, mean, median, percentChange, sum, trendDirection } from '@/lib/dashboards';

describe('sum, mean, median', () => {
  it('have nothing to say about no values', () => {
    expect(sum([])).toBe(0);
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });

  it('work out a small sample', () => {
    // 7 + 1 + 4 + 10 = 22; 22 / 4 = 5.5; sorted 1 4 7 10 → (4 + 7) / 2 = 5.5
    expect(sum([7, 1, 4, 10])).toBe(22);
    expect(mean([7, 1, 4, 10])).toBe(5.5);
    expect(median([7, 1, 4, 10])).toBe(5.5);
    // odd count: sorted 1 3 9 → 3, whatever the order or the outlier
    expect(median([9, 1, 3])).toBe(3);
    expect(median([1000, 1, 3])).toBe(3);
    expect(median([42])).toBe(42);
  });

  it('sorts numerically, not as text, and leaves the input alone', () => {
    const values = [10, 9, 100, 2];
    expect(median(values)).toBe(9.5); // sorted 2 9 10 100 → (9 + 10) / 2; as text 10 100 2 9 → 51
    expect(values).toEqual([10, 9, 100, 2]);
  });

  it('does not overflow in the middle of two huge values', () => {
    expect(median([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });
});

describe('flowEfficiency', () => {
  it('is total PT over total LT, in percent', () => {
    // Two steps: PT 600 s of LT 2400 s and PT 0 s of LT 600 s → 600 / 3000 = 20%
    // (the mean of the step ratios, (25% + 0%) / 2 = 12.5%, would be wrong).
    expect(flowEfficiency(600 + 0, 2400 + 600)).toBe(20);
    expect(flowEfficiency(3600, 3600)).toBe(100);
    expect(flowEfficiency(0, 3600)).toBe(0);
  });

  it('is null without both numbers or with no lead time', () => {
    expect(flowEfficiency(null, 100)).toBeNull();
    expect(flowEfficiency(100, null)).toBeNull();
    expect(flowEfficiency(0, 0)).toBeNull();
    expect(flowEfficiency(10, -5)).toBeNull();
    expect(flowEfficiency(Number.NaN, 10)).toBeNull();
  });

  it('shows process time above lead time as it is rather than hiding it', () => {
    expect(flowEfficiency(150, 100)).toBe(150);
  });
});

describe('percentChange', () => {
  it.each([
    [50, 40, 25], // (50 − 40) / 40 = +25%
    [28, 40, -30], // (28 − 40) / 40 = −30%
    [40, 40, 0],
    [0, 40, -100],
    [-5, -10, 50], // from −10 up to −5 is a rise: +5 / |−10|
  ])('%s against %s is %s%', (current, previous, expected) => {
    expect(percentChange(current, previous)).toBeCloseTo(expected, 12);
  });

  it('is null from nothing or to nothing', () => {
    expect(percentChange(10, 0)).toBeNull();
    expect(percentChange(null, 10)).toBeNull();
    expect(percentChange(10, null)).toBeNull();
  });
});

describe('trendDirection', () => {
  it('judges by what better means for the figure', () => {
    expect(trendDirection(-30, 'lower')).toBe('better'); // lead time fell
    expect(trendDirection(-30, 'higher')).toBe('worse'); // throughput fell
    expect(trendDirection(12, 'lower')).toBe('worse');
    expect(trendDirection(12, 'higher')).toBe('better');
  });

  it('calls changes under the threshold flat, either way', () => {
    expect(trendDirection(4.9, 'lower')).toBe('flat');
    expect(trendDirection(-4.9, 'higher')).toBe('flat');
    expect(trendDirection(5, 'lower')).toBe('worse'); // exactly 5% is not "under 5%"
    expect(trendDirection(0, 'higher')).toBe('flat');
    expect(trendDirection(8, 'higher', 10)).toBe('flat');
    expect(trendDirection(10, 'higher', 10)).toBe('better');
  });

  it('has nothing to say without a change', () => {
    expect(trendDirection(null, 'lower')).toBeNull();
  });
});
