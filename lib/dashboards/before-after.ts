/**
 * Did an improvement move the numbers? Compares the weeks before it with the weeks after it by
 * median, a two-sided Mann–Whitney U test (normal approximation, tie and continuity corrected),
 * and the natural process limits of the before window (Wheeler's XmR).
 */
import { formatNumber, formatPValue } from '@/lib/format';
import { median, percentChange, type BetterWhen } from './stats';
import { xmr } from './xmr';

/** Each window needs this many values for a p-value worth showing. */
export const MIN_WINDOW = 3;
export const SIGNIFICANCE = 0.05;

/** Complementary error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const tail = poly * Math.exp(-ax * ax);
  return x >= 0 ? tail : 2 - tail;
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

export interface MannWhitney {
  /** The smaller of U(before) and U(after), as in printed tables. */
  u: number;
  /** Pairs (x from a, y from b) with x > y, ties counting half. */
  uA: number;
  z: number;
  /** Two-sided p-value; 1 when every value is the same. */
  p: number;
}

/** Two-sided Mann–Whitney U test of samples a and b (both non-empty for a meaningful answer). */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  const all = [...a.map((v) => ({ v, inA: true })), ...b.map((v) => ({ v, inA: false }))].sort(
    (x, y) => x.v - y.v,
  );
  const total = all.length;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < total;) {
    let j = i;
    while (j < total && all[j]?.v === all[i]?.v) j++;
    const t = j - i;
    const rank = (i + 1 + j) / 2; // the mean of ranks i+1..j
    for (let k = i; k < j; k++) if (all[k]?.inA) rankSumA += rank;
    tieTerm += t * t * t - t;
    i = j;
  }
  const uA = rankSumA - (n1 * (n1 + 1)) / 2;
  const u = Math.min(uA, n1 * n2 - uA);
  const mu = (n1 * n2) / 2;
  const variance = total < 2 ? 0 : ((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  if (!(variance > 0)) return { u, uA, z: 0, p: 1 };
  const z = Math.max(0, Math.abs(uA - mu) - 0.5) / Math.sqrt(variance);
  return { u, uA, z, p: Math.min(1, erfc(z / Math.SQRT2)) };
}

export type Verdict = 'improved' | 'worsened' | 'no clear change' | 'not enough data';

export interface BeforeAfter {
  beforeMedian: number | null;
  afterMedian: number | null;
  /** afterMedian − beforeMedian. */
  change: number | null;
  /** The change in percent of the before median. */
  changePct: number | null;
  test: { name: 'Mann–Whitney U'; u: number; p: number | null };
  /** The before window's natural process limits (xmr of the before values), when it has 2+ values. */
  beforeLimits: { lnpl: number; unpl: number } | null;
  outsideBeforeLimits: boolean;
  signal: boolean;
  verdict: Verdict;
  sentence: string;
}

export interface CompareOptions {
  /** What is measured, to start the sentence ("Lead time"); default "The median". */
  label?: string;
  /** Writes a value with its unit ("40 h"); default: the number with up to one decimal. */
  format?: (n: number) => string;
}

/**
 * Before and after an improvement, oldest values first in each window. A signal is a p-value
 * below 0.05 or an after median outside the before window's natural process limits; neither
 * counts while either window has fewer than 3 values (verdict 'not enough data').
 */
export function compareWindows(
  before: readonly number[],
  after: readonly number[],
  betterWhen: BetterWhen,
  opts: CompareOptions = {},
): BeforeAfter {
  const label = opts.label ?? 'The median';
  const format = opts.format ?? ((n: number) => formatNumber(n));
  const beforeMedian = median(before);
  const afterMedian = median(after);
  const change = beforeMedian === null || afterMedian === null ? null : afterMedian - beforeMedian;
  const changePct = percentChange(afterMedian, beforeMedian);
  const mw = mannWhitneyU(before, after);
  const enough = before.length >= MIN_WINDOW && after.length >= MIN_WINDOW;
  const p = enough ? mw.p : null;

  const chart = xmr(before);
  const beforeLimits = chart ? { lnpl: chart.lnpl, unpl: chart.unpl } : null;
  const limitSide =
    beforeLimits === null || afterMedian === null
      ? null
      : afterMedian > beforeLimits.unpl
        ? 'above'
        : afterMedian < beforeLimits.lnpl
          ? 'below'
          : null;
  const outsideBeforeLimits = limitSide !== null;
  const byP = p !== null && p < SIGNIFICANCE;
  const signal = enough && (byP || outsideBeforeLimits);

  // Which way it went: by the medians, or by the ranks when the medians are equal.
  const wentDown =
    change !== null && change !== 0 ? change < 0 : mw.uA > (before.length * after.length) / 2;
  const verdict: Verdict = !enough
    ? 'not enough data'
    : !signal
      ? 'no clear change'
      : wentDown === (betterWhen === 'lower')
        ? 'improved'
        : 'worsened';

  const test = { name: 'Mann–Whitney U' as const, u: mw.u, p };
  const base = {
    beforeMedian,
    afterMedian,
    change,
    changePct,
    test,
    beforeLimits,
    outsideBeforeLimits,
    signal,
    verdict,
  };
  if (!enough || beforeMedian === null || afterMedian === null || change === null) {
    const sentence = `Not enough data to compare: each window needs at least ${MIN_WINDOW} values (before has ${before.length}, after has ${after.length}).`;
    return { ...base, sentence };
  }

  const pct =
    changePct === null || change === 0
      ? ''
      : ` (${changePct > 0 ? '+' : '−'}${Math.round(Math.abs(changePct))}%)`;
  const move =
    change === 0
      ? `stayed at ${format(beforeMedian)}`
      : `${change < 0 ? 'fell' : 'rose'} from ${format(beforeMedian)} to ${format(afterMedian)}${pct}`;
  const pText = `${formatPValue(mw.p)} (Mann–Whitney U)`;
  const limitText = limitSide
    ? `the after median is ${limitSide} the before window's ${limitSide === 'above' ? 'upper' : 'lower'} limit`
    : `the after median is within the before window's limits`;

  let sentence: string;
  if (!signal) sentence = `${label} ${move}, within normal variation: ${pText}, and ${limitText}.`;
  else {
    const kind = verdict === 'improved' ? 'a real improvement' : 'a real change for the worse';
    if (byP && outsideBeforeLimits)
      sentence = `${label} ${move}, ${kind}: ${pText}, and ${limitText}.`;
    else if (byP) sentence = `${label} ${move}, ${kind}: ${pText}.`;
    else
      sentence = `${label} ${move}, ${kind}: ${limitText} (Mann–Whitney U alone gives ${formatPValue(mw.p)}).`;
  }
  return { ...base, sentence };
}
