/**
 * The public API's responses: JSON always, errors as `{ error: { code, message, field?, fields? } }`.
 * `field` names the first offending field; `fields` has every field's messages.
 */

export type ApiErrorCode =
  | 'invalid'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'idempotency_key_required'
  | 'idempotency_key_invalid'
  | 'idempotency_key_in_flight'
  | 'idempotency_key_reused'
  | 'conflict'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string; fields?: Record<string, string[]> };
}

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return jsonText(status, JSON.stringify(body), headers);
}

/** A response whose JSON is already text (a stored response, replayed byte for byte). */
export function jsonText(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(text, { status, headers: { ...baseHeaders, ...headers } });
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  opts: {
    fields?: Record<string, string[]>;
    field?: string;
    headers?: Record<string, string>;
  } = {},
): Response {
  const field = opts.field ?? (opts.fields ? Object.keys(opts.fields)[0] : undefined);
  const error: ApiErrorBody['error'] = { code, message };
  if (field !== undefined) error.field = field;
  if (opts.fields) error.fields = opts.fields;
  return json(status, { error }, opts.headers);
}

export function unauthorized(
  message = 'Send a valid API token: Authorization: Bearer vs_…',
): Response {
  return apiError(401, 'unauthorized', message, {
    headers: { 'www-authenticate': 'Bearer realm="valuestream"' },
  });
}

/** Thrown below a handler to answer with this response instead of carrying on. */
export class ApiResponseError extends Error {
  constructor(readonly response: Response) {
    super(`API response ${response.status}`);
    this.name = 'ApiResponseError';
  }
}
