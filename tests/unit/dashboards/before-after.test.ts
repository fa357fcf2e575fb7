import { describe, expect, it } from 'vitest';
import { compareWindows, erf, mannWhitneyU, normalCdf } from '@/lib/dashboards';

const hours = (n: number) => `${n} h`;

describe('normalCdf and erf (Abramowitz–Stegun 7.1.26, error < 1.5e-7)', () => {
  it.each([
    [0, 0.5],
    [1.96, 0.9750021], // the two-sided 5% point
    [-1, 0.1586553],
    [1.644854, 0.95],
    [2.5, 0.9937903],
    [-6, 9.865876e-10],
  ])('Φ(%s) ≈ %s', (z, expected) => {
    expect(normalCdf(z)).toBeCloseTo(expected, 6);
  });

  it('erf matches tables and is odd', () => {
    expect(erf(1)).toBeCloseTo(0.8427008, 6);
    expect(erf(0.5)).toBeCloseTo(0.5204999, 6);
    expect(erf(-0.5)).toBeCloseTo(-0.5204999, 6);
    expect(erf(0)).toBeCloseTo(0, 8);
  });
});

describe('mannWhitneyU', () => {
  it('no overlap, no ties', () => {
    // before 38 40 42 44 46 all above after 28 29 30 32 35: every one of the 25 pairs has
    // before > after, so U(before) = 25 and U(after) = 0; U = min = 0.
    // μ = 5·5/2 = 12.5, σ² = 5·5·11/12 = 22.9167, σ = 4.7871
    // z = (|25 − 12.5| − 0.5) / 4.7871 = 2.5067 → p = 2·(1 − Φ(2.5067)) = 0.01219
    // (scipy.stats.mannwhitneyu, asymptotic, continuity: 0.012186)
    const r = mannWhitneyU([40, 44, 38, 46, 42], [28, 30, 35, 32, 29]);
    expect(r.u).toBe(0);
    expect(r.uA).toBe(25);
    expect(r.z).toBeCloseTo(2.5067, 4);
    expect(r.p).toBeCloseTo(0.012186, 5);
  });

  it('with ties, mid-ranks and the tie correction', () => {
    // combined: 1a 2a 3b 3a 3a 4b 4b 4a 5b 6b (a = after, b = before)
    // ranks 1 2 | 3s share (3+4+5)/3 = 4 | 4s share (6+7+8)/3 = 7 | 9 10
    // R(before) = 4 + 7 + 7 + 9 + 10 = 37; U(before) = 37 − 5·6/2 = 22; U(after) = 25 − 22 = 3
    // ties: two groups of 3 → Σ(t³ − t) = 48; σ² = 25/12 · (11 − 48/90) = 21.8056, σ = 4.66964
    // z = (|22 − 12.5| − 0.5) / 4.66964 = 1.9273 → p = 0.0539 (scipy: 0.053937)
    const r = mannWhitneyU([3, 4, 4, 5, 6], [1, 2, 3, 3, 4]);
    expect(r.u).toBe(3);
    expect(r.uA).toBe(22);
    expect(r.z).toBeCloseTo(1.9273, 4);
    expect(r.p).toBeCloseTo(0.053937, 5);
  });

  it('identical values give p = 1', () => {
    expect(mannWhitneyU([7, 7, 7], [7, 7, 7])).toEqual({ u: 4.5, uA: 4.5, z: 0, p: 1 });
  });
});

