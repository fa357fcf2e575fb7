import { mapStates } from '@/lib/domain';
import { z } from 'zod';
import { durationUnits, timeEntries, wastes } from '@/lib/vsm/types';
import { lineText, noteText } from './text';

/** A duration in seconds, to the millisecond, with the unit it was entered in. */
const seconds = (label: string) =>
  z
    .number({ error: `Enter the ${label}.` })
    .finite({ error: `Enter the ${label} as a number.` })
    .min(0, { error: `The ${label} cannot be negative.` })
    .max(1e12, { error: `The ${label} is too long.` });

export const stepInput = z.object({
  name: lineText(120).min(1, { error: 'Name the step.' }),
  processTimeSeconds: seconds('process time'),
  leadTimeSeconds: seconds('lead time'),
  processTimeUnit: z.enum(durationUnits).default('minutes'),
  leadTimeUnit: z.enum(durationUnits).default('minutes'),
  /** Whether wait time was entered (then `leadTimeUnit` is its unit), to reopen it as entered. */
  timeEntry: z.enum(timeEntries).default('lead'),
  pctCompleteAccurate: z
    .number({ error: 'Enter %C&A.' })
    .min(0, { error: '%C&A is between 0 and 100.' })
    .max(100, { error: '%C&A is between 0 and 100.' }),
  people: z
    .number()
    .int({ error: 'People is a whole number.' })
    .min(0, { error: 'People cannot be negative.' })
    .max(100000)
    .nullable(),
  wastes: z.array(z.enum(wastes)).max(8).default([]),
  notes: noteText(2000, { trim: false }).default(''),
});
export type StepInput = z.input<typeof stepInput>;

/** Stored to the hundredth of an hour and the tenth of a day: anything smaller would be stored as 0. */
export const calendarInput = z.object({
  hoursPerDay: z
    .number({ error: 'Enter the hours of a working day.' })
    .min(0.01, { error: 'A working day is at least 0.01 hours.' })
    .max(24, { error: 'A working day has at most 24 hours.' }),
  daysPerWeek: z
    .number({ error: 'Enter the days of a working week.' })
    .min(0.1, { error: 'A working week is at least 0.1 days.' })
    .max(7, { error: 'A working week has at most 7 days.' }),
});

export const mapStateSchema = z.enum(mapStates);

export const saveMapInput = z.object({
  streamId: z.uuid(),
  state: mapStateSchema,
  calendar: calendarInput,
  steps: z.array(stepInput).max(100, { error: 'A map has at most 100 steps.' }),
  note: noteText(500).default(''),
  /** The version the editor started from (0: a new map); a newer saved one makes this a CONFLICT. */
  baseVersion: z.number().int().min(0).optional(),
});
export type SaveMapInput = z.input<typeof saveMapInput>;
export type SaveMapValues = z.output<typeof saveMapInput>;

export const getMapInput = z.object({
  streamId: z.uuid(),
  state: mapStateSchema,
  /** A saved version; the latest when omitted. */
  version: z.number().int().min(1).optional(),
});
