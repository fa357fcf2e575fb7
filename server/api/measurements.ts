/**
 * POST /api/v1/measurements (one measurement) and POST /api/v1/measurements/batch
 * (`{ "measurements": [...] }`, up to 5,000, all or nothing). Plain `(db, request) => Response`
 * functions, so tests and benchmarks call them without an HTTP server.
 */
import type { Db } from '@/db/client';
import { measurementInput } from '@/lib/validation/measurements';
import { ingestBatch } from '../services/ingest';
import { enterTenant } from '../tenant';
import { errorResponse } from './errors';
import { idempotent, requestHash } from './idempotency';
import { idempotencyKeyOf, readJson, tokenCaller } from './request';
import { apiError, ApiResponseError } from './respond';

/** The most measurements one batch request may carry. */
export const MAX_BATCH = 5_000;

/** The fields a measurement may have (the form's schema); anything else is refused, not dropped. */
const knownFields = new Set(Object.keys(measurementInput().shape));

type Fields = Record<string, string[]>;

/** Field names come from the sender, so `valueOf` or `constructor` must not find Object's own. */
function add(fields: Fields, field: string, message: string) {
  const list = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (list) list.push(message);
  else
    Object.defineProperty(fields, field, {
      value: [message],
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the schema cannot see: unknown fields (a typo would otherwise vanish) and text Postgres cannot store. */
function checkRow(row: unknown, at: string, fields: Fields) {
  const path = (key: string) => (at ? `${at}.${key}` : key);
  if (!isObject(row)) {
    add(fields, at || 'body', 'Each measurement is a JSON object.');
    return;
  }
  for (const [key, value] of Object.entries(row)) {
    if (!knownFields.has(key))
      add(
        fields,
        path(key),
        `Unknown field "${key}". The fields are listed in the API documentation.`,
      );
    else if (typeof value === 'string' && (value.includes('\u0000') || !value.isWellFormed())) {
      add(fields, path(key), 'This text contains a NUL character or broken Unicode.');
    }
  }
}

function refuse(fields: Fields): never {
  const [first] = Object.values(fields);
  throw new ApiResponseError(
    apiError(400, 'invalid', first?.[0] ?? 'Some fields need attention.', { fields }),
  );
}

/** The measurements of a batch body, or a 400 naming what is wrong with its shape. */
function batchRows(body: unknown): unknown[] {
  const fields: Fields = {};
  if (!isObject(body) || !('measurements' in body))
    refuse({
      measurements: ['Send { "measurements": [ … ] }: an object with an array of measurements.'],
    });
  for (const key of Object.keys(body))
    if (key !== 'measurements')
      add(fields, key, `Unknown field "${key}": the batch has only "measurements".`);
  const rows = body.measurements;
  if (!Array.isArray(rows))
    refuse({ ...fields, measurements: ['"measurements" must be an array of measurements.'] });
  if (rows.length === 0) add(fields, 'measurements', 'Send at least one measurement.');
  if (rows.length > MAX_BATCH)
    add(
      fields,
      'measurements',
      `Send at most ${MAX_BATCH.toLocaleString('en')} measurements per request; split larger sets into several batches.`,
    );
  else rows.forEach((row, i) => checkRow(row, `measurements.${i}`, fields));
  if (Object.keys(fields).length > 0) refuse(fields);
  return rows;
}

function singleRows(body: unknown): unknown[] {
  if (!isObject(body)) {
    refuse({
      body: [
        'Send one measurement as a JSON object; to send many, use /api/v1/measurements/batch.',
      ],
    });
  }
  const fields: Fields = {};
  checkRow(body, '', fields);
  if (Object.keys(fields).length > 0) refuse(fields);
  return [body];
}

async function handle(db: Db, request: Request, form: 'single' | 'batch'): Promise<Response> {
  // The service names fields `measurements.<index>.<field>`; the single form names just the field.
  const rename = form === 'single' ? (f: string) => f.replace(/^measurements\.0\./, '') : undefined;
  try {
    const caller = tokenCaller(request); // no token, or not shaped like one: 401 before the body is read
    const key = idempotencyKeyOf(request);
    const body = await readJson(request);
    const rows = form === 'single' ? singleRows(body) : batchRows(body);
    const hash = requestHash(request.method, new URL(request.url).pathname, body);
    return await enterTenant(
      db,
      caller,
      { permission: 'measurements:write', write: true },
      ({ db: tx, org, actor, tokenId }) =>
        idempotent(tx, { orgId: org.id, key, requestHash: hash }, async () => {
          const counts = await ingestBatch(tx, actor, rows, {
            source: 'api',
            apiTokenId: tokenId,
            prefix: 'measurements',
          });
          return { status: 201, body: counts };
        }),
    );
  } catch (error) {
    return errorResponse(error, rename);
  }
}

export function postMeasurement(db: Db, request: Request): Promise<Response> {
  return handle(db, request, 'single');
}

export function postMeasurementBatch(db: Db, request: Request): Promise<Response> {
  return handle(db, request, 'batch');
}
