import { describe, expect, it } from 'vitest';
import { describeSignals, xmr, type XmrResult } from '@/lib/dashboards';

function chart(values: number[], baselineCount?: number): XmrResult {
  const result = xmr(values, { baselineCount });
  if (!result) throw new Error('expected a chart');
  return result;
}

const signalsOf = (r: XmrResult) => r.points.map((p) => p.signals);
const hours = (n: number) => `${Math.round(n)} h`;

// The baseline used below: 10 14 12 16 8
//   centre = 60 / 5 = 12
//   moving ranges 4 2 4 8 → mRbar = 18 / 4 = 4.5
//   UNPL = 12 + 2.66 · 4.5 = 23.97, LNPL = 12 − 11.97 = 0.03, URL = 3.268 · 4.5 = 14.706
//   midpoints for three-of-four: 12 ± 5.985 → 17.985 and 6.015
const baseline = [10, 14, 12, 16, 8];

describe('xmr limits', () => {
  it('needs two points', () => {
    expect(xmr([])).toBeNull();
    expect(xmr([5])).toBeNull();
  });

  it('works out the limits by hand', () => {
    const r = chart(baseline);
    expect(r.centre).toBe(12);
    expect(r.mrBar).toBe(4.5);
    expect(r.unpl).toBeCloseTo(23.97, 10);
    expect(r.lnpl).toBeCloseTo(0.03, 10);
    expect(r.url).toBeCloseTo(14.706, 10);
    expect(r.points.map((p) => p.movingRange)).toEqual([null, 4, 2, 4, 8]);
    expect(r.signalCount).toBe(0);
    expect(r.patterns).toEqual([]);
  });

  it('does not clip the lower limit at zero', () => {
    // 1 9 1 9: centre 5, mRbar 8, LNPL = 5 − 21.28 = −16.28
    expect(chart([1, 9, 1, 9]).lnpl).toBeCloseTo(-16.28, 10);
  });

  it('computes limits from the baseline only, 20 points by default', () => {
    // 20 points alternating 10, 20 (centre 15, mRbar 10), then five weeks at 100.
    const values = [
      ...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 20)),
      100,
      100,
      100,
      100,
      100,
    ];
    const r = chart(values);
    expect(r.baselineCount).toBe(20);
    expect(r.centre).toBe(15);
    expect(r.mrBar).toBe(10);
    expect(r.unpl).toBeCloseTo(41.6, 10); // 15 + 26.6
    // The last five are outside; they are also three-of-four beyond the midpoint 28.3 (windows
    // from week 20: 20 100 100 100). Week 20 itself (20) is not. Two signals, not seven.
    expect(r.patterns).toEqual([
      { type: 'outside-limits', side: 'above', first: 20, last: 24 },
      { type: 'three-of-four', side: 'above', first: 20, last: 24 },
    ]);
    expect(r.points[19]?.signals).toEqual([]);
    expect(r.points[22]?.signals).toEqual(['outside-limits', 'three-of-four']);
  });

  it('takes an explicit baseline, clamped to the data', () => {
    expect(chart([10, 14, 12, 16, 8, 30], 5).centre).toBe(12);
    expect(chart([10, 14, 12], 99).baselineCount).toBe(3);
    expect(chart([10, 14, 12], 1).baselineCount).toBe(2); // one moving range at least
  });

  it('handles a flat baseline: every other value is a signal', () => {
    // 5 5 5: centre 5, mRbar 0, limits both 5; 6 is above the upper limit.
    const r = chart([5, 5, 5, 6], 3);
    expect([r.unpl, r.lnpl, r.url]).toEqual([5, 5, 0]);
    expect(r.patterns).toEqual([{ type: 'outside-limits', side: 'above', first: 3, last: 3 }]);
    expect(chart([5, 5, 5, 5]).signalCount).toBe(0);
  });

  it('refuses missing values', () => {
    expect(() => xmr([1, Number.NaN, 3])).toThrow(RangeError);
  });
});

