/**
 * Waste reduction against a baseline, from weekly waste hours per category (DOWNTIME order).
 * A week counts when it has any waste recorded; weeks with nothing recorded are unmeasured, not
 * zero, so they change neither the weekly rates nor the cumulative reduction.
 */
import { addDays, weekStartOf } from '@/lib/dates';
import { weeksBetween, type DateRange } from './weeks';
import { percentChange, sum } from './stats';

/** The default baseline: a full quarter (13 weeks) starting with the first week that has waste recorded. */
export const BASELINE_WEEKS = 13;

export interface WasteWeek {
  /** Monday of the week. */
  week: string;
  /** Hours per category in DOWNTIME order (a category not recorded that week counts as 0). */
  hours: number[];
}

export function defaultBaseline(firstWasteWeek: string): DateRange {
  const from = weekStartOf(firstWasteWeek);
  return { from, to: addDays(from, 7 * BASELINE_WEEKS - 1) };
}

export const totalOf = (w: WasteWeek) => sum(w.hours);

export interface WeeklyRates {
  /** Weeks with waste recorded. */
  weeks: number;
  /** Mean hours a week, per category; null without any week. */
  perCategory: (number | null)[];
  total: number | null;
}

export function weeklyRates(weeks: readonly WasteWeek[], categories: number): WeeklyRates {
  const n = weeks.length;
  const perCategory = Array.from({ length: categories }, (_, i) =>
    n === 0 ? null : sum(weeks.map((w) => w.hours[i] ?? 0)) / n,
  );
  return { weeks: n, perCategory, total: n === 0 ? null : sum(weeks.map(totalOf)) / n };
}

export interface CategoryRow<K> {
  key: K;
  baseline: number | null;
  current: number | null;
  /** Percent change from the baseline rate (negative: less waste). */
  change: number | null;
}

/** One row per category (`keys` in the order of the hours): its baseline and current weekly rates. */
export function categoryRows<K>(
  keys: readonly K[],
  baseline: WeeklyRates,
  current: WeeklyRates,
): CategoryRow<K>[] {
  return keys.map((key, i) => {
    const b = baseline.perCategory[i] ?? null;
    const c = current.perCategory[i] ?? null;
    return { key, baseline: b, current: c, change: percentChange(c, b) };
  });
}

export interface TrendWeek {
  week: string;
  /** Hours per category, null when the week has no waste recorded. */
  hours: number[] | null;
  total: number | null;
  /** Baseline weekly rate minus this week's total; null when unmeasured. */
  reduction: number | null;
  /** Running sum of the reductions so far (unmeasured weeks add nothing). */
  cumulative: number | null;
}

/**
 * Every week of the range, oldest first: its waste, and the hours saved against the baseline's
 * weekly rate so far. Without a baseline there is nothing to reduce against (null reductions).
 */
export function wasteTrend(
  range: DateRange,
  weeks: readonly WasteWeek[],
  baselineRate: number | null,
): TrendWeek[] {
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  let cumulative = 0;
  return weeksBetween(range.from, range.to).map((week) => {
    const w = byWeek.get(week);
    const total = w ? totalOf(w) : null;
    const reduction = total === null || baselineRate === null ? null : baselineRate - total;
    if (reduction !== null) cumulative += reduction;
    return {
      week,
      hours: w ? w.hours : null,
      total,
      reduction,
      cumulative: baselineRate === null ? null : cumulative,
    };
  });
}
