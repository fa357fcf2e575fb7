import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm/types';
import { formatNumber } from '@/lib/format';
import { isValidCalendar } from '@/lib/vsm/units';
import type { StreamOption } from './shared';

/**
 * Days and weeks in measurements are working days and weeks of the stream's current-state map
 * (what its team means by "2 days"); a stream with no map yet uses the default 8 h × 5 d.
 */
export type CalendarOf = (streamId: string) => WorkingCalendar;

/** A lookup of each stream's working calendar, from the streams list. */
export function calendarLookup(
  streams: readonly Pick<StreamOption, 'id' | 'calendar'>[] | undefined,
): CalendarOf {
  const byId = new Map<string, WorkingCalendar>();
  for (const s of streams ?? [])
    if (s.calendar && isValidCalendar(s.calendar)) byId.set(s.id, s.calendar);
  return (streamId) => byId.get(streamId) ?? defaultCalendar;
}

/** "days of 7.5 h, weeks of 5 d": what a day and a week mean in this calendar. */
export function describeCalendar(calendar: WorkingCalendar): string {
  return `days of ${formatNumber(calendar.hoursPerDay, 2)} h, weeks of ${formatNumber(calendar.daysPerWeek, 1)} d`;
}

export function sameCalendar(a: WorkingCalendar, b: WorkingCalendar): boolean {
  return a.hoursPerDay === b.hoursPerDay && a.daysPerWeek === b.daysPerWeek;
}