describe('xmr detection rules', () => {
  it('rule 1: a point above the upper limit', () => {
    const r = chart([...baseline, 30], 5); // 30 > 23.97
    expect(r.patterns).toEqual([{ type: 'outside-limits', side: 'above', first: 5, last: 5 }]);
    expect(signalsOf(r)).toEqual([[], [], [], [], [], ['outside-limits']]);
  });

  it('rule 1: consecutive points below the lower limit are one signal', () => {
    // −1 and −2 are below 0.03; 12 is on the centre line again.
    const r = chart([...baseline, -1, -2, 12], 5);
    expect(r.patterns).toEqual([{ type: 'outside-limits', side: 'below', first: 5, last: 6 }]);
  });

  it('rule 2: three of four beyond the midpoint, marking only those three', () => {
    // After the baseline: 19 11 20 21. In the window 19 11 20 21, three are above 17.985.
    // The window before (8 19 11 20) has two. None is above 23.97, so no rule 1.
    const r = chart([...baseline, 19, 11, 20, 21], 5);
    expect(r.patterns).toEqual([{ type: 'three-of-four', side: 'above', first: 5, last: 8 }]);
    expect(signalsOf(r).slice(5)).toEqual([
      ['three-of-four'],
      [],
      ['three-of-four'],
      ['three-of-four'],
    ]);
  });

  it('rule 2 needs three: two of four is not a signal', () => {
    expect(chart([...baseline, 19, 11, 20, 12], 5).signalCount).toBe(0);
  });

  it('rule 3: eight in a row on one side of the centre line', () => {
    // Eight 13s: above 12, but well inside the midpoint and the limit.
    const r = chart([...baseline, 13, 13, 13, 13, 13, 13, 13, 13], 5);
    expect(r.patterns).toEqual([{ type: 'run-of-8', side: 'above', first: 5, last: 12 }]);
    expect(r.points.filter((p) => p.signals.includes('run-of-8')).map((p) => p.index)).toEqual([
      5, 6, 7, 8, 9, 10, 11, 12,
    ]);
  });

  it('rule 3: seven in a row, or eight broken by a point on the line, are not a signal', () => {
    expect(chart([...baseline, 13, 13, 13, 13, 13, 13, 13, 11], 5).signalCount).toBe(0);
    expect(chart([...baseline, 13, 13, 13, 13, 12, 13, 13, 13, 13], 5).signalCount).toBe(0);
  });
});

describe('describeSignals', () => {
  it('says a predictable process is predictable, with its limits', () => {
    // Limits 0.03 to 23.97, one decimal: "0 to 24".
    expect(describeSignals(chart(baseline), { betterWhen: 'lower' })).toBe(
      'Predictable: every week fell within the limits (0 to 24).',
    );
    expect(
      describeSignals(chart([20, 24, 22, 26, 28]), { betterWhen: 'lower', format: hours }),
    ).toBe(
      // centre 24, mR 4 2 4 2 → 3, limits 24 ± 7.98 → 16.02 to 31.98
      'Predictable: every week fell within the limits (16 h to 32 h).',
    );
  });

  it('leaves out a negative lower limit of data that is never negative', () => {
    expect(describeSignals(chart([1, 9, 1, 9]), { betterWhen: 'lower', format: hours })).toBe(
      'Predictable: every week fell within the limits (up to 26 h).', // 5 + 21.28
    );
  });

  it('lists each signal, weeks counted from 1, better or worse', () => {
    // Week 6 above the upper limit; weeks 8–15 (eight 11s) below the centre line.
    const r = chart([...baseline, 30, 12, 11, 11, 11, 11, 11, 11, 11, 11], 5);
    expect(describeSignals(r, { betterWhen: 'lower' })).toBe(
      '2 signals: week 6 is above the upper limit (worse); weeks 8–15 run below the centre line (better).',
    );
    expect(describeSignals(chart([...baseline, 19, 11, 20, 21], 5), { betterWhen: 'higher' })).toBe(
      '1 signal: weeks 6–9 are mostly closer to the upper limit than to the centre line (better).',
    );
  });

  it('counts what it does not list', () => {
    // Four separate points outside: 30, 12, −1, 12, 30, 12, −1.
    const r = chart([...baseline, 30, 12, -1, 12, 30, 12, -1], 5);
    expect(r.signalCount).toBe(4);
    expect(describeSignals(r, { betterWhen: 'lower', maxListed: 2 })).toBe(
      '4 signals: week 6 is above the upper limit (worse); week 8 is below the lower limit (better); and 2 more.',
    );
  });
});
