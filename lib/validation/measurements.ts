import { measurementMethods, measurementSources } from '@/lib/domain';
import { z } from 'zod';
import { lineText, noteText } from './text';

export const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${label} as a date (YYYY-MM-DD).` })
    .refine(isRealDate, { error: `The ${label} is not a real date.` });

/**
 * 'YYYY-MM-DD' names a day of the calendar (no 30 February) from 1900 on: weeks and windows are
 * counted back from dates, and nothing this product measures happened earlier (year 0, which the
 * calendar and Postgres lack, and years before 1 once arithmetic reached them, were 500s).
 * Cheap: imports check it 100,000 times.
 */
export const MIN_YEAR = 1900;

export function isRealDate(v: string): boolean {
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= ([31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0);
}

const amount = (label: string, max: number) =>
  z
    .number({ error: `Enter the ${label} as a number.` })
    .finite({ error: `Enter the ${label} as a number.` })
    .min(0, { error: `The ${label} cannot be negative.` })
    .max(max, { error: `The ${label} is too large.` })
    .nullable()
    .default(null);

/** The eight waste columns, in DOWNTIME order, as the form and the CSV name them. */
export const wasteFields = [
  'wasteDefectsHours',
  'wasteOverproductionHours',
  'wasteWaitingHours',
  'wasteNonUtilizedTalentHours',
  'wasteTransportationHours',
  'wasteInventoryHours',
  'wasteMotionHours',
  'wasteExtraProcessingHours',
] as const;

export const metricFields = [
  'leadTimeSeconds',
  'processTimeSeconds',
  'waitTimeSeconds',
  'throughput',
  'wip',
  'pctCompleteAccurate',
  'defects',
  'cost',
  'customerSatisfaction',
  ...wasteFields,
] as const;

/** The longest period one measurement may cover: a year (a leap year's 366 days). */
export const MAX_PERIOD_DAYS = 366;

/** How far ahead a period may start: a week (a form filled in on Friday for the week). */
export const MAX_DAYS_AHEAD = 7;

/** The largest value each metric may take (the columns' precision, or what is plausible). */
export const metricMax = {
  leadTimeSeconds: 1e12,
  processTimeSeconds: 1e12,
  waitTimeSeconds: 1e12,
  throughput: 1e9,
  wip: 1e9,
  pctCompleteAccurate: 100,
  defects: 1e9,
  // numeric(14,2) holds 12 digits before the point: 1e12 itself would overflow the column.
  cost: 999_999_999_999.99,
  customerSatisfaction: 100,
  wasteDefectsHours: 1e7,
  wasteOverproductionHours: 1e7,
  wasteWaitingHours: 1e7,
  wasteNonUtilizedTalentHours: 1e7,
  wasteTransportationHours: 1e7,
  wasteInventoryHours: 1e7,
  wasteMotionHours: 1e7,
  wasteExtraProcessingHours: 1e7,
} as const satisfies Record<(typeof metricFields)[number], number>;

/** The longest step name and note. */
export const MAX_STEP_NAME = 120;
export const MAX_NOTE = 2000;
export const MAX_SAMPLE_SIZE = 1e9;

const base = z.object({
  streamId: z.uuid({ error: 'Choose a stream.' }),
  stepName: lineText(MAX_STEP_NAME).default(''),
  periodStart: isoDate('start of the period'),
  periodEnd: isoDate('end of the period'),
  leadTimeSeconds: amount('lead time', metricMax.leadTimeSeconds),
  processTimeSeconds: amount('process time', metricMax.processTimeSeconds),
  waitTimeSeconds: amount('wait time', metricMax.waitTimeSeconds),
  throughput: amount('throughput', metricMax.throughput),
  wip: amount('WIP', metricMax.wip),
  pctCompleteAccurate: amount('%C&A', metricMax.pctCompleteAccurate),
  defects: amount('defects', metricMax.defects).refine((v) => v === null || Number.isInteger(v), {
    error: 'Defects is a whole number.',
  }),
  cost: amount('cost', metricMax.cost),
  customerSatisfaction: amount('customer satisfaction', metricMax.customerSatisfaction),
  wasteDefectsHours: amount('hours of defects', metricMax.wasteDefectsHours),
  wasteOverproductionHours: amount('hours of overproduction', metricMax.wasteOverproductionHours),
  wasteWaitingHours: amount('hours of waiting', metricMax.wasteWaitingHours),
  wasteNonUtilizedTalentHours: amount(
    'hours of non-utilized talent',
    metricMax.wasteNonUtilizedTalentHours,
  ),
  wasteTransportationHours: amount('hours of transportation', metricMax.wasteTransportationHours),
  wasteInventoryHours: amount('hours of inventory', metricMax.wasteInventoryHours),
  wasteMotionHours: amount('hours of motion', metricMax.wasteMotionHours),
  wasteExtraProcessingHours: amount(
    'hours of extra-processing',
    metricMax.wasteExtraProcessingHours,
  ),
  method: z
    .enum(measurementMethods, { error: 'Choose observed, estimated or system.' })
    .default('observed'),
  sampleSize: z
    .number()
    .int({ error: 'Sample size is a whole number.' })
    .min(0, { error: 'Sample size cannot be negative.' })
    .max(MAX_SAMPLE_SIZE)
    .nullable()
    .default(null),
  note: noteText(MAX_NOTE).default(''),
});

/** The latest day a period may start on, seen from `today`. */
export function latestPeriodStart(today: Date): string {
  return new Date(today.getTime() + MAX_DAYS_AHEAD * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One measurement, as the form, the CSV import and the API send it. `today` (default: the
 * moment of validation) bounds how far in the future a period may start.
 */
export function measurementInput(today?: Date) {
  return base.superRefine((v, ctx) => {
    // Read the clock at each validation: a schema built once at start-up must not go stale.
    const latest = latestPeriodStart(today ?? new Date());
    if (v.periodEnd < v.periodStart)
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'The period ends before it starts.',
      });
    else if (
      (Date.parse(v.periodEnd) - Date.parse(v.periodStart)) / 86_400_000 >=
      MAX_PERIOD_DAYS
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'A period lasts at most a year: split longer ones.',
      });
    }
    if (v.periodStart > latest)
      ctx.addIssue({
        code: 'custom',
        path: ['periodStart'],
        message: 'The period starts too far in the future.',
      });
    if (v.periodStart < '2000-01-01')
      ctx.addIssue({
        code: 'custom',
        path: ['periodStart'],
        message: 'The period starts before 2000.',
      });
    if (
      v.processTimeSeconds !== null &&
      v.leadTimeSeconds !== null &&
      v.processTimeSeconds > v.leadTimeSeconds
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['processTimeSeconds'],
        message: 'Process time cannot be longer than lead time.',
      });
    }
    if (metricFields.every((f) => v[f] === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['leadTimeSeconds'],
        message: 'Enter at least one number for the period.',
      });
    }
  });
}
export type MeasurementInput = z.input<ReturnType<typeof measurementInput>>;
export type MeasurementValues = z.output<ReturnType<typeof measurementInput>>;

export const measurementListInput = z.object({
  streamId: z.uuid().optional(),
  from: isoDate('start date').optional(),
  to: isoDate('end date').optional(),
  source: z.enum(measurementSources).optional(),
});
export type MeasurementListValues = z.output<typeof measurementListInput>;