describe('compareWindows', () => {
  const opts = { label: 'Lead time', format: hours };

  it('a clear improvement by the test', () => {
    // Medians 42 → 30 (sorted before 38 40 42 44 46, after 28 29 30 32 35): −12 h, −28.6%.
    // p = 0.012 as above. xmr(before): centre 42, mR 4 6 8 4 → 5.5, LNPL = 42 − 14.63 = 27.37;
    // 30 is inside, so the limits alone would not call it.
    const r = compareWindows([40, 44, 38, 46, 42], [28, 30, 35, 32, 29], 'lower', opts);
    expect(r).toMatchObject({
      beforeMedian: 42,
      afterMedian: 30,
      change: -12,
      outsideBeforeLimits: false,
      signal: true,
      verdict: 'improved',
    });
    expect(r.changePct).toBeCloseTo(-28.571, 3);
    expect(r.test.name).toBe('Mann–Whitney U');
    expect(r.test.u).toBe(0);
    expect(r.test.p).toBeCloseTo(0.012186, 5);
    expect(r.beforeLimits?.lnpl).toBeCloseTo(27.37, 10);
    expect(r.sentence).toBe(
      'Lead time fell from 42 h to 30 h (−29%), a real improvement: p = 0.012 (Mann–Whitney U).',
    );
  });

  it('by the test and the limits together', () => {
    // before 40 41 39 40 40: median 40, centre 40, mR 1 2 1 0 → 1, LNPL = 37.34; after median 29.
    // U(before) = 25; ties: 40 three times → 24; σ² = 25/12 · (11 − 24/90) = 22.3611
    // z = 12 / 4.7288 = 2.5377 → p = 0.01116 (scipy: 0.011159). Change −11/40 = −27.5% → 28%.
    const r = compareWindows([40, 41, 39, 40, 40], [28, 30, 29, 31, 27], 'lower', opts);
    expect(r.outsideBeforeLimits).toBe(true);
    expect(r.test.p).toBeCloseTo(0.011159, 5);
    expect(r.sentence).toBe(
      "Lead time fell from 40 h to 29 h (−28%), a real improvement: p = 0.011 (Mann–Whitney U), and the after median is below the before window's lower limit.",
    );
  });

  it('by the limits alone, for the worse', () => {
    // before 40 40 40: limits collapse to 40; after 39 44 45, median 44 is above.
    // ranks: 39 → 1, 40s → 3, 44 → 5, 45 → 6; R(before) = 9, U(before) = 3, μ = 4.5
    // σ² = 9/12 · (7 − 24/30) = 4.65; z = (1.5 − 0.5) / 2.1564 = 0.4637 → p = 0.6428
    const r = compareWindows([40, 40, 40], [44, 45, 39], 'lower', opts);
    expect(r).toMatchObject({
      signal: true,
      verdict: 'worsened',
      outsideBeforeLimits: true,
      change: 4,
    });
    expect(r.test.p).toBeCloseTo(0.642835, 5);
    expect(r.sentence).toBe(
      "Lead time rose from 40 h to 44 h (+10%), a real change for the worse: the after median is above the before window's upper limit (Mann–Whitney U alone gives p = 0.64).",
    );
  });

  it('the same numbers read as improved when higher is better', () => {
    expect(compareWindows([40, 40, 40], [44, 45, 39], 'higher').verdict).toBe('improved');
  });

  it('no clear change', () => {
    // Interleaved: 37a 38b 39a 40b 41a 42b 43a 44b 45a 46b; R(before) = 2+4+6+8+10 = 30, U = 15
    // z = (2.5 − 0.5) / 4.7871 = 0.4178 → p = 0.6761. Medians 42 → 41: −2.4%.
    const r = compareWindows([40, 44, 38, 46, 42], [41, 39, 45, 43, 37], 'lower', opts);
    expect(r).toMatchObject({
      signal: false,
      verdict: 'no clear change',
      outsideBeforeLimits: false,
    });
    expect(r.test.p).toBeCloseTo(0.676103, 5);
    expect(r.sentence).toBe(
      "Lead time fell from 42 h to 41 h (−2%), within normal variation: p = 0.68 (Mann–Whitney U), and the after median is within the before window's limits.",
    );
  });

  it('not enough data, even when the after median is outside the limits', () => {
    // xmr(40 42): centre 41, mRbar 2, LNPL 35.68; the after median 30 is below, but two weeks
    // are too few to call anything.
    const r = compareWindows([40, 42], [30, 31, 29], 'lower', opts);
    expect(r).toMatchObject({
      verdict: 'not enough data',
      signal: false,
      outsideBeforeLimits: true,
      beforeMedian: 41,
      afterMedian: 30,
    });
    expect(r.test.p).toBeNull();
    expect(r.sentence).toBe(
      'Not enough data to compare: each window needs at least 3 values (before has 2, after has 3).',
    );
  });

  it('empty windows', () => {
    const r = compareWindows([], [1, 2, 3], 'lower');
    expect(r).toMatchObject({
      beforeMedian: null,
      change: null,
      changePct: null,
      beforeLimits: null,
      outsideBeforeLimits: false,
      verdict: 'not enough data',
    });
  });

  it('says "stayed at" when the medians agree, with a default label', () => {
    const r = compareWindows([10, 20, 30], [15, 20, 25], 'lower');
    expect(r.sentence.startsWith('The median stayed at 20, within normal variation: p = ')).toBe(
      true,
    );
  });
});
