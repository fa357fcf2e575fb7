/**
 * The ranges of whole ISO weeks (Monday to Sunday) the dashboards show, on 'YYYY-MM-DD' strings;
 * the day arithmetic under them is lib/dates'.
 */
import { addDays, daysBetween, dayNumber, fromDayNumber, weekStartOf } from '@/lib/dates';

/** Every week start (Monday) from the week of `from` to the week of `to`, inclusive; [] if `to` is earlier. */
export function weeksBetween(from: string, to: string): string[] {
  const first = dayNumber(weekStartOf(from));
  const last = dayNumber(weekStartOf(to));
  const weeks: string[] = [];
  for (let day = first; day <= last; day += 7) weeks.push(fromDayNumber(day));
  return weeks;
}

export type RangePreset = '12w' | 'quarter' | 'year' | 'custom';

export interface DateRange {
  /** The first day, a Monday for every range made here. */
  from: string;
  /** The last day, inclusive: a Sunday for every range made here. */
  to: string;
}

/** The presets and their lengths in weeks; their words are lib/labels' rangeLabels. */
export const rangePresets = [
  { value: '12w', weeks: 12 },
  { value: 'quarter', weeks: 13 },
  { value: 'year', weeks: 52 },
  { value: 'custom', weeks: null },
] as const satisfies readonly { value: RangePreset; weeks: number | null }[];

const presetWeeks: Record<Exclude<RangePreset, 'custom'>, number> = {
  '12w': 12,
  quarter: 13,
  year: 52,
};

/**
 * The dates a preset covers, in whole weeks. Presets end with the last full week before `today`
 * (the current week is not over, so its numbers are not complete). A custom range is snapped
 * outward to whole weeks; its dates may come in either order. 'custom' without dates falls back
 * to the last 12 weeks, so a half-filled form still shows something sensible.
 */
export function rangeOf(preset: RangePreset, today: string, custom?: DateRange): DateRange {
  if (preset === 'custom' && custom) {
    const [a, b] = custom.from <= custom.to ? [custom.from, custom.to] : [custom.to, custom.from];
    return { from: weekStartOf(a), to: addDays(weekStartOf(b), 6) };
  }
  const weeks = preset === 'custom' ? presetWeeks['12w'] : presetWeeks[preset];
  const thisWeek = weekStartOf(today);
  return { from: addDays(thisWeek, -7 * weeks), to: addDays(thisWeek, -1) };
}

/** The range of the same length that ends the day before `range` starts. */
export function previousRange(range: DateRange): DateRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** Whole days in a range, both ends included (84 for 12 weeks). */
export function daysIn(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}
