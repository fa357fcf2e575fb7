/**
 * The shapes of the demo value streams (../streams.ts seeds them): plain literals, one line per
 * map step, durations as entered ([15, 'minutes']) and converted with the map's calendar.
 */
import type { Role } from '@/lib/domain';
import type { StreamFieldsInput } from '@/lib/validation/streams';
import type { DurationUnit, Waste, WorkingCalendar } from '@/lib/vsm/types';
import type { MeasurementProfile } from './measurement-profiles';

/** A duration as a team would enter it: value and unit. */
export type Amount = readonly [number, DurationUnit];

export interface SeedStep {
  name: string;
  processTime: Amount;
  leadTime: Amount;
  pctCompleteAccurate: number;
  people: number | null;
  wastes: Waste[];
  notes: string;
}

export interface SeedMap {
  note: string;
  steps: SeedStep[];
}

export interface SeedStream {
  fields: Omit<StreamFieldsInput, 'ownerId'>;
  /** The member with this role owns the stream (the first one, if several); null for nobody. */
  owner: Role | null;
  /** The working calendar of every map of the stream; the default 8-hour, 5-day one if omitted. */
  calendar?: WorkingCalendar;
  /** Current-state versions, oldest first. */
  current: SeedMap[];
  /** The improved future state, saved over a copy of the latest current state. */
  future?: SeedMap;
  /** For a development stream: the names of the operational streams it feeds. */
  feeds?: string[];
}

/** One demo stream's file: the stream as it is seeded, and how its weeks go. */
export interface DemoStream {
  stream: SeedStream;
  profile: MeasurementProfile;
}

/** One map step: name, PT, LT, %C&A, people, wastes, notes. */
export function step(
  name: string,
  processTime: Amount,
  leadTime: Amount,
  pctCompleteAccurate: number,
  people: number | null,
  wastes: Waste[] = [],
  notes = '',
): SeedStep {
  return { name, processTime, leadTime, pctCompleteAccurate, people, wastes, notes };
}

/** One map version: its note, then its steps in order. */
export function map(note: string, ...steps: SeedStep[]): SeedMap {
  return { note, steps };
}
