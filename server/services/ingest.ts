/**
 * What CSV imports and the API share: validating many rows at once (every error, with its row
 * and field), and the stream checks.
 */
import type { MeasurementSource } from '@/lib/domain';
import type { Db } from '@/db/client';
import { findStreamsForIngest, rowsFromArrays, type IngestRow } from '@/db/queries/ingest';
import { ingestFrom, type IngestCounts } from '@/db/queries/ingest-write';
import {
  latestPeriodStart,
  measurementInput,
  metricFields,
  type MeasurementValues,
} from '@/lib/validation/measurements';
import { plainMeasurement } from '@/lib/validation/plain-measurement';
import { roundToMillis } from '@/lib/vsm/units';
import { AppError } from '../errors';
import type { Actor } from './members';
import { canEditStream } from './streams';

export interface RowError {
  /** The file's line number, or the batch index. */
  row: number;
  field: string;
  message: string;
}

/** The most rows one import or one batch may carry. */
export const MAX_IMPORT_ROWS = 250_000;

/** The checked values (a fresh object of the check's: changed in place) with their row, durations rounded as stored. */
function toIngestRow(row: number, values: MeasurementValues): IngestRow {
  const r = values as IngestRow;
  r.row = row;
  if (r.leadTimeSeconds !== null) r.leadTimeSeconds = roundToMillis(r.leadTimeSeconds);
  if (r.processTimeSeconds !== null) r.processTimeSeconds = roundToMillis(r.processTimeSeconds);
  if (r.waitTimeSeconds !== null) r.waitTimeSeconds = roundToMillis(r.waitTimeSeconds);
  return r;
}

/**
 * Validates every row with the form's rules; returns the good rows and every error. Rows that
 * plainly pass take the quick check; the others go through the form's zod schema, which words the
 * errors (the two agree: tests/unit/plain-measurement.test.ts).
 */
export function validateRows(input: { row: number; values: unknown }[], today = new Date()) {
  const schema = measurementInput(today);
  const latest = latestPeriodStart(today);
  const rows: IngestRow[] = [];
  const errors: RowError[] = [];
  for (const { row, values } of input) {
    const plain = plainMeasurement(values, latest);
    if (plain) {
      rows.push(toIngestRow(row, plain));
      continue;
    }
    const parsed = schema.safeParse(values);
    if (parsed.success) rows.push(toIngestRow(row, parsed.data));
    else
      for (const issue of parsed.error.issues)
        errors.push({ row, field: issue.path.join('.') || 'row', message: issue.message });
  }
  return { rows, errors };
}

type IngestStream = Awaited<ReturnType<typeof findStreamsForIngest>>[number];
/** Streams looked up so far (null: not found in the organization). */
export type StreamsSeen = Map<string, IngestStream | null>;

/**
 * Errors for rows naming a stream that is unknown here (or another organization's), archived, or
 * not the actor's to write. `known` keeps the streams looked up, for a caller checking chunk by chunk.
 */
export async function streamErrors(
  db: Db,
  actor: Actor,
  rows: Pick<IngestRow, 'row' | 'streamId'>[],
  known: StreamsSeen = new Map(),
  opts: { lookUp?: boolean } = {},
): Promise<RowError[]> {
  const missing = [...new Set(rows.map((r) => r.streamId))].filter((id) => !known.has(id));
  // `lookUp: false`: what `known` lacks is unknown (the caller looked up every id before).
  if (missing.length > 0 && opts.lookUp === false) for (const id of missing) known.set(id, null);
  else if (missing.length > 0) {
    const found = new Map(
      (await findStreamsForIngest(db, { orgId: actor.orgId, ids: missing })).map((s) => [s.id, s]),
    );
    for (const id of missing) known.set(id, found.get(id) ?? null);
  }
  const errors: RowError[] = [];
  for (const r of rows) {
    const stream = known.get(r.streamId);
    const message = !stream
      ? 'No value stream with this id in this organization.'
      : stream.archivedAt
        ? 'This stream is archived: restore it to log measurements.'
        : !canEditStream(actor, stream)
          ? 'Team leads log measurements for the streams they own.'
          : null;
    if (message) errors.push({ row: r.row, field: 'streamId', message });
  }
  return errors;
}

/** Whether two rows carry the same numbers, method, sample size and note. */
function sameValues(a: IngestRow, b: IngestRow): boolean {
  return (
    metricFields.every((f) => a[f] === b[f]) &&
    a.method === b.method &&
    a.sampleSize === b.sampleSize &&
    a.note === b.note
  );
}

/** Rows that name the same stream, step and period with different numbers: the sender contradicts itself. */
export function repeatedPeriods(rows: IngestRow[]): RowError[] {
  const seen = new Map<string, IngestRow>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const key = `${r.streamId} ${r.periodStart} ${r.periodEnd} ${r.stepName}`;
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else if (!sameValues(first, r)) {
      errors.push({
        row: r.row,
        field: 'periodStart',
        message: `Row ${first.row} has other numbers for the same stream, step and period.`,
      });
    }
  }
  return errors;
}

/** `{ "measurements.3.leadTimeSeconds": [...] }`: row errors as the API and tRPC report fields. */
export function fieldErrorsOf(errors: RowError[], prefix: string) {
  const out: Record<string, string[]> = {};
  for (const e of errors) (out[`${prefix}.${e.row}.${e.field}`] ??= []).push(e.message);
  return out;
}

/**
 * Validates and writes a batch of measurements, all or nothing (the API's batch and single
 * forms). Any bad row refuses the whole batch with every row's errors.
 */
export async function ingestBatch(
  db: Db,
  actor: Actor,
  input: unknown[],
  opts: { source: MeasurementSource; apiTokenId?: string | null; prefix?: string },
): Promise<IngestCounts> {
  if (input.length > MAX_IMPORT_ROWS)
    throw new AppError(
      'BAD_REQUEST',
      `Send at most ${MAX_IMPORT_ROWS} measurements at once.`,
      'measurements',
    );
  const { rows, errors } = validateRows(input.map((values, row) => ({ row, values })));
  errors.push(...(await streamErrors(db, actor, rows)), ...repeatedPeriods(rows));
  if (errors.length > 0) {
    throw new AppError(
      'BAD_REQUEST',
      errors[0]?.message ?? 'Some measurements need attention.',
      undefined,
      fieldErrorsOf(errors, opts.prefix ?? 'measurements'),
    );
  }
  const streamIds = [...new Set(rows.map((r) => r.streamId))];
  return ingestFrom(db, {
    orgId: actor.orgId,
    actorId: actor.userId,
    source: opts.source,
    apiTokenId: opts.apiTokenId,
    from: rowsFromArrays(rows),
    streamIds,
    total: rows.length,
  });
}
