/**
 * Calendar weeks for the dashboards: ISO weeks (Monday to Sunday) on 'YYYY-MM-DD' strings.
 * All arithmetic is on UTC days, so no time zone or daylight-saving change can shift a date.
 */

const DAY_MS = 86_400_000;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on anything that is not a real date. */
function toDayNumber(iso: string): number {
  const m = isoPattern.exec(iso);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${iso}".`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to 2 March: reject it instead of silently moving the date.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`"${iso}" is not a calendar date.`);
  }
  return Math.round(ms / DAY_MS);
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days))
    throw new RangeError(`Expected a whole number of days, got ${days}.`);
  return fromDayNumber(toDayNumber(iso) + days);
}

/** The Monday that starts the ISO week containing `iso` (2025-01-01, a Wednesday → 2024-12-30). */
export function weekStartOf(iso: string): string {
  const day = toDayNumber(iso);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - sinceMonday);
}

/** Every week start (Monday) from the week of `from` to the week of `to`, inclusive; [] if `to` is earlier. */
export function weeksBetween(from: string, to: string): string[] {
  const first = toDayNumber(weekStartOf(from));
  const last = toDayNumber(weekStartOf(to));
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

export const rangePresets = [
  { value: '12w', label: 'Last 12 weeks', weeks: 12 },
  { value: 'quarter', label: 'Last quarter (13 weeks)', weeks: 13 },
  { value: 'year', label: 'Last year (52 weeks)', weeks: 52 },
  { value: 'custom', label: 'Custom', weeks: null },
] as const satisfies readonly { value: RangePreset; label: string; weeks: number | null }[];

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
  return toDayNumber(range.to) - toDayNumber(range.from) + 1;
}
