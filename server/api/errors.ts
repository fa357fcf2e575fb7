/** Errors thrown below an API handler, as the responses the API documents. Never a stack trace. */
import crypto from 'node:crypto';
import { sqlState, transientFailure, uniqueViolation } from '../db-errors';
import { log } from '../log';
import { failures } from '../metrics';
import { AppError } from '../errors';
import { AccessDenied } from '../tenant';
import { apiError, ApiResponseError, unauthorized, type ApiErrorCode } from './respond';

/** SQLSTATEs of values the database refused that validation should have caught: bad input, not a crash. */
const refusedValues = new Set([
  '22001',
  '22003',
  '22007',
  '22008',
  '22021',
  '22P02',
  '22P05',
  '23502',
  '23514',
]);

/** The door's refusals (server/tenant.ts): who is asking, and what their role allows. */
const accessStatus: Record<AccessDenied['code'], [number, ApiErrorCode]> = {
  UNAUTHORIZED: [401, 'unauthorized'],
  NOT_FOUND: [404, 'not_found'],
  FORBIDDEN: [403, 'forbidden'],
};

/** Refusals of a service about the request's content: a stream the caller may not write is bad input. */
const appErrorStatus: Record<AppError['code'], [number, ApiErrorCode]> = {
  UNAUTHORIZED: [401, 'unauthorized'],
  BAD_REQUEST: [400, 'invalid'],
  NOT_FOUND: [400, 'invalid'],
  FORBIDDEN: [400, 'invalid'],
  CONFLICT: [409, 'conflict'],
  TOO_MANY_REQUESTS: [409, 'conflict'],
};

/**
 * The response for an error. `renameField` turns the service's field names into the request's
 * (the single form has no `measurements.0.` in front).
 */
export function errorResponse(
  error: unknown,
  renameField: (field: string) => string = (f) => f,
): Response {
  if (error instanceof ApiResponseError) return error.response;
  if (error instanceof AccessDenied) {
    const [status, code] = accessStatus[error.code];
    if (status === 401) return unauthorized(error.message);
    return apiError(status, code, error.message);
  }
  if (error instanceof AppError) {
    const [status, code] = appErrorStatus[error.code];
    const raw = error.fieldErrors ?? (error.field ? { [error.field]: [error.message] } : undefined);
    const fields = raw
      ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [renameField(k), v]))
      : undefined;
    return apiError(status, code, error.message, { fields });
  }
  const conflict = uniqueViolation(error);
  if (conflict) {
    const message =
      'Another request wrote the same stream and period at the same moment. Retry the request.';
    return apiError(
      409,
      'conflict',
      message,
      conflict.field ? { fields: { [renameField(conflict.field)]: [message] } } : {},
    );
  }
  const overBudget = transientFailure(error);
  if (overBudget) {
    failures.inc({ kind: 'transient' });
    log.warn({ err: error }, 'API request hit a transient failure');
    return apiError(
      503,
      'unavailable',
      `${overBudget.message} Retry with the same Idempotency-Key.`,
      {
        headers: { 'retry-after': '5' },
      },
    );
  }
  const state = sqlState(error);
  if (state && refusedValues.has(state)) {
    log.error({ err: error }, 'API: the database refused a value that passed validation');
    return apiError(
      400,
      'invalid',
      'A value is out of the range the database can store. Nothing was saved.',
    );
  }
  const requestId = crypto.randomUUID();
  failures.inc({ kind: 'internal' });
  log.error({ err: error, requestId }, 'API request failed');
  return apiError(
    500,
    'internal',
    `Something went wrong on our side; nothing was saved. Retry with the same Idempotency-Key. If it keeps happening, quote reference ${requestId}.`,
    { headers: { 'x-request-id': requestId } },
  );
}
