/**
 * Small summary statistics for the dashboards. Empty input gives null rather than NaN or 0, so a
 * card can show "—" instead of a number nobody measured.
 */

export type BetterWhen = 'lower' | 'higher';
export type Trend = 'better' | 'worse' | 'flat' | null;

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** The middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] ?? 0;
  // lower + (upper - lower) / 2 cannot overflow to Infinity the way (lower + upper) / 2 can.
  return lower + (upper - lower) / 2;
}

/**
 * Flow efficiency (activity ratio) as a percentage: total process time / total lead time * 100.
 * PRODUCT.md: it is a ratio of sums, so pass the summed PT and the summed LT of the steps or
 * weeks, never average per-step percentages. Null when either is missing or the lead time is
 * not positive. Not clamped to 100: PT above LT is bad data, and hiding it would mislead.
 */
export function flowEfficiency(
  processSeconds: number | null,
  leadSeconds: number | null,
): number | null {
  if (processSeconds === null || leadSeconds === null) return null;
  if (!Number.isFinite(processSeconds) || !Number.isFinite(leadSeconds) || leadSeconds <= 0)
    return null;
  return (100 * processSeconds) / leadSeconds;
}

/**
 * Change from `previous` to `current` in percent of `previous` (+25 for 40 → 50). Measured
 * against |previous|, so a rise is positive even from a negative start. Null when either is
 * missing or previous is 0 (a change from nothing has no percentage).
 */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (100 * (current - previous)) / Math.abs(previous);
}

/**
 * Whether a percent change is good news: a fall is better when lower is better (lead time, waste),
 * a rise when higher is (throughput, flow efficiency). Changes smaller than `threshold` percent
 * either way are 'flat'; null when there is no change to judge.
 */
export function trendDirection(
  change: number | null,
  betterWhen: BetterWhen,
  threshold = 5,
): Trend {
  if (change === null || Number.isNaN(change)) return null;
  if (Math.abs(change) < threshold) return 'flat';
  const fell = change < 0;
  return fell === (betterWhen === 'lower') ? 'better' : 'worse';
}
