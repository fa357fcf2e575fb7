/**
 * Durations: stored in seconds (to the millisecond), entered and shown in the unit that reads
 * best. Days and weeks are working days and weeks, so they depend on the working calendar.
 * These are the conversions; lib/format writes a duration as text.
 */
import { durationUnits, type DurationUnit, type WorkingCalendar } from './types';

/** A working calendar makes sense: 0 < hours per day <= 24, 0 < days per week <= 7. */
export function isValidCalendar(calendar: WorkingCalendar): boolean {
  const { hoursPerDay, daysPerWeek } = calendar;
  return (
    Number.isFinite(hoursPerDay) &&
    Number.isFinite(daysPerWeek) &&
    hoursPerDay > 0 &&
    hoursPerDay <= 24 &&
    daysPerWeek > 0 &&
    daysPerWeek <= 7
  );
}

/** How many seconds one `unit` lasts. Throws a RangeError for a calendar that makes no sense. */
export function secondsPerUnit(unit: DurationUnit, calendar: WorkingCalendar): number {
  switch (unit) {
    case 'seconds':
      return 1;
    case 'minutes':
      return 60;
    case 'hours':
      return 3600;
    case 'days':
    case 'weeks': {
      if (!isValidCalendar(calendar)) {
        throw new RangeError(
          `Invalid working calendar: ${calendar.hoursPerDay} hours per day, ${calendar.daysPerWeek} days per week.`,
        );
      }
      const day = calendar.hoursPerDay * 3600;
      return unit === 'days' ? day : calendar.daysPerWeek * day;
    }
  }
}

/** Rounds seconds to the millisecond, which kills float noise (0.1 h is 360 s, not 360.00000000000006). */
export function roundToMillis(seconds: number): number {
  if (!Number.isFinite(seconds)) return seconds;
  const rounded = Math.round(seconds * 1000) / 1000;
  return rounded === 0 ? 0 : rounded; // no -0
}

/** `value` of `unit` in seconds, to the millisecond. */
export function toSeconds(value: number, unit: DurationUnit, calendar: WorkingCalendar): number {
  return roundToMillis(value * secondsPerUnit(unit, calendar));
}

/** `seconds` expressed in `unit` (not rounded: the exact quotient). */
export function fromSeconds(
  seconds: number,
  unit: DurationUnit,
  calendar: WorkingCalendar,
): number {
  const value = seconds / secondsPerUnit(unit, calendar);
  return value === 0 ? 0 : value;
}

/**
 * The unit that reads best: the largest in which the duration is at least 1 (90 s reads
 * "1.5 min", 8 working hours with an 8-hour day read "1 d"). Seconds for anything under
 * a second, for 0 and for non-finite input. The sign is ignored, so deltas read well too.
 */
export function bestUnit(seconds: number, calendar: WorkingCalendar): DurationUnit {
  const magnitude = Math.abs(seconds);
  if (!Number.isFinite(magnitude) || magnitude < 1) return 'seconds';
  const largestFirst = [...durationUnits].sort(
    (a, b) => secondsPerUnit(b, calendar) - secondsPerUnit(a, calendar),
  );
  return largestFirst.find((unit) => magnitude / secondsPerUnit(unit, calendar) >= 1) ?? 'seconds';
}
