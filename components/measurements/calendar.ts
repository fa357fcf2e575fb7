import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm/types';
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
