/**
 * What CSV imports and the API share: validating many rows at once (every error, with its row
 * and field), the key that makes sending a row twice add nothing, and the stream checks.
 */
import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { findStreamsForIngest, ingestFrom, rowsFromArrays, type IngestCounts, type IngestRow } from '@/db/queries/ingest';
import type { MeasurementSource } from '@/db/schema/measurements';
import { measurementInput, metricFields, type MeasurementValues } from '@/lib/validation/measurements';
import { AppError } from '../errors';
import type { Actor } from './members';
import { roundDurations } from './measurements';
import { canEditStream } from './streams';

export interface RowError {
  /** The file's line number, or the batch index. */
  row: number;
  field: string;
  message: string;
}

/** The most rows one import or one batch may carry. */
export const MAX_IMPORT_ROWS = 250_000;

/**
 * The row's identity for idempotency: a SHA-256 of its normalised content. The same values sent
 * again (a re-imported file, a retried batch) have the same key and are skipped.
 */
export function importKeyOf(v: Omit<IngestRow, 'row' | 'importKey'>): string {
  const parts = [v.streamId, v.stepName, v.periodStart, v.periodEnd, ...metricFields.map((f) => v[f] ?? ''), v.method, v.sampleSize ?? '', v.note];
  return crypto.hash('sha256', JSON.stringify(parts), 'base64url');
}

function toIngestRow(row: number, values: MeasurementValues): IngestRow {
  const rounded = roundDurations(values);
  return { row, ...rounded, importKey: importKeyOf(rounded) };
}

/** Validates every row with the form's schema; returns the good rows and every error. */
export function validateRows(input: { row: number; values: unknown }[], today = new Date()) {
  const schema = measurementInput(today);
  const rows: IngestRow[] = [];
  const errors: RowError[] = [];
  for (const { row, values } of input) {
    const parsed = schema.safeParse(values);
    if (parsed.success) rows.push(toIngestRow(row, parsed.data));
    else for (const issue of parsed.error.issues) errors.push({ row, field: issue.path.join('.') || 'row', message: issue.message });
  }
  return { rows, errors };
}

/** Errors for rows naming a stream that is unknown here (or another organization's), archived, or not the actor's to write. */
export async function streamErrors(db: Db, actor: Actor, rows: Pick<IngestRow, 'row' | 'streamId'>[]): Promise<RowError[]> {
  const ids = [...new Set(rows.map((r) => r.streamId))];
  const found = new Map((await findStreamsForIngest(db, { orgId: actor.orgId, ids })).map((s) => [s.id, s]));
  const errors: RowError[] = [];
  for (const r of rows) {
    const stream = found.get(r.streamId);
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

/** Rows that name the same stream, step and period with different numbers: the sender contradicts itself. */
export function repeatedPeriods(rows: IngestRow[]): RowError[] {
  const seen = new Map<string, IngestRow>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const key = JSON.stringify([r.streamId, r.stepName, r.periodStart, r.periodEnd]);
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else if (first.importKey !== r.importKey) {
      errors.push({ row: r.row, field: 'periodStart', message: `Row ${first.row} has other numbers for the same stream, step and period.` });
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
  if (input.length > MAX_IMPORT_ROWS) throw new AppError('BAD_REQUEST', `Send at most ${MAX_IMPORT_ROWS} measurements at once.`, 'measurements');
  const { rows, errors } = validateRows(input.map((values, row) => ({ row, values })));
  errors.push(...(await streamErrors(db, actor, rows)), ...repeatedPeriods(rows));
  if (errors.length > 0) {
    throw new AppError('BAD_REQUEST', errors[0]?.message ?? 'Some measurements need attention.', undefined, fieldErrorsOf(errors, opts.prefix ?? 'measurements'));
  }
  const streamIds = [...new Set(rows.map((r) => r.streamId))];
  return ingestFrom(db, { orgId: actor.orgId, actorId: actor.userId, source: opts.source, apiTokenId: opts.apiTokenId, from: rowsFromArrays(rows), streamIds, total: rows.length });
}
