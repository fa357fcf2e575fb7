/**
 * The domain of a value stream map, free of any framework: used by the server (validation,
 * storage), the client (editor, drawn map) and the tests alike.
 */

/** The eight wastes of Lean (DOWNTIME). */
export const wastes = [
  'defects',
  'overproduction',
  'waiting',
  'non_utilized_talent',
  'transportation',
  'inventory',
  'motion',
  'extra_processing',
] as const;
export type Waste = (typeof wastes)[number];

export const durationUnits = ['seconds', 'minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** Which of a step's lead time and wait time a person entered; the other follows (LT = PT + WT). */
export const timeEntries = ['lead', 'wait'] as const;
export type TimeEntry = (typeof timeEntries)[number];

/**
 * How a duration is shown: in days and weeks of work (the map's working calendar), in hours (no
 * calendar), or in calendar days of 24 h. A person picks it; every page states the calendar used.
 */
export const durationViews = ['working', 'hours', 'calendar'] as const;
export type DurationView = (typeof durationViews)[number];

/** How long a working day and a working week are, to convert days and weeks to seconds. */
export interface WorkingCalendar {
  hoursPerDay: number; // e.g. 8
  daysPerWeek: number; // e.g. 5
}

export const defaultCalendar: WorkingCalendar = { hoursPerDay: 8, daysPerWeek: 5 };

/** Calendar days and weeks: what "calendar days" converts with. */
export const fullCalendar: WorkingCalendar = { hoursPerDay: 24, daysPerWeek: 7 };

/** One step of a map, durations in seconds (the one unit stored). */
export interface MapStep {
  name: string;
  processTimeSeconds: number;
  leadTimeSeconds: number;
  /** Percent complete and accurate, 0 to 100. */
  pctCompleteAccurate: number;
  people: number | null;
  wastes: Waste[];
  notes: string;
}

export interface StepRef {
  index: number;
  name: string;
}

export interface MapTotals {
  totalLeadTimeSeconds: number;
  totalProcessTimeSeconds: number;
  totalWaitTimeSeconds: number;
  /** total PT / total LT, in 0..1 (a ratio of sums); null when total LT is 0. */
  flowEfficiency: number | null;
  /** Product of the steps' %C&A, as a percentage 0..100. */
  rolledPctCompleteAccurate: number;
  /** The step with the largest wait time (first one on ties). */
  bottleneck: StepRef & { waitTimeSeconds: number };
  /** The step with the lowest %C&A (first one on ties). */
  weakest: StepRef & { pctCompleteAccurate: number };
  stepCount: number;
}

/** Change from the current state to the future state: future minus current. */
export interface MapDelta {
  totalLeadTimeSeconds: number;
  totalProcessTimeSeconds: number;
  totalWaitTimeSeconds: number;
  flowEfficiency: number | null;
  rolledPctCompleteAccurate: number;
  stepCount: number;
  /** Relative change of total lead time (-0.4 = 40% shorter); null when current is 0. */
  leadTimeChangeRatio: number | null;
}

/** A problem with a map, located at a field: `steps.2.processTime`, or `steps` for the whole list. */
export interface MapIssue {
  path: string;
  message: string;
}

export type MapResult = { ok: true; totals: MapTotals } | { ok: false; issues: MapIssue[] };
