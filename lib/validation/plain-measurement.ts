/**
 * The import path's quick check: the rules of `measurementInput`, written out by hand for the
 * rows that plainly pass them. A CSV import or an API batch checks 100,000 rows; the zod schema
 * takes about 8 µs a row, this well under 1.
 *
 * It only ever says yes or "not sure": a row it does not accept goes through the zod schema,
 * which decides and words the errors. A property test holds that every row it accepts, the
 * schema accepts too, with the same values (tests/unit/plain-measurement.test.ts).
 */
import { measurementMethods, type MeasurementMethod } from '@/lib/domain';
import { regexes } from 'zod';
import {
  isRealDate,
  MAX_NOTE,
  MAX_PERIOD_DAYS,
  MAX_SAMPLE_SIZE,
  MAX_STEP_NAME,
  metricFields,
  metricMax,
  type MeasurementValues,
} from './measurements';
import { isCleanLine, isCleanText } from './text';

const uuid = regexes.uuid();
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const methods = new Set<unknown>(measurementMethods);

/**
 * Trimmed text within `max` characters that passes `clean` (lib/validation/text), `''` when
 * absent; undefined when not plainly so.
 */
function text(v: unknown, max: number, clean: (t: string) => boolean): string | undefined {
  if (v === undefined) return '';
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length <= max && clean(t) ? t : undefined;
}

function day(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v === lastDay) return v;
  if (!isoDay.test(v) || !isRealDate(v)) return undefined;
  lastDay = v;
  return v;
}
/** The last real day seen. */
let lastDay = '';

/** A metric's value when it plainly passes (a number in range, or absent); `undefined` when not. */
function metric(x: unknown, max: number): number | null | undefined {
  if (x === undefined || x === null) return null;
  return typeof x === 'number' && x >= 0 && x <= max ? x : undefined; // NaN fails both comparisons
}

/** Whether a period of these two real days is within the rules (ordered, at most a year, started 2000–`latest`). */
function periodOk(start: string, end: string, latest: string): boolean {
  if (end < start || start > latest || start < '2000-01-01') return false;
  if (start === lastPeriod.start && end === lastPeriod.end) return true;
  if ((Date.parse(end) - Date.parse(start)) / 86_400_000 >= MAX_PERIOD_DAYS) return false;
  lastPeriod = { start, end };
  return true;
}
/** The last period that passed: the rows of a file mostly come a period at a time. */
let lastPeriod = { start: '', end: '' };

/**
 * The row as `measurementInput` would return it, when it plainly passes; `null` when the schema
 * must decide. `latest` is `latestPeriodStart(today)`. Written for speed (one object of a fixed
 * shape, no loops over keys): it runs once per row of every import.
 */
export function plainMeasurement(input: unknown, latest: string): MeasurementValues | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const v = input as Record<string, unknown>;
  const streamId = v.streamId;
  if (typeof streamId !== 'string' || !uuid.test(streamId)) return null;
  const stepName = text(v.stepName, MAX_STEP_NAME, isCleanLine);
  const note = text(v.note, MAX_NOTE, isCleanText);
  const periodStart = day(v.periodStart);
  const periodEnd = day(v.periodEnd);
  if (
    stepName === undefined ||
    note === undefined ||
    periodStart === undefined ||
    periodEnd === undefined
  )
    return null;
  if (!periodOk(periodStart, periodEnd, latest)) return null;
  const method = v.method === undefined ? 'observed' : v.method;
  if (!methods.has(method)) return null;
  const sampleSize = v.sampleSize ?? null;
  if (
    sampleSize !== null &&
    (typeof sampleSize !== 'number' ||
      !Number.isSafeInteger(sampleSize) ||
      sampleSize < 0 ||
      sampleSize > MAX_SAMPLE_SIZE)
  )
    return null;
  const out: MeasurementValues = {
    streamId,
    stepName,
    periodStart,
    periodEnd,
    leadTimeSeconds: metric(v.leadTimeSeconds, metricMax.leadTimeSeconds) as number | null,
    processTimeSeconds: metric(v.processTimeSeconds, metricMax.processTimeSeconds) as number | null,
    waitTimeSeconds: metric(v.waitTimeSeconds, metricMax.waitTimeSeconds) as number | null,
    throughput: metric(v.throughput, metricMax.throughput) as number | null,
    wip: metric(v.wip, metricMax.wip) as number | null,
    pctCompleteAccurate: metric(v.pctCompleteAccurate, metricMax.pctCompleteAccurate) as
      number | null,
    defects: metric(v.defects, metricMax.defects) as number | null,
    cost: metric(v.cost, metricMax.cost) as number | null,
    customerSatisfaction: metric(v.customerSatisfaction, metricMax.customerSatisfaction) as
      number | null,
    wasteDefectsHours: metric(v.wasteDefectsHours, metricMax.wasteDefectsHours) as number | null,
    wasteOverproductionHours: metric(
      v.wasteOverproductionHours,
      metricMax.wasteOverproductionHours,
    ) as number | null,
    wasteWaitingHours: metric(v.wasteWaitingHours, metricMax.wasteWaitingHours) as number | null,
    wasteNonUtilizedTalentHours: metric(
      v.wasteNonUtilizedTalentHours,
      metricMax.wasteNonUtilizedTalentHours,
    ) as number | null,
    wasteTransportationHours: metric(
      v.wasteTransportationHours,
      metricMax.wasteTransportationHours,
    ) as number | null,
    wasteInventoryHours: metric(v.wasteInventoryHours, metricMax.wasteInventoryHours) as
      number | null,
    wasteMotionHours: metric(v.wasteMotionHours, metricMax.wasteMotionHours) as number | null,
    wasteExtraProcessingHours: metric(
      v.wasteExtraProcessingHours,
      metricMax.wasteExtraProcessingHours,
    ) as number | null,
    method: method as MeasurementMethod,
    sampleSize,
    note,
  };
  let any = false;
  for (const f of metricFields) {
    const x = out[f];
    if (x === undefined) return null;
    if (x !== null) any = true;
  }
  if (!any) return null;
  if (out.defects !== null && !Number.isInteger(out.defects)) return null;
  const lead = out.leadTimeSeconds;
  const proc = out.processTimeSeconds;
  if (lead !== null && proc !== null && proc > lead) return null;
  return out;
}
